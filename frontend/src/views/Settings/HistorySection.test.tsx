import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, sessionApi, settingsApi } from '../../api';
import { alertRules, connectionInfo, fieldProblems, HISTORY_PROBLEM, historyStatus, sessionState, settingsView } from '../../test/fixtures';
import { policiesOf, renderWithSettings } from '../../test/render';
import * as HistoryService from '../../wailsjs/go/app/HistoryService';
import { Settings } from './Settings';

vi.mock('../../api/session');
vi.mock('../../api/settings');
vi.mock('../../wailsjs/go/app/HistoryService');

const section = () => screen.getByRole('region', { name: 'Usage history and alerts' });
const byName = (name: string) => section().querySelector(`input[name="${name}"]`) as HTMLInputElement;
const saveButton = () => within(section()).getByRole('button', { name: 'Save history settings' });

async function renderSection(policies = policiesOf({})) {
  renderWithSettings(<Settings />, { route: '/settings', policies });
  await screen.findByRole('heading', { name: 'Settings', level: 1 });
  await within(await screen.findByRole('region', { name: 'Usage history and alerts' })).findByRole('form', { name: 'Usage history settings' });
}

async function replace(user: ReturnType<typeof userEvent.setup>, input: HTMLInputElement, value: string) {
  await user.clear(input);
  if (value) {
    input.focus();
    await user.paste(value);
  }
}

