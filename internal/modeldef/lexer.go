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
	tWord             // keywords, versions, amounts: letters, digits and _ . % -
	tLBrace
	tRBrace
	tLParen
	tRParen
	tComma
	tColon
	tStar
	tAnd // &&
	tOr  // ||
	tNot // !
)

type token struct {
	kind tokenKind
	text string // the word, the string's value, or the punctuation
	pos  Pos
	end  int // column after the token on pos.Line
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
	// it is not part of the model.
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

func (l *lexer) emit(kind tokenKind, text string, pos Pos) {
	l.toks = append(l.toks, token{kind: kind, text: text, pos: pos, end: l.col})
}

func (l *lexer) next() {
	pos := l.here()
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
		l.str(pos)
	case isWordRune(r):
		start := l.off
		for l.off < len(l.src) && isWordRune(l.peekRune(0)) {
			l.advance()
		}
		l.emit(tWord, string(l.src[start:l.off]), pos)
	case r == '&' && l.peekRune(1) == '&':
		l.advance()
		l.advance()
		l.emit(tAnd, "&&", pos)
	case r == '|' && l.peekRune(1) == '|':
		l.advance()
		l.advance()
		l.emit(tOr, "||", pos)
	default:
		l.advance()
		if kind, ok := punctuation[r]; ok {
			l.emit(kind, string(r), pos)
			return
		}
		l.rep.errorAt(pos, l.col, "%s", badCharMessage(r))
	}
}

var punctuation = map[rune]tokenKind{
	'{': tLBrace, '}': tRBrace, '(': tLParen, ')': tRParen,
	',': tComma, ':': tColon, '*': tStar, '!': tNot,
}

func badCharMessage(r rune) string {
	switch r {
	case '&':
		return `unexpected character "&"; the AND operator is written "&&" or AND`
	case '|':
		return `unexpected character "|"; the OR operator is written "||" or OR`
	case '“', '”', '„', '″':
		return `unexpected character "` + string(r) + `"; strings are enclosed in straight double quotes (")`
	case '/':
		return `unexpected character "/"; comments start with "//"`
	case utf8.RuneError:
		return "unexpected byte: the file is not valid UTF-8 text"
	}
	if unicode.IsPrint(r) {
		return `unexpected character "` + string(r) + `"`
	}
	return fmt.Sprintf("unexpected control character %U", r)
}

func isWordRune(r rune) bool {
	return r == '_' || r == '.' || r == '%' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)
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

// str reads a double-quoted string. Only \" and \\ are escapes; any other
// backslash is kept as written (with a warning) because Windows names such
// as DOMAIN\user are more likely than a mistyped escape.
func (l *lexer) str(pos Pos) {
	l.advance()
	var b strings.Builder
	for {
		r := l.peekRune(0)
		switch r {
		case -1, '\n':
			l.rep.errorAt(pos, l.col, `unterminated string: the closing " is missing on this line`)
			l.emit(tString, b.String(), pos)
			return
		case '"':
			l.advance()
			l.emit(tString, b.String(), pos)
			return
		case '\\':
			esc := l.here()
			l.advance()
			switch n := l.peekRune(0); n {
			case '"', '\\':
				l.advance()
				b.WriteRune(n)
			default:
				l.rep.warnAt(esc, esc.Column+1, `"\" does not start an escape here and is kept as written; write "\\" for a backslash`)
				b.WriteByte('\\')
			}
		default:
			start := l.off
			l.advance()
			b.Write(l.src[start:l.off])
		}
	}
}
