import type { SvgIconComponent } from '@mui/icons-material';
import PermDataSetting from '@mui/icons-material/PermDataSetting';
// The file producers start from: the frontend's defaults must be exactly it.
import sample from '../../../branding/sampleData.json';
import type { BrandingNav, BrandingView } from '../api';
import { navItems } from '../nav/items';
import { navGroups, navSections } from '../nav/model';
import { defaultBranding, mergeNav, resolveBranding, type IconSource } from './resolve';

const copy = (): BrandingNav => structuredClone(sample);
// Go sends nav null when data.json was not accepted; the model types it as absent.
const view = (nav: BrandingNav | undefined, problems: string[] = []): BrandingView => ({ logoDataUrl: '', nav, problems, dir: '/opt/lsm/branding' });

function registry(known: Record<string, SvgIconComponent>) {
  const source: IconSource = {
    isIconName: (name) => name in known,
    loadIcon: vi.fn((name: string) => Promise.resolve(known[name])),
  };
  return { source, load: vi.fn(() => Promise.resolve(source)) };
}

describe('branding', () => {
  it('ships a sampleData.json equal to the app’s navigation', () => {
    expect(sample.groups).toEqual(navGroups.map(({ id, label }) => ({ id, label })));
    expect(sample.items).toEqual(navItems.map(({ id, group, label, icon, route }) => ({ id, group, label, icon, route })));
  });

  it('merges labels and icons by id and keeps routes and views', async () => {
    const nav = copy();
    nav.items[0].label = 'Preferences';
    nav.items[3].icon = 'PermDataSetting';
    nav.groups[1].label = 'Configuration';
    const { source, load } = registry({ PermDataSetting });
    const b = await resolveBranding(view(nav), load);
    expect(b.problems).toEqual([]);
    expect(b.items[0]).toMatchObject({ id: 'settings', label: 'Preferences', icon: 'Settings', route: '/settings', requiresSettings: false });
    expect(b.items[3]).toMatchObject({ id: 'resetPassword', label: 'Reset Password', icon: 'PermDataSetting' });
    expect(b.extraIcons).toEqual({ PermDataSetting });
    expect(source.loadIcon).toHaveBeenCalledTimes(1);
    expect(navSections(b.items, b.groups)[1]).toMatchObject({ group: { id: 'configuration', label: 'Configuration' }, showHeader: true });
  });

  it('does not load the icon registry when only default icons are used', async () => {
    const nav = copy();
    nav.items[5].icon = 'VpnKey';
    const { load } = registry({});
    const b = await resolveBranding(view(nav), load);
    expect(load).not.toHaveBeenCalled();
    expect(b.items[5].icon).toBe('VpnKey');
  });

  it('rejects the whole file for an unknown icon name, naming the place', async () => {
    const nav = copy();
    nav.items[0].label = 'Preferences';
    nav.items[3].icon = 'PermDataSettingIcon';
    const { load } = registry({ PermDataSetting });
    const b = await resolveBranding(view(nav, ['logo.gif: not used']), load);
    expect(b.items).toBe(defaultBranding.items);
    expect(b.groups).toBe(defaultBranding.groups);
    expect(b.problems).toEqual(['logo.gif: not used', expect.stringMatching(new RegExp(`^data\\.json: the item "${nav.items[3].id}": icon "PermDataSettingIcon" is not a Material UI icon`))]);
  });

  it('passes the logo and the Go side’s problems through with the default nav', async () => {
    const b = await resolveBranding({ ...view(undefined, ['data.json: items[3].route: only "label" and "icon" may be changed']), logoDataUrl: 'data:image/png;base64,AA==' });
    expect(b).toMatchObject({ items: navItems, logoDataUrl: 'data:image/png;base64,AA==', problems: ['data.json: items[3].route: only "label" and "icon" may be changed'] });
  });

  it('mergeNav leaves items the file does not name as they are', () => {
    expect(mergeNav({ groups: [], items: [] }).items).toEqual(navItems);
  });
});