describe('Settings: usage history and alerts', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(HistoryService.Status).mockResolvedValue(
      historyStatus({ input: { history: { intervalMinutes: 5, retentionDays: 365, rules: alertRules({ features: [{ feature: 'Storage_GB', off: true, percent: 90, minutes: 15 }] }) }, startView: 'about' } }),
    );
  });

  it('comes after the server’s settings and shows the history settings, the rules, the profiles recorded and the file', async () => {
    await renderSection();
    expect(screen.getByRole('button', { name: 'Test connection' }).compareDocumentPosition(section()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(section()).getByLabelText('Sample every')).toHaveValue(5);
    expect(within(section()).getByLabelText('Keep samples for')).toHaveValue(365);
    expect(within(section()).getByRole('radio', { name: 'About' })).toBeChecked();
    expect(within(section()).getByRole('switch', { name: 'Near capacity' })).toBeChecked();
    expect(byName('rules.busy.percent')).toHaveValue(90);
    expect(byName('rules.busy.minutes')).toHaveValue(15);
    expect(within(section()).getByRole('switch', { name: 'Every seat in use' })).toBeChecked();
    expect(byName('rules.expiry.days')).toHaveValue(30);
    expect(byName('rules.unreachable.minutes')).toHaveValue(10);
    expect(within(section()).getByRole('switch', { name: 'Overdraft' })).toBeChecked();
    const rule = within(section()).getByRole('group', { name: 'Feature rule 1' });
    expect(within(rule).getByLabelText('Feature')).toHaveValue('Storage_GB');
    expect(within(rule).getByRole('checkbox', { name: 'No alerts' })).toBeChecked();
    expect(byName('rules.features.0.percent')).toBeDisabled();
    expect(within(section()).getByRole('switch', { name: 'Record usage history of Production' })).toBeChecked();
    expect(within(section()).getByRole('switch', { name: 'Record usage history of Lab server' })).not.toBeChecked();
    expect(within(section()).getByTestId('history-file')).toHaveTextContent('/home/ada/.local/share/LicenseServerManager/history.db');
  });

  it('locks what the machine policies fix and says they are set by your organisation', async () => {
    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus({ input: { history: { intervalMinutes: 5, retentionDays: 90, rules: alertRules() }, startView: 'about' } }));
    await renderSection(policiesOf({ historyRetentionDays: 90, disableHistoryCollection: true }));
    expect(within(section()).getByLabelText('Keep samples for')).toBeDisabled();
    expect(within(section()).getByLabelText('Keep samples for')).toHaveValue(90);
    expect(within(section()).getByText(/usage history is kept for 90 days/)).toBeInTheDocument();
    expect(within(section()).getByText(/usage history is turned off on this computer/)).toBeInTheDocument();
    expect(within(section()).getAllByText('Set by your organisation')).toHaveLength(2);
    for (const name of ['Production', 'Lab server']) {
      const toggle = within(section()).getByRole('switch', { name: `Record usage history of ${name}` });
      expect(toggle).toBeDisabled();
      expect(toggle).not.toBeChecked();
    }
    expect(within(section()).getByLabelText('Sample every')).toBeEnabled();
  });

  it('gives the ranges Go accepts as the fields’ help', async () => {
    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus({ bounds: { minIntervalMinutes: 2, maxIntervalMinutes: 30, minRetentionDays: 31, maxRetentionDays: 999 } }));
    await renderSection();
    expect(within(section()).getByLabelText('Sample every')).toHaveAccessibleDescription('2 to 30 minutes');
    expect(within(section()).getByLabelText('Keep samples for')).toHaveAccessibleDescription('31 to 999 days');
  });

  it('saves the interval, retention, start view and every rule, with feature rules added and removed', async () => {
    const user = userEvent.setup();
    await renderSection();
    vi.mocked(HistoryService.SaveSettings).mockImplementation(async (input) => historyStatus({ input }));

    await replace(user, within(section()).getByLabelText('Sample every'), '10');
    await replace(user, within(section()).getByLabelText('Keep samples for'), '730');
    await user.click(within(section()).getByRole('radio', { name: 'Dashboard' }));
    await replace(user, byName('rules.busy.percent'), '85');
    await replace(user, byName('rules.busy.minutes'), '30');
    await user.click(within(section()).getByRole('switch', { name: 'Every seat in use' }));
    await replace(user, byName('rules.expiry.days'), '60');
    await user.click(within(section()).getByRole('switch', { name: 'Overdraft' }));

    await user.click(within(section()).getByRole('button', { name: 'Add feature rule' }));
    const added = within(section()).getByRole('group', { name: 'Feature rule 2' });
    // A new rule starts from the global threshold.
    expect(byName('rules.features.1.percent')).toHaveValue(85);
    await user.type(within(added).getByLabelText('Feature'), 'VR_MODE');
    await replace(user, byName('rules.features.1.percent'), '70');
    await replace(user, byName('rules.features.1.minutes'), '5');
    await user.click(within(section()).getByRole('button', { name: 'Remove feature rule 1' }));
    expect(within(within(section()).getByRole('group', { name: 'Feature rule 1' })).getByLabelText('Feature')).toHaveValue('VR_MODE');

    await user.click(saveButton());
    expect(HistoryService.SaveSettings).toHaveBeenCalledWith({
      history: {
        intervalMinutes: 10,
        retentionDays: 730,
        rules: {
          busy: { on: true, percent: 85, minutes: 30 },
          full: { on: false },
          expiry: { on: true, days: 60 },
          unreachable: { on: true, minutes: 10 },
          overdraft: { on: false },
          features: [{ feature: 'VR_MODE', off: false, percent: 70, minutes: 5 }],
        },
      },
      startView: 'dashboard',
    });
    expect(await within(section()).findByText('History settings saved.')).toBeInTheDocument();
    expect(within(section()).getByLabelText('Sample every')).toHaveValue(10);
    // The server's own Save is another form.
    expect(settingsApi.save).not.toHaveBeenCalled();
  });

  it('shows Go’s message at each field it names, and keeps every edit for the next try', async () => {
    const user = userEvent.setup();
    await renderSection();
    vi.mocked(HistoryService.SaveSettings).mockRejectedValue(
      new AppError(
        apperr.Code.INVALID_INPUT,
        'Please correct the highlighted fields.',
        fieldProblems({
          intervalMinutes: 'Sample every 1 to 60 minutes.',
          'rules.busy.percent': 'A utilisation threshold is a percentage from 1 to 100.',
          'rules.features.1.feature': 'Name the feature the rule is for.',
        }),
      ),
    );

    await user.click(within(section()).getByRole('button', { name: 'Add feature rule' }));
    await replace(user, within(section()).getByLabelText('Sample every'), '90');
    await replace(user, byName('rules.busy.percent'), '150');
    await user.click(saveButton());

    expect(await within(section()).findByText('Sample every 1 to 60 minutes.')).toBeInTheDocument();
    expect(within(section()).getByLabelText('Sample every')).toHaveAttribute('aria-invalid', 'true');
    expect(within(section()).getByLabelText('Sample every')).toHaveAccessibleDescription('Sample every 1 to 60 minutes.');
    expect(byName('rules.busy.percent')).toHaveAccessibleDescription('A utilisation threshold is a percentage from 1 to 100.');
    expect(within(within(section()).getByRole('group', { name: 'Feature rule 2' })).getByLabelText('Feature')).toHaveAccessibleDescription('Name the feature the rule is for.');
    expect(within(section()).getByText('Please correct the highlighted fields.')).toBeInTheDocument();
    expect(within(section()).queryByText('History settings saved.')).not.toBeInTheDocument();

    // Every edit is still there.
    expect(within(section()).getByLabelText('Sample every')).toHaveValue(90);
    expect(byName('rules.busy.percent')).toHaveValue(150);
    expect(within(section()).getByRole('group', { name: 'Feature rule 2' })).toBeInTheDocument();

    // Correcting a field clears its own message only.
    await replace(user, within(section()).getByLabelText('Sample every'), '15');
    expect(within(section()).getByLabelText('Sample every')).not.toHaveAttribute('aria-invalid', 'true');
    expect(byName('rules.busy.percent')).toHaveAttribute('aria-invalid', 'true');

    vi.mocked(HistoryService.SaveSettings).mockImplementation(async (input) => historyStatus({ input }));
    await replace(user, byName('rules.busy.percent'), '95');
    await user.type(within(within(section()).getByRole('group', { name: 'Feature rule 2' })).getByLabelText('Feature'), 'Animation');
    await user.click(saveButton());
    expect(await within(section()).findByText('History settings saved.')).toBeInTheDocument();
    expect(vi.mocked(HistoryService.SaveSettings).mock.lastCall?.[0].history).toMatchObject({
      intervalMinutes: 15,
      rules: { busy: { percent: 95 }, features: [{ feature: 'Storage_GB', off: true }, { feature: 'Animation', off: false, percent: 90, minutes: 15 }] },
    });
  });

  it('shows a failure that names no field as a message', async () => {
    const user = userEvent.setup();
    await renderSection();
    vi.mocked(HistoryService.SaveSettings).mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'The settings file could not be written: disk full'));
    await user.click(saveButton());
    expect(await within(section()).findByText('The settings file could not be written: disk full')).toBeInTheDocument();
  });

  it('turns the recording of a profile on and off at once, and says why when it cannot', async () => {
    const user = userEvent.setup();
    await renderSection();
    vi.mocked(HistoryService.SetRecord).mockResolvedValueOnce(
      historyStatus({
        profiles: [
          { profileId: 'p1', name: 'Production', record: true },
          { profileId: 'p2', name: 'Lab server', record: true },
        ],
      }),
    );
    await user.click(within(section()).getByRole('switch', { name: 'Record usage history of Lab server' }));
    expect(HistoryService.SetRecord).toHaveBeenCalledWith('p2', true);
    await waitFor(() => expect(within(section()).getByRole('switch', { name: 'Record usage history of Lab server' })).toBeChecked());

    vi.mocked(HistoryService.SetRecord).mockRejectedValueOnce(new AppError(apperr.Code.INTERNAL, 'The settings file could not be written: disk full'));
    await user.click(within(section()).getByRole('switch', { name: 'Record usage history of Production' }));
    expect(await within(section()).findByText('The settings file could not be written: disk full')).toBeInTheDocument();
    expect(within(section()).getByRole('switch', { name: 'Record usage history of Production' })).toBeChecked();
  });

  it('says why the history file cannot be used, and still saves the settings', async () => {
    const user = userEvent.setup();
    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus({ available: false, problem: HISTORY_PROBLEM }));
    await renderSection();
    expect(within(section()).getByText('Usage history is not available')).toBeInTheDocument();
    expect(within(section()).getByText(HISTORY_PROBLEM)).toBeInTheDocument();
    vi.mocked(HistoryService.SaveSettings).mockImplementation(async (input) => historyStatus({ input, available: false, problem: HISTORY_PROBLEM }));
    await user.click(saveButton());
    expect(await within(section()).findByText('History settings saved.')).toBeInTheDocument();
  });

  it('says so when the history settings cannot be read', async () => {
    vi.mocked(HistoryService.Status).mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'The application is shutting down.'));
    renderWithSettings(<Settings />, { route: '/settings' });
    expect(await within(await screen.findByRole('region', { name: 'Usage history and alerts' })).findByText('The application is shutting down.')).toBeInTheDocument();
    // The server's settings work as before.
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });
});
