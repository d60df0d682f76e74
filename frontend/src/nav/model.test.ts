import type { NavItem } from './model';
import { navIcons } from './icons';
import { navItems } from './items';
import { navGroups, navSections } from './model';
import { routes } from './routes';

const item = (id: NavItem['id'], group: NavItem['group'], label: string): NavItem => ({
  id,
  group,
  label,
  icon: 'Info',
  route: routes[id],
  requiresSettings: true,
});

describe('nav model', () => {
  it('has the app’s Monitoring group first, then the guide’s groups in the guide’s order', () => {
    expect(navGroups.map((g) => g.label)).toEqual([
      'Monitoring',
      'License Manager Configuration',
      'License Server Setup',
      'Features',
      'Named License Pools',
      'Devices',
      'Reservations',
      'Back Office Operations',
    ]);
  });

  it('lists Dashboard then Activity under Monitoring, Settings then About under License Manager Configuration, and Login then Reset Password first under License Server Setup', () => {
    const sections = navSections(navItems);
    expect(sections[0].group.label).toBe('Monitoring');
    expect(sections[0].showHeader).toBe(true);
    expect(sections[0].items.map((i) => [i.label, i.route, i.icon])).toEqual([
      ['Dashboard', '/dashboard', 'Dashboard'],
      ['Activity', '/activity', 'History'],
    ]);
    expect(sections[1].group.label).toBe('License Manager Configuration');
    expect(sections[1].showHeader).toBe(true);
    expect(sections[1].items.map((i) => i.label)).toEqual(['Settings', 'About']);
    const setup = sections.find((s) => s.group.id === 'serverSetup');
    expect(setup?.showHeader).toBe(true);
    expect(setup?.items.slice(0, 2).map((i) => [i.label, i.route, i.icon])).toEqual([
      ['Login', '/login', 'Login'],
      ['Reset Password', '/reset-password', 'LockReset'],
    ]);
  });

  it('lets only Settings and About, and the history views, open before the settings are complete', () => {
    expect(navItems.filter((i) => !i.requiresSettings).map((i) => i.id)).toEqual(['settings', 'about', 'dashboard', 'activity']);
  });

  it('lists the guide’s items first, so that a producer’s data.json keeps their places', () => {
    expect(navItems.slice(0, 3).map((i) => i.id)).toEqual(['settings', 'about', 'login']);
    expect(navItems.slice(-2).map((i) => i.id)).toEqual(['dashboard', 'activity']);
  });

  it('has unique ids and routes', () => {
    expect(new Set(navItems.map((i) => i.id)).size).toBe(navItems.length);
    expect(new Set(navItems.map((i) => i.route)).size).toBe(navItems.length);
  });

  it('has one item per route, at the route of its id', () => {
    expect(navItems.map((i) => i.id).sort()).toEqual(Object.keys(routes).sort());
    for (const navItem of navItems) expect(navItem.route, navItem.id).toBe(routes[navItem.id]);
  });

  it('resolves every icon name used by an item', () => {
    for (const navItem of navItems) {
      expect(navIcons[navItem.icon], navItem.icon).toBeDefined();
    }
  });

  it('orders sections by the guide regardless of registration order and drops empty groups', () => {
    const sections = navSections([
      item('onlineUpdates', 'backOffice', 'Online Server Updates'),
      item('features', 'features', 'Features'),
      item('login', 'serverSetup', 'Login'),
      item('properties', 'serverSetup', 'Properties'),
    ]);
    expect(sections.map((s) => s.group.id)).toEqual(['serverSetup', 'features', 'backOffice']);
    expect(sections[0].items.map((i) => i.id)).toEqual(['login', 'properties']);
  });

  it('shows no header for a group that holds one item of the same name', () => {
    const sections = navSections([item('features', 'features', 'Features'), item('onlineUpdates', 'backOffice', 'Online Server Updates')]);
    expect(sections.map((s) => s.showHeader)).toEqual([false, true]);
  });
});
