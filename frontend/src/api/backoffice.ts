import * as BackOfficeService from '../wailsjs/go/app/BackOfficeService';
import { call } from './call';
import type { ActivationOutcome, ActivationRow, ChosenFile, ExchangeEntry, ResponseResult, SavedFile, SyncResult } from './types';

export const backOfficeApi = {
  activate: (rows: ActivationRow[]): Promise<ActivationOutcome[]> => call(() => BackOfficeService.Activate(rows)),
  refresh: (): Promise<SyncResult> => call(BackOfficeService.Refresh),
  /** Saves a request through the save dialog; an empty path means the user cancelled. */
  downloadCapabilityRequest: (confirmation: boolean): Promise<SavedFile> => call(() => BackOfficeService.DownloadCapabilityRequest(confirmation)),
  downloadActivationRequest: (row: ActivationRow): Promise<SavedFile> => call(() => BackOfficeService.DownloadActivationRequest(row)),
  chooseResponseFile: (): Promise<ChosenFile> => call(BackOfficeService.ChooseResponseFile),
  uploadResponse: (path: string): Promise<ResponseResult> => call(() => BackOfficeService.UploadResponse(path)),
  /** Newest first; Go sends each time as ISO-8601 text. */
  history: (): Promise<ExchangeEntry[]> =>
    call(BackOfficeService.History).then((list) => list.map((e) => ({ ...e, time: typeof e.time === 'string' ? e.time : '' }))),
  chooseClientKey: (): Promise<ChosenFile> => call(BackOfficeService.ChooseClientKey),
  uploadClientKey: (path: string): Promise<string> => call(() => BackOfficeService.UploadClientKey(path)),
};
