export { DataTable, type DataTableProps } from './DataTable';
export { CommaList, countText, ExpiryText, isPermanent, RowLink, SegmentedId, yesNo } from './cells';
export { initialTableState, type Column, type FetchPage, type RowHighlight, type RowKey, type RowSelection, type TableState } from './types';
export { backSearch, useUrlTableState, type BackState } from './urlState';
