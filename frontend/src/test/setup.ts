import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// CI machines are shared and slow to render MUI under load: give queries and
// waitFor time, without making any test depend on timing.
configure({ asyncUtilTimeout: 5000 });

// Go's progress events come through the Wails runtime, which jsdom has not:
// views listen through this stand-in, and tests send events with
// emitProgress (test/progress.ts).
vi.mock('../api/operation', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/operation')>();
  const { progressListeners } = await import('./progress');
  return {
    ...real,
    onProgress: vi.fn((op: string, listener: Parameters<typeof real.onProgress>[1]) => {
      const entry = { op, listener };
      progressListeners.add(entry);
      return () => {
        progressListeners.delete(entry);
      };
    }),
    operationApi: { cancel: vi.fn(async () => true), progress: vi.fn() },
  };
});

// Go's other events ("history") come through the runtime's EventsOn, which
// needs the Wails bridge: tests send them with emitEvent (test/events.ts).
vi.mock('../wailsjs/runtime/runtime', async (importOriginal) => {
  const real = await importOriginal<typeof import('../wailsjs/runtime/runtime')>();
  const { eventListeners } = await import('./events');
  return {
    ...real,
    EventsOn: vi.fn((name: string, callback: (...data: unknown[]) => void) => {
      const listeners = eventListeners.get(name) ?? new Set();
      eventListeners.set(name, listeners);
      listeners.add(callback);
      return () => {
        listeners.delete(callback);
      };
    }),
  };
});
