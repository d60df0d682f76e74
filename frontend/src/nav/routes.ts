/**
 * Where each view lives: the one spelling of every route. The menu, the
 * router and every link between views take their paths from here, so this
 * file imports nothing (a view may import it without reaching the others).
 */
export const routes = {
  settings: '/settings',
  about: '/about',
  login: '/login',
  resetPassword: '/reset-password',
  properties: '/properties',
  features: '/features',
  pools: '/pools',
  devices: '/devices',
  reservations: '/reservations',
  onlineUpdates: '/online-updates',
  offlineUpdates: '/offline-updates',
  clientKey: '/client-key',
  dashboard: '/dashboard',
  activity: '/activity',
} as const satisfies Record<string, `/${string}`>;

/** A view of the app: a nav item's id, the key of its route. */
export type ViewId = keyof typeof routes;

/**
 * The view the app opens on, as the guide describes; the history settings
 * may choose the Dashboard instead (AppRoutes follows that choice).
 */
export const homeRoute = routes.about;
