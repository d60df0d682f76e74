import { policy } from '../../api';

// Instant feedback while the user types, before the round trip to Go:
// Go's policy.Check decides at Save, and checks.test.ts runs both against
// one case table (internal/policy/testdata/checks.json).
const durationRe = /^[0-9]+[smhdw]?$/;
const listRe = /^\[[^[\]]*\]$/;
const MAX_NUMBER = 2 ** 31 - 1;

/** The problem with a new value, in words, or '' when it is fine. */
export function checkValue(kind: policy.Kind, raw: string, levels: readonly string[]): string {
  const value = raw.trim();
  switch (kind) {
    case policy.Kind.BOOLEAN:
      return value === 'true' || value === 'false' ? '' : 'Choose true or false.';
    case policy.Kind.DURATION:
      return durationRe.test(value)
        ? ''
        : 'Enter a duration: a number with s, m, h, d or w (none means seconds), such as 90s, 15m or 1d.';
    case policy.Kind.LIST:
      return listRe.test(value) ? '' : 'Enter a list in square brackets, items separated by commas, such as [10.0.0.1,10.0.0.2].';
    case policy.Kind.NUMBER:
      return /^[0-9]+$/.test(value) && Number(value) <= MAX_NUMBER ? '' : 'Enter a whole number of 0 or more.';
    case policy.Kind.LEVEL:
      return levels.some((l) => l.toLowerCase() === value.toLowerCase()) ? '' : `Choose one of ${levels.join(', ')}.`;
    case policy.Kind.TEXT:
      return '';
  }
}

/** The format an editor expects, under the field while there is no problem to show. */
export const formatHint: Record<policy.Kind, string> = {
  [policy.Kind.BOOLEAN]: '',
  [policy.Kind.DURATION]: 'Number with s/m/h/d/w (none = seconds)',
  [policy.Kind.LIST]: 'A list written [a,b]',
  [policy.Kind.NUMBER]: 'Whole number',
  [policy.Kind.LEVEL]: '',
  [policy.Kind.TEXT]: '',
};
