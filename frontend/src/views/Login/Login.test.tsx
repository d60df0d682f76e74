import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, sessionApi, settingsApi, type SessionState } from '../../api';
import { connectionInfo, fieldProblems, loggedOut, sessionState, settingsView } from '../../test/fixtures';
import { policiesOf, renderWithSettings } from '../../test/render';
import { Login } from './Login';

vi.mock('../../api/session');
vi.mock('../../api/settings');

const field = (label: string) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;

async function renderLogin(state: SessionState, policies = policiesOf({})) {
  vi.mocked(sessionApi.start).mockResolvedValue(state);
  renderWithSettings(<Login />, { route: '/login', policies });
  await screen.findByRole('heading', { name: 'Login', level: 1 });
  await waitFor(() => expect(screen.queryByLabelText('Asking the license server')).not.toBeInTheDocument());
}

describe('Login view', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
  });

  it('logs in with the typed credentials and shows the session', async () => {
    const user = userEvent.setup();
    await renderLogin(loggedOut());
    vi.mocked(sessionApi.login).mockResolvedValue(sessionState({ user: 'admin', roles: ['ROLE_ADMIN', 'ROLE_READ'] }));

    expect(screen.getByRole('heading', { name: 'Log in', level: 2 })).toBeInTheDocument();
    expect(field('Remember on this computer')).not.toBeChecked();
    expect(field('Remember on this computer')).toHaveAccessibleDescription(/Windows Credential Manager/);
    await user.type(field('User Name'), 'admin');
    await user.type(field('Password'), 'Admin123!');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    expect(sessionApi.login).toHaveBeenCalledWith({ user: 'admin', password: 'Admin123!', remember: false });
    expect(await screen.findByText('Logged in as admin.')).toBeInTheDocument();
    const current = screen.getByRole('region', { name: 'Current session' });
    expect(within(current).getByText('ROLE_ADMIN')).toBeInTheDocument();
    expect(within(current).getByText('ROLE_READ')).toBeInTheDocument();
    expect(field('Password')).toHaveValue('');
  });

  it('under DisableRememberPassword offers no Remember and never asks for it', async () => {
    const user = userEvent.setup();
    await renderLogin(loggedOut({ rememberedUser: 'admin' }), policiesOf({ disableRememberPassword: true }));
    vi.mocked(sessionApi.login).mockResolvedValue(sessionState({ user: 'admin' }));

    expect(field('Remember on this computer')).toBeDisabled();
    expect(field('Remember on this computer')).not.toBeChecked();
    expect(field('Remember on this computer')).toHaveAccessibleDescription(/Set by your organisation\s*: passwords are not saved/);
    await user.type(field('Password'), 'Admin123!');
    await user.click(screen.getByRole('button', { name: 'Login' }));
    expect(sessionApi.login).toHaveBeenCalledWith({ user: 'admin', password: 'Admin123!', remember: false });
  });

  it('lists the demo server’s accounts, and Use fills the form with one', async () => {
    const user = userEvent.setup();
    const accounts = [
      { user: 'admin', password: 'Admin123!', access: 'everything' },
      { user: 'reader', password: 'Reader123!', access: 'read only' },
    ];
    await renderLogin(loggedOut({ demoAccounts: accounts }));
    vi.mocked(sessionApi.login).mockResolvedValue(sessionState({ user: 'reader', roles: ['ROLE_READ'] }));
    const list = screen.getByRole('alert', { name: 'Demo server accounts' });
    expect(within(list).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['admin / Admin123!(everything)Use', 'reader / Reader123!(read only)Use']);

    await user.click(within(list).getByRole('button', { name: 'Use reader' }));
    expect(field('User Name')).toHaveValue('reader');
    expect(field('Password')).toHaveValue('Reader123!');
    await user.click(screen.getByRole('button', { name: 'Login' }));
    expect(sessionApi.login).toHaveBeenCalledWith({ user: 'reader', password: 'Reader123!', remember: false });
  });

  it('lists no accounts for a real server', async () => {
    await renderLogin(loggedOut());
    expect(screen.queryByRole('alert', { name: 'Demo server accounts' })).not.toBeInTheDocument();
  });

  it('sends the remember flag when the box is ticked', async () => {
    const user = userEvent.setup();
    await renderLogin(loggedOut());
    vi.mocked(sessionApi.login).mockResolvedValue(sessionState({ rememberedUser: 'admin' }));
    await user.type(field('User Name'), 'admin');
    await user.type(field('Password'), 'Admin123!');
    await user.click(field('Remember on this computer'));
    await user.click(screen.getByRole('button', { name: 'Login' }));
    expect(sessionApi.login).toHaveBeenCalledWith({ user: 'admin', password: 'Admin123!', remember: true });
  });

  it('prefills the remembered user and keeps remembering by default', async () => {
    await renderLogin(loggedOut({ rememberedUser: 'reader', problem: 'The saved password for reader was refused; log in again.' }));
    expect(field('User Name')).toHaveValue('reader');
    expect(field('Remember on this computer')).toBeChecked();
    expect(screen.getByText('The saved password for reader was refused; log in again.')).toBeInTheDocument();
  });

  it('shows Go’s message under the password for wrong credentials, keeping the user name', async () => {
    const user = userEvent.setup();
    await renderLogin(loggedOut());
    vi.mocked(sessionApi.login).mockRejectedValue(
      new AppError(apperr.Code.INVALID_INPUT, 'The user name or password is incorrect.', fieldProblems({ password: 'The user name or password is incorrect.' })),
    );
    await user.type(field('User Name'), 'admin');
    await user.type(field('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    await waitFor(() => expect(field('Password')).toHaveAccessibleDescription('The user name or password is incorrect.'));
    expect(field('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(field('User Name')).not.toHaveAttribute('aria-invalid', 'true');
    expect(field('User Name')).toHaveValue('admin');
    expect(screen.queryByText(/Logged in as/)).not.toBeInTheDocument();
  });

  it('marks each missing field', async () => {
    const user = userEvent.setup();
    await renderLogin(loggedOut());
    vi.mocked(sessionApi.login).mockRejectedValue(
      new AppError(apperr.Code.INVALID_INPUT, 'Please correct the highlighted fields.', fieldProblems({ user: 'Enter your user name.', password: 'Enter your password.' })),
    );
    await user.click(screen.getByRole('button', { name: 'Login' }));
    await waitFor(() => expect(field('User Name')).toHaveAccessibleDescription('Enter your user name.'));
    expect(field('Password')).toHaveAccessibleDescription('Enter your password.');
  });

  it('shows a failure that is not about a field', async () => {
    const user = userEvent.setup();
    await renderLogin(loggedOut());
    vi.mocked(sessionApi.login).mockRejectedValue(new AppError(apperr.Code.UNREACHABLE, 'Nothing answers at http://lls01.corp.example:7070.'));
    await user.type(field('User Name'), 'admin');
    await user.type(field('Password'), 'Admin123!');
    await user.click(screen.getByRole('button', { name: 'Login' }));
    const alert = (await screen.findByText('Nothing answers at http://lls01.corp.example:7070.')).closest('[role="alert"]');
    expect(alert).toHaveTextContent('Unreachable');
  });

  it('shows and hides the password', async () => {
    const user = userEvent.setup();
    await renderLogin(loggedOut());
    expect(field('Password')).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(field('Password')).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(field('Password')).toHaveAttribute('type', 'password');
  });

  it('says that no login is needed when security is disabled', async () => {
    await renderLogin(loggedOut({ securityEnabled: false }));
    expect(screen.getByText(/Security is disabled on this server, so no login is needed/)).toBeInTheDocument();
    expect(screen.queryByLabelText('User Name')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Login' })).not.toBeInTheDocument();
  });

  describe('when logged in', () => {
    const admin = sessionState({ user: 'admin', roles: ['ROLE_ADMIN', 'ROLE_READ'], expiresAt: '2026-01-02T09:30:00Z', rememberedUser: 'admin' });

    it('shows the user, roles and expiry', async () => {
      await renderLogin(admin);
      const current = screen.getByRole('region', { name: 'Current session' });
      expect(current).toHaveTextContent('Useradmin');
      expect(within(current).getByText('ROLE_ADMIN')).toBeInTheDocument();
      expect(current).toHaveTextContent(new Date('2026-01-02T09:30:00Z').toLocaleString());
      expect(current).toHaveTextContent('Saved on this computer for admin');
      expect(screen.getByRole('heading', { name: 'Log in as another user' })).toBeInTheDocument();
      expect(field('User Name')).toHaveValue('');
    });

    it('logs out and keeps the saved password', async () => {
      const user = userEvent.setup();
      await renderLogin(admin);
      vi.mocked(sessionApi.logout).mockResolvedValue(loggedOut({ rememberedUser: 'admin' }));
      await user.click(screen.getByRole('button', { name: 'Logout' }));
      expect(sessionApi.logout).toHaveBeenCalledWith(false);
      expect(await screen.findByText('Logged out.')).toBeInTheDocument();
      expect(screen.queryByRole('region', { name: 'Current session' })).not.toBeInTheDocument();
      expect(field('User Name')).toHaveValue('admin');
    });

    it('forgets the saved password', async () => {
      const user = userEvent.setup();
      await renderLogin(admin);
      vi.mocked(sessionApi.logout).mockResolvedValue(loggedOut());
      await user.click(screen.getByRole('button', { name: 'Forget saved password' }));
      expect(sessionApi.logout).toHaveBeenCalledWith(true);
      expect(await screen.findByText('Logged out. The saved password was removed from this computer.')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Forget saved password' })).not.toBeInTheDocument();
    });

    it('offers Reset Password when the server wants a new password first', async () => {
      await renderLogin(sessionState({ passwordChangeRequired: true }));
      expect(screen.getByText('The server wants a new password for admin before anything else.')).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Reset Password' })).toHaveAttribute('href', '/reset-password');
    });
  });

  it('explains a session timeout', async () => {
    await renderLogin(loggedOut({ timedOut: true }));
    expect(
      screen.getByText('Your session ended after 30 minutes without activity. Log in again to continue; what you entered in other views is kept.'),
    ).toBeInTheDocument();
  });
});
