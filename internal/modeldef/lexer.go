package modeldef

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokenKind int

const (
	tEOF    tokenKind = iota
	tString           // "..." with its escapes resolved
	tInt              // a run of digits
	tWord             // keywords, and the bare words the server refuses (for precise messages)
	tLBrace
	tRBrace
	tLParen
	tRParen
	tComma
	tColon
	tStar
	tPercent
	tDot
	tAnd // &&
	tOr  // ||
	tNot // !
)

type token struct {
	kind tokenKind
	text string // the word, the digits, the string's value, or the punctuation
	raw  string // the string as written, quotes and escapes included
	pos  Pos
	end  int // column after the token on pos.Line
}

// keywords are the server's, lowercase and case-sensitive.
var keywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields("model on partitions partition remainder any hostid hostname hosttype dictionary use accept deny continue without requested features all from vendor string matches and or not") {
		keywords[k] = true
	}
}

// lexer turns the source into tokens. It reports bad characters and carries
// on, so that the parser still sees the structure around them.
type lexer struct {
	src  []byte
	off  int
	line int
	col  int
	rep  *reporter
	toks []token
}

func lex(src []byte, rep *reporter) []token {
	l := &lexer{src: src, line: 1, col: 1, rep: rep}
	// A byte order mark is what Windows editors put in front of UTF-8 text;
	// the app uploads the text without it (see WithoutBOM).
	if r, n := utf8.DecodeRune(src); r == '\uFEFF' {
		l.off = n
	}
	for l.off < len(l.src) {
		l.next()
	}
	// The end of the file has nothing to underline.
	l.toks = append(l.toks, token{kind: tEOF, pos: l.here()})
	return l.toks
}

// WithoutBOM is src without the UTF-8 byte order mark an editor may have put
// in front of it, which is not part of the model.
func WithoutBOM(src string) string { return strings.TrimPrefix(src, "\uFEFF") }

func (l *lexer) here() Pos { return Pos{l.line, l.col} }

func (l *lexer) peekRune(ahead int) rune {
	off := l.off
	for ; ahead > 0 && off < len(l.src); ahead-- {
		_, n := utf8.DecodeRune(l.src[off:])
		off += n
	}
	if off >= len(l.src) {
		return -1
	}
	r, _ := utf8.DecodeRune(l.src[off:])
	return r
}

// advance consumes one rune. An invalid UTF-8 byte counts as one column, as
// editors show it as one replacement character.
func (l *lexer) advance() rune {
	r, n := utf8.DecodeRune(l.src[l.off:])
	l.off += n
	if r == '\n' {
		l.line++
		l.col = 1
	} else {
		l.col++
	}
	return r
}

func (l *lexer) emit(kind tokenKind, text string, pos Pos, start int) {
	l.toks = append(l.toks, token{kind: kind, text: text, raw: string(l.src[start:l.off]), pos: pos, end: l.col})
}

func (l *lexer) next() {
	pos, start := l.here(), l.off
	r := l.peekRune(0)
	switch {
	case unicode.IsSpace(r):
		l.advance()
	case r == '/' && l.peekRune(1) == '/':
		for l.off < len(l.src) && l.peekRune(0) != '\n' {
			l.advance()
		}
	case r == '/' && l.peekRune(1) == '*':
		l.blockComment(pos)
	case r == '"':
		l.str(pos, start)
	case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
		digits := true
		for l.off < len(l.src) && isWordRune(l.peekRune(0)) {
			digits = digits && unicode.IsDigit(l.peekRune(0)) && l.peekRune(0) < utf8.RuneSelf
			l.advance()
		}
		kind := tWord
		if digits {
			kind = tInt
		}
		l.emit(kind, string(l.src[start:l.off]), pos, start)
	case r == '&' && l.peekRune(1) == '&':
		l.advance()
		l.advance()
		l.emit(tAnd, "&&", pos, start)
	case r == '|' && l.peekRune(1) == '|':
		l.advance()
		l.advance()
		l.emit(tOr, "||", pos, start)
	default:
		l.advance()
		if kind, ok := punctuation[r]; ok {
			l.emit(kind, string(r), pos, start)
			return
		}
		l.rep.errorAt(pos, l.col, "%s", l.badCharMessage(r))
	}
}

var punctuation = map[rune]tokenKind{
	'{': tLBrace, '}': tRBrace, '(': tLParen, ')': tRParen,
	',': tComma, ':': tColon, '*': tStar, '%': tPercent, '.': tDot, '!': tNot,
}

func (l *lexer) badCharMessage(r rune) string {
	switch r {
	case '&':
		return `unexpected character "&"; the and operator is written "and" or "&&"`
	case '|':
		return `unexpected character "|"; the or operator is written "or" or "||"`
	case '“', '”', '„', '″':
		return `unexpected character "` + string(r) + `"; strings are enclosed in straight double quotes (")`
	case '/':
		return `unexpected character "/"; comments start with "//" or "/*"`
	case '-':
		if n := l.peekRune(0); n >= '0' && n <= '9' {
			return `unexpected character "-"; counts and versions are never negative`
		}
	case utf8.RuneError:
		return "unexpected byte: the file is not valid UTF-8 text"
	}
	if unicode.IsPrint(r) {
		return `unexpected character "` + string(r) + `"`
	}
	return fmt.Sprintf("unexpected control character %U", r)
}

// isWordRune tells what a bare word or a number is made of. "-" belongs to
// words (but never starts one) so that an unquoted feature name such as
// eb-feature is one word, which a fix can quote.
func isWordRune(r rune) bool {
	return r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (l *lexer) blockComment(pos Pos) {
	l.advance()
	l.advance()
	for l.off < len(l.src) {
		if l.peekRune(0) == '*' && l.peekRune(1) == '/' {
			l.advance()
			l.advance()
			return
		}
		l.advance()
	}
	l.rep.errorAt(pos, pos.Column+2, `unterminated comment: "/*" has no closing "*/"`)
}

// str reads a double-quoted string on one line. Only \" and \\ are
// escapes; the server's lexer refuses any other backslash.
func (l *lexer) str(pos Pos, start int) {
	l.advance()
	var b strings.Builder
	for {
		r := l.peekRune(0)
		switch r {
		case -1, '\n', '\r':
			l.rep.errorAt(pos, l.col, `unterminated string: the closing " is missing on this line`)
			l.emit(tString, b.String(), pos, start)
			return
		case '"':
			l.advance()
			l.emit(tString, b.String(), pos, start)
			return
		case '\\':
			esc := l.here()
			l.advance()
			switch n := l.peekRune(0); n {
			case '"', '\\':
				l.advance()
				b.WriteRune(n)
			default:
				l.rep.fixable(esc, esc.Column+1, &Fix{Label: `Write \\`, Line: esc.Line, Column: esc.Column, EndColumn: esc.Column + 1, Text: `\\`},
					`"\" starts an escape only before " or \; write "\\" for a backslash`)
				b.WriteByte('\\')
			}
		default:
			from := l.off
			l.advance()
			b.Write(l.src[from:l.off])
		}
	}
}
