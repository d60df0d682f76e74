import * as ReservationsService from '../wailsjs/go/app/ReservationsService';
import { call } from './call';
import type { ListQuery } from './listing';
import type {
  EditableGroup,
  PendingReservation,
  ReservableFeature,
  ReservationDeleteReport,
  ReservationEditReport,
  ReservationImportPreview,
  ReservationImportReport,
  ReservationsPage,
  ReservationSubmitReport,
  ReservationValidation,
} from './types';

export const reservationsApi = {
  /** One page of reservation entries; the search matches device ID, group or feature. */
  list: (q: ListQuery, refresh: boolean, op = ''): Promise<ReservationsPage> => call(() => ReservationsService.List(q, refresh, op)),
  /** Saves the whole filtered, sorted list as CSV through a save dialog; '' when the user cancelled. */
  exportCsv: (q: ListQuery, columns: string[]): Promise<string> => call(() => ReservationsService.ExportCSV(q, columns)),
  features: (): Promise<ReservableFeature[]> => call(ReservationsService.Features),
  idTypes: (): Promise<string[]> => call(ReservationsService.IDTypes),
  /** Group id with its entries as pending rows, to edit it. */
  group: (id: number): Promise<EditableGroup> => call(() => ReservationsService.Group(id)),
  /**
   * Checks entries by the server's rules and its current groups without
   * changing anything; editing is the ID of the group being edited (0 for
   * none), whose own name and hosts are then no conflict.
   */
  validate: (pending: PendingReservation[], editing: number): Promise<ReservationValidation> =>
    call(() => ReservationsService.Validate(pending, editing)),
  /** Creates the entries' groups, one request each; invalid_input (a problem per row) sends nothing. */
  submit: (pending: PendingReservation[], op = ''): Promise<ReservationSubmitReport> => call(() => ReservationsService.Submit(pending, op)),
  delete: (groupIds: number[], op = ''): Promise<ReservationDeleteReport> => call(() => ReservationsService.Delete(groupIds, op)),
  /** Replaces a group with these entries as one operation, restoring the original if the server refuses them. */
  editGroup: (groupId: number, entries: PendingReservation[]): Promise<ReservationEditReport> =>
    call(() => ReservationsService.EditGroup(groupId, entries)),
  /** Asks for a JSON file in the native open dialog and checks it against the server. */
  previewImport: (): Promise<ReservationImportPreview> => call(ReservationsService.PreviewImport),
  /** Imports the previewed file; applied again after a stop, it sends only the rest. */
  applyImport: (token: string, replaceExisting: boolean, op = ''): Promise<ReservationImportReport> =>
    call(() => ReservationsService.ApplyImport(token, replaceExisting, op)),
  /** Saves a group's definition (from a report) as a .json file through a save dialog; '' when the user cancelled. */
  saveDefinition: (group: string, json: string): Promise<string> => call(() => ReservationsService.SaveDefinition(group, json)),
  /** Saves these groups (all when none) as JSON through a save dialog; '' when the user cancelled. */
  export: (groupIds: number[]): Promise<string> => call(() => ReservationsService.Export(groupIds)),
};
