import { act, screen, waitFor, within } from '@testing-library/react';
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, brandingApi, sessionApi, settings, settingsApi, systemApi } from './api';
import sample from '../../branding/sampleData.json';
import { App } from './App';
import { STATUS_INTERVAL_MS } from './state/AppSettings';
import { emitHistory } from './test/events';
import { serveIconPack } from './test/iconPack';
import { aboutInfo, connectionInfo, fieldProblems, historyStatus, loggedOut, profile, sessionState, settingsView, usageOverview } from './test/fixtures';
import * as HistoryService from './wailsjs/go/app/HistoryService';
import { noPolicies } from './state/Policies';

vi.mock('./api/session');
vi.mock('./api/settings');
vi.mock('./api/system');
vi.mock('./api/branding');
vi.mock('./wailsjs/go/app/HistoryService');

const production = profile({ id: 'p1', name: 'Production' });
const lab = profile({ id: 'p2', name: 'Lab server', host: '', port: 7070 });
const chip = () => screen.getByTestId('connection-state');

async function renderApp() {
  render(<App />);
  await screen.findByRole('heading', { name: 'About', level: 1 });
}

describe('App shell', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    window.location.hash = '';
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView(production, { profiles: [production, lab] }));
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(systemApi.about).mockResolvedValue(aboutInfo({ build: { ...aboutInfo().build, productName: 'Acme License Manager' } }));
    vi.mocked(systemApi.policies).mockResolvedValue(noPolicies);
    vi.mocked(systemApi.painted).mockResolvedValue();
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    // Without an accepted data.json Go sends no nav.
    vi.mocked(brandingApi.get).mockResolvedValue({ logoDataUrl: '', problems: [], dir: '/opt/lsm/branding' });
    // The shell's tests leave the history out (the Settings view's history
    // section is heavy to render); those about it answer.
    vi.mocked(HistoryService.Status).mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'The usage history is not part of this test.'));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens on About with the product name and the menu of existing views', async () => {
    await renderApp();
    expect(await within(screen.getByRole('banner')).findByText('Acme License Manager')).toBeInTheDocument();
    const nav = screen.getByRole('navigation');
    expect(within(nav).getByText('License Manager Configuration')).toBeInTheDocument();
    expect(within(nav).getByText('License Server Setup')).toBeInTheDocument();
    expect(within(nav).getByText('Monitoring')).toBeInTheDocument();
    expect(within(nav).getAllByRole('link').map((l) => l.textContent).slice(0, 6)).toEqual(['Dashboard', 'Activity', 'Settings', 'About', 'Login', 'Reset Password']);
    expect(within(nav).getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Server profile' })).toHaveTextContent('Production');
  });

  it('applies producer branding: logo, menu labels and the heading that follows them', async () => {
    const nav = structuredClone(sample);
    nav.items[1].label = 'Über';
    nav.items[1].icon = 'Help';
    nav.groups[1].label = 'Konfiguration';
    serveIconPack();
    const logo = 'data:image/png;base64,iVBORw0KGgo=';
    vi.mocked(brandingApi.get).mockResolvedValue({ logoDataUrl: logo, nav, problems: [], dir: '/opt/lsm/branding' });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Über', level: 1 })).toBeInTheDocument();
    const menu = screen.getByRole('navigation');
    expect(within(menu).getByText('Konfiguration')).toBeInTheDocument();
    expect(within(menu).getAllByRole('link').map((l) => l.textContent).slice(0, 5)).toEqual(['Dashboard', 'Activity', 'Settings', 'Über', 'Login']);
    // Help is outside the default icon set: loaded lazily from the icon package.
    expect(within(menu).getByRole('link', { name: 'Über' }).querySelector('[data-testid="HelpIcon"]')).not.toBeNull();
    expect(within(screen.getByRole('banner')).getByRole('img', { name: 'Logo' })).toHaveAttribute('src', logo);
    expect(screen.queryByText(/Branding not applied/)).not.toBeInTheDocument();
  });

  it('shows why branding was not applied until dismissed, with the defaults', async () => {
    const user = userEvent.setup();
    vi.mocked(brandingApi.get).mockResolvedValue({
      logoDataUrl: '',
      problems: ['data.json: items[3].route: only "label" and "icon" may be changed (the app\'s value is "/reset-password")'],
      dir: '/opt/lsm/branding',
    });
    await renderApp();
    const alert = screen.getByText(/Branding not applied/).closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('Branding not applied: data.json: items[3].route: only "label" and "icon" may be changed');
    expect(within(screen.getByRole('banner')).queryByRole('img', { name: 'Logo' })).not.toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Close' }));
    expect(screen.queryByText(/Branding not applied/)).not.toBeInTheDocument();
  });

  it('keeps the defaults and says so when the branding cannot be read', async () => {
    vi.mocked(brandingApi.get).mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'binding missing'));
    await renderApp();
    expect(screen.getByText(/Branding not applied/)).toHaveTextContent('Branding not applied: Could not read the branding: binding missing');
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: 'About' })).toBeInTheDocument();
  });

  it('navigates to Settings from the menu', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(within(screen.getByRole('navigation')).getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Settings', level: 1 })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: 'Settings' })).toHaveClass('Mui-selected');
  });

  it('shows the connected server’s version, and details on hover', async () => {
    const user = userEvent.setup();
    await renderApp();
    await waitFor(() => expect(chip()).toHaveTextContent('Connected · 2025.10.0'));
    await user.hover(chip());
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent('http://lls01.corp.example:7070');
    expect(tooltip).toHaveTextContent('Instance ID: INST-1234');
    expect(tooltip).toHaveTextContent('Security enabled');
  });

  it.each([
    [apperr.Code.NOT_CONFIGURED, 'Not configured'],
    [apperr.Code.UNREACHABLE, 'Unreachable'],
    [apperr.Code.TIMEOUT, 'Timeout'],
    [apperr.Code.TLS_UNTRUSTED, 'Certificate not trusted'],
    [apperr.Code.NOT_SUPPORTED, 'Not a license server'],
  ] as const)('names a failed status check (%s)', async (code, label) => {
    vi.mocked(settingsApi.status).mockRejectedValue(new AppError(code, `message for ${code}`));
    await renderApp();
    await waitFor(() => expect(chip()).toHaveTextContent(label));
    expect(chip()).toHaveAccessibleDescription(`message for ${code}`);
  });

  it('checks the connection again every 30 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await renderApp();
    await waitFor(() => expect(chip()).toHaveTextContent('Connected'));
    // The About view on screen checks the server once itself; the header's checks come on top.
    const before = vi.mocked(settingsApi.status).mock.calls.length;
    vi.mocked(settingsApi.status).mockRejectedValue(new AppError(apperr.Code.TIMEOUT, 'did not answer'));
    await act(async () => {
      vi.advanceTimersByTime(STATUS_INTERVAL_MS);
    });
    await waitFor(() => expect(chip()).toHaveTextContent('Timeout'));
    expect(settingsApi.status).toHaveBeenCalledTimes(before + 1);
  });

  it('shows the one-time notice until the user dismisses it', async () => {
    const user = userEvent.setup();
    const notice = 'Your settings file could not be read; it was kept as settings.json.bak.';
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView(production, { notice }));
    await renderApp();
    expect(screen.getByText(notice)).toBeInTheDocument();
    await user.click(within(screen.getByText(notice).closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Close' }));
    expect(screen.queryByText(notice)).not.toBeInTheDocument();
  });

  it('switches profile and checks the new server', async () => {
    const user = userEvent.setup();
    vi.mocked(settingsApi.switchProfile).mockResolvedValue(settingsView(lab, { profiles: [production, lab], complete: false }));
    await renderApp();
    await waitFor(() => expect(chip()).toHaveTextContent('Connected'));
    vi.mocked(settingsApi.status).mockRejectedValue(new AppError(apperr.Code.NOT_CONFIGURED, 'Fill in the Settings.'));

    await user.click(screen.getByRole('button', { name: 'Server profile' }));
    await user.click(screen.getByRole('menuitem', { name: /Lab server/ }));

    expect(settingsApi.switchProfile).toHaveBeenCalledWith('p2');
    await waitFor(() => expect(chip()).toHaveTextContent('Not configured'));
    expect(screen.getByRole('button', { name: 'Server profile' })).toHaveTextContent('Lab server');
  });

  it('adds a profile, keeping the dialog open with Go’s message on a bad name', async () => {
    const user = userEvent.setup();
    await renderApp();
    vi.mocked(settingsApi.addProfile)
      .mockRejectedValueOnce(new AppError(apperr.Code.INVALID_INPUT, 'A profile named "Production" already exists.', fieldProblems({ name: 'A profile named "Production" already exists.' })))
      .mockResolvedValueOnce(settingsView(lab, { profiles: [production, lab], complete: false }));

    await user.click(screen.getByRole('button', { name: 'Server profile' }));
    await user.click(screen.getByRole('menuitem', { name: /Add profile/ }));
    const dialog = screen.getByRole('dialog', { name: 'Add profile' });
    await user.type(within(dialog).getByLabelText('Profile name'), 'Production');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));

    const nameField = within(dialog).getByLabelText('Profile name');
    await waitFor(() => expect(nameField).toHaveAccessibleDescription('A profile named "Production" already exists.'));
    expect(nameField).toHaveValue('Production');
    expect(nameField).toHaveAttribute('aria-invalid', 'true');

    await user.clear(nameField);
    await user.type(nameField, 'Lab server');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(settingsApi.addProfile).toHaveBeenLastCalledWith('Lab server');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Server profile' })).toHaveTextContent('Lab server');
  });

  it('renames the active profile', async () => {
    const user = userEvent.setup();
    const renamed = { ...production, name: 'Production EU' };
    vi.mocked(settingsApi.renameProfile).mockResolvedValue(settingsView(renamed, { profiles: [renamed, lab] }));
    await renderApp();
    await user.click(screen.getByRole('button', { name: 'Server profile' }));
    await user.click(screen.getByRole('menuitem', { name: /Rename profile/ }));
    const nameField = within(screen.getByRole('dialog', { name: 'Rename profile' })).getByLabelText('Profile name');
    expect(nameField).toHaveValue('Production');
    await user.type(nameField, ' EU');
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    expect(settingsApi.renameProfile).toHaveBeenCalledWith('p1', 'Production EU');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Server profile' })).toHaveTextContent('Production EU'));
  });

  it('asks before deleting a profile and shows Go’s refusal', async () => {
    const user = userEvent.setup();
    vi.mocked(settingsApi.deleteProfile).mockRejectedValue(
      new AppError(apperr.Code.INVALID_INPUT, 'This is the only profile; add another before deleting it.'),
    );
    await renderApp();
    await user.click(screen.getByRole('button', { name: 'Server profile' }));
    await user.click(screen.getByRole('menuitem', { name: /Delete profile/ }));
    const dialog = screen.getByRole('dialog', { name: 'Delete profile' });
    expect(dialog).toHaveTextContent('Delete the server profile Production?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(settingsApi.deleteProfile).toHaveBeenCalledWith('p1');
    expect(await within(dialog).findByText('This is the only profile; add another before deleting it.')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Delete profile' })).toBeInTheDocument();
  });

  it('saves the chosen theme', async () => {
    const user = userEvent.setup();
    vi.mocked(settingsApi.setTheme).mockResolvedValue(settingsView(production, { theme: settings.Theme.DARK }));
    await renderApp();
    await user.click(screen.getByRole('button', { name: 'Theme' }));
    expect(screen.getByRole('menuitemradio', { name: 'Light' })).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByRole('menuitemradio', { name: 'Dark' }));
    expect(settingsApi.setTheme).toHaveBeenCalledWith(settings.Theme.DARK);
    await user.click(screen.getByRole('button', { name: 'Theme' }));
    expect(screen.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  });

  it('opens on Login when a secured server has no login yet, as the guide says', async () => {
    vi.mocked(sessionApi.start).mockResolvedValue(loggedOut());
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Login', level: 1 })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: 'Login' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Session' })).toHaveTextContent('Not logged in');
  });

  it('opens on the Dashboard when the history settings choose it', async () => {
    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus({ input: { ...historyStatus().input, startView: 'dashboard' } }));
    vi.mocked(HistoryService.Overview).mockResolvedValue(usageOverview());
    vi.mocked(HistoryService.Features).mockResolvedValue([]);
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  });

  it('opens on Login rather than the Dashboard while a secured server has no login', async () => {
    vi.mocked(sessionApi.start).mockResolvedValue(loggedOut());
    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus({ input: { ...historyStatus().input, startView: 'dashboard' } }));
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Login', level: 1 })).toBeInTheDocument();
  });

  it('opens on About when the history settings say so, or cannot be read', async () => {
    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus());
    await renderApp();
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page');
    cleanup();
    vi.mocked(HistoryService.Status).mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'binding missing'));
    await renderApp();
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows the unseen alerts on the bell, which the history event keeps current', async () => {
    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus({ unseen: 2 }));
    await renderApp();
    expect(await screen.findByRole('button', { name: 'Alerts: 2 new' })).toBeInTheDocument();
    act(() => emitHistory({ unseen: 3, opened: [] }));
    expect(await screen.findByRole('button', { name: 'Alerts: 3 new' })).toBeInTheDocument();
  });

  it('shows the login in the header beside the profile', async () => {
    await renderApp();
    const session = await screen.findByRole('button', { name: 'Session' });
    await waitFor(() => expect(session).toHaveTextContent('admin'));
    const profileButton = screen.getByRole('button', { name: 'Server profile' });
    expect(profileButton.compareDocumentPosition(session) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('starts the session again for another profile', async () => {
    const user = userEvent.setup();
    vi.mocked(settingsApi.switchProfile).mockResolvedValue(settingsView(lab, { profiles: [production, lab] }));
    await renderApp();
    await waitFor(() => expect(sessionApi.start).toHaveBeenCalledTimes(1));
    vi.mocked(sessionApi.start).mockResolvedValue(loggedOut({ profileId: 'p2', securityEnabled: false }));
    await user.click(screen.getByRole('button', { name: 'Server profile' }));
    await user.click(screen.getByRole('menuitem', { name: /Lab server/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Session' })).toHaveTextContent('Security off'));
    expect(sessionApi.start).toHaveBeenCalledTimes(2);
  });

  it('goes to Login with a note when the session times out, and back to the untouched view after the login', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(within(screen.getByRole('navigation')).getByRole('link', { name: 'Settings' }));
    const pageSize = await screen.findByLabelText('Page Size', { selector: 'input' });
    await user.clear(pageSize);
    await user.type(pageSize, '25');

    // Half an hour later the next click finds the session ended on the server.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31 * 60_000);
    vi.mocked(sessionApi.state).mockResolvedValue(loggedOut({ timedOut: true, rememberedUser: '' }));
    await user.click(screen.getByLabelText('FlexNet License Server Host Name', { selector: 'input' }));

    expect(await screen.findByRole('heading', { name: 'Login', level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/Your session ended after 30 minutes without activity/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Settings', level: 1 })).not.toBeInTheDocument();
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: 'Login' })).toHaveAttribute('aria-current', 'page');
    expect(sessionApi.touch).not.toHaveBeenCalled();

    vi.mocked(sessionApi.login).mockResolvedValue(sessionState());
    expect(screen.getByLabelText('User Name', { selector: 'input' })).toHaveValue('admin');
    await user.type(screen.getByLabelText('Password', { selector: 'input' }), 'Admin123!');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    expect(await screen.findByRole('heading', { name: 'Settings', level: 1 })).toBeInTheDocument();
    expect(screen.getByLabelText('Page Size', { selector: 'input' })).toHaveValue(25);
    expect(screen.queryByRole('heading', { name: 'Login', level: 1 })).not.toBeInTheDocument();
  });

  it('shows an error screen when the settings cannot be loaded', async () => {
    vi.mocked(settingsApi.get).mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'binding missing'));
    render(<App />);
    expect(await screen.findByText(/The settings could not be loaded: binding missing/)).toBeInTheDocument();
  });
});
