package simulator

import (
	"fmt"
	"strconv"
	"strings"
)

// maxModelSize is the largest model definition the server accepts.
const maxModelSize = 900 << 10

// modelDef is what the server keeps of a loaded model definition.
type modelDef struct {
	Name       string
	Partitions []partitionDef
}

type partitionDef struct {
	Name    string
	Entries []modelEntry
}

type modelEntry struct {
	Feature string
	Version string
	Amount  string // integer, "N%" or "remainder"
}

// checkModel is the simulator's stand-in for a model-definition parser: it
// checks the skeleton `model "NAME" { partitions { partition "P" { "F" V A
// ... } ... } RULE* }`, the reserved names, balanced braces and parentheses,
// and that rules only use defined pools. Everything the server does with a
// model goes through this one function, so a full parser can replace it.
func checkModel(text string) (*modelDef, error) {
	toks, err := tokenize(text)
	if err != nil {
		return nil, err
	}
	p := &modelParser{toks: toks}
	return p.model()
}

type token struct {
	kind byte // 's' string, 'w' word or number, or the punctuation itself
	text string
	line int
	col  int
}

func tokenize(src string) ([]token, error) {
	var toks []token
	line, col := 1, 1
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			line, col = line+1, 1
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r':
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '"':
			j := i + 1
			for j < len(src) && src[j] != '"' && src[j] != '\n' {
				j++
			}
			if j >= len(src) || src[j] != '"' {
				return nil, fmt.Errorf("%d:%d: unterminated string", line, col)
			}
			toks = append(toks, token{'s', src[i+1 : j], line, col})
			col += j + 1 - i
			i = j + 1
			continue
		case strings.IndexByte("{}(),:!", c) >= 0:
			toks = append(toks, token{c, string(c), line, col})
		case isWordByte(c):
			j := i
			for j < len(src) && isWordByte(src[j]) {
				j++
			}
			toks = append(toks, token{'w', src[i:j], line, col})
			col += j - i
			i = j
			continue
		default:
			return nil, fmt.Errorf("%d:%d: unexpected character %q", line, col, c)
		}
		i++
		col++
	}
	return toks, nil
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		strings.IndexByte("_.%-&|*", c) >= 0
}

type modelParser struct {
	toks []token
	pos  int
}

func (p *modelParser) errf(format string, args ...any) error {
	if p.pos >= len(p.toks) {
		return fmt.Errorf("end of file: "+format, args...)
	}
	t := p.toks[p.pos]
	return fmt.Errorf("%d:%d: "+format, append([]any{t.line, t.col}, args...)...)
}

func (p *modelParser) peek() token {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return token{}
}

func (p *modelParser) expect(kind byte, text, what string) (token, error) {
	t := p.peek()
	if t.kind != kind || text != "" && t.text != text {
		return t, p.errf("expected %s", what)
	}
	p.pos++
	return t, nil
}

func reservedName(n string) bool {
	n = strings.ToLower(n)
	return n == "default" || n == "reservations"
}

func (p *modelParser) model() (*modelDef, error) {
	if _, err := p.expect('w', "model", `"model"`); err != nil {
		return nil, err
	}
	name, err := p.expect('s', "", "the quoted model name")
	if err != nil {
		return nil, err
	}
	if reservedName(name.text) {
		return nil, fmt.Errorf("%d:%d: %q is a reserved name", name.line, name.col, name.text)
	}
	if _, err := p.expect('{', "", `"{" after the model name`); err != nil {
		return nil, err
	}
	if _, err := p.expect('w', "partitions", `a "partitions" block`); err != nil {
		return nil, err
	}
	if _, err := p.expect('{', "", `"{" after "partitions"`); err != nil {
		return nil, err
	}
	def := &modelDef{Name: name.text}
	seen := map[string]bool{}
	for p.peek().kind != '}' {
		part, err := p.partition()
		if err != nil {
			return nil, err
		}
		if seen[part.Name] {
			return nil, p.errf("partition %q is defined twice", part.Name)
		}
		seen[part.Name] = true
		def.Partitions = append(def.Partitions, part)
	}
	p.pos++
	if len(def.Partitions) == 0 {
		return nil, p.errf("the model defines no partition")
	}
	if err := p.rules(seen); err != nil {
		return nil, err
	}
	return def, nil
}

