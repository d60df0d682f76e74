import type { SettingKind } from '../../api';

// The same rules as Go's policy.Check, so a typo is caught before the
// confirmation instead of after a round trip.
const durationRe = /^[0-9]+[smhdw]?$/;
const listRe = /^\[[^[\]]*\]$/;
const MAX_NUMBER = 2 ** 31 - 1;

/** The problem with a new value, in words, or '' when it is fine. */
export function checkValue(kind: SettingKind, raw: string, levels: readonly string[]): string {
  const value = raw.trim();
  switch (kind) {
    case 'boolean':
      return value === 'true' || value === 'false' ? '' : 'Choose true or false.';
    case 'duration':
      return durationRe.test(value)
        ? ''
        : 'Enter a duration: a number with s, m, h, d or w (none means seconds), such as 90s, 15m or 1d.';
    case 'list':
      return listRe.test(value) ? '' : 'Enter a list in square brackets, items separated by commas, such as [10.0.0.1,10.0.0.2].';
    case 'number':
      return /^[0-9]+$/.test(value) && Number(value) <= MAX_NUMBER ? '' : 'Enter a whole number of 0 or more.';
    case 'level':
      return levels.some((l) => l.toLowerCase() === value.toLowerCase()) ? '' : `Choose one of ${levels.join(', ')}.`;
    case 'text':
      return '';
  }
}

/** The format an editor expects, under the field while there is no problem to show. */
export const formatHint: Record<SettingKind, string> = {
  boolean: '',
  duration: 'Number with s/m/h/d/w (none = seconds)',
  list: 'A list written [a,b]',
  number: 'Whole number',
  level: '',
  text: '',
};
