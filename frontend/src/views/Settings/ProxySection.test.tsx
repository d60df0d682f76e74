import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, sessionApi, settingsApi } from '../../api';
import { connectionInfo, fieldProblems, profile, sessionState, settingsView } from '../../test/fixtures';
import { policiesOf, renderWithSettings } from '../../test/render';
import { ProxySection } from './ProxySection';

vi.mock('../../api/session');
vi.mock('../../api/settings');

const input = (label: string) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;

async function renderSection(p = profile(), proxyServer = '') {
  vi.mocked(settingsApi.get).mockResolvedValue(settingsView(p));
  renderWithSettings(<ProxySection />, { route: '/settings', policies: policiesOf({ proxyServer }) });
  await screen.findByRole('heading', { name: 'Proxy' });
}

describe('Proxy section', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
  });

  it('starts on the system proxy and saves a proxy of the profile’s own with its user', async () => {
    const user = userEvent.setup();
    await renderSection();
    expect(screen.getByRole('radio', { name: 'System proxy' })).toBeChecked();
    expect(input('Proxy address')).toBeDisabled();
    const saved = profile({ proxy: 'manual', proxyUrl: 'http://proxy.corp.example:8080', proxyUser: 'CORP\\bob' });
    vi.mocked(settingsApi.setProxy).mockResolvedValue(settingsView(saved));

    await user.click(screen.getByRole('radio', { name: 'This proxy:' }));
    await user.type(input('Proxy address'), 'proxy.corp.example:8080');
    await user.type(input('Proxy user name'), 'CORP\\bob');
    await user.click(screen.getByRole('button', { name: 'Save proxy settings' }));

    expect(settingsApi.setProxy).toHaveBeenCalledWith({ mode: 'manual', url: 'proxy.corp.example:8080', user: 'CORP\\bob' });
    expect(await screen.findByText('Proxy settings saved.')).toBeInTheDocument();
    // The saved profile comes back through the settings context, a render after the message.
    await waitFor(() => expect(input('Proxy address')).toHaveValue('http://proxy.corp.example:8080'));
  });

  it('shows the problem of a field beside it', async () => {
    const user = userEvent.setup();
    await renderSection();
    vi.mocked(settingsApi.setProxy).mockRejectedValue(
      new AppError(apperr.Code.INVALID_INPUT, 'invalid', fieldProblems({ proxyUrl: 'Proxy.corp has no port.' })),
    );
    await user.click(screen.getByRole('radio', { name: 'This proxy:' }));
    await user.type(input('Proxy address'), 'proxy.corp');
    await user.click(screen.getByRole('button', { name: 'Save proxy settings' }));
    expect(await screen.findByText('Proxy.corp has no port.')).toBeInTheDocument();
    expect(input('Proxy address')).toHaveAttribute('aria-invalid', 'true');
  });

  it('keeps the password for a saved proxy user only, in the keyring', async () => {
    const user = userEvent.setup();
    await renderSection(profile({ proxyUser: 'bob' }));
    vi.mocked(settingsApi.setProxyPassword).mockResolvedValue();
    await user.type(input('Proxy password'), 's3cret');
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    expect(settingsApi.setProxyPassword).toHaveBeenCalledWith('s3cret');
    expect(await screen.findByText('Proxy password saved.')).toBeInTheDocument();
    expect(input('Proxy password')).toHaveValue('');

    await user.clear(input('Proxy user name'));
    await user.type(input('Proxy user name'), 'alice');
    expect(input('Proxy password')).toBeDisabled();
  });

  it('shows the organisation’s proxy, locked, when the ProxyServer policy is set', async () => {
    await renderSection(profile({ proxy: 'none' }), 'http://pol.corp.example:80');
    expect(await screen.findByTestId('proxy-policy')).toHaveTextContent('Set by your organisation: every server is reached through http://pol.corp.example:80.');
    expect(screen.getByRole('radio', { name: 'No proxy' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'System proxy' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save proxy settings' })).toBeEnabled();
  });
});
