package modeldef

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Parse reads a model definition. It does not stop at the first mistake: it
// reports it, skips to a point where the structure is clear again (the next
// feature, partition, rule or closing brace) and goes on, so that a user
// sees several errors at once. The model is never nil; when there are
// errors it holds what could be read, and the parts that could not be read
// (a rule with a broken matcher, a feature with a broken version) are left
// out. Parse checks the syntax only; Validate adds the semantic checks.
func Parse(src []byte) (m *Model, diags []Diagnostic) {
	p := &parser{rep: &reporter{}, m: &Model{}}
	defer func() {
		if r := recover(); r != nil && r != errTooMany {
			panic(r)
		}
		m, diags = p.m, p.rep.diags
	}()
	p.toks = lex(src, p.rep)
	p.model()
	return p.m, p.rep.diags
}

// maxNesting bounds parentheses and NOTs inside one matcher so that a
// pathological file cannot exhaust the stack.
const maxNesting = 100

type parser struct {
	toks  []token
	i     int
	rep   *reporter
	m     *Model
	depth int
}

func (p *parser) tok() token { return p.toks[p.i] }

func (p *parser) peek(n int) token {
	if p.i+n < len(p.toks) {
		return p.toks[p.i+n]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) isWord(w string) bool {
	t := p.tok()
	return t.kind == tWord && t.text == w
}

func (p *parser) errorf(t token, format string, args ...any) {
	p.rep.errorAt(t.pos, t.end, format, args...)
}

// describe names a token the way a message quotes it.
func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "the end of the file"
	case tString:
		return "the string " + quoteShort(t.text)
	}
	return quoteShort(t.text)
}

func quoteShort(s string) string {
	const limit = 40
	if utf8.RuneCountInString(s) > limit {
		s = string([]rune(s)[:limit]) + "…"
	}
	return strconv.Quote(s)
}

func at(pos Pos) string { return fmt.Sprintf("line %d, column %d", pos.Line, pos.Column) }

// expect consumes a token of the given kind; otherwise it reports what it
// found and consumes nothing, so that the caller carries on as if the token
// had been there.
func (p *parser) expect(kind tokenKind, what string) bool {
	if p.tok().kind == kind {
		p.next()
		return true
	}
	p.errorf(p.tok(), "expected %s, found %s", what, describe(p.tok()))
	return false
}

func (p *parser) model() {
	if !p.isWord("model") {
		t := p.tok()
		p.errorf(t, `expected "model", found %s`, describe(t))
		// A different word is most likely the keyword misspelled.
		if t.kind == tWord {
			p.next()
		}
	} else {
		p.next()
	}
	if t := p.tok(); t.kind == tString {
		p.next()
		p.m.Name, p.m.Pos = t.text, t.pos
	} else {
		p.errorf(t, "expected the model name in double quotes, found %s", describe(t))
		if t.kind == tWord {
			p.next()
		}
	}
	open := p.tok()
	braced := p.expect(tLBrace, `"{" after the model name`)
	p.partitions()
	p.rules()
	switch t := p.tok(); {
	case t.kind == tRBrace:
		p.next()
	case braced:
		p.errorf(t, `missing "}" to close the model opened at %s`, at(open.pos))
		return
	}
	if t := p.tok(); t.kind != tEOF {
		p.errorf(t, "unexpected text after the end of the model: %s", describe(t))
	}
}

// partitions reads the partitions block. When its keyword or brace is
// missing, the partitions are still read, up to the first rule or the
// model's closing brace.
func (p *parser) partitions() {
	kw := p.tok()
	braced := false
	if p.isWord("partitions") {
		p.next()
		braced = p.expect(tLBrace, `"{" after "partitions"`)
	} else {
		p.errorf(kw, `expected a "partitions" block, found %s`, describe(kw))
		if kw.kind == tWord && kw.text != "partition" && kw.text != "on" {
			p.next()
		}
		if p.tok().kind == tLBrace {
			p.next()
			braced = true
		}
	}
	// Only a block with nothing in it at all lacks a partition; anything
	// else is a partition the user meant and got wrong.
	empty := true
	for {
		t := p.tok()
		switch {
		case t.kind == tWord && t.text == "partition":
			empty = false
			p.partition()
			continue
		case t.kind == tRBrace:
			if braced {
				p.next()
			}
		case t.kind == tWord && t.text == "on":
			if braced {
				p.errorf(t, `missing "}" to close the partitions block opened at %s`, at(kw.pos))
			}
		case t.kind == tEOF:
		default:
			empty = false
			p.errorf(t, `expected "partition" or "}", found %s`, describe(t))
			p.skip(func(t token) bool {
				return t.kind == tWord && (t.text == "partition" || t.text == "on")
			})
			continue
		}
		break
	}
	if empty {
		p.errorf(kw, "the model defines no partition; the partitions block needs at least one partition")
	}
}

