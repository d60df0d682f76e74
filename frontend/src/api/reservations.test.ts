import * as ReservationsService from '../wailsjs/go/app/ReservationsService';
import { operations, reservations } from '../wailsjs/go/models';
import { reservationsApi } from './reservations';

vi.mock('../wailsjs/go/app/ReservationsService');

const query = { page: 1, pageSize: 50, search: '', sortBy: '', sortDesc: false };

const pending: reservations.PendingEntry[] = [
  { groupName: 'Lab', deviceId: 'H1', idType: 'STRING', featureName: 'F', version: '1.0', count: 3 },
];

describe('reservationsApi', () => {
  beforeEach(() => vi.resetAllMocks());

  it('gives the list Go’s page as it is, and asks for it under the operation the view named', async () => {
    const page: operations.ReservationsPage = {
      rows: [
        {
          group: 'Lab',
          groupId: 1,
          entryId: 2,
          deviceId: 'H',
          idType: 'STRING',
          feature: 'F',
          version: '1.0',
          count: 3,
          status: reservations.Status.SHORT,
          reason: 'Only 2 of F 1.0 are left.',
        },
      ],
      total: 1,
      page: 1,
      pages: 1,
      loadedAt: '2026-01-01T00:00:00Z',
      modelActive: false,
      modelMessage: '',
      groups: [{ id: 1, name: 'Lab', reservations: 1, entries: 1 }],
    };
    vi.mocked(ReservationsService.List).mockResolvedValue(page);
    await expect(reservationsApi.list(query, true, 'list-r-1')).resolves.toEqual(page);
    expect(ReservationsService.List).toHaveBeenCalledWith(query, true, 'list-r-1');

    await reservationsApi.list(query, false);
    expect(ReservationsService.List).toHaveBeenLastCalledWith(query, false, '');
  });

  it('reads the import preview and both plans as Go sends them', async () => {
    const result: operations.ImportPreviewResult = {
      token: 't',
      fileName: 'g.json',
      cancelled: false,
      preview: {
        groups: [],
        groupCount: 2,
        reservationCount: 3,
        entryCount: 4,
        errors: [{ location: 'groups[1].reservations', line: 9, column: 5, message: 'The group has no reservations.' }],
        warnings: [],
        keep: {
          actions: [{ index: 0, name: 'Lab', label: 'Lab', action: reservations.Action.SKIP, reason: 'exists', replaces: 0 }],
          summary: { toImport: 0, toReplace: 0, skipped: 1 },
        },
        replace: {
          actions: [{ index: 0, name: 'Lab', label: 'Lab', action: reservations.Action.REPLACE, reason: '', replaces: 4 }],
          summary: { toImport: 0, toReplace: 1, skipped: 0 },
        },
      },
    };
    vi.mocked(ReservationsService.PreviewImport).mockResolvedValue(result);
    await expect(reservationsApi.previewImport()).resolves.toEqual(result);
  });

  it('imports the previewed file by its token, under the operation', async () => {
    const report: operations.ImportReport = {
      imported: 1,
      replaced: 0,
      skipped: 0,
      skippedGroups: [],
      named: [],
      failed: [],
      notSent: [],
      replace: true,
    };
    vi.mocked(ReservationsService.ApplyImport).mockResolvedValue(report);
    await expect(reservationsApi.applyImport('t', true, 'import-x-1')).resolves.toEqual(report);
    expect(ReservationsService.ApplyImport).toHaveBeenCalledWith('t', true, 'import-x-1');
  });

  it('checks the pending rows with the group being edited, and loads a group to edit by its ID', async () => {
    const validation: operations.ValidationResult = {
      valid: false,
      problems: [{ item: '0', field: 'version', code: 'required', message: 'Choose a version.' }],
      groups: [],
      groupOf: [0],
      modelActive: false,
      modelMessage: '',
    };
    vi.mocked(ReservationsService.Validate).mockResolvedValue(validation);
    await expect(reservationsApi.validate(pending, 7)).resolves.toEqual(validation);
    expect(ReservationsService.Validate).toHaveBeenCalledWith(pending, 7);

    vi.mocked(ReservationsService.Group).mockResolvedValue({ id: 7, name: 'Lab', entries: pending });
    await expect(reservationsApi.group(7)).resolves.toEqual({ id: 7, name: 'Lab', entries: pending });
    expect(ReservationsService.Group).toHaveBeenCalledWith(7);
  });

  it('submits and deletes under the operation the view named', async () => {
    const submitted: operations.SubmitReport = {
      results: [{ group: 'Lab', id: 9, rows: [0], ok: true, notSent: false, unknown: false, message: '' }],
      created: 1,
      failed: 0,
    };
    vi.mocked(ReservationsService.Submit).mockResolvedValue(submitted);
    await expect(reservationsApi.submit(pending, 'submit-x-2')).resolves.toEqual(submitted);
    expect(ReservationsService.Submit).toHaveBeenCalledWith(pending, 'submit-x-2');

    const deleted: operations.DeleteReport = {
      results: [{ group: 'Lab', id: 9, rows: [], ok: true, notSent: false, unknown: false, message: '' }],
      deleted: 1,
      failed: 0,
    };
    vi.mocked(ReservationsService.Delete).mockResolvedValue(deleted);
    await expect(reservationsApi.delete([9], 'delete-x-3')).resolves.toEqual(deleted);
    expect(ReservationsService.Delete).toHaveBeenCalledWith([9], 'delete-x-3');
  });

  it('gives the edit report with the group Go reports, the original for a lost one', async () => {
    const report: operations.EditReport = {
      outcome: operations.Outcome.LOST,
      group: { id: 4, name: 'Lab', reservations: [] },
      message: 'lost',
      originalJson: '{}',
      keptIn: '/kept/Lab.json',
    };
    vi.mocked(ReservationsService.EditGroup).mockResolvedValue(report);
    await expect(reservationsApi.editGroup(4, pending)).resolves.toEqual(report);
    expect(ReservationsService.EditGroup).toHaveBeenCalledWith(4, pending);
  });
});
