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
