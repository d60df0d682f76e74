import type { app } from '../wailsjs/go/models';
import * as DevicesService from '../wailsjs/go/app/DevicesService';
import { call } from './call';
import type { ListPage, ListQuery } from './listing';

export type DeviceType = 'physical' | 'virtual' | 'unknown';

/** One client device the server has served. */
export interface Device {
  id: number;
  deviceId: string;
  idType: string;
  deviceType: DeviceType;
  alias: string;
  status: string;
  expiry: string;
  expiringSoon: boolean;
  updated: string;
}

export interface ConsumedFeature {
  feature: string;
  version: string;
  count: number;
  expiry: string;
}

/** The Device Details page. */
export interface DeviceDetail extends Device {
  hostType: string;
  serverHostId: string;
  correlationId: string;
  trusted: boolean;
  requestOperation: string;
  /** When all features currently checked out on the device expire. */
  deviceExpiry: string;
  consumed: ConsumedFeature[];
}

const deviceTypes: readonly DeviceType[] = ['physical', 'virtual', 'unknown'];

const toDevice = (d: app.DeviceRow): Device => ({
  id: d.id,
  deviceId: d.deviceId,
  idType: d.idType,
  deviceType: deviceTypes.find((t) => t === d.deviceType) ?? 'unknown',
  alias: d.alias,
  status: d.status,
  expiry: d.expiry,
  expiringSoon: d.expiringSoon,
  updated: d.updated,
});

const toDetail = (d: app.DeviceDetail): DeviceDetail => ({
  ...toDevice(d),
  hostType: d.hostType,
  serverHostId: d.serverHostId,
  correlationId: d.correlationId,
  trusted: d.trusted,
  requestOperation: d.requestOperation,
  deviceExpiry: d.deviceExpiry,
  consumed: (d.consumed ?? []).map((f) => ({ feature: f.feature, version: f.version, count: f.count, expiry: f.expiry })),
});

export const devicesApi = {
  /** One page of devices; the search matches device ID or alias. refresh fetches the list from the server again. */
  list: (q: ListQuery, refresh: boolean): Promise<ListPage<Device>> =>
    call(() => DevicesService.List(q, refresh)).then((p) => ({
      rows: (p.rows ?? []).map(toDevice),
      total: p.total,
      page: p.page,
      pages: p.pages,
      loadedAt: p.loadedAt,
    })),
  get: (id: number): Promise<DeviceDetail> => call(() => DevicesService.Get(id)).then(toDetail),
  /** Needs ROLE_DROPCLIENT; others get access_denied naming it. */
  delete: (id: number): Promise<void> => call(() => DevicesService.Delete(id)),
  /** Saves the whole filtered, sorted list with these columns through a save dialog; '' when the user cancelled. */
  export: (q: ListQuery, columns: string[]): Promise<string> => call(() => DevicesService.Export(q, columns)),
};
