import type { fne } from '../wailsjs/go/models';
import * as SystemService from '../wailsjs/go/app/SystemService';
import { call } from './call';
import type { AboutInfo, CertificateInfo, Diagnostics, PolicyView } from './types';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The certificate a tls_untrusted error describes in its details, or one
 * of the diagnostics. Null without a fingerprint: nothing could be trusted
 * then.
 */
export function toCertificateInfo(raw: Readonly<Record<string, unknown>> | fne.CertificateInfo | undefined): CertificateInfo | null {
  if (!raw) return null;
  const r: Readonly<Record<string, unknown>> = { ...raw };
  const fingerprint = text(r.fingerprint);
  if (!fingerprint) return null;
  return {
    subject: text(r.subject),
    issuer: text(r.issuer),
    notBefore: text(r.notBefore),
    notAfter: text(r.notAfter),
    fingerprint,
    selfSigned: r.selfSigned === true,
    dnsNames: Array.isArray(r.dnsNames) ? r.dnsNames.filter((n): n is string => typeof n === 'string') : [],
    pem: text(r.pem),
  };
}

export const systemApi = {
  about: (): Promise<AboutInfo> => call(SystemService.About),
  diagnostics: (): Promise<Diagnostics> =>
    call(SystemService.Diagnostics).then((d) => ({ ...d, certificate: toCertificateInfo(d.certificate) })),
  /** Saves the latest diagnostics as a compatibility report; "" when the user cancelled. */
  saveCompatibilityReport: (): Promise<string> => call(SystemService.SaveCompatibilityReport),
  openLogFolder: (): Promise<void> => call(SystemService.OpenLogFolder),
  /** Tells Go a view is drawn with its content (the first one is the start-up time it logs). */
  painted: (view: string): Promise<void> => call(() => SystemService.Painted(view)),
  /** The organisation's machine policies, read once at start. */
  policies: (): Promise<PolicyView> => call(SystemService.Policies),
  /** Shows the folder where reservation groups are kept while a change replaces them. */
  openKeptFolder: (): Promise<void> => call(SystemService.OpenKeptFolder),
};
