import {
  apperr,
  fne,
  history,
  settings,
  usage,
  type AboutInfo,
  type AlertRow,
  type AlertRules,
  type AuditEntry,
  type FeatureUsage,
  type HeatCell,
  type HistoryStatus,
  type ProfileUsage,
  type UsageExpiry,
  type UsageOverview,
  type UsageSeries,
  type CertificateInfo,
  type ConnectionInfo,
  type Diagnostics,
  type PendingReservation,
  type Profile,
  type ReservationValidation,
  type reservations,
  type SessionState,
  type SettingsView,
} from '../api';

export function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'p1',
    name: 'Production',
    host: 'lls01.corp.example',
    serverType: settings.ServerType.LOCAL,
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

/** Go's key of a profile's connection (connect.Key): it changes with the server and with what is trusted. */
export function connectionKey(p: Profile): string {
  return [p.id, p.host, p.serverType, p.port, p.instanceId, p.https, p.pinnedFingerprint, p.caFile].join('|');
}

export function settingsView(active: Profile = profile(), overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    profiles: [active],
    activeProfileId: active.id,
    active,
    connectionKey: connectionKey(active),
    pageSize: 50,
    theme: settings.Theme.LIGHT,
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
    proxy: 'direct (no proxy configured)',
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
    keptFolder: 'C:\\Users\\ada\\AppData\\Roaming\\LicenseServerManager\\Kept reservation groups',
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
    demoAccounts: [],
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
    pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    ...overrides,
  };
}

export function diagnostics(overrides: Partial<Diagnostics> = {}): Diagnostics {
  return {
    profileName: 'Production',
    url: 'https://lls01.corp.example:7070',
    proxy: 'direct (no proxy configured)',
    serverType: settings.ServerType.LOCAL,
    reachable: true,
    problem: '',
    version: '2025.10.0',
    instanceId: 'INST-1234',
    securityEnabled: true,
    loggedInAs: 'reader',
    roles: ['ROLE_READ'],
    certificate: certificate(),
    endpoints: [
      {
        op: 'health',
        label: 'a health check',
        method: 'GET',
        path: '/health',
        evidence: fne.Evidence.OBSERVED,
        outcome: fne.ProbeOutcome.SUPPORTED,
        message: '',
        answer: { outcome: fne.ProbeOutcome.SUPPORTED, status: 200, contentType: 'application/json; charset=utf-8', shape: 'object', fields: [], indented: false },
      },
      {
        op: 'featureSummaries',
        label: 'feature summaries',
        method: 'GET',
        path: '/features/summaries',
        evidence: fne.Evidence.OBSERVED,
        outcome: fne.ProbeOutcome.NOT_SUPPORTED,
        message: 'This server does not offer feature summaries (server version 2025.10.0).',
        answer: { outcome: fne.ProbeOutcome.NOT_SUPPORTED, status: 404, contentType: 'text/html', shape: 'text', fields: [], indented: false },
      },
      {
        op: 'capabilityRequest',
        label: 'offline capability requests',
        method: 'GET',
        path: '/capability_request',
        evidence: fne.Evidence.ASSUMED,
        outcome: fne.ProbeOutcome.ACCESS_DENIED,
        message: 'Access denied to offline capability requests. It needs the ROLE_OFFLINE role.',
      },
      { op: 'model', label: 'model definitions', method: 'GET', path: '/model', evidence: fne.Evidence.ASSUMED, outcome: fne.ProbeOutcome.NOT_FOUND, message: 'There is no model definition.' },
      {
        op: 'feature',
        label: 'single feature records',
        method: 'GET',
        path: '/features/{id}',
        evidence: fne.Evidence.DOCUMENTED,
        outcome: fne.ProbeOutcome.SKIPPED,
        message: 'Not probed: it needs a record ID; it is used when you open a record.',
      },
      { op: 'clients', label: 'a device list', method: 'GET', path: '/clients', evidence: fne.Evidence.OBSERVED, outcome: fne.ProbeOutcome.LOGIN_REQUIRED, message: 'Please log in.' },
      { op: 'partitions', label: 'named license pools', method: 'GET', path: '/partitions', evidence: fne.Evidence.ASSUMED, outcome: fne.ProbeOutcome.ERROR, message: 'The server answered 500.' },
    ],
    traits: ['Counts are sent as JSON numbers.', 'No feature summaries: the app adds the feature records up.'],
    checkedAt: '2026-01-01T12:00:00Z',
    ...overrides,
  };
}

