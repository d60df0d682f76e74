import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, sessionApi, settingsApi, type SessionState } from '../../api';
import { connectionInfo, fieldProblems, loggedOut, sessionState, settingsView } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { ResetPassword } from './ResetPassword';

vi.mock('../../api/session');
vi.mock('../../api/settings');

const field = (label: string) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
const labels = () => Array.from(document.querySelectorAll('form label')).map((l) => l.textContent?.replace(/\s*\*$/, ''));
const RULES = '8–30 characters, with an upper-case and a lower-case letter and one of ( ^ * $ - + ? _ & = ! % { } / # )';

async function renderReset(state: SessionState) {
  vi.mocked(sessionApi.start).mockResolvedValue(state);
  renderWithSettings(<ResetPassword />, { route: '/reset-password' });
  await screen.findByRole('heading', { name: 'Reset Password', level: 1 });
  await waitFor(() => expect(screen.queryByLabelText('Asking the license server')).not.toBeInTheDocument());
}

describe('Reset Password view', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
  });

  describe('on a first login or when not logged in', () => {
    it('asks for the current password as well', async () => {
      await renderReset(loggedOut({ rememberedUser: 'admin' }));
      expect(labels()).toEqual(['User Name', 'Current Password', 'New Password', 'Confirm New Password']);
      expect(field('User Name')).toHaveValue('admin');
      expect(field('New Password')).toHaveAccessibleDescription(RULES);
    });

    it('says when the server insists on a new password first', async () => {
      await renderReset(sessionState({ passwordChangeRequired: true }));
      expect(labels()).toEqual(['User Name', 'Current Password', 'New Password', 'Confirm New Password']);
      expect(screen.getByText(/The server wants a new password for admin before anything else/)).toBeInTheDocument();
    });

    it('sends all four fields and confirms the change', async () => {
      const user = userEvent.setup();
      await renderReset(loggedOut());
      vi.mocked(sessionApi.changePassword).mockResolvedValue(sessionState());
      await user.type(field('User Name'), 'admin');
      await user.type(field('Current Password'), 'Admin123!');
      await user.type(field('New Password'), 'Str0nger-Pass');
      await user.type(field('Confirm New Password'), 'Str0nger-Pass');
      await user.click(screen.getByRole('button', { name: 'Reset Password' }));

      expect(sessionApi.changePassword).toHaveBeenCalledWith({ user: 'admin', current: 'Admin123!', new: 'Str0nger-Pass', confirm: 'Str0nger-Pass' });
      expect(await screen.findByText('The password was changed.')).toBeInTheDocument();
      // Go logged in with the current password, so the view is now in its logged-in mode.
      expect(screen.queryByLabelText('Current Password')).not.toBeInTheDocument();
      expect(field('New Password')).toHaveValue('');
    });

    it('shows Go’s message for each field, such as a confirmation that does not match', async () => {
      const user = userEvent.setup();
      await renderReset(loggedOut());
      vi.mocked(sessionApi.changePassword).mockRejectedValue(
        new AppError(apperr.Code.INVALID_INPUT, 'Please correct the highlighted fields.', fieldProblems({
          current: 'Enter the current password.',
          confirm: 'The passwords do not match.',
        })),
      );
      await user.type(field('User Name'), 'admin');
      await user.type(field('New Password'), 'Str0nger-Pass');
      await user.type(field('Confirm New Password'), 'Str0nger-Pas');
      await user.click(screen.getByRole('button', { name: 'Reset Password' }));

      await waitFor(() => expect(field('Confirm New Password')).toHaveAccessibleDescription('The passwords do not match.'));
      expect(field('Confirm New Password')).toHaveAttribute('aria-invalid', 'true');
      expect(field('Current Password')).toHaveAccessibleDescription('Enter the current password.');
      expect(field('New Password')).not.toHaveAttribute('aria-invalid', 'true');
      expect(field('Confirm New Password')).toHaveValue('Str0nger-Pas');
      expect(screen.queryByText('The password was changed.')).not.toBeInTheDocument();
    });
  });

  describe('while logged in', () => {
    it('prefills the user, lets it be changed and needs no current password', async () => {
      const user = userEvent.setup();
      await renderReset(sessionState({ user: 'admin', rememberedUser: 'admin' }));
      expect(labels()).toEqual(['User Name', 'New Password', 'Confirm New Password']);
      expect(field('User Name')).toHaveValue('admin');
      vi.mocked(sessionApi.changePassword).mockResolvedValue(sessionState({ user: 'admin', rememberedUser: 'admin' }));

      await user.type(field('New Password'), 'Str0nger-Pass');
      await user.type(field('Confirm New Password'), 'Str0nger-Pass');
      await user.click(screen.getByRole('button', { name: 'Reset Password' }));

      expect(sessionApi.changePassword).toHaveBeenCalledWith({ user: 'admin', current: '', new: 'Str0nger-Pass', confirm: 'Str0nger-Pass' });
      expect(await screen.findByText(/The password was changed\./)).toHaveTextContent(
        'The password was changed. The copy saved on this computer was updated too.',
      );
    });

    it('changes another user’s password', async () => {
      const user = userEvent.setup();
      await renderReset(sessionState({ user: 'admin', rememberedUser: 'admin' }));
      vi.mocked(sessionApi.changePassword).mockResolvedValue(sessionState({ user: 'admin', rememberedUser: 'admin' }));
      await user.clear(field('User Name'));
      await user.type(field('User Name'), 'reader');
      await user.type(field('New Password'), 'Str0nger-Pass');
      await user.type(field('Confirm New Password'), 'Str0nger-Pass');
      await user.click(screen.getByRole('button', { name: 'Reset Password' }));
      expect(sessionApi.changePassword).toHaveBeenCalledWith(expect.objectContaining({ user: 'reader' }));
      expect(await screen.findByText('The password was changed.')).toBeInTheDocument();
    });

    it('says when the saved copy could not be updated', async () => {
      const user = userEvent.setup();
      await renderReset(sessionState({ rememberedUser: 'admin' }));
      const problem = 'The password was changed, but the saved copy could not be updated: keyring locked';
      vi.mocked(sessionApi.changePassword).mockResolvedValue(sessionState({ rememberedUser: 'admin', problem }));
      await user.type(field('New Password'), 'Str0nger-Pass');
      await user.type(field('Confirm New Password'), 'Str0nger-Pass');
      await user.click(screen.getByRole('button', { name: 'Reset Password' }));
      expect(await screen.findByText(problem)).toBeInTheDocument();
      expect(screen.queryByText(/was updated too/)).not.toBeInTheDocument();
    });

    it('names the missing role when the server refuses', async () => {
      const user = userEvent.setup();
      await renderReset(sessionState({ user: 'reader', roles: ['ROLE_READ'] }));
      vi.mocked(sessionApi.changePassword).mockRejectedValue(
        new AppError(apperr.Code.ACCESS_DENIED, 'Access denied to changing passwords. It needs the ROLE_ADMIN role.', [], { role: 'ROLE_ADMIN' }),
      );
      await user.clear(field('User Name'));
      await user.type(field('User Name'), 'admin');
      await user.type(field('New Password'), 'Str0nger-Pass');
      await user.type(field('Confirm New Password'), 'Str0nger-Pass');
      await user.click(screen.getByRole('button', { name: 'Reset Password' }));
      expect(await screen.findByText('Access denied: this needs the ROLE_ADMIN role. Log in as a user who has it.')).toBeInTheDocument();
    });
  });

  describe('after a session timeout', () => {
    it('asks the user to log in again first', async () => {
      await renderReset(loggedOut({ timedOut: true }));
      expect(screen.getByText(/Your session ended after 30 minutes without activity\. Log in again before you change the password\./)).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Login' })).toHaveAttribute('href', '/login');
      expect(screen.queryByLabelText('New Password')).not.toBeInTheDocument();
    });

    it('switches to that mode when Go refuses for a timeout', async () => {
      const user = userEvent.setup();
      await renderReset(sessionState());
      vi.mocked(sessionApi.changePassword).mockRejectedValue(
        new AppError(apperr.Code.LOGIN_REQUIRED, 'Your session timed out. Log in again before you change the password.'),
      );
      vi.mocked(sessionApi.state).mockResolvedValue(loggedOut({ timedOut: true }));
      await user.type(field('New Password'), 'Str0nger-Pass');
      await user.type(field('Confirm New Password'), 'Str0nger-Pass');
      await user.click(screen.getByRole('button', { name: 'Reset Password' }));
      expect(await screen.findByRole('link', { name: 'Login' })).toBeInTheDocument();
      expect(screen.queryByLabelText('New Password')).not.toBeInTheDocument();
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
  });
});
