import {
  columnVisibilityFeature,
  createPaginatedRowModel,
  createSortedRowModel,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type ColumnVisibilityState,
  type PaginationState,
  type RowData,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import type { CellWrap, Column, TableState } from './types';

/** How a body cell is laid out, carried from Column to TanStack's column. */
export interface CellMeta {
  align?: 'left' | 'right';
  wrap?: CellWrap;
}

/**
 * One TanStack registry for every table. Lists served by Go set the sorting
 * and paging stages to manual (Go has already sorted and sliced the page);
 * lists held in memory go through the sorted and paginated row models.
 */
export const features = tableFeatures({
  columnVisibilityFeature,
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
  columnMeta: {} as CellMeta,
});
export type Features = typeof features;

const compare = (a: unknown, b: unknown): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a ?? '');
  const y = String(b ?? '');
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The views' columns as TanStack column definitions. Every column has an
 * accessor, because TanStack sorts only accessor columns: sortValue orders
 * lists held in memory, while server lists arrive already sorted.
 */
export function toColumnDefs<T extends RowData>(columns: readonly Column<T>[]): ColumnDef<Features, T>[] {
  return columns.map((c) => ({
    id: c.key,
    header: c.label,
    accessorFn: (row: T) => (c.sortValue ? c.sortValue(row) : ''),
    cell: ({ row }) => c.render(row.original),
    enableSorting: c.sortable ?? false,
    sortFn: (a, b, id) => compare(a.getValue(id), b.getValue(id)),
    meta: { align: c.align, wrap: c.wrap },
  }));
}

export const resolve = <V>(updater: Updater<V>, current: V): V =>
  typeof updater === 'function' ? (updater as (old: V) => V)(current) : updater;

/** The table's page and sort in TanStack's terms. */
export function toPagination(page: number, pageSize: number): PaginationState {
  return { pageIndex: Math.max(page, 1) - 1, pageSize };
}

export function toSorting(sortBy: string, sortDesc: boolean): SortingState {
  return sortBy ? [{ id: sortBy, desc: sortDesc }] : [];
}

/** A new sort starts again from the first page; TanStack gives at most one column (no multi-sort). */
export function fromSorting(state: TableState, sorting: SortingState): TableState {
  const first = sorting[0];
  return { ...state, page: 1, sortBy: first?.id ?? '', sortDesc: first?.desc ?? false };
}

export function fromPagination(state: TableState, pagination: PaginationState): TableState {
  return { ...state, page: pagination.pageIndex + 1 };
}

export function toVisibility(hidden: ReadonlySet<string>): ColumnVisibilityState {
  return Object.fromEntries([...hidden].map((key) => [key, false]));
}

/** Only an explicit false hides a column in TanStack's state. */
export function fromVisibility(visibility: ColumnVisibilityState): Set<string> {
  return new Set(Object.entries(visibility).filter(([, shown]) => !shown).map(([key]) => key));
}
