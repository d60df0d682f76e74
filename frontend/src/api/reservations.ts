import type { app, reservations } from '../wailsjs/go/models';
import * as ReservationsService from '../wailsjs/go/app/ReservationsService';
import { call } from './call';
import type { ListPage, ListQuery } from './listing';

/** Whether the server holds enough licenses to satisfy a reservation entry. */
export type ReservationStatus = 'ok' | 'short';

/** One reservation entry of the Reservations view, with its group and host. */
export interface ReservationRow {
  group: string;
  groupId: number;
  entryId: number;
  deviceId: string;
  idType: string;
  feature: string;
  version: string;
  count: number;
  status: ReservationStatus;
  /** Why a short entry cannot be satisfied; '' when it can. */
  reason: string;
}

/** A reservation group as the delete list and the edit action know it. */
export interface ReservationGroupRef {
  id: number;
  name: string;
  reservations: number;
  entries: number;
}

export interface ReservationsPage extends ListPage<ReservationRow> {
  /** A model definition (named license pools) is active, so reservations cannot be added. */
  modelActive: boolean;
  modelMessage: string;
  /** Every group on the server, not only those on this page. */
  groups: ReservationGroupRef[];
}

/** A feature on the server, with its versions in ascending order. */
export interface ReservableFeature {
  name: string;
  versions: string[];
}

/** One row of the Add Reservation page's pending table. */
export interface PendingReservation {
  groupName: string;
  deviceId: string;
  idType: string;
  featureName: string;
  version: string;
  /** A whole number: Go cannot decode anything else into it. */
  count: number;
}

/** The field names Go uses in "entries.N.<field>" keys. */
export type PendingReservationField = keyof PendingReservation;

export interface ReservationValidation {
  valid: boolean;
  /** Keyed "entries.N.<field>", N being the position in the list validated. */
  fields: Record<string, string>;
  modelActive: boolean;
  modelMessage: string;
}

/** What happened to one group of a submit or delete; message carries the server's words on failure. */
export interface ReservationGroupResult {
  group: string;
  id: number;
  ok: boolean;
  code: string;
  message: string;
}

export interface ReservationSubmitReport {
  results: ReservationGroupResult[];
  created: number;
  failed: number;
}

export interface ReservationDeleteReport {
  results: ReservationGroupResult[];
  deleted: number;
  failed: number;
}

export interface ReservationEditReport {
  /** The new version is on the server. */
  replaced: boolean;
  /** The new version was refused and the original re-created (with a new ID). */
  restored: boolean;
  /** The group now on the server: the new version, the restored original, or 0 when it is lost. */
  groupId: number;
  groupName: string;
  message: string;
  /** The original group in the import format, set only when it could not be restored. */
  originalJson: string;
}

/** Something wrong with an import file, at a location such as "groups[1].reservations[0].hostId". */
export interface ReservationImportProblem {
  location: string;
  message: string;
}

export type ReservationImportAction = 'create' | 'replace' | 'skip';

export interface ReservationImportStep {
  name: string;
  action: ReservationImportAction;
  /** Why a group is skipped. */
  reason: string;
}

export interface ReservationImportPlan {
  actions: ReservationImportStep[];
  toImport: number;
  toReplace: number;
  skipped: number;
}

export interface ReservationImportPreview {
  /** The user closed the open dialog; nothing else is set. */
  cancelled: boolean;
  /** Names the checked file for applyImport. */
  token: string;
  fileName: string;
  groupCount: number;
  reservationCount: number;
  entryCount: number;
  errors: ReservationImportProblem[];
  warnings: ReservationImportProblem[];
  /** Groups whose names exist on the server are kept, their namesakes in the file skipped. */
  keep: ReservationImportPlan;
  /** Groups whose names exist on the server are replaced. */
  replace: ReservationImportPlan;
}

export interface ReservationGroupMessage {
  group: string;
  message: string;
  /** Set when a replaced group could be neither replaced nor restored. */
  originalJson: string;
}

export interface ReservationImportReport {
  imported: number;
  replaced: number;
  skipped: number;
  skippedGroups: ReservationGroupMessage[];
  failed: ReservationGroupMessage[];
}

const toRow = (r: reservations.Row): ReservationRow => ({
  group: r.group,
  groupId: r.groupId,
  entryId: r.entryId,
  deviceId: r.deviceId,
  idType: r.idType,
  feature: r.feature,
  version: r.version,
  count: r.count,
  status: r.status === 'short' ? 'short' : 'ok',
  reason: r.reason ?? '',
});

const toGroupResult = (r: app.GroupResult): ReservationGroupResult => ({
  group: r.group,
  id: r.id ?? 0,
  ok: r.ok,
  code: r.code ?? '',
  message: r.message ?? '',
});

const toGroupMessage = (m: app.GroupMessage): ReservationGroupMessage => ({ group: m.group, message: m.message, originalJson: m.originalJson ?? '' });

