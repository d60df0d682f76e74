import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apperr, AppError, policy, propertiesApi, sessionApi, settingsApi, type PolicySetting, type PropertiesView } from '../../api';
import { connectionInfo, itemProblem, sessionState, settingsView } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { navItems } from '../../nav/items';
import { navSections } from '../../nav/model';
import { Properties } from './Properties';

vi.mock('../../api/session');
vi.mock('../../api/settings');
vi.mock('../../api/properties');

// Pages of MUI tables render slowly in jsdom; a busy machine needs more than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

const LOCKED = 'Set by the producer: changing it could weaken the server’s security.';

const setting = (name: string, value: string, kind: PolicySetting['kind'], lockedReason = ''): PolicySetting => ({
  name,
  value,
  kind,
  lockedReason,
  description: `About ${name}.`,
});

function properties(overrides: Partial<PropertiesView> = {}): PropertiesView {
  return {
    hostIdsNote: '',
    hostIds: [
      { type: 'ETHERNET', value: '0A1B2C3D4E5F', setting: '0A1B2C3D4E5F/ETHERNET' },
      { type: 'VM_UUID', value: '4C4C4544-0039', setting: '4C4C4544-0039/VM_UUID' },
    ],
    selectedHostId: '0A1B2C3D4E5F/ETHERNET',
    serverVersion: '2025.10.0',
    deviceUuid: 'a3f4c2d1-5b6e-4f70-8a91-b2c3d4e5f607',
    status: 'Running',
    sections: [
      { name: 'Secure REST API', settings: [setting('security.enabled', 'true', policy.Kind.BOOLEAN), setting('security.ip.whitelist', '[]', policy.Kind.LIST)] },
      {
        name: 'License Generation',
        settings: [setting('licensing.responseLifetime', '1d', policy.Kind.DURATION, LOCKED), setting('licensing.renewInterval', '15', policy.Kind.DURATION)],
      },
      { name: 'Capability Polling', settings: [setting('lfs.capability.repeats', '3', policy.Kind.NUMBER)] },
      { name: 'Logging', settings: [setting('logging.threshold', 'INFO', policy.Kind.LEVEL), setting('logging.directory', '${base.dir}/logs', policy.Kind.TEXT)] },
    ],
    readOnly: false,
    readOnlyReason: '',
    levels: ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'],
    ...overrides,
  };
}

/** The view after a save, with these values as the server now has them. */
function after(values: Record<string, string>): PropertiesView {
  const view = properties();
  return {
    ...view,
    sections: view.sections.map((s) => ({ ...s, settings: s.settings.map((st) => (st.name in values ? { ...st, value: values[st.name] } : st)) })),
  };
}

const input = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const settingRow = (name: string) => document.querySelector(`[data-setting="${name}"]`) as HTMLElement;

async function renderProperties(view = properties()) {
  vi.mocked(propertiesApi.get).mockResolvedValue(view);
  renderWithSettings(<Properties />, { route: '/properties' });
  await screen.findByRole('heading', { name: 'General Properties' }, { timeout: 5000 });
}

/** Replaces a text setting's value as a user pasting it would. */
async function changeText(user: ReturnType<typeof userEvent.setup>, name: string, value: string) {
  await user.clear(input(name));
  if (value) await user.paste(value);
}

