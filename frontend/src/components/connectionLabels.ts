import type { ErrorCode } from '../api';

/** Short names for why a server could not be reached, shared by the header chip and Settings. */
const failureLabels: Partial<Record<ErrorCode, string>> = {
  not_configured: 'Not configured',
  unreachable: 'Unreachable',
  timeout: 'Timeout',
  tls_untrusted: 'Certificate not trusted',
  not_supported: 'Not a license server',
  server_error: 'Server error',
  redirected: 'Redirected',
};

export function connectionFailureLabel(code: ErrorCode): string {
  return failureLabels[code] ?? 'Connection error';
}
