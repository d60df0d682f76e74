import Download from '@mui/icons-material/Download';
import Refresh from '@mui/icons-material/Refresh';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import { alpha, darken, lighten, type Theme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Tooltip from '@mui/material/Tooltip';
import { flexRender, useTable, type Cell, type RowData } from '@tanstack/react-table';
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { toAppError, type AppError, type ListPage, type ListQuery } from '../../api';
import { useAppSettings } from '../../state/AppSettings';
import { ErrorAlert } from '../ErrorAlert';
import { OperationProgress, useLongOperation } from '../OperationProgress';
import { ColumnChooser, loadHiddenColumns, saveHiddenColumns } from './ColumnChooser';
import { Pager } from './Pager';
import { SearchField } from './SearchField';
import { features, fromPagination, fromSorting, fromVisibility, resolve, toColumnDefs, toPagination, toSorting, toVisibility, type Features } from './tableModel';
import { initialTableState, type Column, type FetchPage, type RowHighlight, type RowKey, type RowSelection, type TableState } from './types';
import { useCsvExport } from '../useCsvExport';

interface CommonProps<T extends RowData> {
  /** Keys the remembered column choice; unique per table. */
  id: string;
  /** The table's accessible name. */
  label: string;
  columns: readonly Column<T>[];
  rowKey: (row: T) => RowKey;
  /** Names a row for its selection checkbox; the key by default. */
  rowLabel?: (row: T) => string;
  /** Page, sort and search from the view (such as in the URL); the table keeps its own without. */
  state?: TableState;
  onStateChange?: (next: TableState) => void;
  /** What an empty page says; "No records" by default. */
  emptyText?: (search: string) => string;
  /** Enter on a focused row. */
  onRowOpen?: (row: T) => void;
  rowHighlight?: (row: T) => RowHighlight | undefined;
  /** Shows a checkbox per row. */
  selection?: RowSelection;
  /** The page size; Settings' Page Size by default. */
  pageSize?: number;
  /** More buttons for the toolbar, before View Columns. */
  actions?: ReactNode;
}

/** A list Go serves a page at a time: it searches, sorts and slices; the table shows one page. */
interface ServerSource<T extends RowData, P extends ListPage<T>> {
  /**
   * Serves one page. refresh is true when the table opens and on Refresh (Go
   * fetches the list from the server again), false for paging, sorting and
   * searching (Go pages its copy).
   */
  fetchPage: FetchPage<T, P>;
  rows?: never;
  /** Every page served, for what a view shows beside the table (such as a note about the server). */
  onPageLoaded?: (page: P) => void;
  /** Shows the search field; the server decides how the text matches. */
  search?: { label: string; help?: string };
  /** Shows Export CSV: saves the whole filtered, sorted list with the visible columns; resolves to the path written, '' when cancelled. */
  onExport?: (query: ListQuery, columns: string[]) => Promise<string>;
}

/** A short list already in memory (a details page's rows): the table sorts and pages it itself. */
interface ClientSource<T extends RowData> {
  rows: readonly T[];
  fetchPage?: never;
  onPageLoaded?: never;
  search?: never;
  onExport?: never;
}

export type DataTableProps<T extends RowData, P extends ListPage<T> = ListPage<T>> = CommonProps<T> & (ServerSource<T, P> | ClientSource<T>);
export type ServerTableProps<T extends RowData, P extends ListPage<T> = ListPage<T>> = CommonProps<T> & ServerSource<T, P>;

interface Loaded<T> {
  rows: T[];
  total: number;
  page: number;
  loadedAt: string;
}

const queryKey = (q: ListQuery) => JSON.stringify([q.page, q.pageSize, q.search, q.sortBy, q.sortDesc]);

const noRows: never[] = [];

/**
 * Every list of the app, on TanStack Table: one page at a time (so a list of
 * 100,000 rows renders no more than a page), with the guide's navigation
 * tool, View Columns, search, sorting, CSV export and keyboard navigation.
 */
export function DataTable<T extends RowData, P extends ListPage<T> = ListPage<T>>(props: DataTableProps<T, P>) {
  const { id, label, columns, rowKey, rowLabel, search, emptyText, onExport, onRowOpen, rowHighlight, selection, actions } = props;
  const settingsPageSize = useAppSettings().view.pageSize;
  const pageSize = props.pageSize ?? settingsPageSize;
  const inMemory = props.rows !== undefined;

  const [ownState, setOwnState] = useState<TableState>(initialTableState);
  const state = props.state ?? ownState;
  const setState = props.onStateChange ?? setOwnState;

  const query = useMemo<ListQuery>(
    () => ({ page: state.page, pageSize, search: state.search, sortBy: state.sortBy, sortDesc: state.sortDesc }),
    [state.page, pageSize, state.search, state.sortBy, state.sortDesc],
  );

  const [served, setServed] = useState<Loaded<T> | null>(null);
  const [loading, setLoading] = useState(!inMemory);
  const [error, setError] = useState<AppError | null>(null);
  const [reloads, setReloads] = useState(0);
  const reading = useLongOperation('list');
  const runRead = useRef(reading.run);
  runRead.current = reading.run;

  // The newest request wins: a slow answer for an earlier page must not
  // replace the page the user moved on to.
  const seq = useRef(0);
  // The first load of a view fetches the list from the server; later ones
  // page the copy Go keeps, until Refresh.
  const refreshNext = useRef(true);
  // The query whose page is on screen, so a page the server clamped is not asked for again.
  const shownKey = useRef('');
  const fetchRef = useRef(props.fetchPage);
  const loadedRef = useRef(props.onPageLoaded);
  const setStateRef = useRef(setState);
  useEffect(() => {
    fetchRef.current = props.fetchPage;
    loadedRef.current = props.onPageLoaded;
    setStateRef.current = setState;
  });

  useEffect(() => {
    const fetchPage = fetchRef.current;
    if (!fetchPage) return;
    const refresh = refreshNext.current;
    if (!refresh && queryKey(query) === shownKey.current) return;
    refreshNext.current = false;
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    const answer = refresh ? runRead.current((op) => fetchPage(query, true, op)) : fetchPage(query, false, '');
    answer.then(
      (page) => {
        if (mine !== seq.current) return;
        const shown = { ...query, page: page.page };
        shownKey.current = queryKey(shown);
        setServed({ rows: page.rows, total: page.total, page: page.page, loadedAt: page.loadedAt });
        setLoading(false);
        loadedRef.current?.(page);
        if (page.page !== query.page) {
          setStateRef.current({ page: page.page, search: query.search, sortBy: query.sortBy, sortDesc: query.sortDesc });
        }
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        if (refresh) refreshNext.current = true;
        setError(toAppError(e));
        setLoading(false);
      },
    );
  }, [query, reloads]);

  useEffect(
    () => () => {
      seq.current++;
    },
    [],
  );

  const reload = useCallback((refresh: boolean) => {
    if (refresh) refreshNext.current = true;
    shownKey.current = '';
    setReloads((n) => n + 1);
  }, []);

  const [hidden, setHidden] = useState<Set<string>>(() => loadHiddenColumns(id));
  const columnDefs = useMemo(() => toColumnDefs(columns), [columns]);
  // A server page is shown as the page Go says it is (it clamps a page past the end).
  const shownPageNumber = served && !inMemory ? served.page : state.page;
  // TanStack recomputes its row models when a state slice changes identity, so each slice is kept until its value changes.
  const pagination = useMemo(() => toPagination(shownPageNumber, pageSize), [shownPageNumber, pageSize]);
  const sorting = useMemo(() => toSorting(state.sortBy, state.sortDesc), [state.sortBy, state.sortDesc]);
  const columnVisibility = useMemo(() => toVisibility(hidden), [hidden]);

  const table = useTable({
    features,
    columns: columnDefs,
    data: props.rows ?? served?.rows ?? noRows,
    getRowId: (row: T) => String(rowKey(row)),
    state: { pagination, sorting, columnVisibility },
    onPaginationChange: (updater) => setState(fromPagination(state, resolve(updater, pagination))),
    onSortingChange: (updater) => setState(fromSorting(state, resolve(updater, sorting))),
    onColumnVisibilityChange: (updater) => {
      const next = fromVisibility(resolve(updater, columnVisibility));
      setHidden(next);
      saveHiddenColumns(id, next);
    },
    manualPagination: !inMemory,
    manualSorting: !inMemory,
    rowCount: inMemory ? undefined : (served?.total ?? 0),
    autoResetPageIndex: false,
    enableSortingRemoval: false,
    enableMultiSort: false,
    sortDescFirst: false,
  });

  const pageCount = Math.max(table.getPageCount(), 1);
  const total = table.getRowCount();
  const shownPage = pagination.pageIndex + 1;
  // A list in memory can shrink under the page the user was on (a Refresh of the details page).
  useEffect(() => {
    if (inMemory && state.page > pageCount) setState({ ...state, page: pageCount });
  });

  const ready = inMemory || served !== null;
  const rowModel = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns();

  const { exporting, exportCsv, toast } = useCsvExport(async () => (onExport ? onExport(query, visibleColumns.map((c) => c.id)) : ''));

  // Roving focus: the table is one Tab stop, the arrows move between rows.
  const [focusIndex, setFocusIndex] = useState(0);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  useEffect(() => setFocusIndex(0), [rowModel]);
  const rowsRef = useRef(rowModel);
  const openRef = useRef(onRowOpen);
  useEffect(() => {
    rowsRef.current = rowModel;
    openRef.current = onRowOpen;
  });
  const onRowKeyDown = useCallback((index: number, event: KeyboardEvent<HTMLTableRowElement>) => {
    // Keys on a link or checkbox inside the row are theirs.
    if (event.target !== event.currentTarget) return;
    const count = rowsRef.current.length;
    const move = (to: number) => {
      event.preventDefault();
      const target = bodyRef.current?.rows[Math.min(Math.max(to, 0), count - 1)];
      target?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(count - 1);
      case 'Enter': {
        const row = rowsRef.current[index];
        if (row !== undefined && openRef.current) {
          event.preventDefault();
          openRef.current(row.original);
        }
      }
    }
  }, []);

  const selectedKeys = selection?.selected;
  const toggleRow = useCallback(
    (key: RowKey) => {
      if (!selection) return;
      const next = new Set(selection.selected);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      selection.onChange(next);
    },
    [selection],
  );
  const pageKeys = useMemo(() => rowModel.map((r) => rowKey(r.original)), [rowModel, rowKey]);
  const selectedOnPage = selectedKeys ? pageKeys.filter((k) => selectedKeys.has(k)).length : 0;
  const togglePage = () => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (selectedOnPage === pageKeys.length) pageKeys.forEach((k) => next.delete(k));
    else pageKeys.forEach((k) => next.add(k));
    selection.onChange(next);
  };

  const columnCount = visibleColumns.length + (selection ? 1 : 0);

  let body: ReactNode;
  if (error) {
    body = (
      <TableRow>
        <TableCell colSpan={columnCount} sx={{ py: 3 }}>
          <ErrorAlert error={error} />
          <Button variant="outlined" startIcon={<Refresh />} onClick={() => reload(false)} sx={{ mt: 1.5 }}>
            Retry
          </Button>
        </TableCell>
      </TableRow>
    );
  } else if (!ready) {
    body = Array.from({ length: 5 }, (_, i) => (
      <TableRow key={i}>
        {Array.from({ length: columnCount }, (_, j) => (
          <TableCell key={j}>
            <Skeleton variant="text" />
          </TableCell>
        ))}
      </TableRow>
    ));
  } else if (rowModel.length === 0) {
    body = (
      <TableRow>
        <TableCell colSpan={columnCount} sx={{ py: 5, textAlign: 'center', color: 'text.secondary' }}>
          {emptyText ? emptyText(state.search) : 'No records'}
        </TableCell>
      </TableRow>
    );
  } else {
    body = rowModel.map((row, index) => {
      const key = rowKey(row.original);
      return (
        <DataRow
          key={row.id}
          rowKey={key}
          index={index}
          // Rows are numbered across pages, so a screen reader says "row 52 of 1,001" on page 2.
          ariaRowIndex={pagination.pageIndex * pageSize + index + 2}
          cells={row.getVisibleCells()}
          tabbable={index === focusIndex}
          highlight={rowHighlight?.(row.original)}
          selectable={selection !== undefined}
          selected={selectedKeys?.has(key) ?? false}
          label={rowLabel ? rowLabel(row.original) : String(key)}
          onKeyDown={onRowKeyDown}
          onFocusRow={setFocusIndex}
          onToggle={toggleRow}
        />
      );
    });
  }

  const busy = loading && !inMemory;
  return (
    <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', flexWrap: 'wrap', gap: 1.5, p: 2 }}>
        {search && (
          <SearchField
            label={search.label}
            help={search.help}
            value={state.search}
            onSearch={(text) => setState({ ...state, page: 1, search: text })}
          />
        )}
        <Box sx={{ flex: 1 }} />
        {actions}
        <ColumnChooser
          columns={table.getAllLeafColumns().map((c) => ({ key: c.id, label: columns.find((col) => col.key === c.id)?.label ?? c.id, shown: c.getIsVisible() }))}
          onToggle={(key) => table.getColumn(key)?.toggleVisibility()}
        />
        {onExport && (
          <Button variant="outlined" startIcon={<Download />} onClick={exportCsv} disabled={exporting || !served || served.total === 0}>
            Export CSV
          </Button>
        )}
        {!inMemory && (
          <Tooltip title={served?.loadedAt ? `Fetched from the server ${loadedTime(served.loadedAt)}` : 'Fetch from the server again'}>
            <span>
              <IconButton aria-label="Refresh" onClick={() => reload(true)} disabled={loading}>
                <Refresh />
              </IconButton>
            </span>
          </Tooltip>
        )}
      </Box>
      {reading.running && (
        <Box sx={{ px: 2, pb: 1.5 }}>
          <OperationProgress operation={reading} label={`Reading ${label.toLowerCase()} from the server`} />
        </Box>
      )}
      <Box sx={{ position: 'relative' }}>
        {busy && ready && !reading.running && (
          <LinearProgress aria-label="Loading" sx={{ position: 'absolute', top: 0, left: 0, right: 0, zIndex: 3, height: 2 }} />
        )}
        <TableContainer sx={{ maxHeight: 'calc(100vh - 320px)' }}>
          <Table stickyHeader size="small" aria-label={label} aria-busy={busy} aria-rowcount={ready ? total + 1 : undefined} sx={tableStyles}>
            <TableHead>
              {table.getHeaderGroups().map((group) => (
                <TableRow key={group.id} aria-rowindex={1}>
                  {selection && (
                    <TableCell padding="checkbox">
                      <Checkbox
                        size="small"
                        checked={pageKeys.length > 0 && selectedOnPage === pageKeys.length}
                        indeterminate={selectedOnPage > 0 && selectedOnPage < pageKeys.length}
                        onChange={togglePage}
                        disabled={pageKeys.length === 0}
                        slotProps={{ input: { 'aria-label': 'Select all rows on this page' } }}
                      />
                    </TableCell>
                  )}
                  {group.headers.map((header) => {
                    const column = header.column;
                    const meta = column.columnDef.meta;
                    const sorted = column.getIsSorted();
                    const heading = flexRender(column.columnDef.header, header.getContext());
                    return (
                      <TableCell key={header.id} align={meta?.align} sortDirection={sorted} className={column.getCanSort() ? 'lsm-sortable' : undefined}>
                        {column.getCanSort() ? (
                          <TableSortLabel active={sorted !== false} direction={sorted || 'asc'} onClick={column.getToggleSortingHandler()}>
                            {heading}
                          </TableSortLabel>
                        ) : (
                          heading
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableHead>
            <TableBody ref={bodyRef} sx={{ opacity: busy && ready ? 0.6 : 1, transition: 'opacity 120ms' }}>
              {body}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>
      {ready && <Pager total={total} page={shownPage} pages={pageCount} onPage={(page) => table.setPageIndex(page - 1)} />}
      {toast}
    </Paper>
  );
}

function loadedTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `at ${date.toLocaleTimeString()}`;
}

// Cells and rows are styled once here, by class and data attribute, rather
// than by an sx per cell: a page of 500 rows then costs the browser markup
// only, not hundreds of style computations.
//
// The guide's lists have up to eleven columns, and they must fit the content
// area of a 1280 px window beside the menu without a horizontal scroll. So
// text is 13 px (a dense table's size), cells are padded 8 px a side (MUI's
// 16 px cost 350 px over eleven columns),
// headers wrap between words ("Total / Available"), and no column has a
// minimum width of its own. The sort arrow sits in the header's padding on
// its side rather than beside the label: in the flow it would add 26 px to
// every sortable column, even while hidden.
const tableStyles = (theme: Theme) => ({
  ...bodyCellStyles(theme),
  '& :is(th, td)': { fontSize: theme.typography.pxToRem(13) },
  // Selection checkboxes keep MUI's own narrow padding.
  '& :is(th, td):not(.MuiTableCell-paddingCheckbox)': { paddingLeft: theme.spacing(1), paddingRight: theme.spacing(1) },
  // The first and last columns keep a 12 px margin to the edge.
  '& tr > :first-of-type:not(.MuiTableCell-paddingCheckbox)': { paddingLeft: theme.spacing(1.5) },
  '& tr > :last-of-type': { paddingRight: theme.spacing(1.5) },
  '& thead th': { fontWeight: 600, verticalAlign: 'bottom', lineHeight: 1.3, whiteSpace: 'normal', overflowWrap: 'normal' },
  '& thead th.lsm-sortable': { paddingRight: theme.spacing(2) },
  // Right-aligned columns put the arrow before the label (MUI reverses the row).
  '& thead th.lsm-sortable.MuiTableCell-alignRight': { paddingLeft: theme.spacing(2), paddingRight: theme.spacing(1) },
  '& thead th.lsm-sortable.MuiTableCell-alignRight:last-of-type': { paddingRight: theme.spacing(1.5) },
  '& thead .MuiTableSortLabel-root': { position: 'relative' },
  '& thead .MuiTableSortLabel-icon': { position: 'absolute', left: '100%', bottom: 1, margin: 0, fontSize: 16 },
  '& thead th.MuiTableCell-alignRight .MuiTableSortLabel-icon': { left: 'auto', right: '100%' },
  '& tbody td': { whiteSpace: 'nowrap' },
  '& tbody td.lsm-wrap-words': { whiteSpace: 'normal' },
  // Breaking anywhere makes the text's own minimum one letter: this one keeps a few words a line.
  '& tbody td.lsm-wrap-anywhere': { whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 96 },
  '& tbody tr:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 },
  ...Object.fromEntries(
    highlights.map((h) => [
      `& tbody tr[data-highlight="${h}"]`,
      { backgroundColor: alpha(theme.palette[h].main, 0.08), '&:hover': { backgroundColor: alpha(theme.palette[h].main, 0.14) } },
    ]),
  ),
});
const highlights: readonly RowHighlight[] = ['warning', 'error'];

// MUI's hover TableRow and small body TableCell, as classes: their
// typography, colour, divider, padding and shading (the padding and font
// size rules above adjust the cells as they do MUI's, being later or as
// specific; a highlight's shading wins over the hover's, being later).
const bodyCellStyles = (theme: Theme) => {
  const { fontSize: _ownSize, ...body2 } = theme.typography.body2;
  const { selectedOpacity, hoverOpacity } = theme.palette.action;
  return {
    '& tbody tr.lsm-row': { color: 'inherit', display: 'table-row', verticalAlign: 'middle', outline: 0 },
    '& tbody tr.lsm-row:hover': { backgroundColor: theme.palette.action.hover },
    '& tbody tr.lsm-row.lsm-selected': { backgroundColor: alpha(theme.palette.primary.main, selectedOpacity) },
    '& tbody tr.lsm-row.lsm-selected:hover': { backgroundColor: alpha(theme.palette.primary.main, selectedOpacity + hoverOpacity) },
    '& td.lsm-cell': {
      ...body2,
      display: 'table-cell',
      verticalAlign: 'inherit',
      borderBottom: `1px solid ${theme.palette.mode === 'light' ? lighten(alpha(theme.palette.divider, 1), 0.88) : darken(alpha(theme.palette.divider, 1), 0.68)}`,
      textAlign: 'left',
      padding: '6px 16px',
      color: theme.palette.text.primary,
    },
    '& td.lsm-cell.lsm-align-right': { textAlign: 'right' },
    // RowLink: MUI's Link with underline="hover".
    '& a.lsm-link': { color: theme.palette.primary.main, textDecoration: 'none', '&:hover': { textDecoration: 'underline' } },
  } as const;
};

function cellClass(align: 'left' | 'right' | undefined, wrap: string | undefined) {
  return ['lsm-cell', align === 'right' && 'lsm-align-right', wrap && `lsm-wrap-${wrap}`].filter(Boolean).join(' ');
}

interface RowProps<T extends RowData> {
  rowKey: RowKey;
  index: number;
  ariaRowIndex: number;
  cells: Cell<Features, T>[];
  tabbable: boolean;
  highlight: RowHighlight | undefined;
  selectable: boolean;
  selected: boolean;
  label: string;
  onKeyDown: (index: number, event: KeyboardEvent<HTMLTableRowElement>) => void;
  onFocusRow: (index: number) => void;
  onToggle: (key: RowKey) => void;
}

// Memoised so that moving the focus or ticking one box re-renders one or two
// rows, not a page of 500.
const DataRow = memo(function DataRow<T extends RowData>({
  rowKey,
  index,
  ariaRowIndex,
  cells,
  tabbable,
  highlight,
  selectable,
  selected,
  label,
  onKeyDown,
  onFocusRow,
  onToggle,
}: RowProps<T>) {
  return (
    // Plain, as its cells are (bodyCellStyles): MUI's TableRow per row is a styled component.
    <tr
      className={selected ? 'lsm-row lsm-selected' : 'lsm-row'}
      tabIndex={tabbable ? 0 : -1}
      aria-rowindex={ariaRowIndex}
      onKeyDown={(e) => onKeyDown(index, e)}
      onFocus={(e) => e.target === e.currentTarget && onFocusRow(index)}
      data-highlight={highlight}
    >
      {selectable && (
        <TableCell padding="checkbox">
          <Checkbox size="small" checked={selected} onChange={() => onToggle(rowKey)} slotProps={{ input: { 'aria-label': `Select ${label}` } }} />
        </TableCell>
      )}
      {cells.map((cell) => {
        const meta = cell.column.columnDef.meta;
        // A plain cell styled by the table (bodyCellStyles): a page switch
        // redraws hundreds of cells, and MUI's TableCell component, with its
        // theme lookups and contexts, cost most of the switch.
        return (
          <td key={cell.id} className={cellClass(meta?.align, meta?.wrap)}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        );
      })}
    </tr>
  );
}) as <T extends RowData>(props: RowProps<T>) => ReactElement;
