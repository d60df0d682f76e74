/**
 * The shapes the views work with. They mirror the generated Wails models but
 * narrow the string enums, so views can switch on them exhaustively.
 */
export type ServerType = 'local' | 'cls';
export type ThemePreference = 'system' | 'light' | 'dark';

export interface Profile {
  id: string;
  name: string;
  host: string;
  serverType: ServerType;
  port: number;
  instanceId: string;
  https: boolean;
  /** The built-in demo server of --demo: fixed server fields, never saved. */
  demo: boolean;
}

export interface SettingsView {
  profiles: Profile[];
  activeProfileId: string;
  active: Profile;
  pageSize: number;
  theme: ThemePreference;
  /** The guide's rule: until true, only Settings and About are usable. */
  complete: boolean;
  /** One-time message, such as a corrupt settings file that was set aside. */
  notice: string;
}

export interface ServerInput {
  pageSize: number;
  host: string;
  serverType: ServerType;
  port: number;
  instanceId: string;
  https: boolean;
}

export interface ConnectionInfo {
  url: string;
  version: string;
  instanceId: string;
  securityEnabled: boolean;
  checkedAt: string;
}

export interface BuildInfo {
  productName: string;
  companyName: string;
  copyright: string;
  comments: string;
  version: string;
  commit: string;
  buildDate: string;
  goVersion: string;
  os: string;
  arch: string;
}

export interface AboutInfo {
  build: BuildInfo;
  webViewEngine: string;
  webViewVersion: string;
  logFolder: string;
  settingsFile: string;
  demoMode: boolean;
}
