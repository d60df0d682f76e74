import { apperr } from '../wailsjs/go/models';

export type ErrorCode = apperr.Code;
export type ProblemItem = apperr.Item;

const errorCodes = new Set<string>(Object.values(apperr.Code));

/** A failure of a bound Go method, as the views act on it: on its code and its problems' items, never on message text. */
export class AppError extends Error {
  readonly code: apperr.Code;
  /** The problems of a validation failure; `item` names the row, setting or group, '' for a single form. */
  readonly items: readonly apperr.Item[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: apperr.Code, message: string, items: readonly apperr.Item[] = [], details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.items = items;
    this.details = details;
  }

  /** Message per input of the problems of one item ('' for a single form), keyed by the Go field names. */
  fieldsOf(item = ''): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.items) if (p.item === item && !(p.field in out)) out[p.field] = p.message;
    return out;
  }

  /** Message per input of a single form. */
  get fields(): Record<string, string> {
    return this.fieldsOf('');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isErrorCode = (value: unknown): value is apperr.Code => typeof value === 'string' && errorCodes.has(value);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function toItems(value: unknown): apperr.Item[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((p) => ({ item: text(p.item), field: text(p.field), code: text(p.code), message: text(p.message) }));
}

/**
 * Turns whatever a rejected binding promise carries into an AppError: the Go
 * error formatter sends {code, message, items, details}, while Wails itself
 * rejects with a bare string (for example when arguments cannot be decoded).
 */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason;
  if (typeof reason === 'string') {
    return new AppError(apperr.Code.INTERNAL, reason || 'The application reported an unknown error.');
  }
  if (isRecord(reason) && typeof reason.message === 'string') {
    const code = isErrorCode(reason.code) ? reason.code : apperr.Code.INTERNAL;
    return new AppError(code, reason.message, toItems(reason.items), isRecord(reason.details) ? reason.details : {});
  }
  if (reason instanceof Error) return new AppError(apperr.Code.INTERNAL, reason.message);
  return new AppError(apperr.Code.INTERNAL, 'The application reported an unknown error.');
}

/** An AppError for a batch that stopped early, from its report's `stopped`, so the same recoveries (login) can repair it. */
export function stoppedError(stopped: { code: apperr.Code; message: string }): AppError {
  return new AppError(stopped.code, stopped.message);
}
