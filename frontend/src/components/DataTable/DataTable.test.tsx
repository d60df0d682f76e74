import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { apperr, AppError, operationApi, settingsApi, type ListPage, type ListQuery } from '../../api';
import { connectionInfo, settingsView } from '../../test/fixtures';
import { emitProgress, lastOperation } from '../../test/progress';
import { renderWithSettings } from '../../test/render';
import { DataTable, type ServerTableProps } from './DataTable';
import { initialTableState, type Column, type FetchPage, type RowKey, type TableState } from './types';

vi.mock('../../api/settings');

// Pages of MUI tables render slowly in jsdom; a busy machine needs more than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

interface Thing {
  id: number;
  name: string;
  count: number;
}

const columns: Column<Thing>[] = [
  { key: 'name', label: 'Name', sortable: true, render: (r) => r.name, sortValue: (r) => r.name },
  { key: 'count', label: 'Count', sortable: true, align: 'right', render: (r) => r.count, sortValue: (r) => r.count },
  { key: 'note', label: 'Note', render: (r) => `note ${r.id}` },
];

/** A server list of `total` things, paged like Go pages it. */
function serve(q: ListQuery, total = 95): ListPage<Thing> {
  const pages = Math.max(Math.ceil(total / q.pageSize), 1);
  const page = Math.min(Math.max(q.page, 1), pages);
  const first = (page - 1) * q.pageSize;
  const rows = Array.from({ length: Math.max(Math.min(q.pageSize, total - first), 0) }, (_, i) => ({
    id: first + i + 1,
    name: `thing ${first + i + 1}`,
    count: i,
  }));
  return { rows, total, page, pages, loadedAt: '2026-01-01T10:00:00Z' };
}

const query = (overrides: Partial<ListQuery> = {}): ListQuery => ({ page: 1, pageSize: 10, search: '', sortBy: '', sortDesc: false, ...overrides });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

type Props = Partial<ServerTableProps<Thing>>;

async function renderTable(props: Props = {}, total = 95) {
  const fetchPage = vi.fn<FetchPage<Thing>>((q) => Promise.resolve(serve(q, total)));
  const result = renderWithSettings(
    <DataTable<Thing>
      id="things"
      label="Things"
      columns={columns}
      rowKey={(r) => r.id}
      rowLabel={(r) => r.name}
      fetchPage={fetchPage}
      search={{ label: 'Search things', help: 'Part of a name.' }}
      {...props}
    />,
  );
  await screen.findByRole('table', { name: 'Things' }, { timeout: 5000 });
  if (total > 0) await screen.findByText('thing 1', undefined, { timeout: 5000 });
  return { fetchPage, ...result };
}

const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);
const bodyRows = () => screen.getAllByRole('row').slice(1);