/** The problems of a single form's invalid_input, one per input, as Go's apperr.FieldProblem makes them. */
export function fieldProblems(fields: Record<string, string>, code = 'format'): apperr.Item[] {
  return Object.entries(fields).map(([field, message]) => ({ item: '', field, code, message }));
}

/** A problem of one item of a batch: a row's position ('0', '1', ...) or a setting's name. */
export function itemProblem(item: string, field: string, message: string, code = 'format'): apperr.Item {
  return { item, field, code, message };
}

/**
 * Go's check of pending rows that are all valid (operations.Validate): rows
 * whose group names are the same but for case and surrounding space form
 * one group, named as first written, and groupOf gives each row's group.
 */
export function validation(pending: readonly PendingReservation[], overrides: Partial<ReservationValidation> = {}): ReservationValidation {
  const groups: reservations.Group[] = [];
  const at = new Map<string, number>();
  const groupOf = pending.map((p) => {
    const name = p.groupName.trim();
    let index = at.get(name.toLowerCase());
    if (index === undefined) {
      index = groups.length;
      at.set(name.toLowerCase(), index);
      groups.push({ name, reservations: [] });
    }
    const group = groups[index];
    let reservation = group.reservations.find((r) => r.hostId.value === p.deviceId && r.hostId.type === p.idType);
    if (!reservation) {
      reservation = { hostId: { value: p.deviceId, type: p.idType }, reservationEntries: [] };
      group.reservations.push(reservation);
    }
    reservation.reservationEntries.push({ featureName: p.featureName.trim(), featureVersion: p.version.trim(), featureCount: p.count });
    return index;
  });
  return { valid: pending.length > 0, problems: [], groups, groupOf, modelActive: false, modelMessage: '', ...overrides };
}

/** The alert rules of a new installation (usage.DefaultRules). */
export function alertRules(overrides: Partial<AlertRules> = {}): AlertRules {
  return {
    busy: { on: true, percent: 90, minutes: 15 },
    full: { on: true },
    expiry: { on: true, days: 30 },
    unreachable: { on: true, minutes: 10 },
    overdraft: { on: true },
    features: [],
    ...overrides,
  };
}

/** The usage history in use, sampling every 5 minutes, opening on About. */
export function historyStatus(overrides: Partial<HistoryStatus> = {}): HistoryStatus {
  return {
    available: true,
    problem: '',
    file: '/home/ada/.local/share/LicenseServerManager/history.db',
    input: { history: { intervalMinutes: 5, retentionDays: 365, rules: alertRules() }, startView: 'about' },
    profiles: [
      { profileId: 'p1', name: 'Production', record: true },
      { profileId: 'p2', name: 'Lab server', record: false },
    ],
    unseen: 0,
    bounds: { minIntervalMinutes: 1, maxIntervalMinutes: 60, minRetentionDays: 30, maxRetentionDays: 3650 },
    ...overrides,
  };
}

/** The history file cannot be used: every call but Status fails with this message. */
export const HISTORY_PROBLEM = 'The usage history file /home/ada/.local/share/LicenseServerManager/history.db cannot be opened: database is locked.';

export function profileUsage(overrides: Partial<ProfileUsage> = {}): ProfileUsage {
  return {
    profileId: 'p1',
    name: 'Production',
    active: true,
    collecting: true,
    note: '',
    reachable: true,
    version: '2025.10.0',
    lastSample: '2026-03-02T09:55:00Z',
    lastReached: '2026-03-02T09:55:00Z',
    responseMs: 42,
    problem: '',
    openAlerts: 1,
    ...overrides,
  };
}

