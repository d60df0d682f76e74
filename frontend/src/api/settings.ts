import { apperr, type settings } from '../wailsjs/go/models';
import * as SettingsService from '../wailsjs/go/app/SettingsService';
import { call } from './call';
import type { ConnectionInfo, ProxyInput, ServerInput, SettingsView } from './types';

export const settingsApi = {
  get: (): Promise<SettingsView> => call(SettingsService.Get),
  save: (input: ServerInput): Promise<SettingsView> => call(() => SettingsService.Save(input)),
  addProfile: (name: string): Promise<SettingsView> => call(() => SettingsService.AddProfile(name)),
  renameProfile: (id: string, name: string): Promise<SettingsView> => call(() => SettingsService.RenameProfile(id, name)),
  deleteProfile: (id: string): Promise<SettingsView> => call(() => SettingsService.DeleteProfile(id)),
  switchProfile: (id: string): Promise<SettingsView> => call(() => SettingsService.SwitchProfile(id)),
  setTheme: (theme: settings.Theme): Promise<SettingsView> => call(() => SettingsService.SetTheme(theme)),
  setNavCollapsed: (collapsed: boolean): Promise<SettingsView> => call(() => SettingsService.SetNavCollapsed(collapsed)),
  /** Checks the unsaved form values. */
  testConnection: (input: ServerInput): Promise<ConnectionInfo> => call(() => SettingsService.TestConnection(input)),
  /**
   * Health of the active profile's server. The header polls it in the
   * background, so it never opens a dialog the user did not ask for.
   */
  status: (): Promise<ConnectionInfo> =>
    call(SettingsService.Status, { skipRecovery: [apperr.Code.LOGIN_REQUIRED, apperr.Code.TLS_UNTRUSTED] }),
  /** Pins a server certificate (SHA-256 fingerprint) for the active profile; '' forgets it. */
  trustCertificate: (fingerprint: string): Promise<SettingsView> => call(() => SettingsService.TrustCertificate(fingerprint)),
  /** Native open dialog for a PEM file of CA certificates; cancelling changes nothing. */
  chooseCAFile: (): Promise<SettingsView> => call(SettingsService.ChooseCAFile),
  /** '' removes the CA file. */
  setCAFile: (path: string): Promise<SettingsView> => call(() => SettingsService.SetCAFile(path)),
  /** The active profile's proxy choice and proxy user. */
  setProxy: (input: ProxyInput): Promise<SettingsView> => call(() => SettingsService.SetProxy(input)),
  /** Keeps the proxy user's password in the OS keyring; '' forgets it. */
  setProxyPassword: (password: string): Promise<void> => call(() => SettingsService.SetProxyPassword(password)),
};
