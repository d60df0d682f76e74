import * as SystemService from '../wailsjs/go/app/SystemService';
import { call } from './call';
import { toAboutInfo, toConnectionInfo } from './convert';
import type { AboutInfo, ConnectionInfo } from './types';

export const systemApi = {
  about: (): Promise<AboutInfo> => call(SystemService.About).then(toAboutInfo),
  serverInfo: (): Promise<ConnectionInfo> => call(SystemService.ServerInfo).then(toConnectionInfo),
  openLogFolder: (): Promise<void> => call(SystemService.OpenLogFolder),
};