// skip consumes tokens up to one that stop accepts or a closing brace, not
// counting what sits inside nested braces or parentheses, and never past
// the end.
func (p *parser) skip(stop func(token) bool) {
	depth := 0
	for {
		t := p.tok()
		switch {
		case t.kind == tEOF:
			return
		case t.kind == tLBrace || t.kind == tLParen:
			depth++
		case t.kind == tRBrace || t.kind == tRParen:
			if depth == 0 && t.kind == tRBrace {
				return
			}
			depth = max(depth-1, 0)
		case depth == 0 && stop(t):
			return
		}
		p.next()
	}
}

func (p *parser) partition() {
	p.next()
	var part Partition
	named := false
	if t := p.tok(); t.kind == tString {
		p.next()
		part.Name, part.Pos, named = t.text, t.pos, true
	} else {
		p.errorf(t, `expected the partition name in double quotes after "partition", found %s`, describe(t))
		if t.kind == tWord {
			p.next()
		}
	}
	open := p.tok()
	braced := p.expect(tLBrace, `"{" after the partition name`)
loop:
	for {
		t := p.tok()
		switch {
		case t.kind == tString:
			if f, ok := p.feature(); ok {
				part.Features = append(part.Features, f)
			}
		case t.kind == tRBrace:
			p.next()
			break loop
		case t.kind == tEOF:
			break loop
		case t.kind == tWord && (t.text == "partition" || t.text == "on"):
			if braced {
				p.errorf(t, `missing "}" to close the partition opened at %s`, at(open.pos))
			}
			break loop
		default:
			p.errorf(t, `expected a feature ("NAME" VERSION AMOUNT) or "}", found %s`, describe(t))
			p.next()
		}
	}
	if named {
		p.m.Partitions = append(p.m.Partitions, part)
	}
}

// feature reads `"NAME" VERSION AMOUNT`; ok is false when the version or
// the amount could not be read.
func (p *parser) feature() (Feature, bool) {
	name := p.next()
	f := Feature{Name: name.text, Pos: name.pos}
	v := p.tok()
	if v.kind != tWord || !isVersion(v.text) {
		p.errorf(v, "expected a version such as 3.2, found %s", describe(v))
		if v.kind == tWord {
			p.next()
		}
		return f, false
	}
	p.next()
	f.Version = v.text
	a := p.tok()
	if a.kind != tWord {
		p.errorf(a, "expected an amount (a count such as 10, a percentage such as 60%%, or remainder) after the version, found %s", describe(a))
		return f, false
	}
	p.next()
	amount, msg := parseAmount(a.text)
	if msg != "" {
		p.errorf(a, "%s", msg)
		return f, false
	}
	amount.Pos = a.pos
	f.Amount = amount
	return f, true
}

