import * as SystemService from '../wailsjs/go/app/SystemService';
import { call } from './call';
import { toAboutInfo, toConnectionInfo, toDiagnostics } from './convert';
import type { AboutInfo, ConnectionInfo, Diagnostics } from './types';

export const systemApi = {
  about: (): Promise<AboutInfo> => call(SystemService.About).then(toAboutInfo),
  serverInfo: (): Promise<ConnectionInfo> => call(SystemService.ServerInfo).then(toConnectionInfo),
  /** Health, certificate, login and every read endpoint of the active server, probed one by one. */
  diagnostics: (): Promise<Diagnostics> => call(SystemService.Diagnostics).then(toDiagnostics),
  openLogFolder: (): Promise<void> => call(SystemService.OpenLogFolder),
};
