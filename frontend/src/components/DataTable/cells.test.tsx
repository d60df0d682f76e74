import { countText } from './cells';

describe('countText', () => {
  it.each([
    [0, false, '0'],
    [42, false, '42'],
    [-3, false, '-3'],
    [42, true, 'uncounted'],
    [Number.MAX_SAFE_INTEGER - 1, false, String(Number.MAX_SAFE_INTEGER - 1)],
    // Go's clamp of 1e30 to the largest int64 arrives as 2^63.
    [2 ** 63, false, `over ${Number.MAX_SAFE_INTEGER} (too large to show)`],
    [-(2 ** 63), false, `below ${Number.MIN_SAFE_INTEGER} (too large to show)`],
  ])('shows %d (uncounted: %s) as %s', (value, uncounted, want) => {
    expect(countText(value, uncounted)).toBe(want);
  });
});
