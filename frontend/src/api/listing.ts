import type { listing } from '../wailsjs/go/models';

export type ListQuery = listing.Query;

/** What every server list's page has in common: the data table's contract. */
export interface ListPage<T> {
  rows: T[];
  total: number;
  page: number;
  pages: number;
  loadedAt: string;
}
