import { modeldef, type ModelDiagnostic } from '../../api';

export type TokenKind =
  | 'keyword'
  | 'matcher'
  | 'string'
  | 'number'
  | 'percent'
  | 'remainder'
  | 'comment'
  | 'operator'
  | 'punctuation'
  | 'text';

interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

/** A run of one line that is drawn one way. */
export interface Span {
  kind: TokenKind;
  text: string;
  /** Underlined as the text a diagnostic is about. */
  mark?: modeldef.Severity;
}

/** Text of one line to underline, in UTF-16 offsets of that line (end exclusive). */
export interface LineMark {
  line: number;
  from: number;
  to: number;
  severity: modeldef.Severity;
}

// The keywords of internal/modeldef's lexer, matched exactly as it does:
// lowercase only, so AND is drawn as the plain word the server refuses.
const keywords = new Set([
  'model',
  'partitions',
  'partition',
  'on',
  'use',
  'accept',
  'deny',
  'continue',
  'without',
  'requested',
  'features',
  'all',
  'from',
  'vendor',
  'string',
  'matches',
]);
const operators = new Set(['and', 'or', 'not']);
const matchers = new Set(['hostid', 'hostname', 'hosttype', 'dictionary', 'any']);

// The same token boundaries as internal/modeldef's lexer, so what is drawn as
// a string or a comment is what the server reads as one.
const rules: readonly (readonly [TokenKind | 'space' | 'word', RegExp])[] = [
  ['space', /\s+/uy],
  ['comment', /\/\/[^\n]*/uy],
  ['comment', /\/\*[\s\S]*?(?:\*\/|$)/uy],
  ['string', /"(?:[^"\\\n]|\\[^\n])*(?:"|\\?(?=\n)|\\?$)/uy],
  ['word', /[\p{L}\p{Nd}_.%-]+/uy],
  ['operator', /&&|\|\||!/uy],
  ['punctuation', /[{}(),:*.%]/uy],
  ['text', /[\s\S]/uy],
];

function wordKind(word: string): TokenKind {
  if (keywords.has(word)) return 'keyword';
  if (operators.has(word)) return 'operator';
  if (matchers.has(word)) return 'matcher';
  if (word === 'remainder') return 'remainder';
  if (/^\d+%$/.test(word)) return 'percent';
  if (/^\d+(\.\d+)*$/.test(word)) return 'number';
  return 'text';
}

/**
 * Beyond this size (a model is rarely more than a few KB, the server takes
 * up to 900 KB) the text is drawn plain, so typing stays responsive.
 */
const HIGHLIGHT_LIMIT = 100_000;

function tokenize(source: string): Token[] {
  if (source.length > HIGHLIGHT_LIMIT) return [{ kind: 'text', start: 0, end: source.length }];
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < source.length) {
    for (const [kind, re] of rules) {
      re.lastIndex = pos;
      const m = re.exec(source);
      if (!m || m[0].length === 0) continue;
      const end = pos + m[0].length;
      if (kind !== 'space') tokens.push({ kind: kind === 'word' ? wordKind(m[0]) : kind, start: pos, end });
      pos = end;
      break;
    }
  }
  return tokens;
}

/** The UTF-16 offset in text of a 1-based column that counts characters, as Go does. */
export function columnOffset(text: string, column: number): number {
  let offset = 0;
  let col = 1;
  for (const ch of text) {
    if (col >= column) break;
    offset += ch.length;
    col++;
  }
  return offset;
}

/** The text each diagnostic is about, clipped to its line; a diagnostic past the line's end marks nothing. */
export function diagnosticMarks(lines: readonly string[], diagnostics: readonly ModelDiagnostic[]): LineMark[] {
  return diagnostics.flatMap((d) => {
    const text = lines[d.line - 1];
    if (text === undefined) return [];
    const from = columnOffset(text, d.column);
    const to = d.endColumn > d.column ? columnOffset(text, d.endColumn) : text.length > from ? wordEnd(text, from) : from;
    return to > from ? [{ line: d.line, from, to, severity: d.severity }] : [];
  });
}

/** Without an end column, the word (or single character) the diagnostic starts at. */
function wordEnd(text: string, from: number): number {
  const m = /[\p{L}\p{Nd}_.%-]+|"[^"]*"?|[\s\S]/uy;
  m.lastIndex = from;
  return from + (m.exec(text)?.[0].length ?? 0);
}

function splitByMarks(piece: { from: number; to: number; kind: TokenKind }, text: string, marks: readonly LineMark[]): Span[] {
  const cuts = new Set([piece.from, piece.to]);
  for (const m of marks) {
    if (m.from > piece.from && m.from < piece.to) cuts.add(m.from);
    if (m.to > piece.from && m.to < piece.to) cuts.add(m.to);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const spans: Span[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = marks.filter((m) => m.from <= from && m.to >= to);
    const mark = covering.some((m) => m.severity === modeldef.Severity.ERROR)
      ? modeldef.Severity.ERROR
      : covering.length > 0
        ? modeldef.Severity.WARNING
        : undefined;
    spans.push({ kind: piece.kind, text: text.slice(from, to), ...(mark && { mark }) });
  }
  return spans;
}

/**
 * The source as lines of highlighted spans, with the text of each diagnostic
 * marked. A block comment or string that runs over a line break is split
 * into one span per line, so every line can be drawn on its own.
 */
export function highlightLines(source: string, marks: readonly LineMark[]): Span[][] {
  const tokens = tokenize(source);
  const out: Span[][] = [];
  let first = 0;
  let start = 0;
  source.split('\n').forEach((text, index) => {
    const end = start + text.length;
    while (first < tokens.length && tokens[first].end <= start) first++;
    const lineMarks = marks.filter((m) => m.line === index + 1);
    const spans: Span[] = [];
    const add = (from: number, to: number, kind: TokenKind) => {
      if (to > from) spans.push(...splitByMarks({ from: from - start, to: to - start, kind }, text, lineMarks));
    };
    let pos = start;
    for (let k = first; k < tokens.length && tokens[k].start < end; k++) {
      const from = Math.max(tokens[k].start, start);
      const to = Math.min(tokens[k].end, end);
      add(pos, from, 'text');
      add(from, to, tokens[k].kind);
      pos = Math.max(pos, to);
    }
    add(pos, end, 'text');
    out.push(spans);
    start = end + 1;
  });
  return out;
}