// isVersion accepts dot-separated digits: 3.2, and also 1 and 1.0.3.
func isVersion(s string) bool {
	for part := range strings.SplitSeq(s, ".") {
		if !isDigits(part) {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseAmount reads a count, a percentage or "remainder"; a non-empty msg
// says what is wrong. A percentage above 100 is read here and refused by the
// checks, which can point at the total as well.
func parseAmount(s string) (Amount, string) {
	if s == "remainder" {
		return Amount{Kind: Remainder}, ""
	}
	kind, digits := Count, s
	if strings.HasSuffix(s, "%") {
		kind, digits = Percent, strings.TrimSuffix(s, "%")
	}
	switch {
	case isDigits(digits):
		n, err := strconv.ParseInt(digits, 10, 64)
		if err != nil {
			return Amount{}, fmt.Sprintf("amount %s is too large", s)
		}
		return Amount{Kind: kind, Value: n}, ""
	case strings.HasPrefix(digits, "-") && isDigits(digits[1:]):
		return Amount{}, fmt.Sprintf("amount %s is negative; a partition takes 0 or more licenses", s)
	case kind == Percent && isVersion(digits):
		return Amount{}, fmt.Sprintf("amount %s is not a whole percentage; write for example 50%%", s)
	case strings.EqualFold(s, "remainder"):
		return Amount{}, fmt.Sprintf(`expected an amount, found %q; did you mean "remainder"?`, s)
	}
	return Amount{}, fmt.Sprintf("expected an amount (a count such as 10, a percentage such as 60%%, or remainder), found %s", quoteShort(s))
}

// rules reads the rules up to the model's closing brace.
func (p *parser) rules() {
	for {
		t := p.tok()
		switch {
		case t.kind == tWord && t.text == "on":
			p.rule()
		case t.kind == tRBrace || t.kind == tEOF:
			return
		default:
			p.errorf(t, `expected a rule ("on ...") or "}" to close the model, found %s`, describe(t))
			p.skip(func(t token) bool { return t.kind == tWord && t.text == "on" })
		}
	}
}

func (p *parser) rule() {
	on := p.next()
	r := Rule{Pos: on.pos}
	p.depth = 0
	r.Matcher = p.orExpr()
	if r.Matcher == nil {
		for k := p.tok().kind; k != tLBrace && k != tRBrace && k != tEOF && !p.isWord("on"); k = p.tok().kind {
			p.next()
		}
	}
	braced := true
	if t := p.tok(); t.kind != tLBrace {
		braced = false
		if r.Matcher != nil {
			p.errorf(t, `expected "{" to start the rule's body, found %s%s`, describe(t), operatorHint(t))
		}
	} else {
		p.next()
	}
	p.ruleBody(&r, braced)
	if r.Matcher != nil {
		p.m.Rules = append(p.m.Rules, r)
	}
}

func operatorHint(t token) string {
	if t.kind != tWord {
		return ""
	}
	for _, op := range []string{"AND", "OR", "NOT"} {
		if strings.EqualFold(t.text, op) {
			return fmt.Sprintf("; operators are written %s (or &&, ||, !)", op)
		}
	}
	return ""
}

// ruleBody reads `use "P", ... accept|deny }`. Without an opening brace it
// still reads the body, and takes a "}" as its end only when it read
// something, since a bare "}" more likely closes the model.
func (p *parser) ruleBody(r *Rule, braced bool) {
	used, items := false, 0
	for {
		t := p.tok()
		switch {
		case t.kind == tWord && t.text == "use":
			p.next()
			if r.Action != "" {
				p.errorf(t, `"use" must come before %s`, r.Action)
			} else if used {
				p.errorf(t, `a rule has one "use"; list its pools separated by commas: use "a", "b"`)
			}
			used = true
			p.useList(r)
		case t.kind == tWord && (t.text == "accept" || t.text == "deny"):
			p.next()
			if r.Action != "" {
				p.errorf(t, "a rule takes exactly one accept or deny; it already has %s", r.Action)
			} else {
				r.Action = Action(t.text)
			}
		case t.kind == tRBrace:
			if braced || items > 0 {
				p.next()
			}
			return
		case t.kind == tEOF || t.kind == tWord && t.text == "on":
			if braced {
				p.errorf(t, `missing "}" to close the rule at %s`, at(r.Pos))
			}
			return
		default:
			hint := ""
			if t.kind == tWord && (strings.EqualFold(t.text, "use") || strings.EqualFold(t.text, "accept") || strings.EqualFold(t.text, "deny")) {
				hint = fmt.Sprintf("; did you mean %q?", strings.ToLower(t.text))
			}
			p.errorf(t, `expected "use", "accept", "deny" or "}" in the rule, found %s%s`, describe(t), hint)
			p.next()
		}
		items++
	}
}

func (p *parser) useList(r *Rule) {
	for {
		t := p.tok()
		if t.kind != tString {
			p.errorf(t, `expected a pool name in double quotes after "use", found %s`, describe(t))
			// An unquoted name is consumed; a keyword is left for the body.
			if t.kind == tWord && t.text != "accept" && t.text != "deny" && t.text != "use" && t.text != "on" {
				p.next()
			}
			return
		}
		p.next()
		r.Use = append(r.Use, t.text)
		r.UsePos = append(r.UsePos, t.pos)
		if p.tok().kind != tComma {
			return
		}
		p.next()
	}
}

// The matcher grammar, loosest first:
//
//	or    = and { (OR | "||") and }
//	and   = unary { (AND | "&&") unary }
//	unary = (NOT | "!") unary | primary
//	primary = "(" or ")" | NAME "(" args ")"
//
// Each function reports its own error and returns nil; the rule then skips
// to its body.
func (p *parser) orExpr() Expr {
	x := p.andExpr()
	for x != nil && p.isOp(tOr, "OR") {
		p.next()
		y := p.andExpr()
		if y == nil {
			return nil
		}
		x = &Binary{Op: Or, X: x, Y: y}
	}
	return x
}

func (p *parser) andExpr() Expr {
	x := p.unary()
	for x != nil && p.isOp(tAnd, "AND") {
		p.next()
		y := p.unary()
		if y == nil {
			return nil
		}
		x = &Binary{Op: And, X: x, Y: y}
	}
	return x
}

func (p *parser) isOp(kind tokenKind, word string) bool {
	t := p.tok()
	return t.kind == kind || t.kind == tWord && t.text == word
}

func (p *parser) enter(at token) bool {
	if p.depth++; p.depth > maxNesting {
		p.errorf(at, "the matcher is nested too deeply (more than %d levels)", maxNesting)
		return false
	}
	return true
}

func (p *parser) unary() Expr {
	if !p.isOp(tNot, "NOT") {
		return p.primary()
	}
	not := p.next()
	defer func() { p.depth-- }()
	if !p.enter(not) {
		return nil
	}
	x := p.unary()
	if x == nil {
		return nil
	}
	return &Not{X: x}
}

func (p *parser) primary() Expr {
	t := p.tok()
	switch {
	case t.kind == tLParen:
		p.next()
		defer func() { p.depth-- }()
		if !p.enter(t) {
			return nil
		}
		x := p.orExpr()
		if x == nil {
			return nil
		}
		if c := p.tok(); c.kind != tRParen {
			p.errorf(c, `unbalanced "(" at %s: expected ")", found %s%s`, at(t.pos), describe(c), operatorHint(c))
			return nil
		}
		p.next()
		return x
	case t.kind == tWord && p.peek(1).kind == tLParen:
		return p.matcher()
	}
	p.errorf(t, "expected a matcher such as hostid(...), hostname(...), hosttype(...), dictionary(...) or any(), found %s%s", describe(t), operatorHint(t))
	return nil
}

var matcherKinds = map[string]MatcherKind{
	"hostid": HostID, "hostname": HostName, "hosttype": HostType, "dictionary": Dictionary, "any": Any,
}

func (p *parser) matcher() Expr {
	name := p.next()
	open := p.next()
	kind, ok := matcherKinds[name.text]
	if !ok {
		hint := ""
		if k, found := matcherKinds[strings.ToLower(name.text)]; found {
			hint = fmt.Sprintf("; did you mean %s?", k)
		}
		p.errorf(name, "unknown matcher %s: use hostid, hostname, hosttype, dictionary or any%s", quoteShort(name.text), hint)
		return nil
	}
	m := &Matcher{Kind: kind}
	if p.tok().kind == tRParen {
		p.next()
		if kind != Any {
			p.errorf(name, "%s() needs at least one value", kind)
			return nil
		}
		return m
	}
	if kind == Any {
		if !p.unbalanced(kind, open) {
			p.errorf(p.tok(), "any() takes no arguments")
		}
		return nil
	}
	for {
		arg, ok := p.matcherArg(kind, open)
		if !ok {
			return nil
		}
		m.Args = append(m.Args, arg)
		switch t := p.tok(); t.kind {
		case tComma:
			p.next()
		case tRParen:
			p.next()
			return m
		default:
			if !p.unbalanced(kind, open) {
				p.errorf(t, `expected "," or ")" in %s(...), found %s`, kind, describe(t))
			}
			return nil
		}
	}
}

// unbalanced reports a matcher whose ")" is missing, which shows as a token
// that can only come after the matcher.
func (p *parser) unbalanced(kind MatcherKind, open token) bool {
	t := p.tok()
	if t.kind != tLBrace && t.kind != tRBrace && t.kind != tEOF && !p.isWord("on") {
		return false
	}
	p.errorf(t, `unbalanced "(" of %s( at %s: expected ")", found %s`, kind, at(open.pos), describe(t))
	return true
}

func (p *parser) matcherArg(kind MatcherKind, open token) (Arg, bool) {
	t := p.tok()
	if t.kind != tString {
		if !p.unbalanced(kind, open) {
			what := "a value"
			if kind == Dictionary {
				what = "a key"
			}
			p.errorf(t, "expected %s in double quotes in %s(...), found %s", what, kind, describe(t))
		}
		return Arg{}, false
	}
	p.next()
	if kind != Dictionary {
		return Arg{Value: t.text, Pos: t.pos}, true
	}
	if c := p.tok(); c.kind != tColon {
		p.errorf(c, `expected ":" after the dictionary key %s, found %s`, quoteShort(t.text), describe(c))
		return Arg{}, false
	}
	p.next()
	switch v := p.tok(); v.kind {
	case tStar:
		p.next()
		return Arg{Key: t.text, AnyValue: true, Pos: t.pos}, true
	case tString:
		p.next()
		return Arg{Key: t.text, Value: v.text, Pos: t.pos}, true
	default:
		p.errorf(v, `expected a value in double quotes or * after the dictionary key %s, found %s`, quoteShort(t.text), describe(v))
		return Arg{}, false
	}
}