func (p *modelParser) partition() (partitionDef, error) {
	if _, err := p.expect('w', "partition", `"partition" or "}"`); err != nil {
		return partitionDef{}, err
	}
	name, err := p.expect('s', "", "the quoted partition name")
	if err != nil {
		return partitionDef{}, err
	}
	if reservedName(name.text) {
		return partitionDef{}, fmt.Errorf("%d:%d: %q is a reserved name", name.line, name.col, name.text)
	}
	if _, err := p.expect('{', "", `"{" after the partition name`); err != nil {
		return partitionDef{}, err
	}
	part := partitionDef{Name: name.text}
	for p.peek().kind != '}' {
		f, err := p.expect('s', "", `a quoted feature name or "}"`)
		if err != nil {
			return part, err
		}
		v, err := p.expect('w', "", "a feature version")
		if err != nil {
			return part, err
		}
		if _, _, ok := splitVersion(v.text); !ok {
			return part, fmt.Errorf("%d:%d: version %q is not in numeric a.b form", v.line, v.col, v.text)
		}
		a, err := p.expect('w', "", "an amount (a count, N% or remainder)")
		if err != nil {
			return part, err
		}
		if !validAmount(a.text) {
			return part, fmt.Errorf("%d:%d: amount %q is not a count, a percentage or \"remainder\"", a.line, a.col, a.text)
		}
		part.Entries = append(part.Entries, modelEntry{Feature: f.text, Version: v.text, Amount: a.text})
	}
	p.pos++
	return part, nil
}

func validAmount(a string) bool {
	if a == "remainder" {
		return true
	}
	pct := strings.HasSuffix(a, "%")
	n, err := strconv.Atoi(strings.TrimSuffix(a, "%"))
	return err == nil && n >= 0 && (!pct || n <= 100)
}

// rules checks what follows the partitions: balanced braces and
// parentheses up to the model's closing brace, every rule opened by "on",
// and pool names after "use" that exist.
func (p *modelParser) rules(pools map[string]bool) error {
	depth, parens := 0, 0
	for ; p.pos < len(p.toks); p.pos++ {
		t := p.toks[p.pos]
		switch t.kind {
		case '(':
			parens++
		case ')':
			if parens--; parens < 0 {
				return p.errf(`unbalanced ")"`)
			}
		case '{':
			depth++
		case '}':
			if depth == 0 {
				if parens != 0 {
					return p.errf(`unbalanced "("`)
				}
				p.pos++
				if p.pos < len(p.toks) {
					return p.errf("text after the end of the model")
				}
				return nil
			}
			depth--
		case 'w':
			if depth == 0 && parens == 0 && t.text != "on" && t.text != "AND" && t.text != "OR" && t.text != "NOT" &&
				t.text != "&&" && t.text != "||" && !isMatcher(p.toks, p.pos) {
				return p.errf("expected a rule (on ...) or \"}\", found %q", t.text)
			}
			if t.text == "use" {
				if err := p.usedPools(pools); err != nil {
					return err
				}
			}
		}
	}
	return fmt.Errorf("end of file: missing \"}\" at the end of the model")
}

func isMatcher(toks []token, i int) bool {
	return i+1 < len(toks) && toks[i+1].kind == '('
}

func (p *modelParser) usedPools(pools map[string]bool) error {
	for i := p.pos + 1; i < len(p.toks); i += 2 {
		t := p.toks[i]
		if t.kind != 's' {
			return fmt.Errorf("%d:%d: expected a quoted pool name after \"use\"", t.line, t.col)
		}
		if t.text != "default" && !pools[t.text] {
			return fmt.Errorf("%d:%d: pool %q is not defined in partitions", t.line, t.col, t.text)
		}
		if i+1 >= len(p.toks) || p.toks[i+1].kind != ',' {
			return nil
		}
	}
	return nil
}
