import type { HistoryEvent } from '../api';

type Callback = (...data: unknown[]) => void;

/** The listeners of Go's events (other than "progress") that the code under test set up with the Wails runtime's EventsOn. */
export const eventListeners = new Map<string, Set<Callback>>();

/** Sends a Go event to its listeners, as the Wails runtime would. */
export function emitEvent(name: string, ...data: unknown[]) {
  for (const listener of [...(eventListeners.get(name) ?? [])]) listener(...data);
}

/** Sends the "history" event Go sends after a collection round. */
export function emitHistory(event: HistoryEvent) {
  emitEvent('history', event);
}
