import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, backOfficeApi, sessionApi, settingsApi, type ActivationOutcome } from '../../api';
import { formatDateTime } from '../../components/format';
import { connectionInfo, itemProblem, sessionState, settingsView } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { OnlineUpdates } from './OnlineUpdates';

vi.mock('../../api/session');
vi.mock('../../api/settings');
vi.mock('../../api/backoffice');

const row = (n: number) => screen.getByRole('group', { name: `Row ${n}` });
const rowField = (n: number, label: 'Activation ID' | 'Count') =>
  within(row(n)).getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
const rowCount = () => screen.queryAllByRole('group', { name: /^Row \d+$/ }).length;

async function renderOnline(route = '/online-updates') {
  renderWithSettings(<OnlineUpdates />, { route });
  await screen.findByRole('heading', { name: 'Online Server Updates', level: 1 });
}

async function fillRows(user: ReturnType<typeof userEvent.setup>, rows: [string, string][]) {
  for (const [i, [id, count]] of rows.entries()) {
    if (i > 0) await user.click(screen.getByRole('button', { name: 'Add activation ID' }));
    await user.type(rowField(i + 1, 'Activation ID'), id);
    await user.type(rowField(i + 1, 'Count'), count);
  }
}

const activated: ActivationOutcome = { activationId: 'DEMO-ACT-1001', ok: true, message: 'Activated: the entitlements are now on the server.' };
const unknown: ActivationOutcome = { activationId: 'NOPE-1', ok: false, message: 'The activation ID NOPE-1 is not known to the back office.' };

