package modeldef

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Parse reads a model definition. It does not stop at the first mistake: it
// reports it, skips to a point where the structure is clear again (the next
// feature, pool, rule or closing brace) and goes on, so that a user sees
// several errors at once. The model is never nil; when there are errors it
// holds what could be read, and the parts that could not be read (a rule
// with a broken condition, a feature with a broken version) are left out.
// Parse checks the syntax only; Validate adds the documented rules and the
// warnings.
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

type parser struct {
	toks []token
	i    int
	rep  *reporter
	m    *Model
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

// replaceFix is the fix that writes text in place of t.
func replaceFix(label string, t token, text string) *Fix {
	return &Fix{Label: label, Line: t.pos.Line, Column: t.pos.Column, EndColumn: t.end, Text: text}
}

// isKw tells whether the current token is keyword k as the server spells it.
func (p *parser) isKw(k string) bool {
	t := p.tok()
	return t.kind == tWord && t.text == k
}

// miscased tells whether t is one of the keywords ks written in another case
// (AND, Use), and which.
func miscased(t token, ks ...string) (string, bool) {
	if t.kind != tWord {
		return "", false
	}
	for _, k := range ks {
		if t.text != k && strings.EqualFold(t.text, k) {
			return k, true
		}
	}
	return "", false
}

// keyword consumes keyword k. Written in another case it is reported with
// its fix and read as k, since the intent is plain. Anything else is left.
func (p *parser) keyword(k string) bool {
	if p.isKw(k) {
		p.next()
		return true
	}
	if _, ok := miscased(p.tok(), k); ok {
		p.miscasedKeyword(p.next(), k)
		return true
	}
	return false
}

func (p *parser) miscasedKeyword(t token, k string) {
	what := "keywords are lowercase"
	if k == "and" || k == "or" || k == "not" {
		what = "operators are lowercase"
	}
	p.rep.fixable(t.pos, t.end, replaceFix(fmt.Sprintf("Write %q", k), t, k), "%s: write %q, not %q", what, k, t.text)
}

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

// name reads a quoted name (what: "feature name"). A bare word in its
// place is the mistake the vendor's own examples make; it is reported with
// the fix that quotes it, and read as the name.
func (p *parser) name(what string) (token, bool) {
	t := p.tok()
	switch {
	case t.kind == tString:
		p.next()
		return t, true
	case (t.kind == tWord || t.kind == tInt) && !keywords[t.text]:
		p.next()
		p.rep.fixable(t.pos, t.end, replaceFix("Add the quotes", t, quote(t.text)), "%ss are quoted: %s", what, quote(t.text))
		t.kind = tString
		return t, true
	}
	p.errorf(t, "expected the %s in double quotes, found %s", what, describe(t))
	return t, false
}

func (p *parser) model() {
	if !p.keyword("model") {
		t := p.tok()
		p.errorf(t, `expected "model", found %s`, describe(t))
		// A different word is most likely the keyword misspelled.
		if t.kind == tWord {
			p.next()
		}
	}
	if t, ok := p.name("model name"); ok {
		p.m.Name, p.m.Pos = t.text, t.pos
	}
	open := p.tok()
	braced := p.expect(tLBrace, `"{" after the model name`)
	if p.isKw("partitions") || p.isMiscased("partitions") {
		p.pools()
	}
	p.rules()
	switch t := p.tok(); {
	case t.kind == tRBrace:
		p.next()
	case braced:
		p.errorf(t, `missing "}" to close the model opened at %s`, at(open.pos))
		return
	}
	if t := p.tok(); t.kind != tEOF {
		p.errorf(t, "unexpected text after the end of the model: %s; a file holds one model", describe(t))
	}
}

func (p *parser) isMiscased(ks ...string) bool {
	_, ok := miscased(p.tok(), ks...)
	return ok
}

// pools reads the partitions block, which may be empty.
func (p *parser) pools() {
	kw := p.tok()
	p.keyword("partitions")
	p.m.PoolsBlock, p.m.PoolsPos = true, kw.pos
	braced := p.expect(tLBrace, `"{" after "partitions"`)
	for {
		t := p.tok()
		switch {
		case p.isKw("partition") || p.isMiscased("partition"):
			p.pool()
			continue
		case t.kind == tRBrace:
			if braced {
				p.next()
			}
		case p.isKw("on"):
			if braced {
				p.errorf(t, `missing "}" to close the partitions block opened at %s`, at(kw.pos))
			}
		case t.kind == tEOF:
		default:
			p.errorf(t, `expected "partition" or "}", found %s`, describe(t))
			p.skip(func(t token) bool {
				return t.kind == tWord && (t.text == "partition" || t.text == "on")
			})
			continue
		}
		return
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

func (p *parser) pool() {
	p.keyword("partition")
	var pool Pool
	t, named := p.name("pool name")
	if named {
		pool.Name, pool.Pos = t.text, t.pos
	}
	open := p.tok()
	braced := p.expect(tLBrace, `"{" after the pool name`)
	pool.Features = p.featureSpecs(func() bool {
		t := p.tok()
		switch {
		case t.kind == tRBrace:
			p.next()
		case t.kind == tEOF:
		case p.isKw("partition") || p.isKw("on"):
			if braced {
				p.errorf(t, `missing "}" to close the partition opened at %s`, at(open.pos))
			}
		default:
			return false
		}
		return true
	}, `a feature ("NAME" VERSION AMOUNT) or "}"`)
	if named {
		p.m.Pools = append(p.m.Pools, pool)
	}
}

// featureSpecs reads feature specs until done reports (and consumes) the
// end of the list.
func (p *parser) featureSpecs(done func() bool, what string) []FeatureSpec {
	var out []FeatureSpec
	for !done() {
		t := p.tok()
		if t.kind == tString || (t.kind == tWord || t.kind == tInt) && !keywords[t.text] && p.peek(1).kind == tInt {
			if f, ok := p.featureSpec(); ok {
				out = append(out, f)
			}
			continue
		}
		p.errorf(t, "expected %s, found %s", what, describe(t))
		p.next()
	}
	return out
}

// featureSpec reads `"NAME" VERSION AMOUNT [vendor string matches "V"]`; ok
// is false when a part could not be read.
func (p *parser) featureSpec() (FeatureSpec, bool) {
	name, _ := p.name("feature name")
	f := FeatureSpec{Name: name.text, Pos: name.pos}
	version, ok := p.version()
	if !ok {
		return f, false
	}
	f.Version = version
	amount, ok := p.amount()
	if !ok {
		return f, false
	}
	f.Amount = amount
	if p.isKw("vendor") || p.isMiscased("vendor") {
		p.keyword("vendor")
		for _, k := range []string{"string", "matches"} {
			if p.keyword(k) {
				continue
			}
			t := p.tok()
			if t.kind != tString {
				p.errorf(t, `expected %q in "vendor string matches", found %s`, k, describe(t))
				return f, false
			}
			// The vendor string is there; only the keyword is missing.
			p.rep.fixable(t.pos, t.end, replaceFix(fmt.Sprintf("Add %q", k), t, k+" "+t.raw), `expected %q in "vendor string matches" before the vendor string`, k)
			if k == "string" {
				break
			}
		}
		v := p.tok()
		if v.kind != tString {
			p.errorf(v, `expected the vendor string in double quotes after "vendor string matches", found %s`, describe(v))
			return f, false
		}
		p.next()
		f.Vendor, f.HasVendor = v.text, true
	}
	return f, true
}

// version reads INT or INT.INT.
func (p *parser) version() (string, bool) {
	v := p.tok()
	if v.kind != tInt {
		p.errorf(v, "expected a version such as 3.2, found %s", describe(v))
		if v.kind == tWord && !keywords[v.text] {
			p.next()
		}
		return "", false
	}
	p.next()
	text := v.text
	if p.tok().kind == tDot {
		p.next()
		minor := p.tok()
		if minor.kind != tInt {
			p.errorf(minor, "expected the digits after %q in the version, found %s", v.text+".", describe(minor))
			return "", false
		}
		p.next()
		text += "." + minor.text
		if p.tok().kind == tDot {
			written, end := text, 0
			for p.tok().kind == tDot {
				t := p.next()
				written, end = written+t.text, t.end
				if p.tok().kind == tInt {
					t = p.next()
					written, end = written+t.text, t.end
				}
			}
			p.rep.errorAt(v.pos, end, "a version has one dot at most, such as %s; the server does not read %q", text, written)
			return "", false
		}
	}
	return text, true
}

// amount reads INT, INT% or remainder.
func (p *parser) amount() (Amount, bool) {
	a := p.tok()
	switch {
	case p.keyword("remainder"):
		return Amount{Kind: Remainder, Pos: a.pos}, true
	case a.kind == tInt:
		p.next()
		n, err := strconv.ParseInt(a.text, 10, 64)
		if err != nil {
			p.errorf(a, "amount %s is too large", a.text)
			return Amount{}, false
		}
		if p.tok().kind == tPercent {
			p.next()
			return Amount{Kind: Percent, Value: n, Pos: a.pos}, true
		}
		return Amount{Kind: Count, Value: n, Pos: a.pos}, true
	}
	p.errorf(a, "expected an amount (a count such as 10, a percentage such as 60%%, or remainder) after the version, found %s", describe(a))
	return Amount{}, false
}

// rules reads the rules up to the model's closing brace.
func (p *parser) rules() {
	for {
		t := p.tok()
		switch {
		case p.isKw("on") || p.isMiscased("on"):
			p.rule()
		case t.kind == tRBrace || t.kind == tEOF:
			return
		case p.isKw("partitions"):
			p.errorf(t, `the partitions block comes before the rules, and only once`)
			p.next()
			p.skip(func(t token) bool { return t.kind == tWord && t.text == "on" })
			if p.tok().kind == tRBrace && p.peek(1).kind != tEOF {
				p.next()
			}
		default:
			p.errorf(t, `expected a rule ("on ...") or "}" to close the model, found %s`, describe(t))
			p.skip(func(t token) bool { return t.kind == tWord && t.text == "on" })
		}
	}
}

func (p *parser) rule() {
	on := p.tok()
	p.keyword("on")
	r := Rule{Pos: on.pos}
	cond, ok := p.cond()
	if !ok {
		for k := p.tok().kind; k != tLBrace && k != tRBrace && k != tEOF && !p.isKw("on"); k = p.tok().kind {
			p.next()
		}
	}
	braced := true
	if t := p.tok(); t.kind != tLBrace {
		braced = false
		if ok {
			p.errorf(t, `expected "{" to start the rule's body, found %s`, describe(t))
		}
	} else {
		p.next()
	}
	p.ruleBody(&r, braced)
	if ok {
		r.Cond = cond
		p.m.Rules = append(p.m.Rules, r)
	}
}

// cond reads `term (op term)*`. The grammar has no parentheses.
func (p *parser) cond() (Cond, bool) {
	var c Cond
	for {
		t, ok := p.term()
		if !ok {
			return c, false
		}
		c.Terms = append(c.Terms, t)
		op, isOp := p.op()
		if !isOp {
			return c, true
		}
		c.Ops = append(c.Ops, op)
	}
}

// op consumes and/or (&&, ||) if there is one.
func (p *parser) op() (Op, bool) {
	t := p.tok()
	switch {
	case t.kind == tAnd || p.isKw("and"):
		p.next()
		return And, true
	case t.kind == tOr || p.isKw("or"):
		p.next()
		return Or, true
	}
	if k, bad := miscased(t, "and", "or"); bad {
		p.miscasedKeyword(p.next(), k)
		return Op(k), true
	}
	return "", false
}

func (p *parser) isNot() bool {
	return p.tok().kind == tNot || p.isKw("not") || p.isMiscased("not")
}

func (p *parser) term() (Term, bool) {
	var term Term
	if p.isNot() {
		if !p.keyword("not") {
			p.next()
		}
		term.Not = true
		if p.isNot() {
			p.errorf(p.tok(), "a condition is negated once at most: the server's grammar has no double negation")
			return term, false
		}
	}
	a, ok := p.atom()
	term.Atom = a
	return term, ok
}

var atomKinds = map[string]AtomKind{
	"hostid": HostID, "hostname": HostName, "hosttype": HostType, "dictionary": Dictionary, "any": Any,
}

func (p *parser) atom() (Atom, bool) {
	t := p.tok()
	if t.kind == tLParen {
		p.errorf(t, "conditions cannot be grouped with parentheses: the server's grammar is flat (terms joined by and, or); split the rule in two instead")
		return Atom{}, false
	}
	kind, known := atomKinds[t.text]
	if t.kind != tWord || !known {
		if k, bad := miscased(t, "hostid", "hostname", "hosttype", "dictionary", "any"); bad {
			p.miscasedKeyword(t, k)
			kind, known = atomKinds[k], true
		}
	}
	if !known {
		p.errorf(t, "expected a condition such as hostid(...), hostname(...), hosttype(...), dictionary(...) or any(), found %s", describe(t))
		return Atom{}, false
	}
	p.next()
	a := Atom{Kind: kind, Pos: t.pos}
	open := p.tok()
	if !p.expect(tLParen, fmt.Sprintf(`"(" after %s`, kind)) {
		return a, false
	}
	if p.tok().kind == tRParen {
		p.next()
		if kind != Any {
			p.errorf(t, "%s() needs at least one value", kind)
			return a, false
		}
		return a, true
	}
	if kind == Any {
		if !p.unclosed(kind, open) {
			p.errorf(p.tok(), "any() takes no arguments")
		}
		return a, false
	}
	for {
		arg, ok := p.arg(kind, open)
		if !ok {
			return a, false
		}
		a.Args = append(a.Args, arg)
		switch t := p.tok(); t.kind {
		case tComma:
			p.next()
		case tRParen:
			p.next()
			return a, true
		default:
			if !p.unclosed(kind, open) {
				p.errorf(t, `expected "," or ")" in %s(...), found %s`, kind, describe(t))
			}
			return a, false
		}
	}
}

// unclosed reports an atom whose ")" is missing, which shows as a token
// that can only come after the atom.
func (p *parser) unclosed(kind AtomKind, open token) bool {
	t := p.tok()
	if t.kind != tLBrace && t.kind != tRBrace && t.kind != tEOF && !p.isKw("on") {
		return false
	}
	p.errorf(t, `unclosed "(" of %s( at %s: expected ")", found %s`, kind, at(open.pos), describe(t))
	return true
}

func (p *parser) arg(kind AtomKind, open token) (Arg, bool) {
	t := p.tok()
	if t.kind != tString {
		if !p.unclosed(kind, open) {
			what := "a value"
			if kind == Dictionary {
				what = "a key"
			}
			if t.kind == tWord && !keywords[t.text] {
				p.rep.fixable(t.pos, t.end, replaceFix("Add the quotes", t, quote(t.text)), "%s values are quoted: %s", kind, quote(t.text))
			} else {
				p.errorf(t, "expected %s in double quotes in %s(...), found %s", what, kind, describe(t))
			}
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

// The parts of a rule body, in the order the grammar fixes.
const (
	partUse = iota + 1
	partServer
	partAction
)

var partNames = map[int]string{partUse: `"use"`, partServer: `"without requested features"`, partAction: "the action"}

// ruleBody reads `[use NAMES] [without requested features {...}]
// [accept|deny|continue] }`. Without an opening brace it still reads the
// body, and takes a "}" as its end only when it read something, since a
// bare "}" more likely closes the model.
func (p *parser) ruleBody(r *Rule, braced bool) {
	last, items := 0, 0
	// order reports a part out of the grammar's order or given twice.
	order := func(t token, part int) {
		switch {
		case part == last:
			p.errorf(t, "a rule has one %s", partNames[part])
		case part < last:
			p.errorf(t, "%s must come before %s in a rule: use, then without requested features, then accept, deny or continue", partNames[part], partNames[last])
		}
		last = max(last, part)
	}
	for {
		t := p.tok()
		switch {
		case p.isKw("use") || p.isMiscased("use"):
			p.keyword("use")
			order(t, partUse)
			r.Use, r.UsePos = p.names("pool name", r.Use, r.UsePos)
		case p.isKw("without") || p.isMiscased("without"):
			p.keyword("without")
			order(t, partServer)
			if s := p.serverSpec(t); s != nil && r.Server == nil {
				r.Server = s
			}
		case p.isKw("accept") || p.isKw("deny") || p.isKw("continue") || p.isMiscased("accept", "deny", "continue"):
			k := t.text
			if lower, bad := miscased(t, "accept", "deny", "continue"); bad {
				p.miscasedKeyword(t, lower)
				k = lower
			}
			p.next()
			order(t, partAction)
			if r.Action == "" {
				r.Action, r.ActionPos = Action(k), t.pos
			}
		case t.kind == tRBrace:
			if braced || items > 0 {
				p.next()
			}
			return
		case t.kind == tEOF || p.isKw("on"):
			if braced {
				p.errorf(t, `missing "}" to close the rule at %s`, at(r.Pos))
			}
			return
		default:
			p.errorf(t, `expected "use", "without requested features", "accept", "deny", "continue" or "}" in the rule, found %s`, describe(t))
			p.next()
		}
		items++
	}
}

// names reads `NAME (, NAME)*` (what: "pool name"), appending to names and
// pos.
func (p *parser) names(what string, names []string, pos []Pos) ([]string, []Pos) {
	for {
		t, ok := p.name(what)
		if !ok {
			return names, pos
		}
		names, pos = append(names, t.text), append(pos, t.pos)
		if p.tok().kind != tComma {
			return names, pos
		}
		p.next()
	}
}

// serverSpec reads `requested features { all from NAMES | FSPEC+ }` after
// "without".
func (p *parser) serverSpec(without token) *ServerSpec {
	for _, k := range []string{"requested", "features"} {
		if !p.keyword(k) {
			p.errorf(p.tok(), `expected %q in "without requested features", found %s`, k, describe(p.tok()))
			p.skipBlock()
			return nil
		}
	}
	open := p.tok()
	if !p.expect(tLBrace, `"{" after "without requested features"`) {
		p.skipBlock()
		return nil
	}
	s := &ServerSpec{Pos: without.pos}
	if p.isKw("all") || p.isMiscased("all") {
		p.keyword("all")
		if !p.keyword("from") {
			p.errorf(p.tok(), `expected "from" after "all", found %s`, describe(p.tok()))
			return nil
		}
		s.AllFrom, s.AllFromPos = p.names("pool name", nil, nil)
		if p.tok().kind != tRBrace {
			p.errorf(p.tok(), `expected "}" to close "without requested features" opened at %s, found %s`, at(open.pos), describe(p.tok()))
			p.skip(func(token) bool { return false })
			if p.tok().kind == tRBrace {
				p.next()
			}
			return nil
		}
		p.next()
		return s
	}
	closed := false
	s.Features = p.featureSpecs(func() bool {
		switch t := p.tok(); {
		case t.kind == tRBrace:
			p.next()
			closed = true
			return true
		case t.kind == tEOF || p.isKw("accept") || p.isKw("deny") || p.isKw("continue") || p.isKw("on"):
			p.errorf(t, `missing "}" to close "without requested features" opened at %s`, at(open.pos))
			return true
		}
		return false
	}, `"all from" or a feature ("NAME" VERSION AMOUNT)`)
	if closed && len(s.Features) == 0 {
		p.errorf(open, `"without requested features" needs "all from" pools or at least one feature`)
	}
	return s
}

// skipBlock skips the rest of a malformed block header and the block it
// opens, so that one mistake in "without requested features" is one error.
// It stops early at what can only follow the block.
func (p *parser) skipBlock() {
	for t := p.tok(); t.kind != tLBrace; t = p.tok() {
		if t.kind == tRBrace || t.kind == tEOF || p.isKw("on") || p.isKw("accept") || p.isKw("deny") || p.isKw("continue") {
			return
		}
		p.next()
	}
	p.next()
	p.skip(func(token) bool { return false })
	if p.tok().kind == tRBrace {
		p.next()
	}
}
