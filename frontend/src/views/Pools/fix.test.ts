import { applyFix } from './fix';

describe('applyFix', () => {
  it('replaces the columns of one line, counted in characters', () => {
    const text = 'model "ü" {\n    on any() AND any() { deny }\n}\n';
    expect(applyFix(text, { label: 'Write "and"', line: 2, column: 14, endColumn: 17, text: 'and' })).toBe(
      'model "ü" {\n    on any() and any() { deny }\n}\n',
    );
    // Columns count characters: "ü" and "€" are one column each.
    expect(applyFix('"€" f1 1.0 2', { label: 'Add the quotes', line: 1, column: 5, endColumn: 7, text: '"f1"' })).toBe('"€" "f1" 1.0 2');
  });

  it('leaves the text alone when the line is gone', () => {
    expect(applyFix('model "m" {}', { label: 'x', line: 3, column: 1, endColumn: 2, text: 'y' })).toBe('model "m" {}');
  });
});
