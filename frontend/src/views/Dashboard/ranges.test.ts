import { fromLocalInput, toLocalInput, toRfc3339 } from '../../components/dateInput';
import { formatDuration, formatPercent } from '../../components/format';
import { checkCustom, defaultCustom, presetRange } from './ranges';
import { daysText, noSamplesText } from './times';

const NOW = new Date('2026-03-02T10:00:00.456Z');

describe('ranges', () => {
  it('ends every preset at now, to the second, in RFC 3339', () => {
    expect(presetRange('24h', NOW)).toEqual({ from: '2026-03-01T10:00:00Z', to: '2026-03-02T10:00:00Z' });
    expect(presetRange('7d', NOW)).toEqual({ from: '2026-02-23T10:00:00Z', to: '2026-03-02T10:00:00Z' });
    expect(presetRange('30d', NOW).from).toBe('2026-01-31T10:00:00Z');
    expect(presetRange('1y', NOW).from).toBe('2025-03-02T10:00:00Z');
  });

  it('takes a custom range in this computer’s clock, and only one that ends after it starts', () => {
    expect(checkCustom({ from: '2026-02-01T08:00', to: '2026-02-02T09:30' })).toEqual({
      range: { from: toRfc3339(new Date('2026-02-01T08:00')), to: toRfc3339(new Date('2026-02-02T09:30')) },
      fromError: '',
      toError: '',
    });
    expect(checkCustom({ from: '2026-02-02T08:00', to: '2026-02-02T08:00' })).toMatchObject({ range: null, toError: 'The end must be after the start.' });
    expect(checkCustom({ from: '', to: '2026-02-02T08:00' })).toMatchObject({ range: null, fromError: 'Enter the start.' });
    expect(checkCustom({ from: '2026-02-02T08:00', to: '' })).toMatchObject({ range: null, toError: 'Enter the end.' });
    const custom = defaultCustom(NOW);
    expect(fromLocalInput(custom.to)?.getTime()).toBe(new Date(toLocalInput(NOW)).getTime());
    expect(checkCustom(custom).range).not.toBeNull();
  });

  it('reads only complete datetime-local values', () => {
    expect(fromLocalInput('2026-02-01T08:00')).toEqual(new Date('2026-02-01T08:00'));
    expect(fromLocalInput('2026-02-01')).toBeNull();
    expect(fromLocalInput('')).toBeNull();
    expect(toLocalInput(new Date(2026, 0, 5, 7, 3))).toBe('2026-01-05T07:03');
  });
});

describe('dashboard texts', () => {
  it('says a span in its two largest units', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(30)).toBe('under 1 min');
    expect(formatDuration(45 * 60)).toBe('45 min');
    expect(formatDuration(2 * 3600 + 15 * 60 + 40)).toBe('2 h 15 min');
    expect(formatDuration(3 * 3600)).toBe('3 h');
    expect(formatDuration(3 * 86400 + 4 * 3600 + 59 * 60)).toBe('3 d 4 h');
    expect(formatDuration(7 * 86400)).toBe('7 d');
  });

  it('says shares and days ahead as people do', () => {
    expect(formatPercent(0.925)).toBe('93%');
    expect(formatPercent(1)).toBe('100%');
    expect(daysText(0)).toBe('today');
    expect(daysText(1)).toBe('tomorrow');
    expect(daysText(12)).toBe('in 12 days');
  });

  it('names the sampling interval in the empty state', () => {
    expect(noSamplesText(5)).toBe('No samples yet: the first is taken when the app starts and every 5 minutes.');
    expect(noSamplesText(1)).toBe('No samples yet: the first is taken when the app starts and every minute.');
    expect(noSamplesText(0)).toBe('No samples yet: the first is taken when the app starts and at every interval after that.');
  });
});
