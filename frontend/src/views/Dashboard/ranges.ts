import { fromLocalInput, toLocalInput, toRfc3339 } from '../../components/dateInput';

/** The ranges the chart offers; Custom takes two times from the user. */
export type RangeKey = '24h' | '7d' | '30d' | '1y' | 'custom';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const presets: readonly { key: Exclude<RangeKey, 'custom'>; label: string; span: number }[] = [
  { key: '24h', label: '24 h', span: DAY_MS },
  { key: '7d', label: '7 d', span: 7 * DAY_MS },
  { key: '30d', label: '30 d', span: 30 * DAY_MS },
  { key: '1y', label: '1 y', span: 365 * DAY_MS },
];

export interface TimeRange {
  /** RFC 3339, as Go reads a time.Time. */
  from: string;
  to: string;
}

/** The preset range that ends at now. */
export function presetRange(key: Exclude<RangeKey, 'custom'>, now: Date): TimeRange {
  const span = presets.find((p) => p.key === key)?.span ?? DAY_MS;
  return { from: toRfc3339(new Date(now.getTime() - span)), to: toRfc3339(now) };
}

export interface CustomRange {
  from: string;
  to: string;
}

export interface CustomCheck {
  range: TimeRange | null;
  fromError: string;
  toError: string;
}

/** Checks the two inputs of a custom range; Go checks again, and bounds its span. */
export function checkCustom({ from, to }: CustomRange): CustomCheck {
  const start = fromLocalInput(from);
  const end = fromLocalInput(to);
  const fromError = start ? '' : 'Enter the start.';
  const toError = !end ? 'Enter the end.' : start && end.getTime() <= start.getTime() ? 'The end must be after the start.' : '';
  return { range: start && end && !toError ? { from: toRfc3339(start), to: toRfc3339(end) } : null, fromError, toError };
}

/** A custom range to start from: the last 7 days. */
export function defaultCustom(now: Date): CustomRange {
  return { from: toLocalInput(new Date(now.getTime() - 7 * DAY_MS)), to: toLocalInput(now) };
}
