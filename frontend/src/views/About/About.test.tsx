import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, sessionApi, settingsApi, systemApi } from '../../api';
import { aboutInfo, connectionInfo, diagnostics, FINGERPRINT, sessionState, settingsView } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { About } from './About';

vi.mock('../../api/session');
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
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(systemApi.about).mockResolvedValue(aboutInfo());
    vi.mocked(systemApi.painted).mockResolvedValue();
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

  it('tells Go once it has drawn the build information, for the start-up time', async () => {
    await renderAbout();
    expect(await within(section('Application')).findByText('0.1.0')).toBeInTheDocument();
    await waitFor(() => expect(systemApi.painted).toHaveBeenCalledWith('about'));
    expect(systemApi.painted).toHaveBeenCalledTimes(1);
  });

  it('shows the connected server’s version and instance ID', async () => {
    await renderAbout();
    const server = section('License server');
    expect(await within(server).findByText('2025.10.0')).toBeInTheDocument();
    expect(within(server).getByText('INST-1234')).toBeInTheDocument();
    expect(within(server).getByText('Enabled')).toBeInTheDocument();
  });

  it('says why the server information is missing', async () => {
    vi.mocked(settingsApi.status).mockRejectedValue(
      new AppError(apperr.Code.UNREACHABLE, 'Cannot reach http://lls01.corp.example:7070: connection refused'),
    );
    await renderAbout();
    const server = section('License server');
    expect(await within(server).findByText('Cannot reach http://lls01.corp.example:7070: connection refused')).toBeInTheDocument();
    expect(within(server).getByText('Unreachable')).toBeInTheDocument();
  });

  it('checks the server again on request', async () => {
    const user = userEvent.setup();
    // The header's connection chip asks the same status: count only the About's own check.
    vi.mocked(settingsApi.status).mockRejectedValue(new AppError(apperr.Code.TIMEOUT, 'did not answer in time.'));
    await renderAbout();
    const server = section('License server');
    await within(server).findByText('did not answer in time.');
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    const before = vi.mocked(settingsApi.status).mock.calls.length;
    await user.click(within(server).getByRole('button', { name: 'Check the license server again' }));
    expect(await within(server).findByText('2025.10.0')).toBeInTheDocument();
    expect(settingsApi.status).toHaveBeenCalledTimes(before + 1);
  });

  it('shows the file locations and opens the log and kept groups folders', async () => {
    const user = userEvent.setup();
    vi.mocked(systemApi.openLogFolder).mockResolvedValue(undefined);
    vi.mocked(systemApi.openKeptFolder).mockResolvedValue(undefined);
    await renderAbout();
    const files = section('Files');
    expect(await within(files).findByText(aboutInfo().settingsFile)).toBeInTheDocument();
    expect(within(files).getByText(aboutInfo().logFolder)).toBeInTheDocument();
    expect(within(files).getByText(aboutInfo().keptFolder)).toBeInTheDocument();
    await user.click(within(files).getByRole('button', { name: 'Open log folder' }));
    expect(systemApi.openLogFolder).toHaveBeenCalledTimes(1);
    await user.click(within(files).getByRole('button', { name: 'Open kept groups folder' }));
    expect(systemApi.openKeptFolder).toHaveBeenCalledTimes(1);
    expect(within(files).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows why the log folder could not be opened', async () => {
    const user = userEvent.setup();
    vi.mocked(systemApi.openLogFolder).mockRejectedValue(
      new AppError(apperr.Code.NOT_SUPPORTED, 'Opening folders is not available here. The logs are in /tmp/logs.'),
    );
    await renderAbout();
    const files = section('Files');
    await user.click(await within(files).findByRole('button', { name: 'Open log folder' }));
    expect(await within(files).findByRole('alert')).toHaveTextContent('Opening folders is not available here. The logs are in /tmp/logs.');
  });

  it('shows an error when the application information cannot be read', async () => {
    vi.mocked(systemApi.about).mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'binding missing'));
    await renderAbout();
    expect(await screen.findByText(/The application information could not be read: binding missing/)).toBeInTheDocument();
  });

  it('marks demo mode', async () => {
    vi.mocked(systemApi.about).mockResolvedValue(aboutInfo({ demoMode: true }));
    vi.mocked(systemApi.painted).mockResolvedValue();
    await renderAbout();
    expect(await screen.findByText('Demo mode')).toBeInTheDocument();
  });

  describe('Server diagnostics', () => {
    it('explains what it is for and runs only on request', async () => {
      await renderAbout();
      const diag = section('Server diagnostics');
      expect(diag).toHaveTextContent(/so an administrator can tell where a documented or assumed API path differs on a real server/);
      expect(systemApi.diagnostics).not.toHaveBeenCalled();
      expect(within(diag).queryByRole('table')).not.toBeInTheDocument();
    });

    it('shows health, certificate, security, login and every endpoint with its evidence and outcome', async () => {
      const user = userEvent.setup();
      vi.mocked(systemApi.diagnostics).mockResolvedValue(diagnostics());
      await renderAbout();
      const diag = section('Server diagnostics');
      await user.click(within(diag).getByRole('button', { name: 'Run diagnostics' }));

      const table = await within(diag).findByRole('table', { name: 'Endpoint results' });
      expect(diag).toHaveTextContent('HealthReachable · version 2025.10.0');
      expect(diag).toHaveTextContent('SecurityEnabled');
      expect(diag).toHaveTextContent('Loginreader (ROLE_READ)');
      expect(diag).toHaveTextContent('Self-signedYes');
      expect(within(diag).getByTestId('certificate-fingerprint')).toHaveTextContent(FINGERPRINT);

      const rows = within(table)
        .getAllByRole('row')
        .map((row) => within(row).getAllByRole(row.closest('thead') ? 'columnheader' : 'cell').map((cell) => cell.textContent));
      expect(rows).toEqual([
        ['Operation', 'Method', 'Path', 'Evidence', 'Outcome', 'Answer', 'Message'],
        ['Health check', 'GET', '/health', 'Observed', 'Supported', '200 · application/json', '—'],
        [
          'Feature summaries',
          'GET',
          '/features/summaries',
          'Observed',
          'Not offered',
          '404 · text/html',
          'This server does not offer feature summaries (server version 2025.10.0).',
        ],
        [
          'Offline capability requests',
          'GET',
          '/capability_request',
          'Assumed',
          'Access denied',
          '—',
          'Access denied to offline capability requests. It needs the ROLE_OFFLINE role.',
        ],
        ['Model definitions', 'GET', '/model', 'Assumed', 'Not found', '—', 'There is no model definition.'],
        ['Single feature records', 'GET', '/features/{id}', 'Documented', 'Skipped', '—', 'Not probed: it needs a record ID; it is used when you open a record.'],
        ['Device list', 'GET', '/clients', 'Observed', 'Login required', '—', 'Please log in.'],
        ['Named license pools', 'GET', '/partitions', 'Assumed', 'Error', '—', 'The server answered 500.'],
      ]);
      expect(within(within(diag).getByRole('list', { name: 'Traits of this server' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
        'Counts are sent as JSON numbers.',
        'No feature summaries: the app adds the feature records up.',
      ]);
      expect(within(diag).getByText('Supported: 1')).toBeInTheDocument();
      expect(within(diag).getByText('Access denied: 1')).toBeInTheDocument();
    });

    it('saves a compatibility report of the diagnostics shown, and says where', async () => {
      const user = userEvent.setup();
      vi.mocked(systemApi.diagnostics).mockResolvedValue(diagnostics());
      vi.mocked(systemApi.saveCompatibilityReport).mockResolvedValueOnce('/home/ann/compatibility-report.txt').mockResolvedValueOnce('');
      await renderAbout();
      const diag = section('Server diagnostics');
      const save = within(diag).getByRole('button', { name: 'Save compatibility report' });
      expect(save).toBeDisabled();
      await user.click(within(diag).getByRole('button', { name: 'Run diagnostics' }));
      await within(diag).findByRole('table', { name: 'Endpoint results' });
      await user.click(save);
      expect(await within(diag).findByRole('alert')).toHaveTextContent('The compatibility report was saved to /home/ann/compatibility-report.txt.');
      // A cancelled dialog says nothing.
      await user.click(save);
      await waitFor(() => expect(within(diag).queryByRole('alert')).not.toBeInTheDocument());
      expect(systemApi.saveCompatibilityReport).toHaveBeenCalledTimes(2);
    });

    it('says why the report could not be saved', async () => {
      const user = userEvent.setup();
      vi.mocked(systemApi.diagnostics).mockResolvedValue(diagnostics());
      vi.mocked(systemApi.saveCompatibilityReport).mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'Cannot write /ro/report.txt: read-only file system'));
      await renderAbout();
      const diag = section('Server diagnostics');
      await user.click(within(diag).getByRole('button', { name: 'Run diagnostics' }));
      await within(diag).findByRole('table', { name: 'Endpoint results' });
      await user.click(within(diag).getByRole('button', { name: 'Save compatibility report' }));
      expect(await within(diag).findByText('Cannot write /ro/report.txt: read-only file system')).toBeInTheDocument();
    });

    it('says when the server could not be reached', async () => {
      const user = userEvent.setup();
      vi.mocked(systemApi.diagnostics).mockResolvedValue(
        diagnostics({ reachable: false, problem: 'Nothing answers at https://lls01.corp.example:7070.', endpoints: [], certificate: null, loggedInAs: '', roles: [] }),
      );
      await renderAbout();
      const diag = section('Server diagnostics');
      await user.click(within(diag).getByRole('button', { name: 'Run diagnostics' }));
      expect(await within(diag).findByText('Not reachable: Nothing answers at https://lls01.corp.example:7070.')).toBeInTheDocument();
      expect(within(diag).getByText(/None checked/)).toBeInTheDocument();
      expect(within(diag).getByText('The endpoints were not probed because the server could not be reached.')).toBeInTheDocument();
    });

    it('shows why diagnostics could not run', async () => {
      const user = userEvent.setup();
      vi.mocked(systemApi.diagnostics).mockRejectedValue(new AppError(apperr.Code.NOT_CONFIGURED, 'Fill in the Settings to connect to a license server.'));
      await renderAbout();
      const diag = section('Server diagnostics');
      await user.click(within(diag).getByRole('button', { name: 'Run diagnostics' }));
      expect(await within(diag).findByText('Fill in the Settings to connect to a license server.')).toBeInTheDocument();
      expect(within(diag).getByRole('link', { name: 'Open Settings' })).toHaveAttribute('href', '/settings');
    });
  });
});
