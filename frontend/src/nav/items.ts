import type { NavItem } from './model';

/**
 * Every view of the app, in menu order within its group. A new view adds one
 * entry here; the shell builds its menu item and route from it.
 */
export const navItems: readonly NavItem[] = [
  {
    id: 'settings',
    group: 'configuration',
    label: 'Settings',
    icon: 'Settings',
    route: '/settings',
    requiresSettings: false,
    load: () => import('../views/Settings/Settings').then((m) => m.Settings),
  },
  {
    id: 'about',
    group: 'configuration',
    label: 'About',
    icon: 'Info',
    route: '/about',
    requiresSettings: false,
    load: () => import('../views/About/About').then((m) => m.About),
  },
];

/** The view the app opens on, as the guide describes. */
export const homeRoute = '/about';
export const settingsRoute = '/settings';

export function navItem(id: string): NavItem {
  const item = navItems.find((i) => i.id === id);
  if (!item) throw new Error(`No nav item "${id}"`);
  return item;
}
