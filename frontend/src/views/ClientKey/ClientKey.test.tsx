import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, backOfficeApi, sessionApi, settingsApi, type ChosenFile } from '../../api';
import { connectionInfo, sessionState, settingsView } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { ClientKey } from './ClientKey';

vi.mock('../../api/session');
vi.mock('../../api/settings');
vi.mock('../../api/backoffice');

const FINGERPRINT = '5d41402abc4b2a76b9719d911017c592ae2b8f6c1e4f3a0b9c8d7e6f5a4b3c2d';
const key: ChosenFile = {
  path: '/home/ada/keys/client.der',
  name: 'client.der',
  bytes: 294,
  digest: '5d41402abc4b2a76',
  note: `RSA 2048-bit public key, SHA-256 ${FINGERPRINT}`,
};

const chooseButton = () => screen.getByRole('button', { name: 'Choose File' });
const uploadButton = () => screen.getByRole('button', { name: 'Upload' });

async function renderClientKey() {
  renderWithSettings(<ClientKey />, { route: '/client-key' });
  await screen.findByRole('heading', { name: 'Client Key Operations', level: 1 });
}

async function chooseKey(user: ReturnType<typeof userEvent.setup>) {
  vi.mocked(backOfficeApi.chooseClientKey).mockResolvedValue(key);
  await user.click(chooseButton());
  return screen.findByRole('group', { name: 'Chosen key' });
}

describe('Client Key Operations view', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
  });

  it('needs a chosen key before Upload', async () => {
    const user = userEvent.setup();
    await renderClientKey();
    expect(uploadButton()).toBeDisabled();
    vi.mocked(backOfficeApi.chooseClientKey).mockResolvedValue({ path: '', name: '', bytes: 0, digest: '', note: '' });
    await user.click(chooseButton());
    await waitFor(() => expect(chooseButton()).toBeEnabled());
    expect(uploadButton()).toBeDisabled();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains how to convert a PEM key', async () => {
    const user = userEvent.setup();
    await renderClientKey();
    const message =
      'client.pem cannot be uploaded: this is a PEM public key file; the server needs the key DER-encoded. Convert it with: openssl pkey -pubin -in key.pem -outform DER -out key.der.';
    vi.mocked(backOfficeApi.chooseClientKey).mockRejectedValue(new AppError(apperr.Code.INVALID_INPUT, message));
    await user.click(chooseButton());

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(uploadButton()).toBeDisabled();
  });

  it('shows the checked key, uploads it and shows the server’s confirmation', async () => {
    const user = userEvent.setup();
    await renderClientKey();
    const chosen = await chooseKey(user);
    expect(within(chosen).getByText('client.der')).toBeInTheDocument();
    expect(within(chosen).getByText(key.note)).toBeInTheDocument();

    const confirmation = `The server accepted the RSA 2048-bit public key (SHA-256 ${FINGERPRINT}).`;
    vi.mocked(backOfficeApi.uploadClientKey).mockResolvedValue(confirmation);
    await user.click(uploadButton());
    expect(backOfficeApi.uploadClientKey).toHaveBeenCalledWith(key.path);
    expect(await screen.findByRole('alert')).toHaveTextContent(confirmation);
  });

  it('says access is denied to a user without the admin role', async () => {
    const user = userEvent.setup();
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState({ user: 'reader', roles: ['ROLE_READ'] }));
    await renderClientKey();
    await chooseKey(user);
    vi.mocked(backOfficeApi.uploadClientKey).mockRejectedValue(
      new AppError(apperr.Code.ACCESS_DENIED, 'Access denied to uploading a client key. It needs the ROLE_ADMIN role.', [], { role: 'ROLE_ADMIN' }),
    );
    await user.click(uploadButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('Access denied: this needs the ROLE_ADMIN role. Log in as a user who has it.');
    expect(screen.getByRole('link', { name: 'Log in as another user' })).toHaveAttribute('href', '/login');
    // The chosen key stays, so it can be uploaded once an admin is logged in.
    expect(uploadButton()).toBeEnabled();
  });
});
