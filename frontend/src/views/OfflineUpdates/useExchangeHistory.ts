import { useCallback, useEffect, useRef, useState } from 'react';
import { backOfficeApi, toAppError, type AppError, type ExchangeEntry } from '../../api';

export type HistoryState = { kind: 'loading' } | { kind: 'ready'; entries: ExchangeEntry[] } | { kind: 'failed'; error: AppError };

/**
 * The active profile's exchange history. A reload keeps the current entries
 * on screen until the new list is there, and only the newest answer counts.
 */
export function useExchangeHistory(): { history: HistoryState; reload: () => void } {
  const [history, setHistory] = useState<HistoryState>({ kind: 'loading' });
  const seq = useRef(0);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    backOfficeApi.history().then(
      (entries) => mine === seq.current && setHistory({ kind: 'ready', entries }),
      (e: unknown) => mine === seq.current && setHistory({ kind: 'failed', error: toAppError(e) }),
    );
  }, []);

  useEffect(() => {
    reload();
    return () => {
      seq.current++;
    };
  }, [reload]);

  return { history, reload };
}

/**
 * True when the newest response asked for a confirmation request and none
 * has been saved since: the state an administrator returns to after
 * carrying the response across the air gap.
 */
export function confirmationDue(entries: readonly ExchangeEntry[]): boolean {
  const last = entries.find((e) => (e.kind === 'response' && e.ok) || e.kind === 'confirmation_request');
  return last?.kind === 'response' && last.confirmationNeeded;
}
