import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppError, settingsApi, systemApi } from '../../api';
import { aboutInfo, connectionInfo, settingsView } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { About } from './About';

vi.mock('../../api/settings');
vi.mock('../../api/system');

const section = (name: string) => screen.getByRole('region', { name });

async function renderAbout() {
  renderWithSettings(<About />, { route: '/about' });
  await screen.findByRole('heading', { name: 'About', level: 1 });
}

describe('About view', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(systemApi.about).mockResolvedValue(aboutInfo());
    vi.mocked(systemApi.serverInfo).mockResolvedValue(connectionInfo());
  });

  it('shows build, system and browser information', async () => {
    await renderAbout();
    const app = section('Application');
    expect(await within(app).findByText('0.1.0')).toBeInTheDocument();
    expect(within(app).getByText('License Server Manager')).toBeInTheDocument();
    expect(within(app).getByText('abc1234')).toBeInTheDocument();
    expect(within(app).getByText('2026-01-02')).toBeInTheDocument();

    const system = section('System');
    expect(within(system).getByText('go1.24.1')).toBeInTheDocument();
    expect(within(system).getByText('windows / amd64')).toBeInTheDocument();
    expect(within(system).getByText('WebView2 131.0')).toBeInTheDocument();
    expect(within(system).getByText(navigator.userAgent)).toBeInTheDocument();

    expect(screen.getByText(/Reverera · © 2026 Reverera/)).toBeInTheDocument();
  });

  it('shows the connected server’s version and instance ID', async () => {
    await renderAbout();
    const server = section('License server');
    expect(await within(server).findByText('2025.10.0')).toBeInTheDocument();
    expect(within(server).getByText('INST-1234')).toBeInTheDocument();
    expect(within(server).getByText('Enabled')).toBeInTheDocument();
  });

  it('says why the server information is missing', async () => {
    vi.mocked(systemApi.serverInfo).mockRejectedValue(
      new AppError('unreachable', 'Cannot reach http://lls01.corp.example:7070: connection refused'),
    );
    await renderAbout();
    const server = section('License server');
    expect(await within(server).findByText('Cannot reach http://lls01.corp.example:7070: connection refused')).toBeInTheDocument();
    expect(within(server).getByText('Unreachable')).toBeInTheDocument();
  });

  it('checks the server again on request', async () => {
    const user = userEvent.setup();
    vi.mocked(systemApi.serverInfo).mockRejectedValueOnce(new AppError('timeout', 'did not answer in time.'));
    await renderAbout();
    const server = section('License server');
    await within(server).findByText('did not answer in time.');
    await user.click(within(server).getByRole('button', { name: 'Check the license server again' }));
    expect(await within(server).findByText('2025.10.0')).toBeInTheDocument();
    expect(systemApi.serverInfo).toHaveBeenCalledTimes(2);
  });

  it('shows the file locations and opens the log folder', async () => {
    const user = userEvent.setup();
    vi.mocked(systemApi.openLogFolder).mockResolvedValue(undefined);
    await renderAbout();
    const files = section('Files');
    expect(await within(files).findByText(aboutInfo().settingsFile)).toBeInTheDocument();
    expect(within(files).getByText(aboutInfo().logFolder)).toBeInTheDocument();
    await user.click(within(files).getByRole('button', { name: 'Open log folder' }));
    expect(systemApi.openLogFolder).toHaveBeenCalledTimes(1);
    expect(within(files).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows why the log folder could not be opened', async () => {
    const user = userEvent.setup();
    vi.mocked(systemApi.openLogFolder).mockRejectedValue(
      new AppError('not_supported', 'Opening folders is not available here. The logs are in /tmp/logs.'),
    );
    await renderAbout();
    const files = section('Files');
    await user.click(await within(files).findByRole('button', { name: 'Open log folder' }));
    expect(await within(files).findByRole('alert')).toHaveTextContent('Opening folders is not available here. The logs are in /tmp/logs.');
  });

  it('shows an error when the application information cannot be read', async () => {
    vi.mocked(systemApi.about).mockRejectedValue(new AppError('internal', 'binding missing'));
    await renderAbout();
    expect(await screen.findByText(/The application information could not be read: binding missing/)).toBeInTheDocument();
  });

  it('marks demo mode', async () => {
    vi.mocked(systemApi.about).mockResolvedValue(aboutInfo({ demoMode: true }));
    await renderAbout();
    expect(await screen.findByText('Demo mode')).toBeInTheDocument();
  });
});
