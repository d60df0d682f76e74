import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { apperr, AppError, reservationsApi, sessionApi, settingsApi, type PendingReservation, type ReservationsPage } from '../../api';
import { connectionInfo, itemProblem, sessionState, settingsView, validation } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { Reservations } from './Reservations';

vi.mock('../../api/session');
vi.mock('../../api/settings');
vi.mock('../../api/reservations');

type User = ReturnType<typeof userEvent.setup>;

const emptyList: ReservationsPage = { rows: [], total: 0, page: 1, pages: 1, loadedAt: '', modelActive: false, modelMessage: '', groups: [] };

function Where() {
  const { pathname } = useLocation();
  return <output data-testid="where">{pathname}</output>;
}

async function renderAdd() {
  const view = renderWithSettings(
    <>
      <Routes>
        <Route path="/reservations/*" element={<Reservations />} />
      </Routes>
      <Where />
    </>,
    { route: '/reservations/add' },
  );
  await screen.findByRole('heading', { name: 'Add Reservation', level: 1 });
  // The ID Type picker starts on the first type once the types are in.
  await waitFor(() => expect(screen.getByRole('combobox', { name: 'ID Type' })).toHaveTextContent('ETHERNET'));
  return view;
}

const field = (label: string) => screen.getByLabelText(label, { selector: 'input' });
const pendingTable = () => screen.getByRole('table', { name: 'Reservations (Pending Submission)' });

async function fill(user: User, entry: Partial<Record<'groupName' | 'deviceId' | 'featureName' | 'version' | 'count', string>> & { idType?: string }) {
  const labels = { groupName: 'Group Name', deviceId: 'Device ID', featureName: 'Feature Name', version: 'Version', count: 'Count' } as const;
  for (const key of ['groupName', 'deviceId', 'featureName', 'version', 'count'] as const) {
    const value = entry[key];
    if (value === undefined) continue;
    // Pasting is one input event where typing is one per character, which MUI makes slow.
    await user.clear(field(labels[key]));
    if (value) await user.paste(value);
  }
  if (entry.idType) {
    await user.click(screen.getByRole('combobox', { name: 'ID Type' }));
    await user.click(screen.getByRole('option', { name: entry.idType }));
  }
}

const entry = (overrides: Partial<PendingReservation> = {}): PendingReservation => ({
  groupName: 'E2E Group',
  deviceId: 'E2E-HOST-1',
  idType: 'STRING',
  featureName: '3D_Rendering',
  version: '3.0',
  count: 1,
  ...overrides,
});

/** Go's check finds nothing wrong: each row goes into the group Go forms for its name. */
const checkLikeGo = (pending: PendingReservation[]) => Promise.resolve(validation(pending));

async function addEntry(user: User, values: Parameters<typeof fill>[1]) {
  await fill(user, values);
  await user.click(screen.getByRole('button', { name: 'Add' }));
}

