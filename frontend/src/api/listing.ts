/**
 * The server has no paging, so Go keeps the last list it fetched and serves
 * pages of it: every list view asks with a ListQuery and gets a ListPage.
 */
export interface ListQuery {
  /** 1-based. */
  page: number;
  pageSize: number;
  search: string;
  /** A column key; '' for the server's order. */
  sortBy: string;
  sortDesc: boolean;
}

export interface ListPage<T> {
  rows: T[];
  /** Records matching the search, on all pages. */
  total: number;
  /** The page served: a page past the end comes back as the last one. */
  page: number;
  pages: number;
  /** When the list was fetched from the server (ISO-8601). */
  loadedAt: string;
}
