import * as ReservationsService from '../wailsjs/go/app/ReservationsService';
import { app } from '../wailsjs/go/models';
import { reservationsApi } from './reservations';

vi.mock('../wailsjs/go/app/ReservationsService');

describe('reservationsApi', () => {
  beforeEach(() => vi.resetAllMocks());

  it('gives the list plain rows, a status the view knows, and empty texts and lists instead of nulls', async () => {
    vi.mocked(ReservationsService.List).mockResolvedValue(
      app.ReservationsPage.createFrom({
        rows: [{ group: 'Lab', groupId: 1, entryId: 2, deviceId: 'H', idType: 'STRING', feature: 'F', version: '1.0', count: 3, status: 'short' }],
        total: 1,
        page: 1,
        pages: 1,
        loadedAt: '2026-01-01T00:00:00Z',
        modelActive: false,
        groups: null,
      }),
    );
    const page = await reservationsApi.list({ page: 1, pageSize: 50, search: '', sortBy: '', sortDesc: false }, true);
    expect(page.rows[0]).toMatchObject({ status: 'short', reason: '' });
    expect(page).toMatchObject({ modelMessage: '', groups: [] });
  });

  it('reads the import preview and both plans', async () => {
    vi.mocked(ReservationsService.PreviewImport).mockResolvedValue(
      app.ImportPreviewResult.createFrom({
        token: 't',
        fileName: 'g.json',
        cancelled: false,
        preview: {
          groups: [],
          groupCount: 2,
          reservationCount: 3,
          entryCount: 4,
          errors: [{ location: 'groups[1].name', message: 'A group name is required.' }],
          warnings: null,
          keep: { actions: [{ index: 0, name: 'Lab', action: 'skip', reason: 'exists' }], summary: { toImport: 0, toReplace: 0, skipped: 1 } },
          replace: { actions: [{ index: 0, name: 'Lab', action: 'replace', replaces: 4 }], summary: { toImport: 0, toReplace: 1, skipped: 0 } },
        },
      }),
    );
    await expect(reservationsApi.previewImport()).resolves.toEqual({
      cancelled: false,
      token: 't',
      fileName: 'g.json',
      groupCount: 2,
      reservationCount: 3,
      entryCount: 4,
      errors: [{ location: 'groups[1].name', message: 'A group name is required.' }],
      warnings: [],
      keep: { actions: [{ name: 'Lab', action: 'skip', reason: 'exists' }], toImport: 0, toReplace: 0, skipped: 1 },
      replace: { actions: [{ name: 'Lab', action: 'replace', reason: '' }], toImport: 0, toReplace: 1, skipped: 0 },
    });
  });

  it('gives no group ID for an edited group that is lost, though Go reports the original', async () => {
    vi.mocked(ReservationsService.EditGroup).mockResolvedValue(
      app.EditReport.createFrom({ replaced: false, restored: false, group: { id: 4, name: 'Lab', reservations: [] }, message: 'lost', originalJson: '{}' }),
    );
    await expect(reservationsApi.editGroup(4, [])).resolves.toMatchObject({ groupId: 0, groupName: 'Lab', originalJson: '{}' });
  });
});
