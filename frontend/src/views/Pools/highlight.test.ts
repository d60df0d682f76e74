import { modeldef, type ModelDiagnostic } from '../../api';
import { columnOffset, diagnosticMarks, highlightLines, type Span } from './highlight';

/** The spans of one line as "kind:text", whitespace left out. */
const kinds = (spans: Span[]) => spans.filter((s) => s.text.trim()).map((s) => `${s.kind}:${s.text.trim()}`);

describe('model highlighting', () => {
  it('tells keywords, matchers, strings, numbers, percentages and remainder apart', () => {
    const [partition, amounts, rule] = highlightLines(
      'partition "eng" {\n  "3D_Rendering" 3.2 60% remainder 10\non hostid("A/ETHERNET") and not any() && !x || y or z {',
      [],
    );
    expect(kinds(partition)).toEqual(['keyword:partition', 'string:"eng"', 'punctuation:{']);
    expect(kinds(amounts)).toEqual(['string:"3D_Rendering"', 'number:3.2', 'percent:60%', 'remainder:remainder', 'number:10']);
    expect(kinds(rule)).toEqual([
      'keyword:on',
      'matcher:hostid',
      'punctuation:(',
      'string:"A/ETHERNET"',
      'punctuation:)',
      'operator:and',
      'operator:not',
      'matcher:any',
      'punctuation:(',
      'punctuation:)',
      'operator:&&',
      'operator:!',
      'text:x',
      'operator:||',
      'text:y',
      'operator:or',
      'text:z',
      'punctuation:{',
    ]);
  });

  it('matches keywords exactly, as the parser does', () => {
    expect(kinds(highlightLines('AND Model Remainder continue', [])[0])).toEqual(['text:AND', 'text:Model', 'text:Remainder', 'keyword:continue']);
  });

  it('splits comments and unterminated strings by line, and keeps every character', () => {
    const source = 'use "a" // trailing\n/* block\n still */ accept\n"open\ndeny';
    const lines = highlightLines(source, []);
    expect(lines.map((l) => l.map((s) => s.text).join('')).join('\n')).toBe(source);
    expect(kinds(lines[0])).toEqual(['keyword:use', 'string:"a"', 'comment:// trailing']);
    expect(kinds(lines[1])).toEqual(['comment:/* block']);
    expect(kinds(lines[2])).toEqual(['comment:still */', 'keyword:accept']);
    expect(kinds(lines[3])).toEqual(['string:"open']);
    expect(kinds(lines[4])).toEqual(['keyword:deny']);
  });

  it('underlines the text of a diagnostic, counting columns in characters', () => {
    const lines = ['  "3D_Rendering" 3.2 ten', '"𝔸" x'];
    const diagnostics: ModelDiagnostic[] = [
      { line: 1, column: 22, endColumn: 25, severity: modeldef.Severity.ERROR, message: 'not an amount' },
      { line: 2, column: 5, endColumn: 0, severity: modeldef.Severity.WARNING, message: 'odd' },
      { line: 9, column: 1, endColumn: 0, severity: modeldef.Severity.ERROR, message: 'past the end' },
    ];
    const marks = diagnosticMarks(lines, diagnostics);
    expect(marks).toEqual([
      { line: 1, from: 21, to: 24, severity: modeldef.Severity.ERROR },
      { line: 2, from: 5, to: 6, severity: modeldef.Severity.WARNING },
    ]);
    const [first, second] = highlightLines(lines.join('\n'), marks);
    expect(first.filter((s) => s.mark).map((s) => [s.text, s.mark])).toEqual([['ten', 'error']]);
    expect(second.filter((s) => s.mark).map((s) => [s.text, s.mark])).toEqual([['x', 'warning']]);
  });

  it('finds the offset of a column past characters outside the basic plane', () => {
    expect(columnOffset('"𝔸" x', 5)).toBe(5);
    expect(columnOffset('abc', 1)).toBe(0);
    expect(columnOffset('abc', 10)).toBe(3);
  });
});
