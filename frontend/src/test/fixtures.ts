import type { AboutInfo, CertificateInfo, ConnectionInfo, Diagnostics, Profile, SessionState, SettingsView } from '../api';

export function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'p1',
    name: 'Production',
    host: 'lls01.corp.example',
    serverType: 'local',
    port: 7070,
    instanceId: '',
    https: false,
    demo: false,
    rememberedUser: '',
    pinnedFingerprint: '',
    caFile: '',
    ...overrides,
  };
}

export function settingsView(active: Profile = profile(), overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    profiles: [active],
    activeProfileId: active.id,
    active,
    pageSize: 50,
    theme: 'light',
    navCollapsed: false,
    complete: true,
    notice: '',
    ...overrides,
  };
}

export function connectionInfo(overrides: Partial<ConnectionInfo> = {}): ConnectionInfo {
  return {
    url: 'http://lls01.corp.example:7070',
    version: '2025.10.0',
    instanceId: 'INST-1234',
    securityEnabled: true,
    checkedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function aboutInfo(overrides: Partial<AboutInfo> = {}): AboutInfo {
  return {
    build: {
      productName: 'License Server Manager',
      companyName: 'Reverera',
      copyright: '© 2026 Reverera',
      comments: 'For license administrators.',
      version: '0.1.0',
      commit: 'abc1234',
      buildDate: '2026-01-02',
      goVersion: 'go1.24.1',
      os: 'windows',
      arch: 'amd64',
    },
    webViewEngine: 'WebView2',
    webViewVersion: '131.0',
    logFolder: 'C:\\Users\\ada\\AppData\\Local\\LicenseServerManager\\logs',
    settingsFile: 'C:\\Users\\ada\\AppData\\Roaming\\LicenseServerManager\\settings.json',
    demoMode: false,
    ...overrides,
  };
}

/** A secured server with admin logged in; tests override what they are about. */
export function sessionState(overrides: Partial<SessionState> = {}): SessionState {
  return {
    profileId: 'p1',
    securityKnown: true,
    securityEnabled: true,
    loggedIn: true,
    user: 'admin',
    roles: ['ROLE_ADMIN', 'ROLE_READ'],
    expiresAt: '2026-01-02T09:30:00Z',
    passwordChangeRequired: false,
    rememberedUser: '',
    timedOut: false,
    idleTimeoutMinutes: 30,
    problem: '',
    ...overrides,
  };
}

/** Not logged in on a secured server. */
export function loggedOut(overrides: Partial<SessionState> = {}): SessionState {
  return sessionState({ loggedIn: false, user: '', roles: [], expiresAt: '', ...overrides });
}

export const FINGERPRINT =
  '3F:9A:11:C2:7B:04:DE:55:90:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67';

export function certificate(overrides: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    subject: 'CN=lls01.corp.example',
    issuer: 'CN=lls01.corp.example',
    notBefore: '2025-01-01T00:00:00Z',
    notAfter: '2027-01-01T00:00:00Z',
    fingerprint: FINGERPRINT,
    selfSigned: true,
    dnsNames: ['lls01.corp.example'],
    ...overrides,
  };
}

export function diagnostics(overrides: Partial<Diagnostics> = {}): Diagnostics {
  return {
    profileName: 'Production',
    url: 'https://lls01.corp.example:7070',
    reachable: true,
    problem: '',
    version: '2025.10.0',
    instanceId: 'INST-1234',
    securityEnabled: true,
    loggedInAs: 'reader',
    roles: ['ROLE_READ'],
    certificate: certificate(),
    endpoints: [
      { op: 'health', label: 'a health check', path: '/health', evidence: 'observed', outcome: 'supported', message: '' },
      {
        op: 'featureSummaries',
        label: 'feature summaries',
        path: '/features/summaries',
        evidence: 'observed',
        outcome: 'not_supported',
        message: 'This server does not offer feature summaries.',
      },
      {
        op: 'capabilityRequest',
        label: 'offline capability requests',
        path: '/capability_request',
        evidence: 'assumed',
        outcome: 'access_denied',
        message: 'Access denied to offline capability requests. It needs the ROLE_OFFLINE role.',
      },
      { op: 'model', label: 'model definitions', path: '/model', evidence: 'assumed', outcome: 'not_found', message: 'There is no model definition.' },
      {
        op: 'feature',
        label: 'single feature records',
        path: '/features/{id}',
        evidence: 'documented',
        outcome: 'skipped',
        message: 'Not probed: it needs a record ID; it is used when you open a record.',
      },
      { op: 'clients', label: 'a device list', path: '/clients', evidence: 'observed', outcome: 'login_required', message: 'Please log in.' },
      { op: 'partitions', label: 'named license pools', path: '/partitions', evidence: 'assumed', outcome: 'error', message: 'The server answered 500.' },
    ],
    checkedAt: '2026-01-01T12:00:00Z',
    ...overrides,
  };
}
