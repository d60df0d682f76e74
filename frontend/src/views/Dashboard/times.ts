/** How far off a day is, as a person says it. */
export function daysText(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

/** The empty state of a history without samples, with the sampling interval from the settings (0 while unknown). */
export function noSamplesText(intervalMinutes: number): string {
  const every = intervalMinutes === 1 ? 'every minute' : intervalMinutes > 1 ? `every ${intervalMinutes} minutes` : 'at every interval after that';
  return `No samples yet: the first is taken when the app starts and ${every}.`;
}
