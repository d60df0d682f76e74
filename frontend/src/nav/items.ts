import type { NavItem } from './model';
import { routes } from './routes';

/**
 * Every view of the app, in menu order within its group: plain data, which
 * producer branding relabels and sampleData.json mirrors. A new view adds its
 * route to routes.ts, one entry here and its loader to routing/viewLoaders.ts;
 * the shell builds its menu item and route from them.
 */
export const navItems: readonly NavItem[] = [
  {
    id: 'settings',
    group: 'configuration',
    label: 'Settings',
    icon: 'Settings',
    route: routes.settings,
    requiresSettings: false,
  },
  {
    id: 'about',
    group: 'configuration',
    label: 'About',
    icon: 'Info',
    route: routes.about,
    requiresSettings: false,
  },
  {
    id: 'login',
    group: 'serverSetup',
    label: 'Login',
    icon: 'Login',
    route: routes.login,
    requiresSettings: true,
  },
  {
    id: 'resetPassword',
    group: 'serverSetup',
    label: 'Reset Password',
    icon: 'LockReset',
    route: routes.resetPassword,
    requiresSettings: true,
  },
  {
    id: 'properties',
    group: 'serverSetup',
    label: 'Properties',
    icon: 'Tune',
    route: routes.properties,
    requiresSettings: true,
  },
  {
    id: 'features',
    group: 'features',
    label: 'Features',
    icon: 'Inventory2',
    route: routes.features,
    requiresSettings: true,
  },
  {
    id: 'pools',
    group: 'pools',
    label: 'Named License Pools',
    icon: 'Workspaces',
    route: routes.pools,
    requiresSettings: true,
  },
  {
    id: 'devices',
    group: 'devices',
    label: 'Devices',
    icon: 'Devices',
    route: routes.devices,
    requiresSettings: true,
  },
  {
    id: 'reservations',
    group: 'reservations',
    label: 'Reservations',
    icon: 'EventSeat',
    route: routes.reservations,
    requiresSettings: true,
  },
  {
    id: 'onlineUpdates',
    group: 'backOffice',
    label: 'Online Server Updates',
    icon: 'CloudSync',
    route: routes.onlineUpdates,
    requiresSettings: true,
  },
  {
    id: 'offlineUpdates',
    group: 'backOffice',
    label: 'Offline Server Updates',
    icon: 'SyncAlt',
    route: routes.offlineUpdates,
    requiresSettings: true,
  },
  {
    id: 'clientKey',
    group: 'backOffice',
    label: 'Client Key Operations',
    icon: 'VpnKey',
    route: routes.clientKey,
    requiresSettings: true,
  },
  // Listed last so that the guide's items keep their places in data.json;
  // their group comes first in the menu.
  {
    id: 'dashboard',
    group: 'monitoring',
    label: 'Dashboard',
    icon: 'Dashboard',
    route: routes.dashboard,
    requiresSettings: false,
  },
  {
    id: 'activity',
    group: 'monitoring',
    label: 'Activity',
    icon: 'History',
    route: routes.activity,
    requiresSettings: false,
  },
];
