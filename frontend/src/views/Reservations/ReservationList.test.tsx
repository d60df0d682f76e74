import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import {
  apperr,
  AppError,
  operationApi,
  operations,
  reservations,
  reservationsApi,
  sessionApi,
  settingsApi,
  systemApi,
  type ListQuery,
  type PendingReservation,
  type ReservationGroupRef,
  type ReservationImportPreview,
  type ReservationImportReport,
  type ReservationRow,
  type ReservationsPage,
} from '../../api';
import { navSections } from '../../nav/model';
import { navItems } from '../../nav/items';
import { connectionInfo, sessionState, settingsView, validation } from '../../test/fixtures';
import { emitProgress, lastOperation } from '../../test/progress';
import { renderWithSettings } from '../../test/render';
import { Reservations } from './Reservations';

vi.mock('../../api/session');
vi.mock('../../api/settings');
vi.mock('../../api/reservations');
vi.mock('../../api/system');

function reservation(overrides: Partial<ReservationRow> = {}): ReservationRow {
  return {
    group: 'Engineering',
    groupId: 1,
    entryId: 11,
    deviceId: '0A1B2C3D4E01',
    idType: 'ETHERNET',
    feature: '3D_Rendering',
    version: '3.0',
    count: 5,
    status: reservations.Status.OK,
    reason: '',
    ...overrides,
  };
}

const engineering: ReservationGroupRef = { id: 1, name: 'Engineering', reservations: 1, entries: 2 };
const support: ReservationGroupRef = { id: 2, name: 'Support', reservations: 1, entries: 1 };

const shortReason = 'Only 3 licenses of Mesh_Repair 1.5 or later are left for 4 reserved.';
const rows = [
  reservation(),
  reservation({ entryId: 12, feature: 'Mesh_Repair', version: '1.5', count: 4, status: reservations.Status.SHORT, reason: shortReason }),
  reservation({ group: 'Support', groupId: 2, entryId: 21, deviceId: 'JOE', idType: 'USER', feature: 'Export_to_CSV', version: '4.8', count: 2 }),
];

/** Group 1 as Go gives it to edit: its entries as pending rows. */
const engineeringEntries: PendingReservation[] = [
  { groupName: 'Engineering', deviceId: '0A1B2C3D4E01', idType: 'ETHERNET', featureName: '3D_Rendering', version: '3.0', count: 5 },
  { groupName: 'Engineering', deviceId: '0A1B2C3D4E01', idType: 'ETHERNET', featureName: 'Mesh_Repair', version: '1.5', count: 4 },
];

/** Engineering on the server under id, with the one entry the edit below keeps. */
const engineeringGroup = (id: number): reservations.Group => ({
  id,
  name: 'Engineering',
  reservations: [
    { id: id * 10, hostId: { value: '0A1B2C3D4E01', type: 'ETHERNET' }, reservationEntries: [{ id: id * 100, featureName: '3D_Rendering', featureVersion: '3.0', featureCount: 5 }] },
  ],
});

const page = (list: ReservationRow[] = rows, more: Partial<ReservationsPage> = {}): ReservationsPage => ({
  rows: list,
  total: list.length,
  page: 1,
  pages: 1,
  loadedAt: '2026-01-01T10:00:00Z',
  modelActive: false,
  modelMessage: '',
  groups: [engineering, support],
  ...more,
});

const query = (overrides: Partial<ListQuery> = {}): ListQuery => ({ page: 1, pageSize: 50, search: '', sortBy: '', sortDesc: false, ...overrides });

function Where() {
  const { pathname } = useLocation();
  return <output data-testid="where">{pathname}</output>;
}

function renderView(route: string) {
  renderWithSettings(
    <>
      <Routes>
        <Route path="/reservations/*" element={<Reservations />} />
      </Routes>
      <Where />
    </>,
    { route },
  );
}

async function renderList() {
  renderView('/reservations');
  await screen.findByRole('heading', { name: 'Reservations', level: 1 });
  await screen.findByText('JOE');
}

const table = () => screen.getByRole('table', { name: 'Reservations' });
const rowOf = (text: string) => within(table()).getAllByText(text)[0].closest('tr') as HTMLElement;
const checkbox = (label: RegExp) => within(table()).getByRole('checkbox', { name: label });
const tick = (user: ReturnType<typeof userEvent.setup>, label: RegExp) => user.click(checkbox(label));
const pendingDeletions = () => screen.getByRole('region', { name: 'Pending deletions' });

