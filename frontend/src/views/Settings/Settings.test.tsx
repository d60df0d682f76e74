import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, call, sessionApi, settings, settingsApi, type ConnectionInfo, type SettingsView } from '../../api';
import { ProfileSwitcher } from '../../components/ProfileSwitcher';
import { certificate, connectionInfo, fieldProblems, FINGERPRINT, profile, sessionState, settingsView } from '../../test/fixtures';
import { policiesOf, renderWithSettings } from '../../test/render';
import { Settings } from './Settings';

vi.mock('../../api/session');
vi.mock('../../api/settings');

const field = (label: string) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
const httpsGroup = () => screen.getByRole('radiogroup', { name: 'Connect Using HTTPS' });

async function renderSettings(view: SettingsView = settingsView(), policies = policiesOf({})) {
  vi.mocked(settingsApi.get).mockResolvedValue(view);
  const result = renderWithSettings(<Settings />, { route: '/settings', policies });
  await screen.findByRole('heading', { name: 'Settings' });
  return result;
}

describe('Settings view', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
  });

  it('keeps the server of a profile the organisation manages, and lets the page size change', async () => {
    const managed = profile({ host: 'lls01.corp.example', port: 7071, managed: true });
    await renderSettings(settingsView(managed), policiesOf({ lockedProfiles: true, allowedServers: ['*.corp.example'] }));
    expect(screen.getByText(/your organisation manages this profile’s server/)).toBeInTheDocument();
    expect(screen.getByText('Set by your organisation')).toBeInTheDocument();
    expect(field('FlexNet License Server Host Name')).toBeDisabled();
    expect(field('FlexNet License Server Listen Port')).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Cloud License Server' })).toBeDisabled();
    expect(within(httpsGroup()).getByRole('radio', { name: 'Yes' })).toBeDisabled();
    expect(field('Page Size')).toBeEnabled();
  });

  it('offers no rename or delete of a profile the organisation manages', async () => {
    const user = userEvent.setup();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView(profile({ managed: true })));
    renderWithSettings(<ProfileSwitcher />, { policies: policiesOf({ lockedProfiles: true }) });
    await user.click(await screen.findByRole('button', { name: 'Server profile' }));
    for (const name of [/Rename profile/, /Delete profile/]) {
      const item = screen.getByRole('menuitem', { name });
      expect(item).toHaveAttribute('aria-disabled', 'true');
      expect(item).toHaveTextContent('Set by your organisation');
    }
  });

  it('names the servers the organisation allows', async () => {
    await renderSettings(settingsView(), policiesOf({ allowedServers: ['lls01.corp.example', '*.lab.corp.example:7070'] }));
    expect(screen.getByText(/only these license servers can be used: lls01.corp.example, \*.lab.corp.example:7070/)).toBeInTheDocument();
    expect(field('FlexNet License Server Host Name')).toBeEnabled();
  });

  it('shows the guide’s fields in the guide’s order, filled from the active profile', async () => {
    await renderSettings(settingsView(profile({ host: 'lls01.corp.example', port: 7071, https: true }), { pageSize: 25 }));
    const controls = [
      field('Page Size'),
      field('FlexNet License Server Host Name'),
      screen.getByRole('radio', { name: 'Local License Server' }),
      screen.getByRole('radio', { name: 'Cloud License Server' }),
      field('FlexNet License Server Listen Port'),
      within(httpsGroup()).getByRole('radio', { name: 'Yes' }),
      within(httpsGroup()).getByRole('radio', { name: 'No' }),
      screen.getByRole('button', { name: 'Save' }),
      screen.getByRole('button', { name: 'Test connection' }),
    ];
    for (let i = 1; i < controls.length; i++) {
      expect(controls[i - 1].compareDocumentPosition(controls[i]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect(field('Page Size')).toHaveValue(25);
    expect(field('Page Size')).toHaveAttribute('name', 'pageSize');
    expect(field('FlexNet License Server Host Name')).toHaveValue('lls01.corp.example');
    expect(field('FlexNet License Server Host Name')).toHaveAttribute('name', 'host');
    expect(field('FlexNet License Server Listen Port')).toHaveValue(7071);
    expect(field('FlexNet License Server Listen Port')).toHaveAttribute('name', 'port');
    expect(screen.getByRole('radio', { name: 'Local License Server' })).toBeChecked();
    expect(within(httpsGroup()).getByRole('radio', { name: 'Yes' })).toBeChecked();
    expect(screen.queryByLabelText('Cloud License Server Instance ID')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Help: Page Size' })).toHaveAccessibleDescription('The number of records to display per page.');
  });

  it('offers the default port 7070 for a profile without one', async () => {
    await renderSettings(settingsView(profile({ host: '', port: 0 }), { complete: false }));
    expect(field('FlexNet License Server Listen Port')).toHaveValue(7070);
  });

  it('explains that the other views need complete settings', async () => {
    await renderSettings(settingsView(profile({ host: '' }), { complete: false }));
    expect(screen.getByText('Fill in all fields on this page before you can use the other views.')).toBeInTheDocument();
  });

  it('does not show that explanation once the settings are complete', async () => {
    await renderSettings();
    expect(screen.queryByText(/Fill in all fields/)).not.toBeInTheDocument();
  });

  it('switches between the listen port and the instance ID, and locks HTTPS at Yes for a CLS', async () => {
    const user = userEvent.setup();
    await renderSettings(settingsView(profile({ https: false })));
    expect(within(httpsGroup()).getByRole('radio', { name: 'No' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'Cloud License Server' }));
    expect(field('Cloud License Server Instance ID')).toHaveAttribute('name', 'instanceId');
    expect(screen.queryByLabelText('FlexNet License Server Listen Port')).not.toBeInTheDocument();
    const yes = within(httpsGroup()).getByRole('radio', { name: 'Yes' });
    expect(yes).toBeChecked();
    expect(yes).toBeDisabled();
    expect(within(httpsGroup()).getByRole('radio', { name: 'No' })).toBeDisabled();
    expect(screen.getByText('Communication to a Cloud License Server is always over HTTPS.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Local License Server' }));
    expect(field('FlexNet License Server Listen Port')).toHaveValue(7070);
    expect(within(httpsGroup()).getByRole('radio', { name: 'No' })).toBeChecked();
    expect(within(httpsGroup()).getByRole('radio', { name: 'No' })).toBeEnabled();
  });

  it('saves the typed values and confirms', async () => {
    const user = userEvent.setup();
    await renderSettings(settingsView(profile({ host: '', port: 7070 }), { complete: false }));
    const saved = settingsView(profile({ host: 'lls02.corp.example', port: 7071, https: true }), { pageSize: 25 });
    vi.mocked(settingsApi.save).mockResolvedValue(saved);
    await waitFor(() => expect(settingsApi.status).toHaveBeenCalledTimes(1));

    await user.clear(field('Page Size'));
    await user.type(field('Page Size'), '25');
    await user.type(field('FlexNet License Server Host Name'), 'lls02.corp.example');
    await user.clear(field('FlexNet License Server Listen Port'));
    await user.type(field('FlexNet License Server Listen Port'), '7071');
    await user.click(within(httpsGroup()).getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(settingsApi.save).toHaveBeenCalledWith({
      pageSize: 25,
      host: 'lls02.corp.example',
      serverType: settings.ServerType.LOCAL,
      port: 7071,
      instanceId: '',
      https: true,
    });
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(screen.queryByText(/Fill in all fields/)).not.toBeInTheDocument();
    // The header's connection state is checked again for the new settings.
    await waitFor(() => expect(settingsApi.status).toHaveBeenCalledTimes(2));
  });

  it('saves a Cloud License Server with its instance ID, always over HTTPS', async () => {
    const user = userEvent.setup();
    await renderSettings(settingsView(profile({ https: false })));
    vi.mocked(settingsApi.save).mockResolvedValue(settingsView());

    await user.click(screen.getByRole('radio', { name: 'Cloud License Server' }));
    await user.clear(field('FlexNet License Server Host Name'));
    await user.type(field('FlexNet License Server Host Name'), 'flex1234.compliance.flexnetoperations.com');
    await user.type(field('Cloud License Server Instance ID'), '1234ABCD56EF');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(settingsApi.save).toHaveBeenCalledWith(
      expect.objectContaining({
        serverType: settings.ServerType.CLS,
        host: 'flex1234.compliance.flexnetoperations.com',
        instanceId: '1234ABCD56EF',
        https: true,
      }),
    );
  });

  it('shows each field’s error from Go and keeps everything typed', async () => {
    const user = userEvent.setup();
    await renderSettings();
    vi.mocked(settingsApi.save).mockRejectedValue(
      new AppError(apperr.Code.INVALID_INPUT, 'Please correct the highlighted fields.', fieldProblems({
        pageSize: 'Page size must be a whole number from 5 to 500.',
        host: '"bad host!" is not a valid host name: use letters, digits, hyphens and dots.',
        port: 'Listen port must be a number from 1 to 65535 (the license server’s default is 7070).',
      })),
    );

    await user.clear(field('Page Size'));
    await user.type(field('Page Size'), '0');
    await user.clear(field('FlexNet License Server Host Name'));
    await user.type(field('FlexNet License Server Host Name'), 'bad host!');
    await user.clear(field('FlexNet License Server Listen Port'));
    await user.type(field('FlexNet License Server Listen Port'), '70000');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Page size must be a whole number from 5 to 500.')).toBeInTheDocument();
    expect(field('Page Size')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Page Size')).toHaveAccessibleDescription('Page size must be a whole number from 5 to 500.');
    expect(field('FlexNet License Server Host Name')).toHaveAccessibleDescription(/is not a valid host name/);
    expect(field('FlexNet License Server Listen Port')).toHaveAccessibleDescription(/Listen port must be a number from 1 to 65535/);
    expect(screen.getByText('Please correct the highlighted fields.')).toBeInTheDocument();
    expect(screen.queryByText('Settings saved.')).not.toBeInTheDocument();

    expect(field('Page Size')).toHaveValue(0);
    expect(field('FlexNet License Server Host Name')).toHaveValue('bad host!');
    expect(field('FlexNet License Server Listen Port')).toHaveValue(70000);

    // Correcting a field clears its own message only.
    await user.type(field('FlexNet License Server Host Name'), 'x');
    expect(field('FlexNet License Server Host Name')).not.toHaveAttribute('aria-invalid', 'true');
    expect(field('Page Size')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a failure that is not about one field as a message', async () => {
    const user = userEvent.setup();
    await renderSettings();
    vi.mocked(settingsApi.save).mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'The settings file could not be written: disk full'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The settings file could not be written: disk full')).toBeInTheDocument();
  });

  it('disables Save while saving', async () => {
    const user = userEvent.setup();
    await renderSettings();
    let finish: (view: SettingsView) => void = () => undefined;
    vi.mocked(settingsApi.save).mockReturnValue(new Promise((resolve) => (finish = resolve)));

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    finish(settingsView());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
  });

  it('tests the unsaved form values and shows the server’s version, instance ID and security', async () => {
    const user = userEvent.setup();
    await renderSettings();
    vi.mocked(settingsApi.testConnection).mockResolvedValue(
      connectionInfo({ url: 'http://lls09.corp.example:7070', version: '2025.10.0', instanceId: 'LLS-09', securityEnabled: false }),
    );

    await user.clear(field('FlexNet License Server Host Name'));
    await user.type(field('FlexNet License Server Host Name'), 'lls09.corp.example');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(settingsApi.testConnection).toHaveBeenCalledWith(expect.objectContaining({ host: 'lls09.corp.example', port: 7070 }));
    expect(settingsApi.save).not.toHaveBeenCalled();
    expect(await screen.findByText('Connected to http://lls09.corp.example:7070')).toBeInTheDocument();
    expect(screen.getByText(/Version 2025\.10\.0/)).toHaveTextContent('Instance ID LLS-09');
    expect(screen.getByText(/Version 2025\.10\.0/)).toHaveTextContent('Security disabled');
  });

  it.each([
    [apperr.Code.UNREACHABLE, 'Unreachable', 'Cannot reach http://lls01.corp.example:7070: connection refused'],
    [apperr.Code.TIMEOUT, 'Timeout', 'http://lls01.corp.example:7070 did not answer in time.'],
    [apperr.Code.TLS_UNTRUSTED, 'Certificate not trusted', 'The certificate of https://lls01.corp.example:7070 is not trusted: x509'],
    [apperr.Code.NOT_SUPPORTED, 'Not a license server', 'http://lls01.corp.example:7070 answered but is not a FlexNet license server.'],
  ] as const)('shows a failed connection test (%s)', async (code, title, message) => {
    const user = userEvent.setup();
    await renderSettings();
    vi.mocked(settingsApi.testConnection).mockRejectedValue(new AppError(code, message));
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByText(message);
    expect(alert.closest('[role="alert"]')).toHaveTextContent(title);
  });

  it('highlights fields when the connection test finds invalid input', async () => {
    const user = userEvent.setup();
    await renderSettings();
    vi.mocked(settingsApi.testConnection).mockRejectedValue(
      new AppError(apperr.Code.INVALID_INPUT, 'Enter the host name.', fieldProblems({ host: 'Enter the host name.' })),
    );
    await user.clear(field('FlexNet License Server Host Name'));
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(field('FlexNet License Server Host Name')).toHaveAccessibleDescription('Enter the host name.'));
    expect(screen.getAllByText('Enter the host name.')).toHaveLength(1);
  });

  describe('on the demo profile', () => {
    const demo = profile({ id: 'demo', name: 'Demo server', host: '127.0.0.1', port: 41234, demo: true });

    it('shows the server fields read-only with a note, and saves the page size', async () => {
      const user = userEvent.setup();
      await renderSettings(settingsView(demo));
      vi.mocked(settingsApi.save).mockResolvedValue(settingsView(demo, { pageSize: 30 }));

      expect(
        screen.getByText('This profile points at the built-in demo server. Add a profile to configure your own server.'),
      ).toBeInTheDocument();
      expect(field('FlexNet License Server Host Name')).toBeDisabled();
      expect(field('FlexNet License Server Host Name')).toHaveValue('127.0.0.1');
      expect(field('FlexNet License Server Listen Port')).toBeDisabled();
      expect(screen.getByRole('radio', { name: 'Local License Server' })).toBeDisabled();
      expect(screen.getByRole('radio', { name: 'Cloud License Server' })).toBeDisabled();
      expect(within(httpsGroup()).getByRole('radio', { name: 'Yes' })).toBeDisabled();
      expect(field('Page Size')).toBeEnabled();

      await user.clear(field('Page Size'));
      await user.type(field('Page Size'), '30');
      await user.click(screen.getByRole('button', { name: 'Save' }));
      expect(settingsApi.save).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 30, host: '127.0.0.1', port: 41234 }));
      expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    });

    it('cannot be renamed or deleted from the profile menu', async () => {
      const user = userEvent.setup();
      vi.mocked(settingsApi.get).mockResolvedValue(settingsView(demo));
      renderWithSettings(<ProfileSwitcher />);
      await user.click(await screen.findByRole('button', { name: 'Server profile' }));
      expect(screen.getByRole('menuitem', { name: /Rename profile/ })).toHaveAttribute('aria-disabled', 'true');
      expect(screen.getByRole('menuitem', { name: /Delete profile/ })).toHaveAttribute('aria-disabled', 'true');
    });
  });

  it('reloads the form when another profile becomes active', async () => {
    const user = userEvent.setup();
    const first = profile({ id: 'p1', name: 'Production', host: 'lls01.corp.example' });
    const second = profile({ id: 'p2', name: 'Cloud', host: 'flex1234.compliance.flexnetoperations.com', serverType: settings.ServerType.CLS, instanceId: '1234ABCD56EF', https: true, port: 0 });
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView(first, { profiles: [first, second] }));
    vi.mocked(settingsApi.switchProfile).mockResolvedValue(settingsView(second, { profiles: [first, second] }));
    renderWithSettings(
      <>
        <ProfileSwitcher />
        <Settings />
      </>,
    );
    await screen.findByRole('heading', { name: 'Settings' });
    await user.type(field('FlexNet License Server Host Name'), '-typed');

    await user.click(screen.getByRole('button', { name: 'Server profile' }));
    await user.click(screen.getByRole('menuitem', { name: /Cloud/ }));

    expect(settingsApi.switchProfile).toHaveBeenCalledWith('p2');
    await waitFor(() => expect(field('FlexNet License Server Host Name')).toHaveValue('flex1234.compliance.flexnetoperations.com'));
    expect(field('Cloud License Server Instance ID')).toHaveValue('1234ABCD56EF');
    expect(screen.getByRole('button', { name: 'Server profile' })).toHaveTextContent('Cloud');
  });

  it('offers to trust an untrusted certificate found by Test connection, then tests again', async () => {
    const user = userEvent.setup();
    await renderSettings(settingsView(profile({ https: true })));
    const untrusted = new AppError(apperr.Code.TLS_UNTRUSTED, 'The certificate of https://lls01.corp.example:7070 is not trusted: x509', [], { ...certificate() });
    const probe = vi.fn<() => Promise<ConnectionInfo>>().mockRejectedValueOnce(untrusted).mockResolvedValueOnce(connectionInfo({ url: 'https://lls01.corp.example:7070' }));
    // The real api layer's call(), as settingsApi.testConnection uses it.
    vi.mocked(settingsApi.testConnection).mockImplementation(() => call(probe));
    vi.mocked(settingsApi.trustCertificate).mockResolvedValue(settingsView(profile({ https: true, pinnedFingerprint: FINGERPRINT })));

    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const dialog = await screen.findByRole('dialog', { name: 'Certificate not trusted' });
    expect(within(dialog).getByTestId('certificate-fingerprint')).toHaveTextContent(FINGERPRINT);
    await user.click(within(dialog).getByRole('button', { name: 'Trust this certificate' }));

    expect(settingsApi.trustCertificate).toHaveBeenCalledWith(FINGERPRINT);
    expect(await screen.findByText('Connected to https://lls01.corp.example:7070')).toBeInTheDocument();
    expect(screen.getByTestId('pinned-fingerprint')).toHaveTextContent(FINGERPRINT);
  });

  describe('Certificates section', () => {
    const certificates = () => screen.getByRole('region', { name: 'Certificates' });

    it('comes after the guide’s fields and buttons', async () => {
      await renderSettings();
      expect(screen.getByRole('button', { name: 'Test connection' }).compareDocumentPosition(certificates()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(within(certificates()).getByText(/None\. When a server shows an untrusted certificate/)).toBeInTheDocument();
      expect(within(certificates()).getByRole('button', { name: 'Forget' })).toBeDisabled();
      expect(within(certificates()).getByRole('button', { name: 'Remove' })).toBeDisabled();
    });

    it('forgets the pinned certificate', async () => {
      const user = userEvent.setup();
      await renderSettings(settingsView(profile({ pinnedFingerprint: FINGERPRINT })));
      expect(within(certificates()).getByTestId('pinned-fingerprint')).toHaveTextContent(FINGERPRINT);
      vi.mocked(settingsApi.trustCertificate).mockResolvedValue(settingsView());
      await user.click(within(certificates()).getByRole('button', { name: 'Forget' }));
      expect(settingsApi.trustCertificate).toHaveBeenCalledWith('');
      await waitFor(() => expect(within(certificates()).queryByTestId('pinned-fingerprint')).not.toBeInTheDocument());
    });

    it('chooses and removes a CA file', async () => {
      const user = userEvent.setup();
      await renderSettings();
      const caFile = 'C:\\certs\\corp-root.pem';
      vi.mocked(settingsApi.chooseCAFile).mockResolvedValue(settingsView(profile({ caFile })));
      await user.click(within(certificates()).getByRole('button', { name: 'Choose CA file…' }));
      expect(await within(certificates()).findByTestId('ca-file')).toHaveTextContent(caFile);

      vi.mocked(settingsApi.setCAFile).mockResolvedValue(settingsView());
      await user.click(within(certificates()).getByRole('button', { name: 'Remove' }));
      expect(settingsApi.setCAFile).toHaveBeenCalledWith('');
      await waitFor(() => expect(within(certificates()).queryByTestId('ca-file')).not.toBeInTheDocument());
    });

    it('says why a CA file was refused', async () => {
      const user = userEvent.setup();
      await renderSettings();
      vi.mocked(settingsApi.chooseCAFile).mockRejectedValue(
        new AppError(apperr.Code.INVALID_INPUT, 'Cannot read the CA file C:\\certs\\gone.pem.', fieldProblems({ caFile: 'Cannot read the CA file C:\\certs\\gone.pem.' })),
      );
      await user.click(within(certificates()).getByRole('button', { name: 'Choose CA file…' }));
      expect(await within(certificates()).findByText('Cannot read the CA file C:\\certs\\gone.pem.')).toBeInTheDocument();
    });

    it('is not offered for the demo server', async () => {
      await renderSettings(settingsView(profile({ id: 'demo', name: 'Demo server', host: '127.0.0.1', port: 41234, demo: true })));
      expect(screen.queryByRole('region', { name: 'Certificates' })).not.toBeInTheDocument();
    });
  });
});