describe('Properties view', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
  });

  it('sits under License Server Setup after Login and Reset Password', () => {
    const setup = navSections(navItems).find((s) => s.group.id === 'serverSetup');
    const labels = setup?.items.map((i) => i.label) ?? [];
    expect(labels.indexOf('Properties')).toBeGreaterThan(labels.indexOf('Reset Password'));
    expect(labels.indexOf('Reset Password')).toBeGreaterThan(labels.indexOf('Login'));
    expect(navItems.find((i) => i.id === 'properties')).toMatchObject({ route: '/properties', requiresSettings: true });
  });

  it('shows the general properties, then one collapsible section per server section in order', async () => {
    const user = userEvent.setup();
    await renderProperties();
    expect(screen.getByRole('heading', { name: 'Properties', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Server Host ID' })).toHaveTextContent('0A1B2C3D4E5F/ETHERNET');
    const facts = Object.fromEntries(screen.getAllByRole('term').map((t) => [t.textContent, t.nextElementSibling?.textContent]));
    expect(facts).toEqual({ 'Server Version': '2025.10.0', 'Device UUID': 'a3f4c2d1-5b6e-4f70-8a91-b2c3d4e5f607', Status: 'Running' });

    const sections = screen.getAllByRole('button', { expanded: false }).filter((b) => b.closest('.MuiAccordion-root'));
    expect(sections.map((b) => b.textContent)).toEqual([
      'Secure REST API2 settings',
      'License Generation2 settings',
      'Capability Polling1 setting',
      'Logging2 settings',
    ]);
    await user.click(screen.getByRole('button', { name: /License Generation/ }));
    expect(screen.getByRole('button', { name: /License Generation/ })).toHaveAttribute('aria-expanded', 'true');
    expect(input('licensing.renewInterval')).toBeVisible();
  });

  it('says under the host ID picker when the server does not list its host IDs', async () => {
    const note = 'This server does not offer its host IDs (server version 2018.11.0).';
    await renderProperties(properties({ hostIds: [], hostIdsNote: note, selectedHostId: '' }));
    expect(screen.getByRole('combobox', { name: 'Server Host ID' })).toHaveAccessibleDescription(note);
    expect(screen.getByText('Server Version').nextElementSibling).toHaveTextContent('2025.10.0');
  });

  it('gives each kind of setting its editor, with the description and internal name', async () => {
    const user = userEvent.setup();
    await renderProperties();
    await user.click(screen.getByRole('button', { name: 'Expand all' }));

    expect(screen.getByRole('switch', { name: 'security.enabled' })).toBeChecked();
    expect(screen.getByRole('switch', { name: 'security.enabled' })).toHaveAccessibleDescription('About security.enabled.');
    expect(input('security.ip.whitelist')).toHaveValue('[]');
    expect(within(settingRow('security.ip.whitelist')).getByText('A list written [a,b]')).toBeInTheDocument();
    expect(input('licensing.renewInterval')).toHaveValue('15');
    expect(within(settingRow('licensing.renewInterval')).getByText('Number with s/m/h/d/w (none = seconds)')).toBeInTheDocument();
    expect(input('lfs.capability.repeats')).toHaveValue('3');
    expect(within(settingRow('lfs.capability.repeats')).getByText('Whole number')).toBeInTheDocument();
    expect(input('logging.directory')).toHaveValue('${base.dir}/logs');

    const level = screen.getByRole('combobox', { name: 'logging.threshold' });
    expect(level).toHaveTextContent('INFO');
    await user.click(level);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']);
    await user.click(screen.getByRole('option', { name: 'WARN' }));
    expect(screen.getByRole('combobox', { name: 'logging.threshold' })).toHaveTextContent('WARN');
    expect(within(settingRow('logging.threshold')).getByText('Changed')).toBeInTheDocument();
    expect(screen.getByText('1 change')).toBeInTheDocument();
  });

  it('checks values as they are typed, and an invalid one blocks Save with a message', async () => {
    const user = userEvent.setup();
    await renderProperties();
    await user.click(screen.getByRole('button', { name: 'Expand all' }));

    await changeText(user, 'licensing.renewInterval', '15 minutes');
    const message = 'Enter a duration: a number with s, m, h, d or w (none means seconds), such as 90s, 15m or 1d.';
    expect(within(settingRow('licensing.renewInterval')).getByText(message)).toBeInTheDocument();
    expect(input('licensing.renewInterval')).toHaveAttribute('aria-invalid', 'true');
    await changeText(user, 'lfs.capability.repeats', '-1');
    expect(within(settingRow('lfs.capability.repeats')).getByText('Enter a whole number of 0 or more.')).toBeInTheDocument();
    await changeText(user, 'security.ip.whitelist', '10.0.0.1');
    expect(within(settingRow('security.ip.whitelist')).getByText(/Enter a list in square brackets/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      screen.getByText('Correct 3 settings before saving: security.ip.whitelist, licensing.renewInterval, lfs.capability.repeats.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(propertiesApi.save).not.toHaveBeenCalled();

    await changeText(user, 'licensing.renewInterval', '15m');
    expect(within(settingRow('licensing.renewInterval')).queryByText(message)).not.toBeInTheDocument();
  });

  it('shows locked settings read-only with the reason', async () => {
    const user = userEvent.setup();
    await renderProperties();
    await user.click(screen.getByRole('button', { name: /License Generation/ }));
    expect(input('licensing.responseLifetime')).toHaveAttribute('readonly');
    expect(input('licensing.responseLifetime')).toHaveAccessibleDescription(`About licensing.responseLifetime. Read-only: ${LOCKED}`);
    await user.hover(within(settingRow('licensing.responseLifetime')).getByRole('img', { name: 'Locked' }));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(LOCKED);
    await user.type(input('licensing.responseLifetime'), '2d');
    expect(input('licensing.responseLifetime')).toHaveValue('1d');
    expect(screen.getByText('No changes')).toBeInTheDocument();
  });

  it('sends only the changed settings, after a confirmation listing each old and new value', async () => {
    const user = userEvent.setup();
    await renderProperties();
    await user.click(screen.getByRole('button', { name: 'Expand all' }));

    await changeText(user, 'licensing.renewInterval', '20');
    await user.click(screen.getByRole('switch', { name: 'security.enabled' }));
    await user.click(screen.getByRole('combobox', { name: 'Server Host ID' }));
    await user.click(screen.getByRole('option', { name: /VM_UUID/ }));
    // Typed back to what the server has: no longer a change.
    await changeText(user, 'logging.directory', '/var/log/lls');
    await changeText(user, 'logging.directory', '${base.dir}/logs');
    expect(within(settingRow('logging.directory')).queryByText('Changed')).not.toBeInTheDocument();
    expect(screen.getByText('3 changes')).toBeInTheDocument();

    vi.mocked(propertiesApi.save).mockResolvedValue({ saved: ['licensing.renewInterval', 'security.enabled', 'server.hostid'], failed: [], notSent: [] });
    vi.mocked(propertiesApi.get).mockResolvedValue({
      ...after({ 'licensing.renewInterval': '20', 'security.enabled': 'false' }),
      selectedHostId: '4C4C4544-0039/VM_UUID',
    });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = screen.getByRole('dialog', { name: 'Save 3 changes to the license server?' });
    const items = within(within(dialog).getByRole('list', { name: 'Changes' })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Server Host ID (server.hostid)0A1B2C3D4E5F/ETHERNETto4C4C4544-0039/VM_UUID',
      'security.enabledtruetofalse',
      'licensing.renewInterval15to20',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(propertiesApi.save).toHaveBeenCalledTimes(1);
    expect(propertiesApi.save).toHaveBeenCalledWith(
      { 'server.hostid': '4C4C4544-0039/VM_UUID', 'security.enabled': 'false', 'licensing.renewInterval': '20' },
      expect.stringMatching(/^save-/),
    );
    const report = await screen.findByRole('alert', { name: 'Save report' });
    expect(within(within(report).getByRole('list', { name: 'Saved settings' })).getAllByRole('listitem').map((i) => i.textContent)).toEqual([
      'licensing.renewInterval',
      'security.enabled',
      'server.hostid',
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByText('No changes')).toBeInTheDocument();
    expect(input('licensing.renewInterval')).toHaveValue('20');
  });

  it('reports each setting the server refused and keeps it edited', async () => {
    const user = userEvent.setup();
    await renderProperties();
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    await changeText(user, 'licensing.renewInterval', '20');
    await changeText(user, 'lfs.capability.repeats', '9');

    vi.mocked(propertiesApi.save).mockResolvedValue({
      saved: ['licensing.renewInterval'],
      failed: [{ name: 'lfs.capability.repeats', code: apperr.Code.ACCESS_DENIED, message: 'Access denied: ROLE_ADMIN required.' }],
      notSent: [],
    });
    vi.mocked(propertiesApi.get).mockResolvedValue(after({ 'licensing.renewInterval': '20' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save' }));

    const report = await screen.findByRole('alert', { name: 'Save report' });
    expect(within(report).getByRole('list', { name: 'Saved settings' })).toHaveTextContent('licensing.renewInterval');
    expect(within(report).getByRole('list', { name: 'Settings not saved' })).toHaveTextContent(
      'lfs.capability.repeats: Access denied: ROLE_ADMIN required.',
    );
    expect(input('lfs.capability.repeats')).toHaveValue('9');
    expect(within(settingRow('lfs.capability.repeats')).getByText('Access denied: ROLE_ADMIN required.')).toBeInTheDocument();
    expect(within(settingRow('lfs.capability.repeats')).getByText('Changed')).toBeInTheDocument();
    expect(within(settingRow('licensing.renewInterval')).queryByText('Changed')).not.toBeInTheDocument();
    expect(screen.getByText('1 change')).toBeInTheDocument();
  });

  it('shows the server’s objection at each setting and keeps every edit', async () => {
    const user = userEvent.setup();
    await renderProperties();
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    await changeText(user, 'licensing.renewInterval', '20');
    await changeText(user, 'logging.directory', '/nope');
    vi.mocked(propertiesApi.save).mockRejectedValue(
      new AppError(apperr.Code.INVALID_INPUT, 'Please correct the highlighted fields.', [itemProblem('logging.directory', 'value', 'The folder does not exist.')]),
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save' }));

    expect(await within(settingRow('logging.directory')).findByText('The folder does not exist.')).toBeInTheDocument();
    expect(screen.getByText('Please correct the highlighted fields.')).toBeInTheDocument();
    expect(input('logging.directory')).toHaveValue('/nope');
    expect(input('licensing.renewInterval')).toHaveValue('20');
    expect(screen.getByText('2 changes')).toBeInTheDocument();
  });

  it('shows what a save the session ended midway did, asks for the login, then sends only the settings not sent', async () => {
    const user = userEvent.setup();
    await renderProperties();
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    await changeText(user, 'licensing.renewInterval', '20');
    await changeText(user, 'lfs.capability.repeats', '9');
    await user.click(screen.getByRole('switch', { name: 'security.enabled' }));

    const ended = 'Your session ended. Please log in again.';
    vi.mocked(propertiesApi.save)
      .mockResolvedValueOnce({
        saved: ['licensing.renewInterval'],
        failed: [],
        notSent: ['lfs.capability.repeats', 'security.enabled'],
        stopped: { code: apperr.Code.LOGIN_REQUIRED, message: ended },
      })
      .mockResolvedValueOnce({ saved: ['lfs.capability.repeats', 'security.enabled'], failed: [], notSent: [] });
    vi.mocked(propertiesApi.get)
      .mockResolvedValueOnce(after({ 'licensing.renewInterval': '20' }))
      .mockResolvedValue(after({ 'licensing.renewInterval': '20', 'lfs.capability.repeats': '9', 'security.enabled': 'false' }));
    vi.mocked(sessionApi.login).mockResolvedValue(sessionState());

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Save 3 changes to the license server?' })).getByRole('button', { name: 'Save' }));

    const prompt = await screen.findByRole('dialog', { name: 'Log in to continue' });
    expect(prompt).toHaveTextContent(ended);
    // The report of the first part shows under the prompt (hidden from it while the prompt is open).
    const report = screen.getByRole('alert', { name: 'Save report', hidden: true });
    expect(within(report).getByRole('list', { name: 'Saved settings', hidden: true })).toHaveTextContent('licensing.renewInterval');
    expect(within(report).getAllByRole('listitem', { hidden: true }).map((i) => i.textContent)).toEqual([
      'licensing.renewInterval',
      'lfs.capability.repeats',
      'security.enabled',
    ]);
    expect(within(report).getByRole('list', { name: 'Settings not sent', hidden: true })).toHaveTextContent('lfs.capability.repeatssecurity.enabled');
    expect(report).toHaveTextContent(`Not sent (${ended})`);
    expect(propertiesApi.save).toHaveBeenCalledTimes(1);
    expect(propertiesApi.save).toHaveBeenLastCalledWith(
      { 'security.enabled': 'false', 'licensing.renewInterval': '20', 'lfs.capability.repeats': '9' },
      expect.stringMatching(/^save-/),
    );

    await user.clear(within(prompt).getByLabelText('User Name'));
    await user.type(within(prompt).getByLabelText('User Name'), 'admin');
    await user.type(within(prompt).getByLabelText('Password'), 'Admin123!');
    await user.click(within(prompt).getByRole('button', { name: 'Login' }));

    await waitFor(() => expect(propertiesApi.save).toHaveBeenCalledTimes(2));
    expect(sessionApi.login).toHaveBeenCalledWith(expect.objectContaining({ user: 'admin', password: 'Admin123!' }));
    expect(propertiesApi.save).toHaveBeenLastCalledWith({ 'lfs.capability.repeats': '9', 'security.enabled': 'false' }, expect.stringMatching(/^save-/));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const done = await screen.findByRole('alert', { name: 'Save report' });
    await waitFor(() =>
      expect(within(within(done).getByRole('list', { name: 'Saved settings' })).getAllByRole('listitem').map((i) => i.textContent)).toEqual([
        'licensing.renewInterval',
        'lfs.capability.repeats',
        'security.enabled',
      ]),
    );
    expect(within(done).queryByRole('list', { name: 'Settings not sent' })).not.toBeInTheDocument();
    expect(screen.getByText('No changes')).toBeInTheDocument();
    expect(input('lfs.capability.repeats')).toHaveValue('9');
  });

  it('names the missing role when the server refuses the save', async () => {
    const user = userEvent.setup();
    await renderProperties();
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    await changeText(user, 'licensing.renewInterval', '20');
    vi.mocked(propertiesApi.save).mockRejectedValue(new AppError(apperr.Code.ACCESS_DENIED, 'Access denied.', [], { role: 'ROLE_ADMIN' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Access denied: this needs the ROLE_ADMIN role. Log in as a user who has it.')).toBeInTheDocument();
    expect(input('licensing.renewInterval')).toHaveValue('20');
  });

  it('discards every edit', async () => {
    const user = userEvent.setup();
    await renderProperties();
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    await changeText(user, 'licensing.renewInterval', 'x');
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(input('licensing.renewInterval')).toHaveValue('15');
    expect(screen.getByText('No changes')).toBeInTheDocument();
    expect(screen.queryByText(/Enter a duration/)).not.toBeInTheDocument();
  });

  it('shows a Cloud License Server’s policies read-only, with the reason', async () => {
    const user = userEvent.setup();
    const reason = 'Policies of a Cloud License Server are read-only here.';
    const cls = properties({ readOnly: true, readOnlyReason: reason });
    await renderProperties({
      ...cls,
      sections: cls.sections.map((s) => ({ ...s, settings: s.settings.map((st) => ({ ...st, lockedReason: reason })) })),
    });
    expect(screen.getAllByText(reason)[0]).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(screen.getByRole('switch', { name: 'security.enabled' })).toBeDisabled();
    expect(input('licensing.renewInterval')).toHaveAttribute('readonly');
    expect(screen.getByRole('combobox', { name: 'logging.threshold' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('combobox', { name: 'Server Host ID' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });

  it('shows a failed load with a Retry', async () => {
    const user = userEvent.setup();
    vi.mocked(propertiesApi.get).mockRejectedValueOnce(new AppError(apperr.Code.UNREACHABLE, 'The license server did not answer.'));
    renderWithSettings(<Properties />, { route: '/properties' });
    expect(await screen.findByText('The license server did not answer.')).toBeInTheDocument();
    vi.mocked(propertiesApi.get).mockResolvedValue(properties());
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'General Properties' })).toBeInTheDocument();
  });
});
