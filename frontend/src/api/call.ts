import { toAppError } from './errors';

/** Runs one binding call; every failure comes out as an AppError. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (reason) {
    throw toAppError(reason);
  }
}
