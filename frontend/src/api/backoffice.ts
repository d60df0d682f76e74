import type { app, exchanges } from '../wailsjs/go/models';
import * as BackOfficeService from '../wailsjs/go/app/BackOfficeService';
import { call } from './call';

/** One activation ID and count as typed; Go checks and converts both. */
export interface ActivationRow {
  activationId: string;
  count: string;
}

/** The back office's answer for one activation ID. */
export interface ActivationOutcome {
  activationId: string;
  ok: boolean;
  message: string;
}

/** The answer to Update Licenses' Refresh. */
export interface SyncResult {
  /** ISO-8601. */
  requestedAt: string;
  answer: string;
}

/** A request written through the native save dialog; path is '' when the user cancelled. */
export interface SavedFile {
  path: string;
  bytes: number;
  /** The first 16 hex digits of its SHA-256, to match the file on both sides of an air gap. */
  digest: string;
}

/** A file picked in the native open dialog and already checked by Go; path is '' when the user cancelled. */
export interface ChosenFile {
  path: string;
  name: string;
  bytes: number;
  digest: string;
  /** What Go found the file to be, such as the size and fingerprint of a key. */
  note: string;
}

export interface ResponseResult {
  /** The back office wants a confirmation request for the response just loaded. */
  confirmationRequestNeeded: boolean;
  message: string;
}

export type ExchangeKind = 'capability_request' | 'activation_request' | 'confirmation_request' | 'response';

/** One offline exchange of the active profile: a request saved or a response loaded. */
export interface ExchangeEntry {
  /** ISO-8601. */
  time: string;
  kind: ExchangeKind;
  file: string;
  bytes: number;
  digest: string;
  /** Activation requests only. */
  activationId: string;
  count: number;
  ok: boolean;
  result: string;
  confirmationNeeded: boolean;
  /** A request no response has been loaded after yet. */
  pending: boolean;
}

const exchangeKinds: readonly ExchangeKind[] = ['capability_request', 'activation_request', 'confirmation_request', 'response'];

// Go and this UI are built together, so no other kind arrives; the lookup only narrows the type.
const toKind = (kind: string): ExchangeKind => exchangeKinds.find((k) => k === kind) ?? 'capability_request';

const toEntry = (e: exchanges.Entry): ExchangeEntry => ({
  time: String(e.time ?? ''),
  kind: toKind(e.kind),
  file: e.file,
  bytes: e.bytes,
  digest: e.digest,
  activationId: e.activationId ?? '',
  count: e.count ?? 0,
  ok: e.ok,
  result: e.result,
  confirmationNeeded: e.confirmationNeeded === true,
  pending: e.pending,
});

const toSaved = (f: app.SavedFile): SavedFile => ({ path: f.path, bytes: f.bytes, digest: f.digest });

const toChosen = (f: app.ChosenFile): ChosenFile => ({ path: f.path, name: f.name, bytes: f.bytes, digest: f.digest, note: f.note });

export const backOfficeApi = {
  /** Online activation of every row at once; a row the back office refuses fails alone. */
  activate: (rows: ActivationRow[]): Promise<ActivationOutcome[]> =>
    call(() => BackOfficeService.Activate(rows)).then((list) =>
      (list ?? []).map((o) => ({ activationId: o.activationId, ok: o.ok, message: o.message })),
    ),
  refresh: (): Promise<SyncResult> => call(BackOfficeService.Refresh).then((r) => ({ requestedAt: r.requestedAt, answer: r.answer })),
  /** A capability request, or with confirmation a confirmation request, through a save dialog. */
  downloadCapabilityRequest: (confirmation: boolean): Promise<SavedFile> =>
    call(() => BackOfficeService.DownloadCapabilityRequest(confirmation)).then(toSaved),
  downloadActivationRequest: (row: ActivationRow): Promise<SavedFile> =>
    call(() => BackOfficeService.DownloadActivationRequest(row)).then(toSaved),
  chooseResponseFile: (): Promise<ChosenFile> => call(BackOfficeService.ChooseResponseFile).then(toChosen),
  uploadResponse: (path: string): Promise<ResponseResult> =>
    call(() => BackOfficeService.UploadResponse(path)).then((r) => ({
      confirmationRequestNeeded: r.confirmationRequestNeeded,
      message: r.message,
    })),
  /** Newest first. */
  history: (): Promise<ExchangeEntry[]> => call(BackOfficeService.History).then((list) => (list ?? []).map(toEntry)),
  chooseClientKey: (): Promise<ChosenFile> => call(BackOfficeService.ChooseClientKey).then(toChosen),
  /** Resolves to the server's confirmation. */
  uploadClientKey: (path: string): Promise<string> => call(() => BackOfficeService.UploadClientKey(path)),
};
