import Box from '@mui/material/Box';
import { alpha, useTheme, type Theme } from '@mui/material/styles';
import { useImperativeHandle, useMemo, useRef, type Ref, type UIEvent } from 'react';
import type { ModelDiagnostic, modeldef } from '../../api';
import { monospace } from '../../components/format';
import { diagnosticMarks, highlightLines, type Span, type TokenKind } from './highlight';

export interface ModelEditorHandle {
  /** Focuses the editor with the line selected and scrolled into view. */
  revealLine: (line: number) => void;
}

interface ModelEditorProps {
  value: string;
  onChange: (text: string) => void;
  diagnostics: readonly ModelDiagnostic[];
  /** The accessible name of the text area. */
  label: string;
  /** The id of what explains the problems (the diagnostics list). */
  describedBy?: string;
  placeholder?: string;
  /** While the text is being replaced (formatting), so no keystroke is lost under the new text. */
  readOnly?: boolean;
  ref?: Ref<ModelEditorHandle>;
}

const LINE_HEIGHT = 20;
const PAD_Y = 8;
const PAD_X = 12;
const MIN_ROWS = 12;
const MAX_ROWS = 28;

function tokenColors(theme: Theme): Record<TokenKind, string> {
  const dark = theme.palette.mode === 'dark';
  return {
    keyword: dark ? '#c792ea' : '#7b1fa2',
    matcher: dark ? '#82aaff' : '#1565c0',
    string: dark ? '#c3e88d' : '#2e7d32',
    number: dark ? '#f78c6c' : '#b45309',
    percent: dark ? '#f78c6c' : '#b45309',
    remainder: dark ? '#ffcb6b' : '#a14e00',
    comment: theme.palette.text.secondary,
    operator: dark ? '#89ddff' : '#00838f',
    punctuation: theme.palette.text.secondary,
    text: theme.palette.text.primary,
  };
}

/** The worst problem of each line that has one. */
function severityByLine(diagnostics: readonly ModelDiagnostic[]): Map<number, modeldef.Severity> {
  const byLine = new Map<number, modeldef.Severity>();
  for (const d of diagnostics) {
    if (byLine.get(d.line) !== 'error') byLine.set(d.line, d.severity);
  }
  return byLine;
}

function messagesOf(diagnostics: readonly ModelDiagnostic[], line: number): string {
  return diagnostics
    .filter((d) => d.line === line)
    .map((d) => `${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.message}`)
    .join('\n');
}

function Line({ spans, colors }: { spans: readonly Span[]; colors: Record<TokenKind, string> }) {
  return spans.map((s, i) => (
    <span
      key={i}
      style={{
        color: colors[s.kind],
        fontStyle: s.kind === 'comment' ? 'italic' : undefined,
        fontWeight: s.kind === 'keyword' ? 600 : undefined,
        textDecoration: s.mark ? 'underline wavy' : undefined,
        textDecorationColor: s.mark ? `var(--model-editor-${s.mark})` : undefined,
        textDecorationSkipInk: 'none',
        textUnderlineOffset: 3,
      }}
    >
      {s.text}
    </span>
  ));
}

/**
 * A plain textarea with transparent text over a highlighted copy of the same
 * text, beside a gutter of line numbers. The browser keeps doing what a
 * textarea does well (caret, selection, undo, IME, spell-check off, screen
 * readers); the layers behind only draw. Lines never wrap, so a line number
 * always sits next to its line.
 */
