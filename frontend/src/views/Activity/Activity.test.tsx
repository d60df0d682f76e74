import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, history, sessionApi, settingsApi } from '../../api';
import { toRfc3339 } from '../../components/dateInput';
import { auditEntry, connectionInfo, HISTORY_PROBLEM, historyStatus, sessionState, settingsView } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import * as HistoryService from '../../wailsjs/go/app/HistoryService';
import { Activity } from './Activity';

vi.mock('../../api/session');
vi.mock('../../api/settings');
vi.mock('../../wailsjs/go/app/HistoryService');

const noFilter = { from: null, to: null, profileId: '', outcome: '', text: '' };
const entries = [
  auditEntry({ id: 3, at: '2026-03-02T09:30:00Z', operation: 'policy settings', summary: 'Policy settings saved: licensing.renewInterval' }),
  auditEntry({
    id: 2,
    at: '2026-03-02T09:20:00Z',
    profileId: 'p2',
    profile: 'Lab server',
    server: 'lab01:7070',
    operation: 'reservation group deletion',
    summary: 'Reservation group 12 deleted',
    outcome: history.Outcome.FAILED,
    code: 'access_denied',
  }),
  auditEntry({ id: 1, at: '2026-03-02T09:12:00Z', tool: 'lsm', operation: 'online activation', summary: 'Activation of DEMO-ACT-1001 ×10', outcome: history.Outcome.UNKNOWN, code: 'outcome_unknown' }),
];

const log = () => screen.getByRole('table', { name: 'Activity log' });
const lastFilter = () => vi.mocked(HistoryService.Audit).mock.lastCall?.[0];

async function renderActivity() {
  renderWithSettings(<Activity />, { route: '/activity' });
  await screen.findByRole('heading', { name: 'Activity', level: 1 });
}

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('Activity view', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus());
    vi.mocked(HistoryService.Audit).mockResolvedValue({ entries, more: false, limit: 5000 });
  });

  it('lists every change, newest first, with who made it, where and how it ended', async () => {
    await renderActivity();
    const rows = within(await screen.findByRole('table', { name: 'Activity log' })).getAllByRole('row').slice(1);
    expect(HistoryService.Audit).toHaveBeenCalledWith(noFilter);
    expect(within(log()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Time', 'Profile', 'Server', 'User', 'Operation', 'Summary', 'Outcome', 'Tool']);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent(new Date('2026-03-02T09:30:00Z').toLocaleString());
    expect(rows[0]).toHaveTextContent('Policy settings saved: licensing.renewInterval');
    expect(within(rows[0]).getByText('Done')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('Lab server');
    expect(rows[1]).toHaveTextContent('lab01:7070');
    expect(within(rows[1]).getByText('Failed')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('access_denied');
    expect(rows[1]).toHaveAttribute('data-highlight', 'error');
    expect(within(rows[2]).getByText('Outcome unknown')).toBeInTheDocument();
    expect(rows[2]).toHaveAttribute('data-highlight', 'warning');
    expect(rows[2]).toHaveTextContent('lsm (console)');
  });

  it('asks Go again with each filter: profile, outcome, text and date range', async () => {
    const user = userEvent.setup();
    await renderActivity();
    await screen.findByRole('table', { name: 'Activity log' });

    await choose(user, 'Profile', 'Lab server');
    await waitFor(() => expect(lastFilter()).toEqual({ ...noFilter, profileId: 'p2' }));

    await choose(user, 'Outcome', 'Failed');
    await waitFor(() => expect(lastFilter()).toEqual({ ...noFilter, profileId: 'p2', outcome: 'failed' }));

    await user.type(screen.getByLabelText('Search text'), 'reservation{Enter}');
    await waitFor(() => expect(lastFilter()).toEqual({ ...noFilter, profileId: 'p2', outcome: history.Outcome.FAILED, text: 'reservation' }));

    await user.type(screen.getByLabelText('From'), '2026-03-01T08:00');
    await waitFor(() => expect(lastFilter()).toMatchObject({ from: toRfc3339(new Date('2026-03-01T08:00')), to: null }));
    await user.type(screen.getByLabelText('To'), '2026-03-02T18:30');
    await waitFor(() => expect(lastFilter()).toEqual({ from: toRfc3339(new Date('2026-03-01T08:00')), to: toRfc3339(new Date('2026-03-02T18:30')), profileId: 'p2', outcome: history.Outcome.FAILED, text: 'reservation' }));

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(lastFilter()).toEqual(noFilter));
    expect(screen.getByLabelText('From')).toHaveValue('');
  });

  it('refuses a date range that ends before it starts without asking Go', async () => {
    const user = userEvent.setup();
    await renderActivity();
    await screen.findByRole('table', { name: 'Activity log' });
    await user.type(screen.getByLabelText('From'), '2026-03-02T10:00');
    await waitFor(() => expect(HistoryService.Audit).toHaveBeenCalledTimes(2));
    await user.type(screen.getByLabelText('To'), '2026-03-01T10:00');
    expect(await screen.findByText('The end must be after the start.')).toBeInTheDocument();
    expect(screen.getByLabelText('To')).toHaveAttribute('aria-invalid', 'true');
    expect(HistoryService.Audit).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  });

  it('exports the filtered log as CSV and says where it went', async () => {
    const user = userEvent.setup();
    await renderActivity();
    await screen.findByRole('table', { name: 'Activity log' });
    await choose(user, 'Outcome', 'Outcome unknown');
    await waitFor(() => expect(lastFilter()).toEqual({ ...noFilter, outcome: 'unknown' }));
    vi.mocked(HistoryService.ExportAudit).mockResolvedValue('/home/ada/activity.csv');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(HistoryService.ExportAudit).toHaveBeenCalledWith({ ...noFilter, outcome: 'unknown' });
    expect(await screen.findByText('Exported to /home/ada/activity.csv')).toBeInTheDocument();
  });

  it('says when the list holds only the newest entries of a longer log', async () => {
    await renderActivity();
    await screen.findByRole('table', { name: 'Activity log' });
    expect(screen.queryByText(/^Showing the newest/)).not.toBeInTheDocument();

    vi.mocked(HistoryService.Audit).mockResolvedValue({ entries, more: true, limit: 3 });
    const user = userEvent.setup();
    await choose(user, 'Outcome', 'Done');
    expect(await screen.findByText(/^Showing the newest 3 entries that match; older ones match too\./)).toBeInTheDocument();
    expect(within(log()).getAllByRole('row').slice(1)).toHaveLength(3);
  });

  it('says what an empty log means, with and without a filter', async () => {
    const user = userEvent.setup();
    vi.mocked(HistoryService.Audit).mockResolvedValue({ entries: [], more: false, limit: 5000 });
    await renderActivity();
    expect(await screen.findByText('No changes have been made through the app or lsm yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
    await choose(user, 'Outcome', 'Failed');
    expect(await screen.findByText('No entry matches the filter.')).toBeInTheDocument();
  });

  it('shows why the history cannot be read, and reads it again on Retry', async () => {
    const user = userEvent.setup();
    vi.mocked(HistoryService.Audit).mockRejectedValueOnce(new AppError(apperr.Code.INTERNAL, HISTORY_PROBLEM));
    await renderActivity();
    expect(await screen.findByText(HISTORY_PROBLEM)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Activity log' })).toBeInTheDocument();
    expect(HistoryService.Audit).toHaveBeenCalledTimes(2);
  });
});
