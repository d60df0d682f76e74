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
} as const satisfies Record<string, `/${string}`>;

/** A view of the app: a nav item's id, the key of its route. */
export type ViewId = keyof typeof routes;

/** The view the app opens on, as the guide describes. */
export const homeRoute = routes.about;
