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
  /** Whose password is saved in the OS credential store for this profile; '' for none. */
  rememberedUser: string;
  /** SHA-256 fingerprint of a server certificate the user chose to trust; '' for none. */
  pinnedFingerprint: string;
  /** A PEM file of CA certificates trusted for this profile; '' for the system's. */
  caFile: string;
}

export interface SettingsView {
  profiles: Profile[];
  activeProfileId: string;
  active: Profile;
  pageSize: number;
  theme: ThemePreference;
  /** The navigation drawer shows icons only. */
  navCollapsed: boolean;
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

export interface SessionState {
  profileId: string;
  /** False until the server answered a health check, so the security mode is unknown. */
  securityKnown: boolean;
  securityEnabled: boolean;
  loggedIn: boolean;
  user: string;
  roles: string[];
  /** ISO-8601; '' when the server gave no expiry. */
  expiresAt: string;
  /** The server wants a new password before anything else (Reset Password's first-time mode). */
  passwordChangeRequired: boolean;
  rememberedUser: string;
  /** The last session ended after idleTimeoutMinutes without activity. */
  timedOut: boolean;
  idleTimeoutMinutes: number;
  /** Why the server could not be asked, or a saved password not used or kept; '' when all went well. */
  problem: string;
}

export interface LoginInput {
  user: string;
  password: string;
  /** Keep the password in the OS credential store; false also deletes one saved before. */
  remember: boolean;
}

export interface PasswordInput {
  user: string;
  /** Needed only when not logged in or on a first login. */
  current: string;
  new: string;
  confirm: string;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** ISO-8601 */
  notBefore: string;
  notAfter: string;
  /** SHA-256 as colon-separated upper-case hex. */
  fingerprint: string;
  selfSigned: boolean;
  dnsNames: string[];
}

export type Evidence = 'documented' | 'observed' | 'assumed';
export type ProbeOutcome = 'supported' | 'not_supported' | 'access_denied' | 'login_required' | 'not_found' | 'error' | 'skipped';

export interface EndpointProbe {
  op: string;
  label: string;
  path: string;
  evidence: Evidence;
  outcome: ProbeOutcome;
  message: string;
}

export interface Diagnostics {
  profileName: string;
  url: string;
  reachable: boolean;
  problem: string;
  version: string;
  instanceId: string;
  securityEnabled: boolean;
  loggedInAs: string;
  roles: string[];
  /** Only for HTTPS servers whose certificate could be fetched. */
  certificate: CertificateInfo | null;
  endpoints: EndpointProbe[];
  checkedAt: string;
}