describe('Reservations view', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    localStorage.clear();
    sessionStorage.clear();
    vi.mocked(sessionApi.start).mockResolvedValue(sessionState());
    vi.mocked(settingsApi.get).mockResolvedValue(settingsView());
    vi.mocked(settingsApi.status).mockResolvedValue(connectionInfo());
    vi.mocked(reservationsApi.list).mockResolvedValue(page());
    vi.mocked(reservationsApi.group).mockResolvedValue({ id: 1, name: 'Engineering', entries: engineeringEntries });
  });

  it('is a menu group of its own, after Devices', () => {
    const sections = navSections(navItems);
    const at = sections.findIndex((s) => s.group.id === 'reservations');
    expect(sections[at].items.map((i) => [i.label, i.route])).toEqual([['Reservations', '/reservations']]);
    expect(at).toBeGreaterThan(sections.findIndex((s) => s.group.id === 'devices'));
  });

  it('lists the entries with the guide’s columns and a status that says why a reservation is short', async () => {
    await renderList();
    expect(reservationsApi.list).toHaveBeenCalledWith(query(), true, expect.stringMatching(/^list-/));
    expect(within(table()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '',
      'Status',
      'Device ID',
      'ID Type',
      'Reservation Group',
      'Feature Name',
      'Version',
      'Count',
    ]);
    const ok = rowOf('3D_Rendering');
    expect(within(ok).getByRole('img', { name: 'Can be satisfied' })).toBeInTheDocument();
    expect(within(ok).getAllByRole('cell').slice(2).map((c) => c.textContent)).toEqual(['0A1B2C3D4E01', 'ETHERNET', 'Engineering', '3D_Rendering', '3.0', '5']);
    const short = rowOf('Mesh_Repair');
    expect(within(short).getByRole('img', { name: `Cannot be satisfied: ${shortReason}` })).toBeInTheDocument();
    expect(within(short).queryByRole('img', { name: 'Can be satisfied' })).not.toBeInTheDocument();
    expect(screen.getByText('Total number of records: 3')).toBeInTheDocument();
  });

  it('explains an active model definition, links to Named License Pools and blocks Add and Import', async () => {
    const message = 'Reservations and named license pools cannot coexist: a model definition (named license pools) is active on this server.';
    vi.mocked(reservationsApi.list).mockResolvedValue(page(rows, { modelActive: true, modelMessage: message }));
    await renderList();
    expect(await screen.findByText(message, { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open Named License Pools' })).toHaveAttribute('href', '/pools');
    expect(screen.getByRole('button', { name: 'Add' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Export' })).toBeEnabled();
  });

  it('opens the Add Reservation page from Add', async () => {
    const user = userEvent.setup();
    vi.mocked(reservationsApi.idTypes).mockResolvedValue(['ETHERNET', 'STRING']);
    vi.mocked(reservationsApi.features).mockResolvedValue([]);
    await renderList();
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByRole('heading', { name: 'Add Reservation', level: 1 })).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent('/reservations/add');
  });

  it('ticks whole groups and moves them to the pending deletions, where each can be taken back', async () => {
    const user = userEvent.setup();
    await renderList();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeDisabled();

    await tick(user, /^Select 3D_Rendering 3\.0 for 0A1B2C3D4E01/);
    expect(checkbox(/^Select Mesh_Repair/)).toBeChecked();
    expect(checkbox(/^Select Export_to_CSV/)).not.toBeChecked();
    await tick(user, /^Select Export_to_CSV/);
    expect(screen.getByText('Ticked: Engineering, Support')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(within(pendingDeletions()).getByText('Engineering (2 entries)')).toBeInTheDocument();
    expect(within(pendingDeletions()).getByText('Support (1 entry)')).toBeInTheDocument();
    expect(checkbox(/^Select 3D_Rendering/)).not.toBeChecked();

    await user.click(within(pendingDeletions()).getByRole('img', { name: 'Keep Support' }));
    expect(within(pendingDeletions()).queryByText(/^Support/)).not.toBeInTheDocument();
    expect(reservationsApi.delete).not.toHaveBeenCalled();
  });

  it('deletes the pending groups after a confirmation naming them, reports each, and shows the list again', async () => {
    const user = userEvent.setup();
    await renderList();
    await tick(user, /^Select 3D_Rendering/);
    await user.click(screen.getByRole('button', { name: 'Delete' }));

    vi.mocked(reservationsApi.delete).mockResolvedValue({
      results: [{ group: 'Engineering', id: 1, rows: [], ok: true, notSent: false, unknown: false, message: '' }],
      deleted: 1,
      failed: 0,
    });
    vi.mocked(reservationsApi.list).mockClear();
    vi.mocked(reservationsApi.list).mockResolvedValue(page(rows.slice(2), { groups: [support] }));
    await user.click(within(pendingDeletions()).getByRole('button', { name: 'Submit' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete reservation groups' });
    expect(dialog).toHaveTextContent('Delete 1 group and all their reservations from the license server: Engineering?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(reservationsApi.delete).toHaveBeenCalledWith([1], expect.stringMatching(/^delete-/));
    expect(await screen.findByText('1 group deleted')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Pending deletions' })).not.toBeInTheDocument();
    expect(reservationsApi.list).toHaveBeenCalledWith(query(), true, expect.stringMatching(/^list-/));
    await waitFor(() => expect(within(table()).queryByText('3D_Rendering')).not.toBeInTheDocument());
  });

  it('keeps a group the server would not delete in the pending deletions, with the server’s reason', async () => {
    const user = userEvent.setup();
    await renderList();
    await tick(user, /^Select 3D_Rendering/);
    await tick(user, /^Select Export_to_CSV/);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    vi.mocked(reservationsApi.delete).mockResolvedValue({
      results: [
        { group: 'Engineering', id: 1, rows: [], ok: true, notSent: false, unknown: false, message: '' },
        {
          group: 'Support',
          id: 2,
          rows: [],
          ok: false,
          notSent: false, unknown: false,
          code: apperr.Code.SERVER_ERROR,
          message: 'The license server failed (500): database locked.',
        },
      ],
      deleted: 1,
      failed: 1,
    });
    await user.click(within(pendingDeletions()).getByRole('button', { name: 'Submit' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('1 group deleted, 1 failed')).toBeInTheDocument();
    expect(screen.getByText(/The license server failed \(500\): database locked\./)).toBeInTheDocument();
    expect(within(pendingDeletions()).getByText('Support (1 entry)')).toBeInTheDocument();
    expect(within(pendingDeletions()).queryByText(/^Engineering/)).not.toBeInTheDocument();
  });

  it('names the missing role when the user may not delete reservations', async () => {
    const user = userEvent.setup();
    vi.mocked(reservationsApi.delete).mockRejectedValue(
      new AppError(apperr.Code.ACCESS_DENIED, 'Access denied: ROLE_RESERVATIONS required.', [], { role: 'ROLE_RESERVATIONS' }),
    );
    await renderList();
    await tick(user, /^Select Export_to_CSV/);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(pendingDeletions()).getByRole('button', { name: 'Submit' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('Access denied: this needs the ROLE_RESERVATIONS role. Log in as a user who has it.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(pendingDeletions()).getByText('Support (1 entry)')).toBeInTheDocument();
  });

  it('exports the ticked groups, or all of them, and says nothing when the save dialog is cancelled', async () => {
    const user = userEvent.setup();
    await renderList();
    vi.mocked(reservationsApi.export).mockResolvedValue('');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export' })).toBeEnabled());
    expect(reservationsApi.export).toHaveBeenCalledWith([]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    vi.mocked(reservationsApi.export).mockResolvedValue('/home/ada/support.json');
    await tick(user, /^Select Export_to_CSV/);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('1 group exported to /home/ada/support.json')).toBeInTheDocument();
    expect(reservationsApi.export).toHaveBeenLastCalledWith([2]);
  });

  it('previews an import with its problems and both plans, then imports and reports', async () => {
    const user = userEvent.setup();
    const broken = 'It has errors (see the list of problems).';
    const preview: ReservationImportPreview = {
      cancelled: false,
      token: 'tok-1',
      fileName: 'groups.json',
      preview: {
        groups: [],
        groupCount: 3,
        reservationCount: 4,
        entryCount: 6,
        errors: [
          {
            location: 'groups[2].reservations[0].reservationEntries[0].featureVersion',
            line: 31,
            column: 49,
            message: '"3" is not a version in numeric a.b form (for example 1.0).',
          },
        ],
        warnings: [{ location: 'groups[0].comment', line: 3, column: 5, message: 'Unknown field "comment" is ignored.' }],
        keep: {
          actions: [
            { index: 0, name: 'Lab', label: 'Lab', action: reservations.Action.CREATE, reason: '', replaces: 0 },
            {
              index: 1,
              name: 'Support',
              label: 'Support',
              action: reservations.Action.SKIP,
              reason: 'A group named "Support" already exists on the server; choose Replace to overwrite it.',
              replaces: 0,
            },
            { index: 2, name: 'Broken', label: 'Broken', action: reservations.Action.SKIP, reason: broken, replaces: 0 },
          ],
          summary: { toImport: 1, toReplace: 0, skipped: 2 },
        },
        replace: {
          actions: [
            { index: 0, name: 'Lab', label: 'Lab', action: reservations.Action.CREATE, reason: '', replaces: 0 },
            { index: 1, name: 'Support', label: 'Support', action: reservations.Action.REPLACE, reason: '', replaces: 2 },
            { index: 2, name: 'Broken', label: 'Broken', action: reservations.Action.SKIP, reason: broken, replaces: 0 },
          ],
          summary: { toImport: 1, toReplace: 1, skipped: 1 },
        },
      },
    };
    vi.mocked(reservationsApi.previewImport).mockResolvedValueOnce({ ...preview, cancelled: true });
    await renderList();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Import' })).toBeEnabled());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    vi.mocked(reservationsApi.previewImport).mockResolvedValue(preview);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import reservations' });
    expect(dialog).toHaveTextContent('groups.json');
    expect(dialog).toHaveTextContent('3 groups, 4 reservations, 6 entries');
    // Each problem shows its line:column in the file and the value's path.
    expect(dialog).toHaveTextContent('31:49 groups[2].reservations[0].reservationEntries[0].featureVersion: "3" is not a version in numeric a.b form (for example 1.0).');
    expect(within(dialog).getByText('31:49')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('3:5 groups[0].comment: Unknown field "comment" is ignored.');
    expect(dialog).toHaveTextContent('1 new group to import, 0 groups to replace, 2 groups skipped.');
    const steps = () => within(within(dialog).getByRole('list', { name: 'Groups of the file' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(steps()).toEqual([
      'Lab will be created.',
      'Support skipped: A group named "Support" already exists on the server; choose Replace to overwrite it.',
      `Broken skipped: ${broken}`,
    ]);

    await user.click(within(dialog).getByRole('switch', { name: 'Replace existing groups with the same name' }));
    expect(dialog).toHaveTextContent('1 new group to import, 1 group to replace, 1 group skipped.');
    expect(steps()).toEqual(['Lab will be created.', 'Support will replace the server’s group of this name.', `Broken skipped: ${broken}`]);

    // The replaced group could be neither replaced nor restored: Go kept
    // its definition in a file, which the report names.
    const lost = 'The new version of "Lab" was refused: bad. Re-creating the original failed too: timeout.';
    const labJson = '[\n  {\n    "name": "Lab",\n    "reservations": []\n  }\n]';
    const keptIn = 'C:\\Kept reservation groups\\Lab 2026-12-01 153000.json';
    vi.mocked(reservationsApi.applyImport).mockResolvedValue({
      imported: 1,
      replaced: 0,
      skipped: 1,
      skippedGroups: [{ group: 'Broken', message: broken, originalJson: '', keptIn: '' }],
      named: [],
      failed: [{ group: 'Lab', message: lost, originalJson: labJson, keptIn }],
      notSent: [],
      replace: true,
    });
    vi.mocked(reservationsApi.list).mockClear();
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(reservationsApi.applyImport).toHaveBeenCalledWith('tok-1', true, expect.stringMatching(/^import-/));
    expect(await within(dialog).findByText('1 group imported, 0 replaced, 1 skipped, 1 failed')).toBeInTheDocument();
    expect(dialog).toHaveTextContent(`Lab failed: ${lost}`);
    expect(dialog).toHaveTextContent(`The app kept this definition in ${keptIn}; import that file to restore the group.`);
    expect(within(dialog).getByRole('textbox', { name: 'Definition of Lab' })).toHaveValue(labJson);
    expect(within(dialog).getByRole('button', { name: 'Save as…' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(reservationsApi.list).toHaveBeenCalledWith(query(), true, expect.stringMatching(/^list-/)));
  });

  it('says the server will name a group the file gives no name, and reports the name it gave', async () => {
    const user = userEvent.setup();
    const hostTaken = 'groups[2].reservations[0].hostId: host ID JOE/USER is already reserved in group "Support" on the server.';
    const actions = [
      { index: 0, name: '', label: 'unnamed group (line 2)', action: reservations.Action.CREATE, reason: '', replaces: 0 },
      { index: 1, name: '', label: 'unnamed group (line 19)', action: reservations.Action.CREATE, reason: '', replaces: 0 },
      { index: 2, name: '', label: 'unnamed group (line 36)', action: reservations.Action.SKIP, reason: hostTaken, replaces: 0 },
    ];
    vi.mocked(reservationsApi.previewImport).mockResolvedValue({
      cancelled: false,
      token: 'tok-n',
      fileName: 'kiosks.json',
      preview: {
        groups: [],
        groupCount: 3,
        reservationCount: 3,
        entryCount: 3,
        errors: [],
        warnings: [{ location: 'groups[1].name', line: 20, column: 13, message: 'An empty name counts as no name: the server will name this group.' }],
        keep: { actions, summary: { toImport: 2, toReplace: 0, skipped: 1 } },
        replace: { actions, summary: { toImport: 2, toReplace: 0, skipped: 1 } },
      },
    });
    vi.mocked(reservationsApi.applyImport).mockResolvedValue({
      imported: 2,
      replaced: 0,
      skipped: 1,
      skippedGroups: [{ group: 'unnamed group (line 36)', message: hostTaken, originalJson: '', keptIn: '' }],
      named: [
        { group: 'unnamed group (line 2)', message: 'The server named it "Group 104".', originalJson: '', keptIn: '' },
        { group: 'unnamed group (line 19)', message: 'The server named it "Group 107".', originalJson: '', keptIn: '' },
      ],
      failed: [],
      notSent: [],
      replace: false,
    });
    await renderList();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import reservations' });
    expect(dialog).toHaveTextContent('20:13 groups[1].name: An empty name counts as no name: the server will name this group.');
    const steps = within(within(dialog).getByRole('list', { name: 'Groups of the file' })).getAllByRole('listitem');
    expect(steps.map((li) => li.textContent)).toEqual([
      'unnamed group (line 2) will be created; the server will name this group.',
      'unnamed group (line 19) will be created; the server will name this group.',
      `unnamed group (line 36) skipped: ${hostTaken}`,
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByText('2 groups imported, 0 replaced, 1 skipped, 0 failed')).toBeInTheDocument();
    const named = within(within(dialog).getByRole('list', { name: 'Named by the server' })).getAllByRole('listitem');
    expect(named.map((li) => li.textContent)).toEqual([
      'unnamed group (line 2): The server named it "Group 104".',
      'unnamed group (line 19): The server named it "Group 107".',
    ]);
    expect(within(within(dialog).getByRole('list', { name: 'Skipped' })).getByRole('listitem')).toHaveTextContent(`unnamed group (line 36): ${hostTaken}`);
  });

  it('shows an import’s progress, cancels it by its operation name, and continues with the groups not sent', async () => {
    const user = userEvent.setup();
    const file: ReservationImportPreview = {
      cancelled: false,
      token: 'tok-2',
      fileName: 'two.json',
      preview: {
        groups: [],
        groupCount: 2,
        reservationCount: 2,
        entryCount: 2,
        errors: [],
        warnings: [],
        keep: {
          actions: [{ index: 0, name: 'Lab', label: 'Lab', action: reservations.Action.CREATE, reason: '', replaces: 0 }, { index: 1, name: 'QA', label: 'QA', action: reservations.Action.CREATE, reason: '', replaces: 0 }],
          summary: { toImport: 2, toReplace: 0, skipped: 0 },
        },
        replace: {
          actions: [{ index: 0, name: 'Lab', label: 'Lab', action: reservations.Action.CREATE, reason: '', replaces: 0 }, { index: 1, name: 'QA', label: 'QA', action: reservations.Action.CREATE, reason: '', replaces: 0 }],
          summary: { toImport: 2, toReplace: 0, skipped: 0 },
        },
      },
    };
    vi.mocked(reservationsApi.previewImport).mockResolvedValue(file);
    vi.mocked(operationApi.cancel).mockResolvedValue(true);
    let answer: (report: ReservationImportReport) => void = () => undefined;
    vi.mocked(reservationsApi.applyImport).mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await renderList();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import reservations' });
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));

    const bar = await within(dialog).findByRole('progressbar', { name: 'Importing' });
    const op = lastOperation('import');
    expect(reservationsApi.applyImport).toHaveBeenCalledWith('tok-2', false, op);
    act(() => emitProgress({ op, running: true, step: { message: 'Sending 1 of 2: Lab', done: 0, total: 2, unit: 'groups' } }));
    // Another operation's steps are not this one's.
    act(() => emitProgress({ op: 'import-other-1', running: true, step: { message: 'Sending 9 of 9: Elsewhere', done: 8, total: 9, unit: 'groups' } }));
    const progress = bar.closest('[role="status"]') as HTMLElement;
    expect(progress).toHaveTextContent('Sending 1 of 2: Lab · 0 of 2 groups');
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    act(() => emitProgress({ op, running: true, step: { message: 'Sending 2 of 2: QA', done: 1, total: 2, unit: 'groups' } }));
    expect(progress).toHaveTextContent('Sending 2 of 2: QA · 1 of 2 groups');
    expect(bar).toHaveAttribute('aria-valuenow', '50');

    await user.click(within(progress).getByRole('button', { name: 'Cancel' }));
    expect(operationApi.cancel).toHaveBeenCalledWith(op);
    expect(progress).toHaveTextContent('Cancelling…');
    const cancelled = 'Cancelled before all groups were sent.';
    act(() =>
      answer({
        imported: 1,
        replaced: 0,
        skipped: 0,
        skippedGroups: [],
        named: [],
        failed: [],
        notSent: [{ group: 'QA', message: `Not sent: ${cancelled}`, originalJson: '', keptIn: '' }],
        stopped: { code: apperr.Code.CANCELLED, message: cancelled },
        replace: false,
      }),
    );
    expect(await within(dialog).findByText('1 group imported, 0 replaced, 0 skipped, 0 failed, 1 not sent yet')).toBeInTheDocument();
    expect(dialog).toHaveTextContent(`The import stopped: ${cancelled} Continue sends only the groups not sent yet.`);
    expect(within(dialog).queryByRole('progressbar', { name: 'Importing' })).not.toBeInTheDocument();
    // A cancel is the user's choice: no login is asked for.
    expect(screen.queryByRole('dialog', { name: 'Log in to continue' })).not.toBeInTheDocument();

    vi.mocked(reservationsApi.applyImport).mockResolvedValueOnce({
      imported: 2,
      replaced: 0,
      skipped: 0,
      skippedGroups: [],
      named: [],
      failed: [],
      notSent: [],
      replace: false,
    });
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(await within(dialog).findByText('2 groups imported, 0 replaced, 0 skipped, 0 failed')).toBeInTheDocument();
    expect(reservationsApi.applyImport).toHaveBeenCalledTimes(2);
    expect(reservationsApi.applyImport).toHaveBeenLastCalledWith('tok-2', false, expect.stringMatching(/^import-/));
    expect(vi.mocked(reservationsApi.applyImport).mock.lastCall?.[2]).not.toBe(op);
    expect(within(dialog).queryByRole('button', { name: 'Continue' })).not.toBeInTheDocument();
  });

  it('asks for the login when the session ends during an import, then applies the same file again', async () => {
    const user = userEvent.setup();
    const file: ReservationImportPreview = {
      cancelled: false,
      token: 'tok-3',
      fileName: 'two.json',
      preview: {
        groups: [],
        groupCount: 2,
        reservationCount: 2,
        entryCount: 2,
        errors: [],
        warnings: [],
        keep: {
          actions: [{ index: 0, name: 'Lab', label: 'Lab', action: reservations.Action.CREATE, reason: '', replaces: 0 }, { index: 1, name: 'QA', label: 'QA', action: reservations.Action.CREATE, reason: '', replaces: 0 }],
          summary: { toImport: 2, toReplace: 0, skipped: 0 },
        },
        replace: {
          actions: [{ index: 0, name: 'Lab', label: 'Lab', action: reservations.Action.CREATE, reason: '', replaces: 0 }, { index: 1, name: 'QA', label: 'QA', action: reservations.Action.CREATE, reason: '', replaces: 0 }],
          summary: { toImport: 2, toReplace: 0, skipped: 0 },
        },
      },
    };
    const ended = 'Please log in: the session is missing or has expired.';
    vi.mocked(reservationsApi.previewImport).mockResolvedValue(file);
    vi.mocked(reservationsApi.applyImport)
      .mockResolvedValueOnce({
        imported: 1,
        replaced: 0,
        skipped: 0,
        skippedGroups: [],
        named: [],
        failed: [],
        notSent: [{ group: 'QA', message: `Not sent: ${ended}`, originalJson: '', keptIn: '' }],
        stopped: { code: apperr.Code.LOGIN_REQUIRED, message: ended },
        replace: false,
      })
      .mockResolvedValueOnce({ imported: 2, replaced: 0, skipped: 0, skippedGroups: [], named: [], failed: [], notSent: [], replace: false });
    vi.mocked(sessionApi.login).mockResolvedValue(sessionState());
    await renderList();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import reservations' });
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));

    const prompt = await screen.findByRole('dialog', { name: 'Log in to continue' });
    expect(prompt).toHaveTextContent(ended);
    expect(dialog).toHaveTextContent('1 group imported, 0 replaced, 0 skipped, 0 failed, 1 not sent yet');
    await user.type(within(prompt).getByLabelText('Password'), 'Admin123!');
    await user.click(within(prompt).getByRole('button', { name: 'Login' }));

    expect(await within(dialog).findByText('2 groups imported, 0 replaced, 0 skipped, 0 failed')).toBeInTheDocument();
    expect(reservationsApi.applyImport).toHaveBeenCalledTimes(2);
    expect(vi.mocked(reservationsApi.applyImport).mock.calls.map(([token, replace]) => [token, replace])).toEqual([
      ['tok-3', false],
      ['tok-3', false],
    ]);
  });

  it('deletes only the groups not sent yet after the login a stopped delete asked for', async () => {
    const user = userEvent.setup();
    const ended = 'Please log in: the session is missing or has expired.';
    vi.mocked(reservationsApi.delete)
      .mockResolvedValueOnce({
        results: [
          { group: 'Engineering', id: 1, rows: [], ok: true, notSent: false, unknown: false, message: '' },
          { group: 'Support', id: 2, rows: [], ok: false, notSent: true, unknown: false, code: apperr.Code.LOGIN_REQUIRED, message: ended },
        ],
        deleted: 1,
        failed: 1,
        stopped: { code: apperr.Code.LOGIN_REQUIRED, message: ended },
      })
      .mockResolvedValueOnce({
        results: [{ group: 'Support', id: 2, rows: [], ok: true, notSent: false, unknown: false, message: '' }],
        deleted: 1,
        failed: 0,
      });
    vi.mocked(sessionApi.login).mockResolvedValue(sessionState());
    await renderList();
    await tick(user, /^Select 3D_Rendering/);
    await tick(user, /^Select Export_to_CSV/);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(pendingDeletions()).getByRole('button', { name: 'Submit' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete reservation groups' })).getByRole('button', { name: 'Delete' }));

    const prompt = await screen.findByRole('dialog', { name: 'Log in to continue' });
    expect(reservationsApi.delete).toHaveBeenCalledWith([1, 2], expect.stringMatching(/^delete-/));
    expect(screen.getByText('1 group deleted, 1 failed')).toBeInTheDocument();
    await user.type(within(prompt).getByLabelText('Password'), 'Admin123!');
    await user.click(within(prompt).getByRole('button', { name: 'Login' }));

    await waitFor(() => expect(reservationsApi.delete).toHaveBeenCalledTimes(2));
    expect(reservationsApi.delete).toHaveBeenLastCalledWith([2], expect.stringMatching(/^delete-/));
    expect(await screen.findByText('1 group deleted')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Pending deletions' })).not.toBeInTheDocument());
  });

  it('edits a group as one operation, and says so when the server refused the new version and the original was restored', async () => {
    const user = userEvent.setup();
    vi.mocked(reservationsApi.idTypes).mockResolvedValue(['ETHERNET', 'STRING', 'USER']);
    vi.mocked(reservationsApi.features).mockResolvedValue([{ name: '3D_Rendering', versions: ['3.0', '3.2'] }]);
    await renderList();
    await tick(user, /^Select Mesh_Repair/);
    await user.click(screen.getByRole('button', { name: 'Edit Group' }));

    expect(await screen.findByRole('heading', { name: 'Edit Reservation Group: Engineering', level: 1 })).toBeInTheDocument();
    // Go gives the group's entries by its ID: the list is not paged for them.
    expect(reservationsApi.group).toHaveBeenCalledWith(1);
    const pending = screen.getByRole('table', { name: 'Reservations (Pending Submission)' });
    expect(within(pending).getByText('3D_Rendering')).toBeInTheDocument();
    expect(within(pending).getByText('Mesh_Repair')).toBeInTheDocument();
    expect(within(pending).queryByText('Export_to_CSV')).not.toBeInTheDocument();

    await user.click(within(pending).getByRole('button', { name: 'Remove Mesh_Repair 1.5 for 0A1B2C3D4E01' }));
    const restored = 'The new version of "Engineering" was refused: Feature is unknown. The original group was re-created as it was.';
    vi.mocked(reservationsApi.editGroup).mockResolvedValue({
      outcome: operations.Outcome.RESTORED,
      group: engineeringGroup(7),
      message: restored,
      originalJson: '[]',
      keptIn: '',
    });
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(reservationsApi.editGroup).toHaveBeenCalledWith(1, [
      { groupName: 'Engineering', deviceId: '0A1B2C3D4E01', idType: 'ETHERNET', featureName: '3D_Rendering', version: '3.0', count: 5 },
    ]);
    expect(await screen.findByText(restored)).toBeInTheDocument();
    expect(within(pending).getByText('3D_Rendering')).toBeInTheDocument();

    // The restored group has a new ID, which the next try must replace.
    vi.mocked(reservationsApi.editGroup).mockResolvedValue({
      outcome: operations.Outcome.REPLACED,
      group: engineeringGroup(8),
      message: 'Group "Engineering" was replaced.',
      originalJson: '[]',
      keptIn: '',
    });
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(reservationsApi.editGroup).toHaveBeenLastCalledWith(7, expect.any(Array));
    expect(await screen.findByText('Group "Engineering" was replaced.')).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/reservations$/);
  });

  it('stays on the edit when the server shows a lost delete changed nothing', async () => {
    const user = userEvent.setup();
    vi.mocked(reservationsApi.idTypes).mockResolvedValue(['ETHERNET']);
    vi.mocked(reservationsApi.features).mockResolvedValue([]);
    const unchanged = 'The answer to deleting "Engineering" was lost, and the server still has it: nothing was changed.';
    vi.mocked(reservationsApi.editGroup).mockResolvedValue({ outcome: operations.Outcome.UNCHANGED, group: engineeringGroup(1), message: unchanged, originalJson: '[]', keptIn: '' });
    renderView('/reservations/groups/1/edit');
    await screen.findByRole('heading', { name: 'Edit Reservation Group: Engineering', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByText(`${unchanged} Submit sends the pending table again.`)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Edit Reservation Group: Engineering', level: 1 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(reservationsApi.editGroup).toHaveBeenCalledTimes(2);
    expect(reservationsApi.editGroup).toHaveBeenLastCalledWith(1, engineeringEntries);
  });

  it('checks an entry added to an edited group without counting the group’s own name and hosts as taken', async () => {
    const user = userEvent.setup();
    vi.mocked(reservationsApi.idTypes).mockResolvedValue(['ETHERNET', 'STRING', 'USER']);
    vi.mocked(reservationsApi.features).mockResolvedValue([{ name: 'Export_to_CSV', versions: ['4.8'] }]);
    vi.mocked(reservationsApi.validate).mockImplementation((pending) => Promise.resolve(validation(pending)));
    renderView('/reservations/groups/1/edit');
    await screen.findByRole('heading', { name: 'Edit Reservation Group: Engineering', level: 1 });
    expect(screen.getByLabelText('Group Name', { selector: 'input' })).toHaveValue('Engineering');

    await user.clear(screen.getByLabelText('Device ID', { selector: 'input' }));
    await user.paste('0A1B2C3D4E01');
    await user.clear(screen.getByLabelText('Feature Name', { selector: 'input' }));
    await user.paste('Export_to_CSV');
    await user.clear(screen.getByLabelText('Version', { selector: 'input' }));
    await user.paste('4.8');
    await user.click(screen.getByRole('button', { name: 'Add' }));

    const pending = screen.getByRole('table', { name: 'Reservations (Pending Submission)' });
    expect(await within(pending).findByText('Export_to_CSV')).toBeInTheDocument();
    const added = { groupName: 'Engineering', deviceId: '0A1B2C3D4E01', idType: 'ETHERNET', featureName: 'Export_to_CSV', version: '4.8', count: 1 };
    expect(reservationsApi.validate).toHaveBeenCalledWith([...engineeringEntries, added], 1);
    expect(within(pending).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Engineering — 3 entries']);
  });

  it('says why a group cannot be edited, with the way back to the list', async () => {
    const user = userEvent.setup();
    vi.mocked(reservationsApi.group).mockRejectedValue(new AppError(apperr.Code.NOT_FOUND, 'Reservation group 1 is no longer on the server.'));
    renderView('/reservations/groups/1/edit');
    expect(await screen.findByText('Reservation group 1 is no longer on the server.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Edit Reservation Group', level: 1 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to list' }));
    expect(await screen.findByRole('heading', { name: 'Reservations', level: 1 })).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/reservations$/);
  });

  describe('when an edited group could be neither replaced nor restored', () => {
    const json = '[\n  {\n    "name": "Engineering",\n    "reservations": []\n  }\n]';
    const message =
      'The new version of "Engineering" was refused: bad. Re-creating the original failed too: timeout. Its definition is kept here as JSON; import it to restore it.';

    const keptIn = 'C:\\Users\\ada\\AppData\\Roaming\\LicenseServerManager\\Kept reservation groups\\Engineering 2026-12-01 153000.json';

    async function loseTheGroup(user: ReturnType<typeof userEvent.setup>, outcome = operations.Outcome.LOST) {
      vi.mocked(reservationsApi.idTypes).mockResolvedValue(['ETHERNET']);
      vi.mocked(reservationsApi.features).mockResolvedValue([]);
      // Go reports the original, whose ID is gone from the server.
      vi.mocked(reservationsApi.editGroup).mockResolvedValue({ outcome, group: engineeringGroup(1), message, originalJson: json, keptIn });
      renderView('/reservations/groups/1/edit');
      await screen.findByRole('heading', { name: 'Edit Reservation Group: Engineering' });
      await user.click(screen.getByRole('button', { name: 'Submit' }));
      return screen.findByRole('dialog', {
        name: outcome === operations.Outcome.LOST ? 'Group “Engineering” is no longer on the server' : 'Group “Engineering” may no longer be on the server',
      });
    }

    it('shows its definition with a Copy button', async () => {
      const user = userEvent.setup();
      const dialog = await loseTheGroup(user);
      expect(dialog).toHaveTextContent(message);
      expect(within(dialog).getByRole('textbox', { name: 'Definition of Engineering' })).toHaveValue(json);
      await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
      expect(await within(dialog).findByText('Copied to the clipboard.')).toBeInTheDocument();
      await expect(navigator.clipboard.readText()).resolves.toBe(json);
    });

    it('names the file Go kept it in, saves it elsewhere and shows the folder', async () => {
      const user = userEvent.setup();
      const dialog = await loseTheGroup(user);
      expect(dialog).toHaveTextContent(`The app kept this definition in ${keptIn}; import that file to restore the group.`);
      vi.mocked(reservationsApi.saveDefinition).mockResolvedValue('D:\\backup\\Engineering.json');
      await user.click(within(dialog).getByRole('button', { name: 'Save as…' }));
      expect(reservationsApi.saveDefinition).toHaveBeenCalledWith('Engineering', json);
      expect(await within(dialog).findByText('Saved to D:\\backup\\Engineering.json.')).toBeInTheDocument();
      vi.mocked(reservationsApi.saveDefinition).mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'Could not write D:\\backup: disk full.'));
      await user.click(within(dialog).getByRole('button', { name: 'Save as…' }));
      expect(await within(dialog).findByText('Could not write D:\\backup: disk full.')).toBeInTheDocument();
      vi.mocked(systemApi.openKeptFolder).mockResolvedValue();
      await user.click(within(dialog).getByRole('button', { name: 'Show folder' }));
      expect(systemApi.openKeptFolder).toHaveBeenCalled();
    });

    it('says the group may be gone when the server could not be asked', async () => {
      const user = userEvent.setup();
      const dialog = await loseTheGroup(user, operations.Outcome.UNKNOWN);
      expect(dialog).toHaveTextContent('Refresh the reservations list once the server answers.');
      expect(within(dialog).getByRole('textbox', { name: 'Definition of Engineering' })).toHaveValue(json);
    });

    it('creates the group anew from the pending table on the next Submit', async () => {
      const user = userEvent.setup();
      const dialog = await loseTheGroup(user);
      await user.click(within(dialog).getByRole('button', { name: 'Close' }));
      expect(screen.getByRole('heading', { name: 'Add Reservation', level: 1 })).toBeInTheDocument();
      vi.mocked(reservationsApi.submit).mockResolvedValue({
        results: [{ group: 'Engineering', id: 9, rows: [0, 1], ok: true, notSent: false, unknown: false, message: '' }],
        created: 1,
        failed: 0,
      });
      await user.click(screen.getByRole('button', { name: 'Submit' }));
      expect(await screen.findByText('Created 1 group: Engineering.')).toBeInTheDocument();
      expect(reservationsApi.submit).toHaveBeenCalledWith(engineeringEntries, expect.stringMatching(/^submit-/));
      expect(reservationsApi.editGroup).toHaveBeenCalledTimes(1);
    });
  });
});
