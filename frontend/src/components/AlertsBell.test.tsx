import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { apperr, AppError, usage } from '../api';
import { emitHistory } from '../test/events';
import { alertRow, HISTORY_PROBLEM, historyStatus } from '../test/fixtures';
import * as HistoryService from '../wailsjs/go/app/HistoryService';
import { AlertsBell } from './AlertsBell';

vi.mock('../wailsjs/go/app/HistoryService');

const open = alertRow({ id: 9, seen: false });
const seenOpen = alertRow(
  { id: 8, rule: usage.RuleKind.BUSY, subject: '3D_Rendering 3.2', message: '3D_Rendering 3.2 is at 46 of 50 seats, 90% or more for 15 minutes.', seen: true, openedAt: '2026-03-02T08:00:00Z' },
  'Lab server',
);
const cleared = alertRow({
  id: 5,
  rule: usage.RuleKind.UNREACHABLE,
  subject: '',
  message: 'The server has not answered for 10 minutes.',
  openedAt: '2026-03-01T07:00:00Z',
  clearedAt: '2026-03-01T07:45:00Z',
  seen: true,
});

async function renderBell(unseen = 2) {
  vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus({ unseen }));
  render(
    <MemoryRouter>
      <AlertsBell />
    </MemoryRouter>,
  );
  return screen.findByRole('button', { name: unseen > 0 ? `Alerts: ${unseen} new` : 'Alerts' });
}

describe('AlertsBell', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(HistoryService.Alerts).mockResolvedValue([open, seenOpen, cleared]);
    vi.mocked(HistoryService.MarkSeen).mockResolvedValue(0);
  });

  it('counts the unseen alerts on its badge', async () => {
    const bell = await renderBell(2);
    expect(within(bell).getByText('2')).toBeInTheDocument();
    expect(HistoryService.Status).toHaveBeenCalledTimes(1);
  });

  it('lists the open and recently cleared alerts, then marks them seen up to the newest', async () => {
    const user = userEvent.setup();
    await user.click(await renderBell(2));
    const dialog = await screen.findByRole('dialog', { name: 'Alerts' });
    const openList = await within(dialog).findByRole('list', { name: 'Open' });
    const items = within(openList).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(open.alert.message);
    expect(items[0]).toHaveTextContent(`Production · Opened ${new Date(open.alert.openedAt).toLocaleString()}`);
    expect(within(items[0]).getByText('New')).toBeInTheDocument();
    expect(within(items[0]).getByRole('img', { name: 'Every seat in use' })).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('Lab server');
    expect(within(items[1]).queryByText('New')).not.toBeInTheDocument();

    const clearedList = within(dialog).getByRole('list', { name: 'Recently cleared' });
    expect(clearedList).toHaveTextContent('The server has not answered for 10 minutes.');
    expect(clearedList).toHaveTextContent(`Cleared ${new Date('2026-03-01T07:45:00Z').toLocaleString()}`);

    expect(HistoryService.Alerts).toHaveBeenCalledWith(false);
    await waitFor(() => expect(HistoryService.MarkSeen).toHaveBeenCalledWith(9));
    expect(await screen.findByRole('button', { name: 'Alerts', hidden: true })).toBeInTheDocument();
  });

  it('does not mark anything when every alert was seen', async () => {
    const user = userEvent.setup();
    vi.mocked(HistoryService.Alerts).mockResolvedValue([seenOpen, cleared]);
    await user.click(await renderBell(0));
    await screen.findByRole('list', { name: 'Open' });
    expect(HistoryService.MarkSeen).not.toHaveBeenCalled();
  });

  it('says when there are no alerts, and why the history cannot be read', async () => {
    const user = userEvent.setup();
    vi.mocked(HistoryService.Alerts).mockResolvedValueOnce([]).mockRejectedValueOnce(new AppError(apperr.Code.INTERNAL, HISTORY_PROBLEM));
    const bell = await renderBell(0);
    await user.click(bell);
    expect(await screen.findByText('No alerts in the last 30 days.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(bell);
    expect(await within(screen.getByRole('dialog', { name: 'Alerts' })).findByText(HISTORY_PROBLEM)).toBeInTheDocument();
  });

  it('follows the history event: a new count, and a message about alerts a round opened, which opens the list', async () => {
    const user = userEvent.setup();
    await renderBell(0);
    act(() => emitHistory({ unseen: 1, opened: [open] }));
    expect(await screen.findByRole('button', { name: 'Alerts: 1 new' })).toBeInTheDocument();
    const message = await screen.findByText(`Production: ${open.alert.message}`);
    await user.click(within(message.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Show' }));
    expect(await screen.findByRole('dialog', { name: 'Alerts' })).toBeInTheDocument();
    await waitFor(() => expect(HistoryService.MarkSeen).toHaveBeenCalledWith(9));

    // While the list is open, a round reads it again.
    vi.mocked(HistoryService.Alerts).mockResolvedValue([alertRow({ id: 12, message: 'Every seat of VR_MODE 1.0 is in use (20 of 20): new requests may be denied.' }), open]);
    act(() => emitHistory({ unseen: 1, opened: [] }));
    expect(await screen.findByText('Every seat of VR_MODE 1.0 is in use (20 of 20): new requests may be denied.')).toBeInTheDocument();
    await waitFor(() => expect(HistoryService.MarkSeen).toHaveBeenLastCalledWith(12));
  });

  it('counts several new alerts in one message', async () => {
    await renderBell(0);
    act(() => emitHistory({ unseen: 2, opened: [open, alertRow({ id: 10, message: 'Another one.' })] }));
    expect(await screen.findByText(`2 new alerts, the first: ${open.alert.message}`)).toBeInTheDocument();
  });
});
