import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import {
  AppError,
  reservationsApi,
  sessionApi,
  settingsApi,
  type ListQuery,
  type ReservationGroupRef,
  type ReservationImportPreview,
  type ReservationRow,
  type ReservationsPage,
} from '../../api';
import { navSections } from '../../nav/model';
import { navItems } from '../../nav/items';
import { connectionInfo, sessionState, settingsView } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { Reservations } from './Reservations';

vi.mock('../../api/session');
vi.mock('../../api/settings');
vi.mock('../../api/reservations');

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
    status: 'ok',
    reason: '',
    ...overrides,
  };
}

const engineering: ReservationGroupRef = { id: 1, name: 'Engineering', reservations: 1, entries: 2 };
const support: ReservationGroupRef = { id: 2, name: 'Support', reservations: 1, entries: 1 };

const shortReason = 'Only 3 licenses of Mesh_Repair 1.5 or later are left for 4 reserved.';
const rows = [
  reservation(),
  reservation({ entryId: 12, feature: 'Mesh_Repair', version: '1.5', count: 4, status: 'short', reason: shortReason }),
  reservation({ group: 'Support', groupId: 2, entryId: 21, deviceId: 'JOE', idType: 'USER', feature: 'Export_to_CSV', version: '4.8', count: 2 }),
];

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
  });

  it('is a menu group of its own, after Devices', () => {
    const sections = navSections(navItems);
    const at = sections.findIndex((s) => s.group.id === 'reservations');
    expect(sections[at].items.map((i) => [i.label, i.route])).toEqual([['Reservations', '/reservations']]);
    expect(at).toBeGreaterThan(sections.findIndex((s) => s.group.id === 'devices'));
  });

  it('lists the entries with the guide’s columns and a status that says why a reservation is short', async () => {
    await renderList();
    expect(reservationsApi.list).toHaveBeenCalledWith(query(), true);
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
      results: [{ group: 'Engineering', id: 1, ok: true, code: '', message: '' }],
      deleted: 1,
      failed: 0,
    });
    vi.mocked(reservationsApi.list).mockClear();
    vi.mocked(reservationsApi.list).mockResolvedValue(page(rows.slice(2), { groups: [support] }));
    await user.click(within(pendingDeletions()).getByRole('button', { name: 'Submit' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete reservation groups' });
    expect(dialog).toHaveTextContent('Delete 1 group and all their reservations from the license server: Engineering?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(reservationsApi.delete).toHaveBeenCalledWith([1]);
    expect(await screen.findByText('1 group deleted')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Pending deletions' })).not.toBeInTheDocument();
    expect(reservationsApi.list).toHaveBeenCalledWith(query(), true);
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
        { group: 'Engineering', id: 1, ok: true, code: '', message: '' },
        { group: 'Support', id: 2, ok: false, code: 'server_error', message: 'The license server failed (500): database locked.' },
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
      new AppError('access_denied', 'Access denied: ROLE_RESERVATIONS required.', {}, { role: 'ROLE_RESERVATIONS' }),
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
    const preview: ReservationImportPreview = {
      cancelled: false,
      token: 'tok-1',
      fileName: 'groups.json',
      groupCount: 3,
      reservationCount: 4,
      entryCount: 6,
      errors: [{ location: 'groups[2].reservations[0].reservationEntries[0].featureVersion', message: '"3" is not a version in numeric a.b form (for example 1.0).' }],
      warnings: [{ location: 'groups[0].comment', message: 'Unknown field "comment" is ignored.' }],
      keep: {
        actions: [
          { name: 'Lab', action: 'create', reason: '' },
          { name: 'Support', action: 'skip', reason: 'A group named "Support" already exists on the server; choose Replace to overwrite it.' },
          { name: 'Broken', action: 'skip', reason: 'It has errors (see the list of problems).' },
        ],
        toImport: 1,
        toReplace: 0,
        skipped: 2,
      },
      replace: {
        actions: [
          { name: 'Lab', action: 'create', reason: '' },
          { name: 'Support', action: 'replace', reason: '' },
          { name: 'Broken', action: 'skip', reason: 'It has errors (see the list of problems).' },
        ],
        toImport: 1,
        toReplace: 1,
        skipped: 1,
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
    expect(within(dialog).getByText('groups[2].reservations[0].reservationEntries[0].featureVersion')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('"3" is not a version in numeric a.b form (for example 1.0).');
    expect(dialog).toHaveTextContent('Unknown field "comment" is ignored.');
    expect(dialog).toHaveTextContent('1 new group to import, 0 groups to replace, 2 groups skipped.');
    expect(dialog).toHaveTextContent('choose Replace to overwrite it');

    await user.click(within(dialog).getByRole('switch', { name: 'Replace existing groups with the same name' }));
    expect(dialog).toHaveTextContent('1 new group to import, 1 group to replace, 1 group skipped.');
    expect(dialog).not.toHaveTextContent('choose Replace to overwrite it');

    vi.mocked(reservationsApi.applyImport).mockResolvedValue({
      imported: 1,
      replaced: 1,
      skipped: 1,
      skippedGroups: [{ group: 'Broken', message: 'It has errors (see the list of problems).', originalJson: '' }],
      failed: [],
    });
    vi.mocked(reservationsApi.list).mockClear();
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(reservationsApi.applyImport).toHaveBeenCalledWith('tok-1', true);
    expect(await within(dialog).findByText('1 group imported, 1 replaced, 1 skipped, 0 failed')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(reservationsApi.list).toHaveBeenCalledWith(query(), true));
  });

  it('edits a group as one operation, and says so when the server refused the new version and the original was restored', async () => {
    const user = userEvent.setup();
    vi.mocked(reservationsApi.idTypes).mockResolvedValue(['ETHERNET', 'STRING', 'USER']);
    vi.mocked(reservationsApi.features).mockResolvedValue([{ name: '3D_Rendering', versions: ['3.0', '3.2'] }]);
    await renderList();
    await tick(user, /^Select Mesh_Repair/);
    await user.click(screen.getByRole('button', { name: 'Edit Group' }));

    expect(await screen.findByRole('heading', { name: 'Edit Reservation Group: Engineering', level: 1 })).toBeInTheDocument();
    expect(reservationsApi.list).toHaveBeenLastCalledWith(query({ pageSize: 500, search: 'Engineering' }), true);
    const pending = screen.getByRole('table', { name: 'Reservations (Pending Submission)' });
    expect(within(pending).getByText('3D_Rendering')).toBeInTheDocument();
    expect(within(pending).getByText('Mesh_Repair')).toBeInTheDocument();
    expect(within(pending).queryByText('Export_to_CSV')).not.toBeInTheDocument();

    await user.click(within(pending).getByRole('button', { name: 'Remove Mesh_Repair 1.5 for 0A1B2C3D4E01' }));
    const restored = 'The new version of "Engineering" was refused: Feature is unknown. The original group was re-created as it was.';
    vi.mocked(reservationsApi.editGroup).mockResolvedValue({
      replaced: false,
      restored: true,
      groupId: 7,
      groupName: 'Engineering',
      message: restored,
      originalJson: '',
    });
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(reservationsApi.editGroup).toHaveBeenCalledWith(1, [
      { groupName: 'Engineering', deviceId: '0A1B2C3D4E01', idType: 'ETHERNET', featureName: '3D_Rendering', version: '3.0', count: 5 },
    ]);
    expect(await screen.findByText(restored)).toBeInTheDocument();
    expect(within(pending).getByText('3D_Rendering')).toBeInTheDocument();

    // The restored group has a new ID, which the next try must replace.
    vi.mocked(reservationsApi.editGroup).mockResolvedValue({
      replaced: true,
      restored: false,
      groupId: 8,
      groupName: 'Engineering',
      message: 'Group "Engineering" was replaced.',
      originalJson: '',
    });
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(reservationsApi.editGroup).toHaveBeenLastCalledWith(7, expect.any(Array));
    expect(await screen.findByText('Group "Engineering" was replaced.')).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/reservations$/);
  });

  describe('when an edited group could be neither replaced nor restored', () => {
    const json = '[\n  {\n    "name": "Engineering",\n    "reservations": []\n  }\n]';
    const message =
      'The new version of "Engineering" was refused: bad. Re-creating the original failed too: timeout. Its definition is kept here as JSON; import it to restore it.';

    async function loseTheGroup(user: ReturnType<typeof userEvent.setup>) {
      vi.mocked(reservationsApi.idTypes).mockResolvedValue(['ETHERNET']);
      vi.mocked(reservationsApi.features).mockResolvedValue([]);
      vi.mocked(reservationsApi.editGroup).mockResolvedValue({ replaced: false, restored: false, groupId: 0, groupName: 'Engineering', message, originalJson: json });
      renderView('/reservations/groups/1/edit');
      await screen.findByRole('heading', { name: 'Edit Reservation Group: Engineering' });
      await user.click(screen.getByRole('button', { name: 'Submit' }));
      return screen.findByRole('dialog', { name: 'Group “Engineering” is no longer on the server' });
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

    it('creates the group anew from the pending table on the next Submit', async () => {
      const user = userEvent.setup();
      const dialog = await loseTheGroup(user);
      await user.click(within(dialog).getByRole('button', { name: 'Close' }));
      expect(screen.getByRole('heading', { name: 'Add Reservation', level: 1 })).toBeInTheDocument();
      vi.mocked(reservationsApi.submit).mockResolvedValue({ results: [{ group: 'Engineering', id: 9, ok: true, code: '', message: '' }], created: 1, failed: 0 });
      await user.click(screen.getByRole('button', { name: 'Submit' }));
      expect(await screen.findByText('Created 1 group: Engineering.')).toBeInTheDocument();
      expect(reservationsApi.submit).toHaveBeenCalledWith([expect.objectContaining({ groupName: 'Engineering', featureName: '3D_Rendering' }), expect.objectContaining({ featureName: 'Mesh_Repair' })]);
    });
  });
});