describe('DataTable', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.resetAllMocks();
    localStorage.clear();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView(undefined, { pageSize: 10 }));
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
  });

  it('fetches the first page from the server with the Settings page size, then pages without refreshing', async () => {
    const user = userEvent.setup();
    const { fetchPage } = await renderTable();
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(fetchPage).toHaveBeenLastCalledWith(query(), true, expect.stringMatching(/^list-/));
    expect(bodyRows()).toHaveLength(10);
    expect(screen.getByText('Total number of records: 95')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Go to page 2' }));
    expect(await screen.findByText('thing 11')).toBeInTheDocument();
    expect(fetchPage).toHaveBeenLastCalledWith(query({ page: 2 }), false, '');
    expect(screen.getByRole('button', { name: 'page 2' })).toHaveAttribute('aria-current', 'page');
    // Numbered across pages for screen readers: the header is row 1.
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '96');
    expect(bodyRows()[0]).toHaveAttribute('aria-rowindex', '12');
  });

  it('jumps to any page with Go to page, and refuses a page that does not exist', async () => {
    const user = userEvent.setup();
    const { fetchPage } = await renderTable();
    const goTo = screen.getByLabelText('Go to page');

    await user.type(goTo, '12{Enter}');
    expect(screen.getByText('Enter 1 to 10')).toBeInTheDocument();
    expect(fetchPage).toHaveBeenCalledTimes(1);

    await user.clear(goTo);
    await user.type(goTo, '7');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(await screen.findByText('thing 61')).toBeInTheDocument();
    expect(fetchPage).toHaveBeenLastCalledWith(query({ page: 7 }), false, '');
    expect(screen.getByRole('button', { name: 'page 7' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByText('Enter 1 to 10')).not.toBeInTheDocument();
  });

  it('renders only one page of a 100,000-row list', async () => {
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView(undefined, { pageSize: 500 }));
    await renderTable({}, 100_000);
    expect(bodyRows()).toHaveLength(500);
    expect(screen.getByText('Total number of records: 100,000')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go to page 200' })).toBeInTheDocument();
  });

  it('sorts by a clicked header, ascending then descending, from the first page', async () => {
    const user = userEvent.setup();
    const { fetchPage } = await renderTable();
    await user.click(screen.getByRole('button', { name: 'Go to page 3' }));
    await screen.findByText('thing 21');

    const nameHeader = screen.getByRole('columnheader', { name: 'Name' });
    expect(nameHeader).not.toHaveAttribute('aria-sort');
    await user.click(within(nameHeader).getByRole('button', { name: 'Name' }));
    expect(fetchPage).toHaveBeenLastCalledWith(query({ sortBy: 'name' }), false, '');
    await waitFor(() => expect(nameHeader).toHaveAttribute('aria-sort', 'ascending'));

    await user.click(within(nameHeader).getByRole('button', { name: 'Name' }));
    expect(fetchPage).toHaveBeenLastCalledWith(query({ sortBy: 'name', sortDesc: true }), false, '');
    await waitFor(() => expect(nameHeader).toHaveAttribute('aria-sort', 'descending'));

    await user.click(within(screen.getByRole('columnheader', { name: 'Count' })).getByRole('button'));
    expect(fetchPage).toHaveBeenLastCalledWith(query({ sortBy: 'count' }), false, '');
    await waitFor(() => expect(nameHeader).not.toHaveAttribute('aria-sort'));
    expect(within(screen.getByRole('columnheader', { name: 'Note' })).queryByRole('button')).not.toBeInTheDocument();
  });

  it('searches on Enter or the magnifying glass only, and the ✕ clears the search', async () => {
    const user = userEvent.setup();
    const { fetchPage } = await renderTable();
    await user.click(screen.getByRole('button', { name: 'Go to page 2' }));
    await screen.findByText('thing 11');
    const calls = fetchPage.mock.calls.length;

    const search = screen.getByLabelText('Search things');
    expect(search).toHaveAccessibleDescription('Part of a name.');
    await user.type(search, 'VR_MODE');
    expect(fetchPage).toHaveBeenCalledTimes(calls);

    await user.keyboard('{Enter}');
    expect(fetchPage).toHaveBeenLastCalledWith(query({ search: 'VR_MODE' }), false, '');

    await user.clear(search);
    await user.type(search, ' Rotation ');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(fetchPage).toHaveBeenLastCalledWith(query({ search: 'Rotation' }), false, '');

    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(search).toHaveValue('');
    expect(fetchPage).toHaveBeenLastCalledWith(query(), false, '');
  });

  it('hides a column with View Columns, remembers it, and exports only the visible columns', async () => {
    const user = userEvent.setup();
    const onExport = vi.fn<(q: ListQuery, columns: string[]) => Promise<string>>().mockResolvedValue('/home/ada/things.csv');
    const { unmount } = await renderTable({ onExport });
    expect(headers()).toEqual(['Name', 'Count', 'Note']);

    await user.click(screen.getByRole('button', { name: 'View Columns' }));
    const note = screen.getByRole('menuitemcheckbox', { name: 'Note' });
    expect(note).toHaveAttribute('aria-checked', 'true');
    await user.click(note);
    expect(note).toHaveAttribute('aria-checked', 'false');
    await user.keyboard('{Escape}');
    expect(headers()).toEqual(['Name', 'Count']);
    expect(screen.queryByText('note 1')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(onExport).toHaveBeenCalledWith(query(), ['name', 'count']);
    expect(await screen.findByText('Exported to /home/ada/things.csv')).toBeInTheDocument();

    unmount();
    await renderTable({ onExport });
    expect(headers()).toEqual(['Name', 'Count']);
  });

  it('keeps the last visible column', async () => {
    const user = userEvent.setup();
    await renderTable();
    await user.click(screen.getByRole('button', { name: 'View Columns' }));
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Note' }));
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Count' }));
    expect(screen.getByRole('menuitemcheckbox', { name: 'Name' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('says nothing when the export is cancelled, and shows a failed export', async () => {
    const user = userEvent.setup();
    const onExport = vi.fn<(q: ListQuery, columns: string[]) => Promise<string>>().mockResolvedValue('');
    await renderTable({ onExport });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled());
    expect(screen.queryByText(/Exported to/)).not.toBeInTheDocument();

    onExport.mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'Cannot write /x.csv: permission denied'));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('The export failed: Cannot write /x.csv: permission denied')).toBeInTheDocument();
  });

  it('says so when there are no records, in the view’s words for a search', async () => {
    const user = userEvent.setup();
    const { fetchPage } = await renderTable({}, 0);
    expect(await screen.findByText('No records')).toBeInTheDocument();
    expect(screen.getByText('Total number of records: 0')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Search things'), 'nothing{Enter}');
    await waitFor(() => expect(fetchPage).toHaveBeenLastCalledWith(query({ search: 'nothing' }), false, ''));
    expect(await screen.findByText('No records')).toBeInTheDocument();
  });

  it('uses the view’s empty text for a search that found nothing', async () => {
    const user = userEvent.setup();
    await renderTable({ emptyText: (s) => (s ? `No feature is named "${s}".` : 'No records') }, 0);
    await user.type(screen.getByLabelText('Search things'), 'VR_MOD{Enter}');
    expect(await screen.findByText('No feature is named "VR_MOD".')).toBeInTheDocument();
  });

  it('shows a failure with its message and retries the same request', async () => {
    const user = userEvent.setup();
    const fetchPage = vi
      .fn<FetchPage<Thing>>()
      .mockRejectedValueOnce(new AppError(apperr.Code.UNREACHABLE, 'The license server did not answer.'))
      .mockImplementation((q) => Promise.resolve(serve(q)));
    renderWithSettings(<DataTable<Thing> id="things" label="Things" columns={columns} rowKey={(r) => r.id} fetchPage={fetchPage} />);
    expect(await screen.findByText('The license server did not answer.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('thing 1')).toBeInTheDocument();
    // The failed load was the view's first, so the retry still asks the server.
    expect(fetchPage).toHaveBeenLastCalledWith(query(), true, expect.stringMatching(/^list-/));
    expect(screen.queryByText('The license server did not answer.')).not.toBeInTheDocument();
  });

  it('names the missing role when access is denied', async () => {
    const fetchPage = vi
      .fn<FetchPage<Thing>>()
      .mockRejectedValue(new AppError(apperr.Code.ACCESS_DENIED, 'Access denied.', [], { role: 'ROLE_READ' }));
    renderWithSettings(<DataTable<Thing> id="things" label="Things" columns={columns} rowKey={(r) => r.id} fetchPage={fetchPage} />);
    expect(await screen.findByText(/needs the ROLE_READ role/)).toBeInTheDocument();
  });

  it('Refresh asks the server again for the same page', async () => {
    const user = userEvent.setup();
    const { fetchPage } = await renderTable();
    await user.click(screen.getByRole('button', { name: 'Go to page 2' }));
    await screen.findByText('thing 11');
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(fetchPage).toHaveBeenLastCalledWith(query({ page: 2 }), true, expect.stringMatching(/^list-/)));
  });

  it('shows the progress of a read from the server, and Cancel stops it by the name the table gave it', async () => {
    const user = userEvent.setup();
    vi.mocked(operationApi.cancel).mockResolvedValue(true);
    const slow = deferred<ListPage<Thing>>();
    const { fetchPage } = await renderTable();
    fetchPage.mockImplementationOnce(() => slow.promise);
    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    const op = fetchPage.mock.lastCall?.[2] ?? '';
    expect(op).toMatch(/^list-/);
    expect(lastOperation('list')).toBe(op);
    const bar = await screen.findByRole('progressbar', { name: 'Reading things from the server' });
    act(() => emitProgress({ op, running: true, step: { message: 'Reading records 500 to 999', done: 500, total: 2000, unit: 'records' } }));
    const progress = bar.closest('[role="status"]') as HTMLElement;
    expect(progress).toHaveTextContent('Reading records 500 to 999 · 500 of 2,000 records');
    // The table's own loading bar gives way to the read's.
    expect(screen.queryByRole('progressbar', { name: 'Loading' })).not.toBeInTheDocument();

    await user.click(within(progress).getByRole('button', { name: 'Cancel' }));
    expect(operationApi.cancel).toHaveBeenCalledWith(op);
    await act(async () => slow.resolve(serve(query())));
    expect(screen.queryByRole('progressbar', { name: 'Reading things from the server' })).not.toBeInTheDocument();
    expect(screen.getByText('thing 1')).toBeInTheDocument();
  });

  it('keeps the current rows while the next page loads, and ignores a late answer', async () => {
    const user = userEvent.setup();
    const slow = deferred<ListPage<Thing>>();
    const { fetchPage } = await renderTable();
    fetchPage.mockImplementationOnce(() => slow.promise);

    await user.click(screen.getByRole('button', { name: 'Go to page 2' }));
    expect(screen.getByText('thing 1')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Loading' })).toBeInTheDocument();
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');

    await user.click(screen.getByRole('button', { name: 'Go to page 3' }));
    expect(await screen.findByText('thing 21')).toBeInTheDocument();
    await act(async () => slow.resolve(serve(query({ page: 2 }))));
    expect(screen.getByText('thing 21')).toBeInTheDocument();
    expect(screen.queryByText('thing 11')).not.toBeInTheDocument();
  });

  it('follows the page the server clamped to without asking again', async () => {
    function Controlled({ fetchPage, onChange }: { fetchPage: FetchPage<Thing>; onChange: (s: TableState) => void }) {
      const [state, setState] = useState<TableState>({ ...initialTableState, page: 40 });
      return (
        <DataTable<Thing>
          id="things"
          label="Things"
          columns={columns}
          rowKey={(r) => r.id}
          fetchPage={fetchPage}
          state={state}
          onStateChange={(s) => {
            onChange(s);
            setState(s);
          }}
        />
      );
    }
    const fetchPage = vi.fn<FetchPage<Thing>>((q) => Promise.resolve(serve(q)));
    const onChange = vi.fn<(s: TableState) => void>();
    renderWithSettings(<Controlled fetchPage={fetchPage} onChange={onChange} />);
    expect(await screen.findByText('thing 91')).toBeInTheDocument();
    expect(fetchPage).toHaveBeenCalledWith(query({ page: 40 }), true, expect.stringMatching(/^list-/));
    expect(onChange).toHaveBeenCalledWith({ ...initialTableState, page: 10 });
    expect(screen.getByRole('button', { name: 'page 10' })).toHaveAttribute('aria-current', 'page');
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('moves between rows with the arrow keys and opens one with Enter', async () => {
    const user = userEvent.setup();
    const onRowOpen = vi.fn<(row: Thing) => void>();
    await renderTable({ onRowOpen });
    const rows = bodyRows();
    expect(rows[0]).toHaveAttribute('tabindex', '0');
    expect(rows[1]).toHaveAttribute('tabindex', '-1');

    await user.click(screen.getByLabelText('Search things'));
    await user.tab(); // clear is hidden, so: the magnifying glass
    while (document.activeElement !== rows[0]) await user.tab();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(rows[1]).toHaveFocus();
    expect(rows[1]).toHaveAttribute('tabindex', '0');
    await user.keyboard('{End}');
    expect(rows[9]).toHaveFocus();
    await user.keyboard('{Home}{ArrowDown}{Enter}');
    expect(onRowOpen).toHaveBeenCalledWith({ id: 2, name: 'thing 2', count: 1 });
  });

  it('tints the rows the view highlights', async () => {
    await renderTable({ rowHighlight: (r) => (r.id === 3 ? 'warning' : undefined) });
    expect(bodyRows()[2]).toHaveAttribute('data-highlight', 'warning');
    expect(bodyRows()[1]).not.toHaveAttribute('data-highlight');
  });

  it('offers row selection when asked to', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(next: Set<RowKey>) => void>();
    await renderTable({ selection: { selected: new Set<RowKey>([2]), onChange } });
    expect(screen.getByRole('checkbox', { name: 'Select thing 2' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Select thing 1' }));
    expect(onChange).toHaveBeenLastCalledWith(new Set([2, 1]));
    const all = screen.getByRole('checkbox', { name: 'Select all rows on this page' });
    expect(all).toHaveAttribute('data-indeterminate', 'true');
    await user.click(all);
    expect(onChange).toHaveBeenLastCalledWith(new Set([2, 1, 3, 4, 5, 6, 7, 8, 9, 10]));
  });

  it('has no selection column unless asked', async () => {
    await renderTable();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('pages and sorts a list in memory in client mode', async () => {
    const user = userEvent.setup();
    const things: Thing[] = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, name: `item ${String.fromCharCode(97 + (i % 26))}`, count: 25 - i }));
    renderWithSettings(<DataTable<Thing> id="local" label="Local things" columns={columns} rowKey={(r) => r.id} rows={things} />);
    expect(await screen.findByText('Total number of records: 25')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refresh' })).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Local things' })).toHaveAttribute('aria-busy', 'false');
    expect(bodyRows()).toHaveLength(10);
    expect(within(bodyRows()[0]).getByText('item a')).toBeInTheDocument();

    await user.click(within(screen.getByRole('columnheader', { name: 'Count' })).getByRole('button'));
    expect(within(bodyRows()[0]).getAllByRole('cell')[1]).toHaveTextContent(/^1$/);
    await user.click(within(screen.getByRole('columnheader', { name: 'Count' })).getByRole('button'));
    expect(within(bodyRows()[0]).getAllByRole('cell')[1]).toHaveTextContent(/^25$/);

    await user.click(screen.getByRole('button', { name: 'Go to page 3' }));
    expect(bodyRows()).toHaveLength(5);
    expect(within(bodyRows()[4]).getAllByRole('cell')[1]).toHaveTextContent(/^1$/);
  });

  it('shows the last page when a list in memory shrinks under the page on screen', async () => {
    const user = userEvent.setup();
    const make = (n: number): Thing[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `item ${i + 1}`, count: i }));
    function Shrinking() {
      const [rows, setRows] = useState(() => make(30));
      return (
        <>
          <button onClick={() => setRows(make(12))}>Shrink</button>
          <DataTable<Thing> id="shrink" label="Shrinking" columns={columns} rowKey={(r) => r.id} rows={rows} />
        </>
      );
    }
    renderWithSettings(<Shrinking />);
    await user.click(await screen.findByRole('button', { name: 'Go to page 3' }));
    expect(within(bodyRows()[0]).getByText('item 21')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Shrink' }));
    await waitFor(() => expect(within(bodyRows()[0]).getByText('item 11')).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'page 2' })).toHaveAttribute('aria-current', 'page');
  });
});
