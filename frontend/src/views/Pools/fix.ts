import type { modeldef } from '../../api';
import { columnOffset } from './highlight';

/** text with fix applied: the columns of one line (counted in characters, as Go counts them) replaced. */
export function applyFix(text: string, fix: modeldef.Fix): string {
  const lines = text.split('\n');
  const line = lines[fix.line - 1];
  if (line === undefined) return text;
  lines[fix.line - 1] = line.slice(0, columnOffset(line, fix.column)) + fix.text + line.slice(columnOffset(line, fix.endColumn));
  return lines.join('\n');
}
