import * as PropertiesService from '../wailsjs/go/app/PropertiesService';
import { call } from './call';
import type { PropertiesView, SaveReport } from './types';

/** The setting the General Properties section edits with a choice of the server's host IDs (policy.HostIDSetting). */
export const HOST_ID_SETTING = 'server.hostid';

export const propertiesApi = {
  get: (): Promise<PropertiesView> => call(PropertiesService.Get),
  /** Sends the changed settings one at a time under the operation op; the report says what a stop left unsent. */
  save: (changes: Record<string, string>, op = ''): Promise<SaveReport> => call(() => PropertiesService.Save(changes, op)),
};
