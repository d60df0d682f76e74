import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TableState } from './types';

const keys = { page: 'page', search: 'q', sortBy: 'sort', sortDesc: 'desc' } as const;

export function readTableState(params: URLSearchParams): TableState {
  const page = Number.parseInt(params.get(keys.page) ?? '', 10);
  return {
    page: Number.isFinite(page) && page > 0 ? page : 1,
    search: params.get(keys.search) ?? '',
    sortBy: params.get(keys.sortBy) ?? '',
    sortDesc: params.get(keys.sortDesc) === '1',
  };
}

/** Writes state into params, leaving defaults out so links stay short. */
export function writeTableState(params: URLSearchParams, state: TableState): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
  set(keys.page, state.page > 1 ? String(state.page) : '');
  set(keys.search, state.search);
  set(keys.sortBy, state.sortBy);
  set(keys.sortDesc, state.sortBy && state.sortDesc ? '1' : '');
  return next;
}

/**
 * A table's page, sort and search kept in the URL's query string, so that
 * Back from a details page returns to exactly the rows the user left. Paging
 * replaces the history entry: Back should leave the list, not step through
 * its pages.
 */
export function useUrlTableState(): [TableState, (next: TableState) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readTableState(params), [params]);
  const setState = useCallback(
    (next: TableState) => setParams((prev) => writeTableState(prev, next), { replace: true }),
    [setParams],
  );
  return [state, setState];
}

/**
 * What a details page gets in its location state from the list that opened
 * it: the list's query string, so Back returns to the same tab, page, sort
 * and search.
 */
export interface BackState {
  back: string;
}

/** The list's query string from a details page's location state, if it came from one. */
export function backSearch(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('back' in state)) return undefined;
  const { back } = state as { back: unknown };
  return typeof back === 'string' ? back : undefined;
}
