import type { ProgressEvent } from '../api';

type Listener = { op: string; listener: (event: ProgressEvent) => void };

/** The progress listeners the views registered, as the mocked api/operation keeps them. */
export const progressListeners = new Set<Listener>();

/** Sends a progress event to the listeners of its operation, as Go's "progress" event would. */
export function emitProgress(event: ProgressEvent) {
  for (const l of [...progressListeners]) if (l.op === event.op) l.listener(event);
}

/** The name of the operation a view started last, by its kind ("import", "save", ...). */
export function lastOperation(kind: string): string {
  const ops = [...progressListeners].map((l) => l.op).filter((op) => op.startsWith(`${kind}-`));
  return ops[ops.length - 1] ?? '';
}