describe('Add Reservation page', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    localStorage.clear();
    sessionStorage.clear();
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(reservationsApi.idTypes).mockResolvedValue(['ETHERNET', 'STRING', 'USER']);
    vi.mocked(reservationsApi.features).mockResolvedValue([
      { name: '3D_Rendering', versions: ['3.0', '3.2'] },
      { name: 'Mesh_Repair', versions: ['1.5'] },
    ]);
    vi.mocked(reservationsApi.validate).mockImplementation(checkLikeGo);
    vi.mocked(reservationsApi.list).mockResolvedValue(emptyList);
  });

  it('has the guide’s fields and buttons, with nothing pending yet', async () => {
    await renderAdd();
    for (const label of ['Group Name', 'Device ID', 'Feature Name', 'Version', 'Count']) expect(field(label)).toBeInTheDocument();
    for (const name of ['Add', 'Clear', 'Cancel']) expect(screen.getByRole('button', { name })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Submit' })).toBeDisabled();
    expect(screen.getByRole('heading', { name: 'Reservations (Pending Submission)' })).toBeInTheDocument();
    expect(screen.getByText(/^No entries yet/)).toBeInTheDocument();
  });

  it('shows the checks’ errors at the fields and adds nothing until the entry is valid', async () => {
    const user = userEvent.setup();
    await renderAdd();
    const message = '"3" is not a version in numeric a.b form (for example 1.0).';
    vi.mocked(reservationsApi.validate).mockResolvedValueOnce(
      validation([entry({ version: '3' })], { valid: false, problems: [itemProblem('0', 'version', message)] }),
    );
    await addEntry(user, { groupName: 'E2E Group', deviceId: 'E2E-HOST-1', idType: 'STRING', featureName: '3D_Rendering', version: '3', count: '1' });

    // On the Add page no group is being edited.
    expect(reservationsApi.validate).toHaveBeenCalledWith([entry({ version: '3' })], 0);
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(field('Version')).toHaveAccessibleDescription(message);
    expect(field('Version')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('table', { name: 'Reservations (Pending Submission)' })).not.toBeInTheDocument();

    await fill(user, { version: '3.0' });
    expect(screen.queryByText(message)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await within(pendingTable()).findByText('3D_Rendering')).toBeInTheDocument();
  });

  it('refuses a count that is not a whole number without asking Go', async () => {
    const user = userEvent.setup();
    await renderAdd();
    await addEntry(user, { groupName: 'G', deviceId: 'H', featureName: 'F', version: '1.0', count: '1.5' });
    expect(field('Count')).toHaveAccessibleDescription('The count must be a positive whole number.');
    expect(reservationsApi.validate).not.toHaveBeenCalled();
  });

  it('gathers entries with the same group name into one group and checks each new one with those pending', async () => {
    const user = userEvent.setup();
    await renderAdd();
    await addEntry(user, { groupName: 'E2E Group', deviceId: 'E2E-HOST-1', idType: 'STRING', featureName: '3D_Rendering', version: '3.0' });
    await within(pendingTable()).findByText('3D_Rendering');
    // Group, device and type stay for the next entry; the feature starts afresh.
    expect(field('Group Name')).toHaveValue('E2E Group');
    expect(field('Device ID')).toHaveValue('E2E-HOST-1');
    expect(field('Feature Name')).toHaveValue('');
    expect(field('Count')).toHaveValue(1);

    await addEntry(user, { featureName: 'Mesh_Repair', version: '1.5' });
    await within(pendingTable()).findByText('Mesh_Repair');
    expect(reservationsApi.validate).toHaveBeenLastCalledWith([entry(), entry({ featureName: 'Mesh_Repair', version: '1.5' })], 0);
    const groupHeaders = within(pendingTable()).getAllByRole('rowheader');
    expect(groupHeaders.map((h) => h.textContent)).toEqual(['E2E Group — 2 entries']);
  });

  it('shows the rows in the groups Go formed, whose names differ only in case and spaces', async () => {
    const user = userEvent.setup();
    await renderAdd();
    await addEntry(user, { groupName: 'Lab', deviceId: 'LAB-1', featureName: '3D_Rendering', version: '3.0' });
    await within(pendingTable()).findByText('3D_Rendering');
    await addEntry(user, { groupName: ' lab ', featureName: 'Mesh_Repair', version: '1.5' });
    await within(pendingTable()).findByText('Mesh_Repair');
    await addEntry(user, { groupName: 'Support', featureName: 'Mesh_Repair', version: '1.5' });
    await waitFor(() => expect(within(pendingTable()).getAllByRole('rowheader')).toHaveLength(2));

    expect(reservationsApi.validate).toHaveBeenLastCalledWith(
      [
        entry({ groupName: 'Lab', deviceId: 'LAB-1', idType: 'ETHERNET' }),
        entry({ groupName: ' lab ', deviceId: 'LAB-1', idType: 'ETHERNET', featureName: 'Mesh_Repair', version: '1.5' }),
        entry({ groupName: 'Support', deviceId: 'LAB-1', idType: 'ETHERNET', featureName: 'Mesh_Repair', version: '1.5' }),
      ],
      0,
    );
    expect(within(pendingTable()).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Lab — 2 entries', 'Support — 1 entry']);
  });

  it('clears the fields with Clear', async () => {
    const user = userEvent.setup();
    await renderAdd();
    await fill(user, { groupName: 'G', deviceId: 'H', idType: 'USER', featureName: 'Mesh_Repair', version: '1.5', count: '4' });
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    for (const label of ['Group Name', 'Device ID', 'Feature Name', 'Version']) expect(field(label)).toHaveValue('');
    expect(field('Count')).toHaveValue(1);
    expect(screen.getByRole('combobox', { name: 'ID Type' })).toHaveTextContent('ETHERNET');
    expect(reservationsApi.validate).not.toHaveBeenCalled();
  });

  it('submits all groups and returns to the list saying what was created', async () => {
    const user = userEvent.setup();
    await renderAdd();
    await addEntry(user, { groupName: 'E2E Group', deviceId: 'E2E-HOST-1', idType: 'STRING', featureName: '3D_Rendering', version: '3.0' });
    await within(pendingTable()).findByText('3D_Rendering');
    vi.mocked(reservationsApi.submit).mockResolvedValue({
      results: [{ group: 'E2E Group', id: 5, rows: [0], ok: true, notSent: false, unknown: false, message: '' }],
      created: 1,
      failed: 0,
    });
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(reservationsApi.submit).toHaveBeenCalledWith([entry()], expect.stringMatching(/^submit-/));
    expect(await screen.findByRole('heading', { name: 'Reservations', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Created 1 group: E2E Group.')).toBeInTheDocument();
    expect(sessionStorage.length).toBe(0);
  });

  it('keeps the entries of a group the server refused, with its message, and drops those of the group it created', async () => {
    const user = userEvent.setup();
    await renderAdd();
    await addEntry(user, { groupName: 'Lab', deviceId: 'LAB-1', featureName: '3D_Rendering', version: '3.0' });
    await within(pendingTable()).findByText('LAB-1');
    await addEntry(user, { groupName: 'Support', deviceId: 'JOE', idType: 'USER', featureName: 'Mesh_Repair', version: '1.5' });
    await within(pendingTable()).findByText('JOE');

    const refusal = 'Host ID JOE/USER is already reserved in group "Sales".';
    vi.mocked(reservationsApi.submit).mockResolvedValue({
      results: [
        { group: 'Lab', id: 5, rows: [0], ok: true, notSent: false, unknown: false, message: '' },
        { group: 'Support', id: 0, rows: [1], ok: false, notSent: false, unknown: false, code: apperr.Code.CONFLICT, message: refusal },
      ],
      created: 1,
      failed: 1,
    });
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(await screen.findByText('1 group created, 1 failed')).toBeInTheDocument();
    expect(screen.getByText(refusal, { exact: false })).toBeInTheDocument();
    expect(within(pendingTable()).queryByText('LAB-1')).not.toBeInTheDocument();
    expect(within(pendingTable()).getByText('JOE')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Add Reservation' })).toBeInTheDocument();
  });

  it('reports a submit the session ended midway, asks for the login, then sends only the rows of the groups not created', async () => {
    const user = userEvent.setup();
    await renderAdd();
    await addEntry(user, { groupName: 'Lab', deviceId: 'LAB-1', featureName: '3D_Rendering', version: '3.0' });
    await within(pendingTable()).findByText('LAB-1');
    await addEntry(user, { groupName: 'Support', deviceId: 'JOE', idType: 'USER', featureName: 'Mesh_Repair', version: '1.5' });
    await within(pendingTable()).findByText('JOE');
    await addEntry(user, { groupName: 'QA', deviceId: 'QA-1', idType: 'STRING', featureName: '3D_Rendering', version: '3.2' });
    await within(pendingTable()).findByText('QA-1');

    const lab = entry({ groupName: 'Lab', deviceId: 'LAB-1', idType: 'ETHERNET' });
    const support = entry({ groupName: 'Support', deviceId: 'JOE', idType: 'USER', featureName: 'Mesh_Repair', version: '1.5' });
    const qa = entry({ groupName: 'QA', deviceId: 'QA-1', idType: 'STRING', version: '3.2' });
    const ended = 'Please log in: the session is missing or has expired.';
    vi.mocked(reservationsApi.submit)
      .mockResolvedValueOnce({
        results: [
          { group: 'Lab', id: 5, rows: [0], ok: true, notSent: false, unknown: false, message: '' },
          { group: 'Support', id: 0, rows: [1], ok: false, notSent: true, unknown: false, code: apperr.Code.LOGIN_REQUIRED, message: ended },
          { group: 'QA', id: 0, rows: [2], ok: false, notSent: true, unknown: false, code: apperr.Code.LOGIN_REQUIRED, message: `Not sent: ${ended}` },
        ],
        created: 1,
        failed: 2,
        stopped: { code: apperr.Code.LOGIN_REQUIRED, message: ended },
      })
      .mockResolvedValueOnce({
        results: [
          { group: 'Support', id: 6, rows: [0], ok: true, notSent: false, unknown: false, message: '' },
          { group: 'QA', id: 7, rows: [1], ok: true, notSent: false, unknown: false, message: '' },
        ],
        created: 2,
        failed: 0,
      });
    vi.mocked(sessionApi.login).mockResolvedValue(sessionState());
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    const prompt = await screen.findByRole('dialog', { name: 'Log in to continue' });
    expect(prompt).toHaveTextContent(ended);
    expect(reservationsApi.submit).toHaveBeenCalledTimes(1);
    expect(reservationsApi.submit).toHaveBeenLastCalledWith([lab, support, qa], expect.stringMatching(/^submit-/));
    // Under the prompt: what the first part did, and the rows of the created group gone from the pending table.
    expect(screen.getByText('1 group created, 2 failed')).toBeInTheDocument();
    const pending = screen.getByRole('table', { name: 'Reservations (Pending Submission)', hidden: true });
    expect(within(pending).queryByText('LAB-1')).not.toBeInTheDocument();
    expect(within(pending).getByText('JOE')).toBeInTheDocument();
    expect(within(pending).getByText('QA-1')).toBeInTheDocument();

    await user.type(within(prompt).getByLabelText('Password'), 'Admin123!');
    await user.click(within(prompt).getByRole('button', { name: 'Login' }));

    await waitFor(() => expect(reservationsApi.submit).toHaveBeenCalledTimes(2));
    expect(reservationsApi.submit).toHaveBeenLastCalledWith([support, qa], expect.stringMatching(/^submit-/));
    expect(await screen.findByRole('heading', { name: 'Reservations', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Created 3 groups: Lab, Support, QA.')).toBeInTheDocument();
    expect(sessionStorage.length).toBe(0);
  });

  it('shows the server’s field errors on the pending rows and keeps them after a failure', async () => {
    const user = userEvent.setup();
    await renderAdd();
    await addEntry(user, { groupName: 'Lab', deviceId: 'LAB-1', featureName: '3D_Rendering', version: '3.0' });
    await within(pendingTable()).findByText('LAB-1');
    const taken = 'A reservation group named "Lab" already exists on the server; choose another name.';
    vi.mocked(reservationsApi.submit).mockRejectedValueOnce(new AppError(apperr.Code.INVALID_INPUT, taken, [itemProblem('0', 'groupName', taken, 'name_taken')]));
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(await screen.findByText('Nothing was submitted')).toBeInTheDocument();
    expect(within(pendingTable()).getByText(`Group Name: ${taken}`)).toBeInTheDocument();

    vi.mocked(reservationsApi.submit).mockRejectedValueOnce(new AppError(apperr.Code.SERVER_ERROR, 'The license server failed (500).'));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByText('The license server failed (500).')).toBeInTheDocument();
    expect(within(pendingTable()).getByText('LAB-1')).toBeInTheDocument();
  });

  it('keeps the pending table across a reload, and removes single entries', async () => {
    const user = userEvent.setup();
    const first = await renderAdd();
    await addEntry(user, { groupName: 'Lab', deviceId: 'LAB-1', featureName: '3D_Rendering', version: '3.0' });
    await within(pendingTable()).findByText('LAB-1');
    first.unmount();

    await renderAdd();
    expect(within(pendingTable()).getByText('LAB-1')).toBeInTheDocument();
    await user.click(within(pendingTable()).getByRole('button', { name: 'Remove 3D_Rendering 3.0 for LAB-1' }));
    expect(screen.queryByRole('table', { name: 'Reservations (Pending Submission)' })).not.toBeInTheDocument();
    expect(sessionStorage.length).toBe(0);
  });

  it('asks before Cancel discards pending entries', async () => {
    const user = userEvent.setup();
    await renderAdd();
    await addEntry(user, { groupName: 'Lab', deviceId: 'LAB-1', featureName: '3D_Rendering', version: '3.0' });
    await within(pendingTable()).findByText('LAB-1');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = screen.getByRole('dialog', { name: 'Discard the pending entries?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByTestId('where')).toHaveTextContent('/reservations/add');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByRole('heading', { name: 'Reservations', level: 1 })).toBeInTheDocument();
    expect(sessionStorage.length).toBe(0);
  });

  it('explains why nothing can be added while a model definition is active', async () => {
    const user = userEvent.setup();
    await renderAdd();
    const message = 'Reservations and named license pools cannot coexist.';
    vi.mocked(reservationsApi.validate).mockImplementation((pending) => Promise.resolve(validation(pending, { modelActive: true, modelMessage: message })));
    await addEntry(user, { groupName: 'Lab', deviceId: 'LAB-1', featureName: '3D_Rendering', version: '3.0' });
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open Named License Pools' })).toHaveAttribute('href', '/pools');
    expect(screen.queryByRole('table', { name: 'Reservations (Pending Submission)' })).not.toBeInTheDocument();
  });
});
