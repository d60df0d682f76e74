import * as SettingsService from '../wailsjs/go/app/SettingsService';
import { call } from './call';
import { toConnectionInfo, toSettingsView } from './convert';
import type { ConnectionInfo, ServerInput, SettingsView, ThemePreference } from './types';

export const settingsApi = {
  get: (): Promise<SettingsView> => call(SettingsService.Get).then(toSettingsView),
  save: (input: ServerInput): Promise<SettingsView> => call(() => SettingsService.Save(input)).then(toSettingsView),
  addProfile: (name: string): Promise<SettingsView> =>
    call(() => SettingsService.AddProfile(name)).then(toSettingsView),
  renameProfile: (id: string, name: string): Promise<SettingsView> =>
    call(() => SettingsService.RenameProfile(id, name)).then(toSettingsView),
  deleteProfile: (id: string): Promise<SettingsView> =>
    call(() => SettingsService.DeleteProfile(id)).then(toSettingsView),
  switchProfile: (id: string): Promise<SettingsView> =>
    call(() => SettingsService.SwitchProfile(id)).then(toSettingsView),
  setTheme: (theme: ThemePreference): Promise<SettingsView> =>
    call(() => SettingsService.SetTheme(theme)).then(toSettingsView),
  setNavCollapsed: (collapsed: boolean): Promise<SettingsView> =>
    call(() => SettingsService.SetNavCollapsed(collapsed)).then(toSettingsView),
  /** Checks the unsaved form values. */
  testConnection: (input: ServerInput): Promise<ConnectionInfo> =>
    call(() => SettingsService.TestConnection(input)).then(toConnectionInfo),
  /**
   * Health of the active profile's server. The header polls it in the
   * background, so it never opens a dialog the user did not ask for.
   */
  status: (): Promise<ConnectionInfo> =>
    call(SettingsService.Status, { skipRecovery: ['login_required', 'tls_untrusted'] }).then(toConnectionInfo),
  /** Pins a server certificate (SHA-256 fingerprint) for the active profile; '' forgets it. */
  trustCertificate: (fingerprint: string): Promise<SettingsView> =>
    call(() => SettingsService.TrustCertificate(fingerprint)).then(toSettingsView),
  /** Native open dialog for a PEM file of CA certificates; cancelling changes nothing. */
  chooseCAFile: (): Promise<SettingsView> => call(SettingsService.ChooseCAFile).then(toSettingsView),
  /** '' removes the CA file. */
  setCAFile: (path: string): Promise<SettingsView> => call(() => SettingsService.SetCAFile(path)).then(toSettingsView),
};
