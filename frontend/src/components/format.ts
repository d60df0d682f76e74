/** A timestamp from Go (ISO-8601) in the user's locale; text that is not one is shown as it came. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return iso && !Number.isNaN(date.getTime()) ? date.toLocaleString() : iso;
}

/** The same, date only, for certificate validity. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return iso && !Number.isNaN(date.getTime()) ? date.toLocaleDateString() : iso;
}

/** Monospace for fingerprints, paths and other text that is read character by character. */
export const monospace = { fontFamily: 'ui-monospace, "Cascadia Mono", Consolas, monospace', fontSize: '0.8125rem' };

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A span of seconds as people say it, in its two largest units: "2 h 15 min",
 * "3 d 4 h", "45 min"; under a minute but not nothing is "under 1 min".
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '0 min';
  if (seconds < MINUTE) return 'under 1 min';
  const days = Math.floor(seconds / DAY);
  const hours = Math.floor((seconds % DAY) / HOUR);
  const minutes = Math.floor((seconds % HOUR) / MINUTE);
  const parts: [number, string][] = days > 0 ? [[days, 'd'], [hours, 'h']] : hours > 0 ? [[hours, 'h'], [minutes, 'min']] : [[minutes, 'min']];
  return parts
    .filter(([n], i) => i === 0 || n !== 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ');
}

/** A share from 0 to 1 as a whole percentage: "85%". */
export function formatPercent(share: number): string {
  return `${Math.round((Number.isFinite(share) ? share : 0) * 100)}%`;
}
