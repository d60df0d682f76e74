import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { apperr, AppError, call, sessionApi, settingsApi, toAppError } from '../api';
import { connectionInfo, fieldProblems, loggedOut, sessionState, settingsView } from '../test/fixtures';
import { renderWithSettings } from '../test/render';

vi.mock('../api/session');
vi.mock('../api/settings');

const expired = () => new AppError(apperr.Code.LOGIN_REQUIRED, 'Please log in: the session is missing or has expired.');

/** A stand-in for any view: a field the user types into and buttons that start server calls. */
function Workbench({ operations }: { operations: Record<string, () => Promise<string>> }) {
  const [results, setResults] = useState<Record<string, string>>({});
  const run = (name: string) =>
    call(operations[name]).then(
      (value) => setResults((r) => ({ ...r, [name]: `${name}: ${value}` })),
      (e: unknown) => setResults((r) => ({ ...r, [name]: `${name} failed: ${toAppError(e).code}` })),
    );
  return (
    <>
      <label>
        Note
        <input />
      </label>
      {Object.keys(operations).map((name) => (
        <button key={name} onClick={() => run(name)}>
          Run {name}
        </button>
      ))}
      <button onClick={() => Object.keys(operations).forEach(run)}>Run all</button>
      {Object.values(results).map((text) => (
        <p key={text}>{text}</p>
      ))}
    </>
  );
}

async function renderWorkbench(operations: Record<string, () => Promise<string>>) {
  renderWithSettings(<Workbench operations={operations} />);
  await screen.findByRole('button', { name: 'Run all' });
  await waitFor(() => expect(sessionApi.start).toHaveBeenCalled());
}

const dialog = () => screen.getByRole('dialog', { name: 'Log in to continue' });

describe('login prompt for a 401 anywhere', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState({ rememberedUser: 'admin' }));
    vi.mocked(sessionApi.state).mockResolvedValue(loggedOut({ rememberedUser: 'admin' }));
  });

  it('logs in over the view and returns the result of the same operation, keeping what was typed', async () => {
    const user = userEvent.setup();
    const features = vi.fn<() => Promise<string>>().mockRejectedValueOnce(expired()).mockResolvedValueOnce('42 features');
    vi.mocked(sessionApi.login).mockResolvedValue(sessionState({ rememberedUser: 'admin' }));
    await renderWorkbench({ features });
    await user.type(screen.getByLabelText('Note'), 'draft');

    await user.click(screen.getByRole('button', { name: 'Run features' }));
    const prompt = await screen.findByRole('dialog', { name: 'Log in to continue' });
    expect(prompt).toHaveTextContent('Please log in: the session is missing or has expired.');
    expect(within(prompt).getByLabelText('User Name')).toHaveValue('admin');
    expect(within(prompt).getByLabelText('Remember on this computer')).toBeChecked();

    await user.type(within(prompt).getByLabelText('Password'), 'Admin123!');
    await user.click(within(prompt).getByRole('button', { name: 'Login' }));

    expect(sessionApi.login).toHaveBeenCalledWith({ user: 'admin', password: 'Admin123!', remember: true });
    expect(await screen.findByText('features: 42 features')).toBeInTheDocument();
    expect(features).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Note')).toHaveValue('draft');
  });

  it('offers the demo server’s accounts, and Use fills the login with one', async () => {
    const user = userEvent.setup();
    const demo = [{ user: 'admin', password: 'Admin123!', access: 'everything' }];
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState({ demoAccounts: demo }));
    const features = vi.fn<() => Promise<string>>().mockRejectedValueOnce(expired()).mockResolvedValueOnce('42 features');
    vi.mocked(sessionApi.login).mockResolvedValue(sessionState({ demoAccounts: demo }));
    await renderWorkbench({ features });
    await user.click(screen.getByRole('button', { name: 'Run features' }));
    const prompt = await screen.findByRole('dialog', { name: 'Log in to continue' });
    const accounts = within(prompt).getByRole('alert', { name: 'Demo server accounts' });
    expect(accounts).toHaveTextContent('admin / Admin123!(everything)');

    await user.clear(within(prompt).getByLabelText('User Name'));
    await user.click(within(accounts).getByRole('button', { name: 'Use admin' }));
    expect(within(prompt).getByLabelText('User Name')).toHaveValue('admin');
    expect(within(prompt).getByLabelText('Password')).toHaveValue('Admin123!');
    await user.click(within(prompt).getByRole('button', { name: 'Login' }));
    expect(sessionApi.login).toHaveBeenCalledWith(expect.objectContaining({ user: 'admin', password: 'Admin123!' }));
    expect(await screen.findByText('features: 42 features')).toBeInTheDocument();
  });

  it('keeps the dialog open with the field error for a wrong password', async () => {
    const user = userEvent.setup();
    vi.mocked(sessionApi.login).mockRejectedValueOnce(
      new AppError(apperr.Code.INVALID_INPUT, 'The user name or password is incorrect.', fieldProblems({ password: 'The user name or password is incorrect.' })),
    );
    await renderWorkbench({ features: vi.fn(() => Promise.reject(expired())) });
    await user.click(screen.getByRole('button', { name: 'Run features' }));
    await user.type(within(await screen.findByRole('dialog')).getByLabelText('Password'), 'wrong');
    await user.click(within(dialog()).getByRole('button', { name: 'Login' }));

    const password = within(dialog()).getByLabelText('Password');
    await waitFor(() => expect(password).toHaveAccessibleDescription('The user name or password is incorrect.'));
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/features failed/)).not.toBeInTheDocument();
  });

  it('throws the original error when the user cancels', async () => {
    const user = userEvent.setup();
    const features = vi.fn(() => Promise.reject(expired()));
    await renderWorkbench({ features });
    await user.click(screen.getByRole('button', { name: 'Run features' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));

    expect(await screen.findByText('features failed: login_required')).toBeInTheDocument();
    expect(features).toHaveBeenCalledTimes(1);
    expect(sessionApi.login).not.toHaveBeenCalled();
    // The header learns that the login is gone.
    expect(sessionApi.state).toHaveBeenCalled();
  });

  it('asks once for calls that fail together, then runs each of them again', async () => {
    const user = userEvent.setup();
    const features = vi.fn<() => Promise<string>>().mockRejectedValueOnce(expired()).mockResolvedValueOnce('42 features');
    const devices = vi.fn<() => Promise<string>>().mockRejectedValueOnce(expired()).mockResolvedValueOnce('7 devices');
    vi.mocked(sessionApi.login).mockResolvedValue(sessionState());
    await renderWorkbench({ features, devices });

    await user.click(screen.getByRole('button', { name: 'Run all' }));
    await screen.findByRole('dialog');
    await waitFor(() => expect(devices).toHaveBeenCalledTimes(1));
    expect(screen.getAllByRole('dialog')).toHaveLength(1);

    await user.type(within(dialog()).getByLabelText('Password'), 'Admin123!');
    await user.click(within(dialog()).getByRole('button', { name: 'Login' }));

    expect(await screen.findByText('features: 42 features')).toBeInTheDocument();
    expect(await screen.findByText('devices: 7 devices')).toBeInTheDocument();
    expect(sessionApi.login).toHaveBeenCalledTimes(1);
  });

});
