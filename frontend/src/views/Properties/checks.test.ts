import table from '../../../../internal/policy/testdata/checks.json';
import { policy } from '../../api';
import { checkValue } from './checks';

const kinds = new Set<string>(Object.values(policy.Kind));
const isKind = (k: string): k is policy.Kind => kinds.has(k);

describe('checkValue', () => {
  it('agrees with Go on every case of the shared table', () => {
    expect(table.cases.length).toBeGreaterThan(10);
    for (const c of table.cases) {
      expect(isKind(c.kind)).toBe(true);
      if (!isKind(c.kind)) continue;
      expect({ kind: c.kind, value: c.value, message: checkValue(c.kind, c.value, table.levels) }).toEqual({
        kind: c.kind,
        value: c.value,
        message: c.message,
      });
    }
  });

  it('covers every kind Go knows', () => {
    expect(new Set(table.cases.map((c) => c.kind))).toEqual(kinds);
  });
});
