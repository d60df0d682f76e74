import type { ReactNode } from 'react';
import type { ListPage, ListQuery } from '../../api';

export type RowKey = string | number;

export type CellWrap = 'words' | 'anywhere';

export interface Column<T> {
  /** The server's sort key and the export's column key. */
  key: string;
  label: string;
  render: (row: T) => ReactNode;
  /** The server can sort by this column. */
  sortable?: boolean;
  /** Numbers line up on the right. */
  align?: 'left' | 'right';
  /** What a list held in memory (DataTable's rows) sorts by. */
  sortValue?: (row: T) => string | number;
  /**
   * Text that may take more than one line; everything else (dates, IDs,
   * counts) stays on one. 'words' breaks only between words (a product
   * name); 'anywhere' is for free text that may hold a long token (a vendor
   * string), broken inside it rather than widening the table.
   */
  wrap?: CellWrap;
}

/** What the user chose: kept by the table, or by the view (in the URL) when it passes state. */
export interface TableState {
  page: number;
  search: string;
  sortBy: string;
  sortDesc: boolean;
}

export const initialTableState: TableState = { page: 1, search: '', sortBy: '', sortDesc: false };

/**
 * Serves one page. A refresh reads the server again under the long
 * operation op (its progress shows, and the user may cancel it); otherwise
 * op is '' and Go pages the copy it keeps.
 */
export type FetchPage<T, P extends ListPage<T> = ListPage<T>> = (query: ListQuery, refresh: boolean, op: string) => Promise<P>;

export type RowHighlight = 'warning' | 'error';

export interface RowSelection {
  selected: ReadonlySet<RowKey>;
  onChange: (next: Set<RowKey>) => void;
}
