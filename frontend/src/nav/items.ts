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
  {
    id: 'login',
    group: 'serverSetup',
    label: 'Login',
    icon: 'Login',
    route: '/login',
    requiresSettings: true,
    load: () => import('../views/Login/Login').then((m) => m.Login),
  },
  {
    id: 'resetPassword',
    group: 'serverSetup',
    label: 'Reset Password',
    icon: 'LockReset',
    route: '/reset-password',
    requiresSettings: true,
    load: () => import('../views/ResetPassword/ResetPassword').then((m) => m.ResetPassword),
  },
  {
    id: 'properties',
    group: 'serverSetup',
    label: 'Properties',
    icon: 'Tune',
    route: '/properties',
    requiresSettings: true,
    load: () => import('../views/Properties/Properties').then((m) => m.Properties),
  },
  {
    id: 'features',
    group: 'features',
    label: 'Features',
    icon: 'Inventory2',
    route: '/features',
    requiresSettings: true,
    load: () => import('../views/Features/Features').then((m) => m.Features),
  },
  {
    id: 'pools',
    group: 'pools',
    label: 'Named License Pools',
    icon: 'Workspaces',
    route: '/pools',
    requiresSettings: true,
    load: () => import('../views/Pools/Pools').then((m) => m.Pools),
  },
  {
    id: 'devices',
    group: 'devices',
    label: 'Devices',
    icon: 'Devices',
    route: '/devices',
    requiresSettings: true,
    load: () => import('../views/Devices/Devices').then((m) => m.Devices),
  },
  {
    id: 'reservations',
    group: 'reservations',
    label: 'Reservations',
    icon: 'EventSeat',
    route: '/reservations',
    requiresSettings: true,
    load: () => import('../views/Reservations/Reservations').then((m) => m.Reservations),
  },
  {
    id: 'onlineUpdates',
    group: 'backOffice',
    label: 'Online Server Updates',
    icon: 'CloudSync',
    route: '/online-updates',
    requiresSettings: true,
    load: () => import('../views/OnlineUpdates/OnlineUpdates').then((m) => m.OnlineUpdates),
  },
  {
    id: 'offlineUpdates',
    group: 'backOffice',
    label: 'Offline Server Updates',
    icon: 'SyncAlt',
    route: '/offline-updates',
    requiresSettings: true,
    load: () => import('../views/OfflineUpdates/OfflineUpdates').then((m) => m.OfflineUpdates),
  },
  {
    id: 'clientKey',
    group: 'backOffice',
    label: 'Client Key Operations',
    icon: 'VpnKey',
    route: '/client-key',
    requiresSettings: true,
    load: () => import('../views/ClientKey/ClientKey').then((m) => m.ClientKey),
  },
];

/** The view the app opens on, as the guide describes. */
export const homeRoute = '/about';
export const settingsRoute = '/settings';
export const loginRoute = '/login';
export const resetPasswordRoute = '/reset-password';

export function navItem(id: string): NavItem {
  const item = navItems.find((i) => i.id === id);
  if (!item) throw new Error(`No nav item "${id}"`);
  return item;
}
