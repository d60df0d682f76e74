import type { app, fne, settings } from '../wailsjs/go/models';
import type {
  AboutInfo,
  CertificateInfo,
  ConnectionInfo,
  Diagnostics,
  EndpointProbe,
  Evidence,
  ProbeOutcome,
  Profile,
  SessionState,
  SettingsView,
  ThemePreference,
} from './types';

// The generated models are classes with loose string fields; views get plain
// objects with the enums narrowed.

function toProfile(p: settings.Profile): Profile {
  return {
    id: p.id,
    name: p.name,
    host: p.host,
    serverType: p.serverType === 'cls' ? 'cls' : 'local',
    port: p.port,
    instanceId: p.instanceId,
    https: p.https,
    demo: p.demo === true,
    rememberedUser: p.rememberedUser ?? '',
    pinnedFingerprint: p.pinnedFingerprint ?? '',
    caFile: p.caFile ?? '',
  };
}

function toTheme(theme: string): ThemePreference {
  return theme === 'light' || theme === 'dark' ? theme : 'system';
}

export function toSettingsView(v: app.SettingsView): SettingsView {
  return {
    profiles: (v.profiles ?? []).map(toProfile),
    activeProfileId: v.activeProfileId,
    active: toProfile(v.active),
    pageSize: v.pageSize,
    theme: toTheme(v.theme),
    navCollapsed: v.navCollapsed === true,
    complete: v.complete,
    notice: v.notice ?? '',
  };
}

export function toConnectionInfo(c: app.ConnectionInfo): ConnectionInfo {
  return {
    url: c.url,
    version: c.version,
    instanceId: c.instanceId,
    securityEnabled: c.securityEnabled,
    checkedAt: c.checkedAt,
  };
}

export function toAboutInfo(a: app.AboutInfo): AboutInfo {
  const b = a.build;
  return {
    build: {
      productName: b.productName,
      companyName: b.companyName,
      copyright: b.copyright,
      comments: b.comments,
      version: b.version,
      commit: b.commit,
      buildDate: b.buildDate,
      goVersion: b.goVersion,
      os: b.os,
      arch: b.arch,
    },
    webViewEngine: a.webViewEngine,
    webViewVersion: a.webViewVersion,
    logFolder: a.logFolder,
    settingsFile: a.settingsFile,
    demoMode: a.demoMode,
  };
}

export function toSessionState(s: app.SessionState): SessionState {
  return {
    profileId: s.profileId,
    securityKnown: s.securityKnown,
    securityEnabled: s.securityEnabled,
    loggedIn: s.loggedIn,
    user: s.user ?? '',
    roles: s.roles ?? [],
    expiresAt: s.expiresAt ?? '',
    passwordChangeRequired: s.passwordChangeRequired,
    rememberedUser: s.rememberedUser ?? '',
    timedOut: s.timedOut,
    idleTimeoutMinutes: s.idleTimeoutMinutes,
    problem: s.problem ?? '',
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * The certificate a tls_untrusted error describes in its details, or one of
 * the diagnostics. Null without a fingerprint: nothing could be trusted then.
 */
export function toCertificateInfo(raw: Readonly<Record<string, unknown>> | fne.CertificateInfo | undefined): CertificateInfo | null {
  if (!raw) return null;
  const r = raw as Readonly<Record<string, unknown>>;
  const fingerprint = text(r.fingerprint);
  if (!fingerprint) return null;
  return {
    subject: text(r.subject),
    issuer: text(r.issuer),
    notBefore: text(r.notBefore),
    notAfter: text(r.notAfter),
    fingerprint,
    selfSigned: r.selfSigned === true,
    dnsNames: texts(r.dnsNames),
  };
}

const evidences: readonly Evidence[] = ['documented', 'observed', 'assumed'];
const outcomes: readonly ProbeOutcome[] = ['supported', 'not_supported', 'access_denied', 'login_required', 'not_found', 'error', 'skipped'];

function toEndpointProbe(p: fne.ProbeResult): EndpointProbe {
  return {
    op: p.op,
    label: p.label,
    path: p.path,
    evidence: evidences.find((e) => e === p.evidence) ?? 'assumed',
    outcome: outcomes.find((o) => o === p.outcome) ?? 'error',
    message: p.message ?? '',
  };
}

export function toDiagnostics(d: app.Diagnostics): Diagnostics {
  return {
    profileName: d.profileName,
    url: d.url,
    reachable: d.reachable,
    problem: d.problem ?? '',
    version: d.version ?? '',
    instanceId: d.instanceId ?? '',
    securityEnabled: d.securityEnabled,
    loggedInAs: d.loggedInAs ?? '',
    roles: d.roles ?? [],
    certificate: toCertificateInfo(d.certificate),
    endpoints: (d.endpoints ?? []).map(toEndpointProbe),
    checkedAt: d.checkedAt,
  };
}
