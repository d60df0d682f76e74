import type { PendingReservation, PendingReservationField } from '../../api';

/** One entry of the pending table; the key stays with it when others are removed. */
export interface PendingRow {
  key: number;
  entry: PendingReservation;
}

export type FieldErrors = Partial<Record<PendingReservationField, string>>;

/** The group on the server that Submit replaces, when the page edits one. */
export interface EditTarget {
  groupId: number;
  name: string;
}

/** What the Add page keeps across a reload: the pending table and what Submit does with it. */
export interface Draft {
  rows: PendingRow[];
  edit: EditTarget | null;
}

/** The Add page has one draft; each edited group has its own, so opening one never mixes them. */
export type DraftId = 'add' | number;

export const pendingFields: readonly PendingReservationField[] = ['groupName', 'deviceId', 'idType', 'featureName', 'version', 'count'];

export const fieldLabels: Record<PendingReservationField, string> = {
  groupName: 'Group Name',
  deviceId: 'Device ID',
  idType: 'ID Type',
  featureName: 'Feature Name',
  version: 'Version',
  count: 'Count',
};

const storageKey = (id: DraftId) => (id === 'add' ? 'lsm.reservations.draft.add' : `lsm.reservations.draft.edit.${id}`);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toEntry(value: unknown): PendingReservation | null {
  if (!isRecord(value)) return null;
  const { groupName, deviceId, idType, featureName, version, count } = value;
  if (
    typeof groupName !== 'string' ||
    typeof deviceId !== 'string' ||
    typeof idType !== 'string' ||
    typeof featureName !== 'string' ||
    typeof version !== 'string' ||
    typeof count !== 'number' ||
    !Number.isInteger(count)
  ) {
    return null;
  }
  return { groupName, deviceId, idType, featureName, version, count };
}

function toDraft(value: unknown): Draft | null {
  if (!isRecord(value) || !Array.isArray(value.rows)) return null;
  const rows: PendingRow[] = [];
  for (const row of value.rows) {
    if (!isRecord(row) || typeof row.key !== 'number') return null;
    const entry = toEntry(row.entry);
    if (!entry) return null;
    rows.push({ key: row.key, entry });
  }
  const edit = value.edit;
  if (edit === null) return { rows, edit: null };
  if (isRecord(edit) && typeof edit.groupId === 'number' && typeof edit.name === 'string') {
    return { rows, edit: { groupId: edit.groupId, name: edit.name } };
  }
  return null;
}

/** The draft kept for this page, or null when there is none (or it cannot be read). */
export function loadDraft(id: DraftId): Draft | null {
  try {
    const raw = sessionStorage.getItem(storageKey(id));
    return raw === null ? null : toDraft(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function saveDraft(id: DraftId, draft: Draft) {
  try {
    sessionStorage.setItem(storageKey(id), JSON.stringify(draft));
  } catch {
    // Storage may be full or disabled: the table then lasts as long as the page.
  }
}

export function clearDraft(id: DraftId) {
  try {
    sessionStorage.removeItem(storageKey(id));
  } catch {
    // Nothing was stored when storage is disabled.
  }
}

/** How the server compares group names: case and surrounding space do not count. */
export const nameKey = (name: string) => name.trim().toLowerCase();

export interface PendingGroup {
  /** As first written, which is the name the server gets. */
  name: string;
  rows: PendingRow[];
}

/** The pending table by group, in the order groups were first added, as Go builds them. */
export function groupRows(rows: readonly PendingRow[]): PendingGroup[] {
  const groups = new Map<string, PendingGroup>();
  for (const row of rows) {
    const key = nameKey(row.entry.groupName);
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { name: row.entry.groupName.trim(), rows: [row] });
  }
  return [...groups.values()];
}

const fieldKey = /^entries\.(\d+)\.(\w+)$/;
const isPendingField = (name: string): name is PendingReservationField => (pendingFields as readonly string[]).includes(name);

/** Go keys entry problems "entries.N.<field>", N being the position in the list it was sent. */
export function errorsByIndex(fields: Readonly<Record<string, string>>): Map<number, FieldErrors> {
  const out = new Map<number, FieldErrors>();
  for (const [name, message] of Object.entries(fields)) {
    const match = fieldKey.exec(name);
    if (!match || !isPendingField(match[2])) continue;
    const index = Number(match[1]);
    out.set(index, { ...out.get(index), [match[2]]: message });
  }
  return out;
}

/** The problems that no entry field can show (such as "Add at least one reservation entry."). */
export function otherProblems(fields: Readonly<Record<string, string>>): string[] {
  return Object.entries(fields)
    .filter(([name]) => {
      const match = fieldKey.exec(name);
      return !match || !isPendingField(match[2]);
    })
    .map(([, message]) => message);
}

/** Errors for the rows that were sent, by their keys. */
export function errorsByRow(sent: readonly PendingRow[], byIndex: ReadonlyMap<number, FieldErrors>): Map<number, FieldErrors> {
  const out = new Map<number, FieldErrors>();
  sent.forEach((row, index) => {
    const errors = byIndex.get(index);
    if (errors) out.set(row.key, errors);
  });
  return out;
}

/**
 * Validate checks entries against every group on the server, the edited one
 * included, so while a group is edited its own name and hosts come back as
 * taken. EditGroup leaves the group out of that check, and so must the
 * page: those two complaints are dropped (Go names the group in quotes).
 */
export function withoutSelfConflicts(errors: FieldErrors, entry: PendingReservation, edit: EditTarget | null): FieldErrors {
  if (!edit) return errors;
  const out = { ...errors };
  if (out.groupName && nameKey(entry.groupName) === nameKey(edit.name)) delete out.groupName;
  if (out.deviceId?.includes(`in group ${JSON.stringify(edit.name)} on the server`)) delete out.deviceId;
  return out;
}

export const hasErrors = (errors: FieldErrors | undefined) => errors !== undefined && Object.values(errors).some(Boolean);