export function ModelEditor({ value, onChange, diagnostics, label, describedBy, placeholder, readOnly, ref }: ModelEditorProps) {
  const theme = useTheme();
  const colors = useMemo(() => tokenColors(theme), [theme]);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const codeRef = useRef<HTMLDivElement>(null);
  const gutterRef = useRef<HTMLDivElement>(null);

  const lines = useMemo(() => value.split('\n'), [value]);
  const highlighted = useMemo(() => highlightLines(value, diagnosticMarks(lines, diagnostics)), [value, lines, diagnostics]);
  const marked = useMemo(() => severityByLine(diagnostics), [diagnostics]);
  const rows = Math.min(Math.max(lines.length, MIN_ROWS), MAX_ROWS);
  const hasErrors = diagnostics.some((d) => d.severity === 'error');

  // The layers behind move with the textarea's scrolling; a transform is not
  // clamped by their own size, so they stay aligned even when the textarea
  // shows a horizontal scrollbar.
  const follow = (e: UIEvent<HTMLTextAreaElement>) => {
    const { scrollTop, scrollLeft } = e.currentTarget;
    if (codeRef.current) codeRef.current.style.transform = `translate(${-scrollLeft}px, ${-scrollTop}px)`;
    if (gutterRef.current) gutterRef.current.style.transform = `translateY(${-scrollTop}px)`;
  };

  useImperativeHandle(
    ref,
    () => ({
      revealLine: (line) => {
        const textarea = textareaRef.current;
        if (!textarea) return;
        const index = Math.min(Math.max(line, 1), lines.length) - 1;
        const start = lines.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0);
        textarea.focus();
        textarea.setSelectionRange(start, start + lines[index].length);
        const top = index * LINE_HEIGHT;
        const visible = textarea.clientHeight - 2 * PAD_Y;
        if (top < textarea.scrollTop || top + LINE_HEIGHT > textarea.scrollTop + visible) {
          textarea.scrollTop = Math.max(top - visible / 2, 0);
        }
      },
    }),
    [lines],
  );

  const lineBackground = (severity: modeldef.Severity | undefined) =>
    severity ? alpha(severity === 'error' ? theme.palette.error.main : theme.palette.warning.main, 0.08) : undefined;

  const text = { ...monospace, lineHeight: `${LINE_HEIGHT}px`, tabSize: 4, whiteSpace: 'pre', letterSpacing: 0 } as const;

  return (
    <Box
      sx={{
        '--model-editor-error': theme.palette.error.main,
        '--model-editor-warning': theme.palette.warning.main,
        display: 'flex',
        height: rows * LINE_HEIGHT + 2 * PAD_Y + 2,
        border: 1,
        borderColor: hasErrors ? 'error.main' : 'divider',
        borderRadius: 1,
        overflow: 'hidden',
        bgcolor: theme.palette.mode === 'dark' ? 'rgba(255,255,255,0.02)' : '#fbfcfe',
        '&:focus-within': {
          borderColor: hasErrors ? 'error.main' : 'primary.main',
          boxShadow: `0 0 0 1px ${hasErrors ? theme.palette.error.main : theme.palette.primary.main}`,
        },
      }}
    >
      <Box
        aria-hidden
        sx={{
          flex: 'none',
          overflow: 'hidden',
          borderRight: 1,
          borderColor: 'divider',
          bgcolor: theme.palette.mode === 'dark' ? 'rgba(255,255,255,0.03)' : 'rgba(15,23,42,0.03)',
          userSelect: 'none',
        }}
      >
        <Box ref={gutterRef} data-testid="model-editor-gutter" sx={{ ...text, py: `${PAD_Y}px` }}>
          {lines.map((_, i) => {
            const severity = marked.get(i + 1);
            return (
              <Box
                key={i}
                data-severity={severity}
                title={severity && messagesOf(diagnostics, i + 1)}
                sx={{
                  height: LINE_HEIGHT,
                  pl: 1.25,
                  pr: 1,
                  textAlign: 'right',
                  minWidth: `${Math.max(String(lines.length).length, 2) + 2.5}ch`,
                  color: severity ? `${severity}.main` : 'text.disabled',
                  fontWeight: severity ? 700 : undefined,
                  bgcolor: lineBackground(severity),
                  boxShadow: severity ? `inset 3px 0 0 var(--model-editor-${severity})` : undefined,
                }}
              >
                {i + 1}
              </Box>
            );
          })}
        </Box>
      </Box>
      <Box sx={{ position: 'relative', flex: 1, minWidth: 0 }}>
        <Box aria-hidden sx={{ position: 'absolute', inset: 0, overflow: 'hidden', pointerEvents: 'none' }}>
          <Box ref={codeRef} sx={{ ...text, py: `${PAD_Y}px`, width: 'max-content', minWidth: '100%' }}>
            {highlighted.map((spans, i) => (
              <Box key={i} sx={{ height: LINE_HEIGHT, px: `${PAD_X}px`, bgcolor: lineBackground(marked.get(i + 1)) }}>
                <Line spans={spans} colors={colors} />
              </Box>
            ))}
          </Box>
        </Box>
        <Box
          component="textarea"
          ref={textareaRef}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          onScroll={follow}
          aria-label={label}
          aria-describedby={describedBy}
          aria-invalid={hasErrors || undefined}
          placeholder={placeholder}
          readOnly={readOnly}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          wrap="off"
          sx={{
            ...text,
            position: 'absolute',
            inset: 0,
            width: '100%',
            height: '100%',
            m: 0,
            py: `${PAD_Y}px`,
            px: `${PAD_X}px`,
            border: 0,
            outline: 'none',
            resize: 'none',
            overflow: 'auto',
            bgcolor: 'transparent',
            color: 'transparent',
            caretColor: theme.palette.text.primary,
            '&::selection': { bgcolor: alpha(theme.palette.primary.main, 0.3), color: 'transparent' },
            '&::placeholder': { color: 'text.disabled', opacity: 1 },
          }}
        />
      </Box>
    </Box>
  );
}
