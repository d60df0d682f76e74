import type { PendingReservation, PendingReservationField, ProblemItem, ReservationValidation } from '../../api';

/**
 * One entry of the pending table; the key stays with it when others are
 * removed. group is the name of the group Go put it in when it was checked.
 */
export interface PendingRow {
  key: number;
  entry: PendingReservation;
  group: string;
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
    if (!isRecord(row) || typeof row.key !== 'number' || typeof row.group !== 'string') return null;
    const entry = toEntry(row.entry);
    if (!entry) return null;
    rows.push({ key: row.key, entry, group: row.group });
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

/** The pending table by the groups Go formed, in the order they were first added. */
export interface PendingGroup {
  name: string;
  rows: PendingRow[];
}

/** Rows with the same `group` (Go's name for the group it put them in) are shown as one group. */
export function groupRows(rows: readonly PendingRow[]): PendingGroup[] {
  const groups = new Map<string, PendingGroup>();
  for (const row of rows) {
    const group = groups.get(row.group);
    if (group) group.rows.push(row);
    else groups.set(row.group, { name: row.group, rows: [row] });
  }
  return [...groups.values()];
}

/** Each row with the name of the group Go put it in (validation's groupOf). */
export function withGroups(rows: readonly PendingRow[], check: ReservationValidation): PendingRow[] {
  return rows.map((row, i) => ({ ...row, group: check.groups[check.groupOf[i]]?.name ?? row.entry.groupName.trim() }));
}

const isPendingField = (name: string): name is PendingReservationField => (pendingFields as readonly string[]).includes(name);

/** Go names a pending row's problems by the row's position in the list it checked. */
export function errorsByIndex(problems: readonly ProblemItem[]): Map<number, FieldErrors> {
  const out = new Map<number, FieldErrors>();
  for (const p of problems) {
    const index = Number(p.item);
    if (p.item === '' || !Number.isInteger(index) || !isPendingField(p.field)) continue;
    out.set(index, { [p.field]: p.message, ...out.get(index) });
  }
  return out;
}

/** The problems that no entry field can show (such as "Add at least one reservation entry."). */
export function otherProblems(problems: readonly ProblemItem[]): string[] {
  return problems.filter((p) => p.item === '' || !isPendingField(p.field)).map((p) => p.message);
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

export const hasErrors = (errors: FieldErrors | undefined) => errors !== undefined && Object.values(errors).some(Boolean);