describe('Online Server Updates view', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
  });

  describe('Online Activations tab', () => {
    it('adds rows with +, deletes any row and keeps at least one', async () => {
      const user = userEvent.setup();
      await renderOnline();
      expect(screen.getByRole('tab', { name: 'Online Activations' })).toHaveAttribute('aria-selected', 'true');
      expect(rowCount()).toBe(1);
      expect(screen.getByRole('button', { name: 'Delete row 1' })).toBeDisabled();

      await fillRows(user, [
        ['ACT-A', '1'],
        ['ACT-B', '2'],
        ['ACT-C', '3'],
      ]);
      expect(rowCount()).toBe(3);

      await user.click(screen.getByRole('button', { name: 'Delete row 2' }));
      expect(rowCount()).toBe(2);
      expect(rowField(1, 'Activation ID')).toHaveValue('ACT-A');
      expect(rowField(2, 'Activation ID')).toHaveValue('ACT-C');
      expect(rowField(2, 'Count')).toHaveValue(3);
      expect(screen.getByRole('button', { name: 'Add activation ID' })).toHaveFocus();
    });

    it('puts the cursor into a row the user adds', async () => {
      const user = userEvent.setup();
      await renderOnline();
      expect(rowField(1, 'Activation ID')).not.toHaveFocus();
      await user.click(screen.getByRole('button', { name: 'Add activation ID' }));
      expect(rowField(2, 'Activation ID')).toHaveFocus();
    });

    it('activates all rows at once and shows each result next to its row', async () => {
      const user = userEvent.setup();
      await renderOnline();
      await fillRows(user, [
        ['DEMO-ACT-1001', '10'],
        ['NOPE-1', '1'],
      ]);
      // The server's order need not be the rows' order.
      vi.mocked(backOfficeApi.activate).mockResolvedValue([unknown, activated]);
      await user.click(screen.getByRole('button', { name: 'Activate' }));

      expect(backOfficeApi.activate).toHaveBeenCalledWith([
        { activationId: 'DEMO-ACT-1001', count: '10' },
        { activationId: 'NOPE-1', count: '1' },
      ]);
      expect(await within(row(1)).findByText(activated.message)).toBeInTheDocument();
      expect(within(row(1)).getByRole('img', { name: 'Activated' })).toBeInTheDocument();
      expect(within(row(2)).getByText(unknown.message)).toBeInTheDocument();
      expect(within(row(2)).getByRole('img', { name: 'Failed' })).toBeInTheDocument();
      expect(screen.getByText('1 activation ID activated, 1 failed; see each row above.')).toBeInTheDocument();
      expect(rowField(2, 'Activation ID')).toHaveValue('NOPE-1');
    });

    it('drops a row’s result once the row is edited', async () => {
      const user = userEvent.setup();
      await renderOnline();
      await fillRows(user, [['DEMO-ACT-1001', '10']]);
      vi.mocked(backOfficeApi.activate).mockResolvedValue([activated]);
      await user.click(screen.getByRole('button', { name: 'Activate' }));
      expect(await screen.findByText('The activation ID was activated.')).toBeInTheDocument();
      await user.type(rowField(1, 'Count'), '0');
      expect(within(row(1)).queryByText(activated.message)).not.toBeInTheDocument();
    });

    it('shows progress and disables the buttons while activating', async () => {
      const user = userEvent.setup();
      await renderOnline();
      await fillRows(user, [['DEMO-ACT-1001', '10']]);
      let answer: (value: ActivationOutcome[]) => void = () => {};
      vi.mocked(backOfficeApi.activate).mockReturnValue(new Promise((resolve) => (answer = resolve)));
      await user.click(screen.getByRole('button', { name: 'Activate' }));

      expect(screen.getByRole('progressbar', { name: 'Activating' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Activate' })).toBeDisabled();
      expect(screen.getByRole('button', { name: 'Add activation ID' })).toBeDisabled();
      answer([activated]);
      await waitFor(() => expect(screen.queryByRole('progressbar', { name: 'Activating' })).not.toBeInTheDocument());
      expect(screen.getByRole('button', { name: 'Activate' })).toBeEnabled();
    });

    it('shows Go’s field errors at their rows and keeps every value', async () => {
      const user = userEvent.setup();
      await renderOnline();
      await fillRows(user, [
        ['DEMO-ACT-1001', '0'],
        ['bad id!', '5'],
      ]);
      vi.mocked(backOfficeApi.activate).mockRejectedValue(
        new AppError(apperr.Code.INVALID_INPUT, 'Please correct the highlighted fields.', [
          itemProblem('0', 'count', 'Enter a count of 1 or more.'),
          itemProblem('1', 'activationId', 'Enter the activation ID from your entitlement email (letters, digits, - _ . :).'),
        ]),
      );
      await user.click(screen.getByRole('button', { name: 'Activate' }));

      await waitFor(() => expect(rowField(1, 'Count')).toHaveAccessibleDescription('Enter a count of 1 or more.'));
      expect(rowField(1, 'Count')).toHaveAttribute('aria-invalid', 'true');
      expect(rowField(1, 'Activation ID')).not.toHaveAttribute('aria-invalid', 'true');
      expect(rowField(2, 'Activation ID')).toHaveAccessibleDescription(
        'Enter the activation ID from your entitlement email (letters, digits, - _ . :).',
      );
      expect(rowField(1, 'Activation ID')).toHaveValue('DEMO-ACT-1001');
      expect(rowField(2, 'Activation ID')).toHaveValue('bad id!');
      expect(rowField(2, 'Count')).toHaveValue(5);
      expect(screen.queryByText('Please correct the highlighted fields.')).not.toBeInTheDocument();

      await user.type(rowField(1, 'Count'), '1');
      expect(rowField(1, 'Count')).not.toHaveAttribute('aria-invalid', 'true');
    });

    it('keeps the rows when the server cannot be reached', async () => {
      const user = userEvent.setup();
      await renderOnline();
      await fillRows(user, [['DEMO-ACT-1001', '10']]);
      vi.mocked(backOfficeApi.activate).mockRejectedValue(new AppError(apperr.Code.UNREACHABLE, 'Cannot reach http://lls01.corp.example:7070.'));
      await user.click(screen.getByRole('button', { name: 'Activate' }));
      expect(await screen.findByText('Cannot reach http://lls01.corp.example:7070.')).toBeInTheDocument();
      expect(rowField(1, 'Activation ID')).toHaveValue('DEMO-ACT-1001');
      expect(rowField(1, 'Count')).toHaveValue(10);
    });
  });

  describe('Update Licenses tab', () => {
    it('refreshes and shows when it was requested and what the server answered', async () => {
      const user = userEvent.setup();
      await renderOnline();
      await user.click(screen.getByRole('tab', { name: 'Update Licenses' }));
      const answer = 'The server accepted the request and is retrieving pending license updates from the back office.';
      vi.mocked(backOfficeApi.refresh).mockResolvedValue({ requestedAt: '2026-03-04T10:15:00Z', answer });
      await user.click(screen.getByRole('button', { name: 'Refresh' }));

      expect(await screen.findByText(answer)).toBeInTheDocument();
      expect(screen.getByText(`Requested ${formatDateTime('2026-03-04T10:15:00Z')}`)).toBeInTheDocument();
    });

    it('opens on the tab the URL names and keeps typed rows across tabs', async () => {
      const user = userEvent.setup();
      await renderOnline('/online-updates?tab=update');
      expect(screen.getByRole('tab', { name: 'Update Licenses' })).toHaveAttribute('aria-selected', 'true');
      expect(screen.getByRole('button', { name: 'Refresh' })).toBeVisible();
      await user.click(screen.getByRole('tab', { name: 'Online Activations' }));
      await user.type(rowField(1, 'Activation ID'), 'DEMO-ACT-1001');
      await user.click(screen.getByRole('tab', { name: 'Update Licenses' }));
      await user.click(screen.getByRole('tab', { name: 'Online Activations' }));
      expect(rowField(1, 'Activation ID')).toHaveValue('DEMO-ACT-1001');
    });

    it('names the missing role when the server refuses', async () => {
      const user = userEvent.setup();
      await renderOnline('/online-updates?tab=update');
      vi.mocked(backOfficeApi.refresh).mockRejectedValue(
        new AppError(apperr.Code.ACCESS_DENIED, 'Access denied to back-office synchronization.', [], { role: 'ROLE_ADMIN' }),
      );
      await user.click(screen.getByRole('button', { name: 'Refresh' }));
      expect(await screen.findByText('Access denied: this needs the ROLE_ADMIN role. Log in as a user who has it.')).toBeInTheDocument();
    });
  });
});
