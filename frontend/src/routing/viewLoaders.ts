import type { ComponentType } from 'react';
import type { ViewId } from '../nav/routes';

/**
 * Loads each view on its first visit, so start-up only pays for the shell.
 * Only the router may import this file: it reaches every view, so a view (or
 * anything a view uses) importing it would close an import cycle through all
 * of them. Typed by ViewId, so a view without a loader does not compile.
 */
export const viewLoaders: Readonly<Record<ViewId, () => Promise<ComponentType>>> = {
  settings: () => import('../views/Settings/Settings').then((m) => m.Settings),
  about: () => import('../views/About/About').then((m) => m.About),
  login: () => import('../views/Login/Login').then((m) => m.Login),
  resetPassword: () => import('../views/ResetPassword/ResetPassword').then((m) => m.ResetPassword),
  properties: () => import('../views/Properties/Properties').then((m) => m.Properties),
  features: () => import('../views/Features/Features').then((m) => m.Features),
  pools: () => import('../views/Pools/Pools').then((m) => m.Pools),
  devices: () => import('../views/Devices/Devices').then((m) => m.Devices),
  reservations: () => import('../views/Reservations/Reservations').then((m) => m.Reservations),
  onlineUpdates: () => import('../views/OnlineUpdates/OnlineUpdates').then((m) => m.OnlineUpdates),
  offlineUpdates: () => import('../views/OfflineUpdates/OfflineUpdates').then((m) => m.OfflineUpdates),
  clientKey: () => import('../views/ClientKey/ClientKey').then((m) => m.ClientKey),
  dashboard: () => import('../views/Dashboard/Dashboard').then((m) => m.Dashboard),
  activity: () => import('../views/Activity/Activity').then((m) => m.Activity),
};