const importActions: readonly ReservationImportAction[] = ['create', 'replace', 'skip'];

const toProblem = (p: reservations.Problem): ReservationImportProblem => ({ location: p.location, message: p.message });

const toPlan = (p: reservations.ImportPlan | undefined): ReservationImportPlan => ({
  actions: (p?.actions ?? []).map((a) => ({
    name: a.name,
    action: importActions.find((k) => k === a.action) ?? 'skip',
    reason: a.reason ?? '',
  })),
  toImport: p?.summary?.toImport ?? 0,
  toReplace: p?.summary?.toReplace ?? 0,
  skipped: p?.summary?.skipped ?? 0,
});

function toPreview(r: app.ImportPreviewResult): ReservationImportPreview {
  // A cancelled dialog may come without a preview.
  const p: Partial<reservations.ImportPreview> = r.preview ?? {};
  return {
    cancelled: r.cancelled,
    token: r.token,
    fileName: r.fileName,
    groupCount: p.groupCount ?? 0,
    reservationCount: p.reservationCount ?? 0,
    entryCount: p.entryCount ?? 0,
    errors: (p.errors ?? []).map(toProblem),
    warnings: (p.warnings ?? []).map(toProblem),
    keep: toPlan(p.keep),
    replace: toPlan(p.replace),
  };
}

export const reservationsApi = {
  /** One page of reservation entries; the search matches device ID, group or feature. */
  list: (q: ListQuery, refresh: boolean): Promise<ReservationsPage> =>
    call(() => ReservationsService.List(q, refresh)).then((p) => ({
      rows: (p.rows ?? []).map(toRow),
      total: p.total,
      page: p.page,
      pages: p.pages,
      loadedAt: p.loadedAt,
      modelActive: p.modelActive,
      modelMessage: p.modelMessage ?? '',
      groups: (p.groups ?? []).map((g) => ({ id: g.id, name: g.name, reservations: g.reservations, entries: g.entries })),
    })),
  /** Saves the whole filtered, sorted list as CSV through a save dialog; '' when the user cancelled. */
  exportCsv: (q: ListQuery, columns: string[]): Promise<string> => call(() => ReservationsService.ExportCSV(q, columns)),
  features: (): Promise<ReservableFeature[]> =>
    call(() => ReservationsService.Features()).then((fs) => (fs ?? []).map((f) => ({ name: f.name, versions: f.versions ?? [] }))),
  idTypes: (): Promise<string[]> => call(() => ReservationsService.IDTypes()).then((ts) => ts ?? []),
  /** Checks entries by the server's rules and its current groups without changing anything. */
  validate: (pending: PendingReservation[]): Promise<ReservationValidation> =>
    call(() => ReservationsService.Validate(pending)).then((v) => ({
      valid: v.valid,
      fields: v.fields ?? {},
      modelActive: v.modelActive,
      modelMessage: v.modelMessage ?? '',
    })),
  /** Creates the entries' groups, one request each; invalid_input (fields "entries.N.<field>") sends nothing. */
  submit: (pending: PendingReservation[]): Promise<ReservationSubmitReport> =>
    call(() => ReservationsService.Submit(pending)).then((r) => ({
      results: (r.results ?? []).map(toGroupResult),
      created: r.created,
      failed: r.failed,
    })),
  delete: (groupIds: number[]): Promise<ReservationDeleteReport> =>
    call(() => ReservationsService.Delete(groupIds)).then((r) => ({
      results: (r.results ?? []).map(toGroupResult),
      deleted: r.deleted,
      failed: r.failed,
    })),
  /** Replaces a group with these entries as one operation, restoring the original if the server refuses them. */
  editGroup: (groupId: number, entries: PendingReservation[]): Promise<ReservationEditReport> =>
    call(() => ReservationsService.EditGroup(groupId, entries)).then((r) => ({
      replaced: r.replaced,
      restored: r.restored,
      groupId: r.replaced || r.restored ? (r.group?.id ?? 0) : 0,
      groupName: r.group?.name ?? '',
      message: r.message,
      originalJson: r.originalJson ?? '',
    })),
  /** Asks for a JSON file in the native open dialog and checks it against the server. */
  previewImport: (): Promise<ReservationImportPreview> => call(() => ReservationsService.PreviewImport()).then(toPreview),
  applyImport: (token: string, replaceExisting: boolean): Promise<ReservationImportReport> =>
    call(() => ReservationsService.ApplyImport(token, replaceExisting)).then((r) => ({
      imported: r.imported,
      replaced: r.replaced,
      skipped: r.skipped,
      skippedGroups: (r.skippedGroups ?? []).map(toGroupMessage),
      failed: (r.failed ?? []).map(toGroupMessage),
    })),
  /** Saves these groups (all when none) as JSON through a save dialog; '' when the user cancelled. */
  export: (groupIds: number[]): Promise<string> => call(() => ReservationsService.Export(groupIds)),
};
