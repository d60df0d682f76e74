import type { ListPage } from '../../api';
import type { Column, FetchPage } from './types';

/**
 * DataTable's client mode: pages, sorts and searches a list that is already
 * in memory (a details page's few rows) the way Go does for server lists.
 */
export function localPages<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  match?: (row: T, search: string) => boolean,
): FetchPage<T> {
  return (q) => {
    const search = q.search.trim();
    let list = search && match ? rows.filter((r) => match(r, search)) : [...rows];
    const sortValue = columns.find((c) => c.key === q.sortBy)?.sortValue;
    if (sortValue) {
      const dir = q.sortDesc ? -1 : 1;
      list = list
        .map((row, i) => ({ row, i, v: sortValue(row) }))
        .sort((a, b) => (a.v < b.v ? -dir : a.v > b.v ? dir : a.i - b.i))
        .map((x) => x.row);
    }
    const size = Math.max(q.pageSize, 1);
    const pages = Math.max(Math.ceil(list.length / size), 1);
    const page = Math.min(Math.max(q.page, 1), pages);
    const result: ListPage<T> = {
      rows: list.slice((page - 1) * size, page * size),
      total: list.length,
      page,
      pages,
      loadedAt: '',
    };
    return Promise.resolve(result);
  };
}
