import type { app } from '../wailsjs/go/models';
import * as SystemService from '../wailsjs/go/app/SystemService';
import { EventsOn } from '../wailsjs/runtime/runtime';
import { call } from './call';

export type ProgressEvent = app.ProgressEvent;

let counter = 0;

/** A new name for a long operation the UI starts; Go reports its progress under it and cancels it by it. */
export function newOperation(kind: string): string {
  counter += 1;
  return `${kind}-${Date.now().toString(36)}-${counter}`;
}

/** Listens to the progress of operation op until the returned function is called. */
export function onProgress(op: string, listener: (event: ProgressEvent) => void): () => void {
  return EventsOn('progress', (event: ProgressEvent) => {
    if (event.op === op) listener(event);
  });
}

export const operationApi = {
  /** Stops the long operation op; resolves false when it had ended already. */
  cancel: (op: string): Promise<boolean> => call(() => SystemService.Cancel(op)),
  /** The last step of op, for a view that opens while it runs. */
  progress: (op: string): Promise<ProgressEvent> => call(() => SystemService.Progress(op)),
};
