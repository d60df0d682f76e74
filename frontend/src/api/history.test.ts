import { act, renderHook, waitFor } from '@testing-library/react';
import { emitEvent } from '../test/events';
import { alertRow, historyStatus } from '../test/fixtures';
import * as HistoryService from '../wailsjs/go/app/HistoryService';
import { apperr } from '../wailsjs/go/models';
import { AppError } from './errors';
import { historyApi, onHistory, useUnseenAlerts } from './history';

vi.mock('../wailsjs/go/app/HistoryService');

describe('historyApi', () => {
  beforeEach(() => vi.resetAllMocks());

  it('passes queries and filters to Go as they are, and Go’s answers back', async () => {
    const query = { profileId: 'p1', name: 'VR_MODE', version: '1.0', from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
    vi.mocked(HistoryService.ExportSeries).mockResolvedValue('/tmp/usage.csv');
    await expect(historyApi.exportSeries(query)).resolves.toBe('/tmp/usage.csv');
    expect(HistoryService.ExportSeries).toHaveBeenCalledWith(query);

    const filter = { from: '2026-03-01T00:00:00Z', to: null, profileId: 'p2', outcome: 'failed', text: 'login' };
    vi.mocked(HistoryService.Audit).mockResolvedValue({ entries: [], more: false, limit: 5000 });
    await expect(historyApi.audit(filter)).resolves.toEqual({ entries: [], more: false, limit: 5000 });
    expect(HistoryService.Audit).toHaveBeenCalledWith(filter);

    vi.mocked(HistoryService.Alerts).mockResolvedValue([alertRow()]);
    await expect(historyApi.alerts(true)).resolves.toEqual([alertRow()]);
    expect(HistoryService.Alerts).toHaveBeenCalledWith(true);

    vi.mocked(HistoryService.SetRecord).mockResolvedValue(historyStatus());
    await expect(historyApi.setRecord('p2', false)).resolves.toEqual(historyStatus());
    expect(HistoryService.SetRecord).toHaveBeenCalledWith('p2', false);
  });

  it('turns a failure into an AppError with Go’s message', async () => {
    vi.mocked(HistoryService.Overview).mockRejectedValue({ code: 'internal', message: 'The usage history file cannot be opened: database is locked.' });
    const error = await historyApi.overview().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: apperr.Code.INTERNAL, message: 'The usage history file cannot be opened: database is locked.' });
  });
});

describe('onHistory', () => {
  it('gives the listener the event, and nothing once it stops listening', () => {
    const listener = vi.fn();
    const stop = onHistory(listener);
    emitEvent('history', { unseen: 2, opened: [alertRow()] });
    expect(listener).toHaveBeenCalledWith({ unseen: 2, opened: [alertRow()] });
    stop();
    emitEvent('history', { unseen: 3, opened: [] });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('makes a malformed payload harmless', () => {
    const listener = vi.fn();
    const stop = onHistory(listener);
    emitEvent('history', null);
    emitEvent('history', { unseen: 'two', opened: [null, { profile: 'x' }, alertRow()] });
    expect(listener).toHaveBeenNthCalledWith(1, { unseen: 0, opened: [] });
    expect(listener).toHaveBeenNthCalledWith(2, { unseen: 0, opened: [alertRow()] });
    stop();
  });
});

describe('useUnseenAlerts', () => {
  beforeEach(() => vi.resetAllMocks());

  it('starts from Status and follows MarkSeen, SaveSettings and the history event', async () => {
    vi.mocked(HistoryService.Status).mockResolvedValue(historyStatus({ unseen: 4 }));
    const { result, unmount } = renderHook(() => useUnseenAlerts());
    await waitFor(() => expect(result.current).toBe(4));

    act(() => emitEvent('history', { unseen: 5, opened: [] }));
    expect(result.current).toBe(5);

    vi.mocked(HistoryService.MarkSeen).mockResolvedValue(1);
    await act(() => historyApi.markSeen(12));
    expect(HistoryService.MarkSeen).toHaveBeenCalledWith(12);
    expect(result.current).toBe(1);

    vi.mocked(HistoryService.SaveSettings).mockResolvedValue(historyStatus({ unseen: 0 }));
    await act(() => historyApi.saveSettings(historyStatus().input));
    expect(result.current).toBe(0);
    unmount();
  });

  it('keeps the count when the history cannot be read', async () => {
    vi.mocked(HistoryService.Status).mockRejectedValue(new AppError(apperr.Code.INTERNAL, 'locked'));
    const { result, unmount } = renderHook(() => useUnseenAlerts());
    await waitFor(() => expect(HistoryService.Status).toHaveBeenCalled());
    expect(result.current).toBe(0);
    unmount();
  });
});
