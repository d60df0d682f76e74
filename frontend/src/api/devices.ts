import * as DevicesService from '../wailsjs/go/app/DevicesService';
import { call } from './call';
import type { ListQuery } from './listing';
import type { DeviceDetail, DevicesPage } from './types';

export const devicesApi = {
  /** One page of devices; a refresh reads the server again under the operation op. */
  list: (q: ListQuery, refresh: boolean, op = ''): Promise<DevicesPage> => call(() => DevicesService.List(q, refresh, op)),
  get: (id: number): Promise<DeviceDetail> => call(() => DevicesService.Get(id)),
  delete: (id: number): Promise<void> => call(() => DevicesService.Delete(id)),
  export: (q: ListQuery, columns: string[]): Promise<string> => call(() => DevicesService.Export(q, columns)),
};
