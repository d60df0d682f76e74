import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, collect, sessionApi, settingsApi } from '../../api';
import { toLocalInput, toRfc3339 } from '../../components/dateInput';
import { emitHistory } from '../../test/events';
import {
  alertRow,
  connectionInfo,
  HISTORY_PROBLEM,
  historyStatus,
  profileUsage,
  sessionState,
  settingsView,
  usageExpiry,
  usageOverview,
  usageSeries,
} from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import * as HistoryService from '../../wailsjs/go/app/HistoryService';
import { Dashboard } from './Dashboard';

vi.mock('../../api/session');
vi.mock('../../api/settings');
vi.mock('../../wailsjs/go/app/HistoryService');

const NOW = new Date('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;
const features = [
  { name: '3D_Rendering', version: '3.2' },
  { name: 'Mesh_Repair', version: '1.5' },
];

const region = (name: string) => screen.getByRole('region', { name });
const table = (name: string) => screen.getByRole('table', { name });
const rowOf = (t: HTMLElement, text: string) => within(t).getByText(text).closest('tr') as HTMLElement;
const lastSeries = () => vi.mocked(HistoryService.Series).mock.lastCall?.[0];

async function renderDashboard() {
  renderWithSettings(<Dashboard />, { route: '/dashboard' });
  await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
}

/** The dashboard with its chart drawn for the first feature over the last 24 hours. */
async function renderWithChart() {
  await renderDashboard();
  await screen.findByRole('figure', { name: /Seats of 3D_Rendering 3\.2 in use/ });
}

describe('Dashboard view', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus());
    vi.mocked(HistoryService.Overview).mockResolvedValue(usageOverview());
    vi.mocked(HistoryService.Features).mockResolvedValue(features);
    vi.mocked(HistoryService.Series).mockResolvedValue(usageSeries());
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows every profile’s server: reachable, version, last sample, response time, open alerts and why one is not collecting', async () => {
    await renderDashboard();
    const profiles = await screen.findByRole('table', { name: 'Server profiles' });
    const production = rowOf(profiles, 'Production');
    expect(within(production).getByText('Active')).toBeInTheDocument();
    expect(within(production).getByText('Reachable')).toBeInTheDocument();
    expect(production).toHaveTextContent('2025.10.0');
    expect(production).toHaveTextContent(new Date('2026-03-02T09:55:00Z').toLocaleString());
    expect(production).toHaveTextContent('42 ms');
    expect(within(production).getByLabelText('1 open alerts')).toBeInTheDocument();

    const lab = rowOf(profiles, 'Lab server');
    expect(within(lab).getByText('Not collecting')).toBeInTheDocument();
    expect(lab).toHaveTextContent('Not collecting: log in to this server and tick Remember, so the history can log in on its own.');
    expect(within(lab).getByText('Unreachable')).toBeInTheDocument();
    expect(lab).toHaveTextContent('Cannot reach http://lab01:7070: connection refused');
    expect(lab).toHaveTextContent(`Last answered ${new Date('2026-03-01T17:00:00Z').toLocaleString()}`);
  });

  it('gives an answer within the millisecond as less than one', async () => {
    vi.mocked(HistoryService.Overview).mockResolvedValue(usageOverview({ profiles: [profileUsage({ responseMs: 0 })] }));
    await renderDashboard();
    expect(rowOf(await screen.findByRole('table', { name: 'Server profiles' }), 'Production')).toHaveTextContent('< 1 ms');
  });

  it('says a server that never answered a sample never answered', async () => {
    vi.mocked(HistoryService.Overview).mockResolvedValue(
      usageOverview({ profiles: [profileUsage({ reachable: false, version: '', problem: 'Cannot reach http://new01:7070: connection refused', lastReached: null })] }),
    );
    await renderDashboard();
    const row = rowOf(await screen.findByRole('table', { name: 'Server profiles' }), 'Production');
    expect(within(row).getByText('Unreachable')).toBeInTheDocument();
    expect(row).toHaveTextContent('Never answered');
    expect(row).not.toHaveTextContent('Last answered');
  });

  it('lists the features near capacity now and those full in the last 7 days with their time at 100%', async () => {
    await renderDashboard();
    const near = await screen.findByRole('table', { name: 'Near capacity now' });
    const rendering = rowOf(near, '3D_Rendering 3.2');
    expect(rendering).toHaveTextContent('Production');
    expect(rendering).toHaveTextContent('46 of 50');
    expect(rendering).toHaveTextContent('92%');

    const full = rowOf(table('Full in the last 7 days'), 'Mesh_Repair 1.5');
    expect(full).toHaveTextContent('2 h 15 min');
    expect(full).toHaveTextContent('10 of 10');
  });

  it('says what ends and what stays of an uncounted increment, and marks a feature nothing stays of', async () => {
    vi.mocked(HistoryService.Overview).mockResolvedValue(
      usageOverview({
        expiries: [
          usageExpiry({ name: 'Viewer', version: '1.0', seats: 0, rest: 0, uncounted: true }),
          usageExpiry({ name: 'CAD', version: '2.0', seats: 8, rest: 0, restUncounted: true }),
          usageExpiry({ name: 'Mesh', version: '1.5', seats: 0, rest: 12, uncounted: true, restUncounted: true }),
        ],
      }),
    );
    await renderDashboard();
    const expiries = await screen.findByRole('table', { name: 'Next expiries' });
    const last2 = (name: string) => within(rowOf(expiries, name)).getAllByRole('cell').map((c) => c.textContent).slice(-2);
    expect(last2('Viewer 1.0')).toEqual(['Uncounted', '0']);
    expect(rowOf(expiries, 'Viewer 1.0')).toHaveAttribute('data-highlight', 'error');
    expect(last2('CAD 2.0')).toEqual(['8', 'Uncounted']);
    expect(rowOf(expiries, 'CAD 2.0')).not.toHaveAttribute('data-highlight');
    expect(last2('Mesh 1.5')).toEqual(['Uncounted', '12 + uncounted']);
  });

  it('shows a long list ten rows at a time, with pages', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 23 }, (_, i) => usageExpiry({ name: `F${String(i).padStart(2, '0')}`, version: '1.0', days: 5 }));
    vi.mocked(HistoryService.Overview).mockResolvedValue(usageOverview({ expiries: many }));
    await renderDashboard();
    const rows = () => within(table('Next expiries')).getAllByRole('row').slice(1);
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(rows()[0]).toHaveTextContent('F00 1.0');
    const pages = within(region('Next expiries')).getByLabelText('Pages of Next expiries');
    expect(pages).toHaveTextContent('1–10 of 23');
    await user.click(within(pages).getByRole('button', { name: 'Go to next page' }));
    await user.click(within(pages).getByRole('button', { name: 'Go to next page' }));
    expect(rows()).toHaveLength(3);
    expect(rows()[2]).toHaveTextContent('F22 1.0');
    expect(pages).toHaveTextContent('21–23 of 23');
    expect(within(region('Near capacity now')).queryByLabelText('Pages of Near capacity now')).not.toBeInTheDocument();
  });

  it('filters the next expiries to 30, 60 or 90 days, with the seats that end and those left', async () => {
    const user = userEvent.setup();
    await renderDashboard();
    const expiries = await screen.findByRole('table', { name: 'Next expiries' });
    expect(within(expiries).getAllByRole('row')).toHaveLength(4);
    const animation = rowOf(expiries, 'Animation 2022.1');
    expect(animation).toHaveTextContent('in 18 days');
    expect(within(animation).getAllByRole('cell').map((c) => c.textContent).slice(-2)).toEqual(['20', '5']);

    const chips = within(region('Next expiries')).getByRole('group', { name: 'Expiring within' });
    expect(within(chips).getByRole('button', { name: '90 days' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(chips).getByRole('button', { name: '30 days' }));
    expect(within(chips).getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(table('Next expiries')).getByText('Animation 2022.1')).toBeInTheDocument();
    expect(within(table('Next expiries')).queryByText('Rotation 6.1')).not.toBeInTheDocument();

    await user.click(within(chips).getByRole('button', { name: '60 days' }));
    expect(within(table('Next expiries')).getByText('Rotation 6.1')).toBeInTheDocument();
    expect(within(table('Next expiries')).queryByText('VR_MODE 2.0')).not.toBeInTheDocument();

    await user.click(within(chips).getByRole('button', { name: '30 days' }));
    vi.mocked(HistoryService.Overview).mockResolvedValue(usageOverview({ expiries: [] }));
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await within(region('Next expiries')).findByText('Nothing expires within 30 days.')).toBeInTheDocument();
  });

  it('charts the first feature over the last 24 hours with its stats, then asks for 7 days when the range changes', async () => {
    const user = userEvent.setup();
    await renderWithChart();
    expect(HistoryService.Features).toHaveBeenCalledWith('p1');
    expect(lastSeries()).toEqual({ profileId: 'p1', name: '3D_Rendering', version: '3.2', from: toRfc3339(new Date(NOW.getTime() - 24 * HOUR)), to: '2026-03-02T10:00:00Z' });

    const statList = screen.getByLabelText('Statistics of the range');
    expect(statList).toHaveTextContent('Peak in use50');
    expect(statList).toHaveTextContent('Mean in use40.6');
    expect(statList).toHaveTextContent('95th percentile49');
    expect(statList).toHaveTextContent('Time at 100%15 min');
    expect(statList).toHaveTextContent('Covered by samples23 h 55 minof 1 d');
    expect(statList).not.toHaveTextContent('Approximate');

    vi.mocked(HistoryService.Series).mockResolvedValue(usageSeries({ exact: false, stats: { peak: 50, mean: 38, p95: 48, fullSeconds: 7200, coveredSeconds: 7 * 24 * 3600 } }));
    await user.click(within(screen.getByRole('group', { name: 'Range' })).getByRole('button', { name: '7 d' }));
    await waitFor(() =>
      expect(lastSeries()).toEqual({ profileId: 'p1', name: '3D_Rendering', version: '3.2', from: '2026-02-23T10:00:00Z', to: '2026-03-02T10:00:00Z' }),
    );
    await waitFor(() => expect(screen.getByLabelText('Statistics of the range')).toHaveTextContent('95th percentile≈ 48Approximate: from hourly peaks'));
    expect(screen.getByLabelText('Statistics of the range')).toHaveTextContent('Time at 100%2 h');
    expect(screen.getByRole('figure', { name: 'Seats of 3D_Rendering 3.2 in use over the last 7 d' })).toBeInTheDocument();

    await user.click(within(screen.getByRole('group', { name: 'Range' })).getByRole('button', { name: '1 y' }));
    await waitFor(() => expect(lastSeries()?.from).toBe(toRfc3339(new Date(NOW.getTime() - 365 * 24 * HOUR))));
  });

  it('takes a custom range only when it ends after it starts', async () => {
    const user = userEvent.setup();
    await renderWithChart();
    await user.click(screen.getByRole('button', { name: 'Custom' }));
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    // Starts from the last 7 days.
    expect(from).toHaveValue(toLocalInput(new Date(NOW.getTime() - 7 * 24 * HOUR)));
    await waitFor(() => expect(lastSeries()?.to).toBe(toRfc3339(new Date(toLocalInput(NOW)))));

    const calls = vi.mocked(HistoryService.Series).mock.calls.length;
    await user.clear(to);
    await user.type(to, '2026-02-01T08:00');
    expect(await screen.findByText('The end must be after the start.')).toBeInTheDocument();
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(HistoryService.Series).toHaveBeenCalledTimes(calls);

    await user.clear(from);
    await user.type(from, '2026-01-15T06:30');
    await waitFor(() =>
      expect(lastSeries()).toMatchObject({ from: toRfc3339(new Date('2026-01-15T06:30')), to: toRfc3339(new Date('2026-02-01T08:00')) }),
    );
    expect(screen.queryByText('The end must be after the start.')).not.toBeInTheDocument();
  });

  it('switches the chart to another feature, and to the one picked in a list', async () => {
    const user = userEvent.setup();
    await renderWithChart();
    await user.click(screen.getByRole('combobox', { name: 'Feature' }));
    await user.click(screen.getByRole('option', { name: 'Mesh_Repair 1.5' }));
    await waitFor(() => expect(lastSeries()).toMatchObject({ name: 'Mesh_Repair', version: '1.5' }));

    await user.click(within(table('Near capacity now')).getByRole('button', { name: '3D_Rendering 3.2' }));
    await waitFor(() => expect(lastSeries()).toMatchObject({ profileId: 'p1', name: '3D_Rendering', version: '3.2' }));
    expect(screen.getByRole('combobox', { name: 'Feature' })).toHaveTextContent('3D_Rendering 3.2');
  });

  it('exports the chart’s series as CSV and says where it went', async () => {
    const user = userEvent.setup();
    await renderWithChart();
    vi.mocked(HistoryService.ExportSeries).mockResolvedValueOnce('/home/ada/usage-3D_Rendering-3.2.csv').mockResolvedValueOnce('');
    await user.click(within(region('Usage over time')).getByRole('button', { name: 'Export CSV' }));
    expect(HistoryService.ExportSeries).toHaveBeenCalledWith(lastSeries());
    expect(await screen.findByText('Exported to /home/ada/usage-3D_Rendering-3.2.csv')).toBeInTheDocument();

    // A cancelled save dialog says nothing.
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Close' }));
    await user.click(within(region('Usage over time')).getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(HistoryService.ExportSeries).toHaveBeenCalledTimes(2));
    expect(screen.queryByText(/Exported to/)).not.toBeInTheDocument();
  });

  it('labels every hour of the heat map and moves between them with the arrow keys', async () => {
    const user = userEvent.setup();
    await renderWithChart();
    const grid = screen.getByRole('grid', { name: 'Mean use by hour of the week' });
    const cells = within(grid).getAllByRole('gridcell');
    expect(cells).toHaveLength(168);
    expect(within(grid).getByRole('gridcell', { name: 'Monday 09:00–10:00: 85% of seats in use on average' })).toBeInTheDocument();
    expect(within(grid).getByRole('gridcell', { name: 'Tuesday 14:00–15:00: 100% of seats in use on average' })).toBeInTheDocument();
    expect(within(grid).getByRole('gridcell', { name: 'Sunday 23:00–00:00: no samples' })).toBeInTheDocument();
    expect(within(grid).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

    // One tab stop; the arrows move.
    expect(cells.filter((c) => c.tabIndex === 0)).toHaveLength(1);
    act(() => cells[0].focus());
    await user.keyboard('{ArrowRight}');
    expect(cells[1]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(cells[25]).toHaveFocus();
    await user.keyboard('{End}');
    expect(cells[47]).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(cells[47]).toHaveFocus();
    expect(cells.filter((c) => c.tabIndex === 0)).toEqual([cells[47]]);
  });

  it('says when no sample has been taken yet, with the sampling interval', async () => {
    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus({ input: { ...historyStatus().input, history: { ...historyStatus().input.history, intervalMinutes: 10 } } }));
    vi.mocked(HistoryService.Overview).mockResolvedValue(
      usageOverview({ profiles: [profileUsage({ lastSample: null, lastReached: null, openAlerts: 0 })], nearCapacity: [], fullLastWeek: [], expiries: [] }),
    );
    vi.mocked(HistoryService.Features).mockResolvedValue([]);
    await renderDashboard();
    const empty = 'No samples yet: the first is taken when the app starts and every 10 minutes.';
    await waitFor(() => expect(screen.getAllByText(empty)).toHaveLength(2));
    expect(rowOf(table('Server profiles'), 'Production')).toHaveTextContent('No sample yet');
    expect(within(region('Near capacity now')).getByText('No feature is at or above 90% of its seats now.')).toBeInTheDocument();
    expect(within(region('Full in the last 7 days')).getByText('No feature had every seat in use in the last 7 days.')).toBeInTheDocument();
    expect(within(region('Next expiries')).getByText('Nothing expires within 90 days.')).toBeInTheDocument();
    expect(within(region('Usage over time')).getByRole('button', { name: 'Export CSV' })).toBeDisabled();
    expect(HistoryService.Series).not.toHaveBeenCalled();
  });

  it('shows why the history cannot be used, and keeps working', async () => {
    const user = userEvent.setup();
    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus({ available: false, problem: HISTORY_PROBLEM }));
    vi.mocked(HistoryService.Overview).mockRejectedValue(new AppError(apperr.Code.INTERNAL, HISTORY_PROBLEM));
    await renderDashboard();
    expect(await screen.findByText('Usage history is not available')).toBeInTheDocument();
    expect(screen.getAllByText(HISTORY_PROBLEM)).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Collect now' })).toBeDisabled();

    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus());
    vi.mocked(HistoryService.Overview).mockResolvedValue(usageOverview());
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Server profiles' })).toBeInTheDocument();
    expect(screen.queryByText('Usage history is not available')).not.toBeInTheDocument();
  });

  it('shows the failure of a series in the chart panel only', async () => {
    vi.mocked(HistoryService.Series).mockRejectedValue(new AppError(apperr.Code.INVALID_INPUT, 'A range can span at most 10 years.'));
    await renderDashboard();
    // The panel appears once the overview is read.
    const panel = await screen.findByRole('region', { name: 'Usage over time' });
    expect(await within(panel).findByText('A range can span at most 10 years.')).toBeInTheDocument();
    expect(table('Server profiles')).toBeInTheDocument();
  });

  it('collects now, reports each profile, and reads the history again', async () => {
    const user = userEvent.setup();
    await renderWithChart();
    vi.mocked(HistoryService.CollectNow).mockResolvedValue([
      { profileId: 'p1', profileName: 'Production', outcome: collect.Outcome.WRITTEN, message: '', at: '2026-03-02T10:00:00Z', opened: [], cleared: [] },
      { profileId: 'p2', profileName: 'Lab server', outcome: collect.Outcome.UNREACHABLE, message: 'connection refused', at: '2026-03-02T10:00:00Z', opened: [], cleared: [] },
    ]);
    const overviews = vi.mocked(HistoryService.Overview).mock.calls.length;
    await user.click(screen.getByRole('button', { name: 'Collect now' }));
    const report = (await screen.findByText('Not every sample was taken')).closest('[role="alert"]') as HTMLElement;
    expect(report).toHaveTextContent('Production: sample taken');
    expect(report).toHaveTextContent('Lab server: server unreachable (connection refused)');
    await waitFor(() => expect(vi.mocked(HistoryService.Overview).mock.calls.length).toBeGreaterThan(overviews));
  });

  it('follows each collection round: the overview and the chart are read again', async () => {
    await renderWithChart();
    const overviews = vi.mocked(HistoryService.Overview).mock.calls.length;
    const series = vi.mocked(HistoryService.Series).mock.calls.length;
    vi.setSystemTime(new Date(NOW.getTime() + 5 * 60_000));
    vi.mocked(HistoryService.Overview).mockResolvedValue(usageOverview({ nearCapacity: [] }));
    act(() => emitHistory({ unseen: 1, opened: [alertRow()] }));
    expect(await within(region('Near capacity now')).findByText('No feature is at or above 90% of its seats now.')).toBeInTheDocument();
    expect(vi.mocked(HistoryService.Overview).mock.calls.length).toBeGreaterThan(overviews);
    await waitFor(() => expect(vi.mocked(HistoryService.Series).mock.calls.length).toBeGreaterThan(series));
    expect(lastSeries()?.to).toBe('2026-03-02T10:05:00Z');
  });
});
