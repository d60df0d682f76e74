import { apperr } from '../wailsjs/go/models';
import { toAppError, type AppError } from './errors';

/** Failures the app can often repair and then repeat the operation: by logging in, or by trusting a certificate. */
export type RecoverableCode = apperr.Code.LOGIN_REQUIRED | apperr.Code.TLS_UNTRUSTED;

/**
 * Repairs the cause of a failed call, usually by asking the user. Resolves
 * true when the operation should be tried again, false to give up.
 */
export type Recovery = (error: AppError) => Promise<boolean>;

export interface CallOptions {
  /**
   * Recoveries this call must not start: the session service's own calls
   * cannot wait for a login, and background checks must not open dialogs
   * the user did not ask for.
   */
  skipRecovery?: readonly RecoverableCode[];
}

/** A call may be repaired a few times in a row (certificate, then login), never forever. */
const MAX_RECOVERIES = 3;

const recoveries = new Map<RecoverableCode, Recovery>();

const isRecoverable = (code: apperr.Code): code is RecoverableCode => code === apperr.Code.LOGIN_REQUIRED || code === apperr.Code.TLS_UNTRUSTED;

/**
 * Installs the recovery for one error code, replacing any earlier one. The
 * returned function removes it again, unless another has replaced it since.
 */
export function setRecovery(code: RecoverableCode, recovery: Recovery): () => void {
  recoveries.set(code, recovery);
  return () => {
    if (recoveries.get(code) === recovery) recoveries.delete(code);
  };
}

function recoveryFor(error: AppError, options: CallOptions): Recovery | undefined {
  if (!isRecoverable(error.code)) return undefined;
  if (options.skipRecovery?.includes(error.code)) return undefined;
  return recoveries.get(error.code);
}

/**
 * Repairs the cause of error with the registered recovery (the login
 * prompt for a session that ended mid-batch, say). Resolves true when the
 * cause was repaired and the rest of the work can be sent.
 */
export async function recover(error: AppError): Promise<boolean> {
  const recovery = recoveryFor(error, {});
  return recovery ? recovery(error).catch(() => false) : false;
}

/**
 * Runs one binding call; every failure comes out as an AppError. A failure
 * that a registered recovery repairs runs fn again, so the caller gets the
 * result of the same operation as if nothing had happened; if the recovery
 * gives up, the original error is thrown.
 */
export async function call<T>(fn: () => Promise<T>, options: CallOptions = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (reason) {
      const error = toAppError(reason);
      const repair = attempt < MAX_RECOVERIES ? recoveryFor(error, options) : undefined;
      const retry = repair ? await repair(error).catch(() => false) : false;
      if (!retry) throw error;
    }
  }
}
