/** Stable codes the Go side puts on every failure (internal/apperr). */
const errorCodes = [
  'unreachable',
  'timeout',
  'tls_untrusted',
  'login_required',
  'access_denied',
  'not_supported',
  'invalid_input',
  'conflict',
  'not_found',
  'server_error',
  'not_configured',
  'cancelled',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** A failure of a bound Go method, as the views act on it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** Message per form field, keyed by the Go field names (pageSize, host, ...). */
  readonly fields: Readonly<Record<string, string>>;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    fields: Record<string, string> = {},
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

/**
 * Turns whatever a rejected binding promise carries into an AppError: the Go
 * error formatter sends {code, message, fields, details}, while Wails itself
 * rejects with a bare string (for example when arguments cannot be decoded).
 */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason;
  if (typeof reason === 'string') {
    return new AppError('internal', reason || 'The application reported an unknown error.');
  }
  if (isRecord(reason) && typeof reason.message === 'string') {
    const code = isErrorCode(reason.code) ? reason.code : 'internal';
    const details = isRecord(reason.details) ? reason.details : {};
    return new AppError(code, reason.message, stringRecord(reason.fields), details);
  }
  if (reason instanceof Error) return new AppError('internal', reason.message);
  return new AppError('internal', 'The application reported an unknown error.');
}