export function featureUsage(overrides: Partial<FeatureUsage> = {}): FeatureUsage {
  return {
    profileId: 'p1',
    profile: 'Production',
    name: '3D_Rendering',
    version: '3.2',
    used: 46,
    total: 50,
    utilisation: 0.92,
    fullSeconds: 0,
    ...overrides,
  };
}

export function usageExpiry(overrides: Partial<UsageExpiry> = {}): UsageExpiry {
  return {
    profileId: 'p1',
    profile: 'Production',
    name: 'Animation',
    version: '2022.1',
    seats: 20,
    rest: 5,
    uncounted: false,
    restUncounted: false,
    expires: '2026-03-20T00:00:00Z',
    days: 18,
    ...overrides,
  };
}

export function usageOverview(overrides: Partial<UsageOverview> = {}): UsageOverview {
  return {
    profiles: [
      profileUsage(),
      profileUsage({
        profileId: 'p2',
        name: 'Lab server',
        active: false,
        collecting: false,
        note: 'Not collecting: log in to this server and tick Remember, so the history can log in on its own.',
        reachable: false,
        version: '2024.06.0',
        problem: 'Cannot reach http://lab01:7070: connection refused',
        lastReached: '2026-03-01T17:00:00Z',
        responseMs: 0,
        openAlerts: 0,
      }),
    ],
    nearCapacity: [featureUsage()],
    fullLastWeek: [featureUsage({ name: 'Mesh_Repair', version: '1.5', used: 10, total: 10, utilisation: 1, fullSeconds: 8100 })],
    expiries: [
      usageExpiry(),
      usageExpiry({ name: 'Rotation', version: '6.1', seats: 10, rest: 0, expires: '2026-04-25T00:00:00Z', days: 54 }),
      usageExpiry({ name: 'VR_MODE', version: '2.0', seats: 5, rest: 15, expires: '2026-05-20T00:00:00Z', days: 79 }),
    ],
    threshold: 90,
    generatedAt: '2026-03-02T10:00:00Z',
    ...overrides,
  };
}

/** Every hour of the week, with the hours of Monday 09:00 and Tuesday 14:00 covered. */
export function heatCells(): HeatCell[] {
  return Array.from({ length: 168 }, (_, i) => {
    const day = Math.floor(i / 24);
    const hour = i % 24;
    const covered = (day === 0 && hour === 9) || (day === 1 && hour === 14);
    return { day, hour, covered, utilisation: covered ? (day === 0 ? 0.85 : 1) : 0 };
  });
}

export function usageSeries(overrides: Partial<UsageSeries> = {}): UsageSeries {
  return {
    query: { profileId: 'p1', name: '3D_Rendering', version: '3.2', from: '2026-03-01T10:00:00Z', to: '2026-03-02T10:00:00Z' },
    resolution: 'hourly',
    points: [
      { at: '2026-03-02T07:00:00Z', mean: 30.5, min: 28, max: 33, total: 50 },
      { at: '2026-03-02T08:00:00Z', mean: 44, min: 40, max: 48, total: 50 },
      { at: '2026-03-02T09:00:00Z', mean: 47.2, min: 45, max: 50, total: 50 },
    ],
    stats: { peak: 50, mean: 40.6, p95: 49, fullSeconds: 900, coveredSeconds: 86_100 },
    heat: heatCells(),
    exact: true,
    ...overrides,
  };
}

export function alertRow(overrides: Partial<AlertRow['alert']> = {}, profileName = 'Production'): AlertRow {
  return {
    alert: {
      id: 7,
      profileId: 'p1',
      rule: usage.RuleKind.FULL,
      subject: 'Mesh_Repair 1.5',
      message: 'Every seat of Mesh_Repair 1.5 is in use (10 of 10): new requests may be denied.',
      openedAt: '2026-03-02T09:40:00Z',
      clearedAt: null,
      seen: false,
      ...overrides,
    },
    profile: profileName,
  };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 1,
    at: '2026-03-02T09:12:00Z',
    profileId: 'p1',
    profile: 'Production',
    server: 'lls01.corp.example:7070',
    user: 'admin',
    operation: 'login',
    summary: 'Logged in as admin',
    outcome: history.Outcome.DONE,
    code: '',
    tool: 'app',
    ...overrides,
  };
}
