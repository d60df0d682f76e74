package modeldef

import (
	"fmt"
	"sort"
	"strings"

	"licenseservermanager/internal/hostid"
)

// MaxSize is the largest model definition, in bytes, that the server accepts.
const MaxSize = 900 * 1024

// DefaultPool is the server's own pool: it exists without being defined and
// rules may use it.
const DefaultPool = "default"

// Validate checks a model definition the way an upload needs it: the size
// limit first (an oversized file is not parsed at all), then the syntax,
// then the rules the server documents (errors) and what it accepts but
// probably does not do what the author meant (warnings). The diagnostics
// are sorted by position.
func Validate(src []byte) []Diagnostic {
	if len(src) > MaxSize {
		return []Diagnostic{{Line: 1, Column: 1, Severity: SeverityError, Message: fmt.Sprintf(
			"the model definition is %d bytes; the server accepts at most 900 KB (%d bytes)", len(src), MaxSize)}}
	}
	m, diags := Parse(src)
	diags = append(diags, check(m, !HasErrors(diags))...)
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i], diags[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return diags
}

type checker struct {
	diags []Diagnostic
	// complete: the model parsed without errors, so what is missing from it
	// is missing from the text (a partial model lacks what did not parse).
	complete bool
}

func (c *checker) errorAt(pos Pos, format string, args ...any) {
	c.diags = append(c.diags, Diagnostic{Line: pos.Line, Column: pos.Column, Severity: SeverityError, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) warnAt(pos Pos, format string, args ...any) {
	c.diags = append(c.diags, Diagnostic{Line: pos.Line, Column: pos.Column, Severity: SeverityWarning, Message: fmt.Sprintf(format, args...)})
}

// featureKey identifies a feature within a pool: the server matches pools
// to licenses by name, version and, when given, vendor string.
type featureKey struct{ name, version, vendor string }

func keyOf(f FeatureSpec) featureKey { return featureKey{f.Name, f.Version, f.Vendor} }

func (k featureKey) String() string {
	s := fmt.Sprintf("%s %s", quoteShort(k.name), k.version)
	if k.vendor != "" {
		s += " (vendor string " + quoteShort(k.vendor) + ")"
	}
	return s
}

// check runs the documented rules and the warnings on a parsed model. It
// works on a partial model too, so that a syntax error does not hide every
// other problem; the warnings about what is missing wait for a complete
// model.
func check(m *Model, complete bool) []Diagnostic {
	c := &checker{complete: complete}
	// A zero position means the parser could not read the name and has
	// already said so.
	if m.Pos.Line > 0 {
		switch {
		case m.Name == "default" || m.Name == "reservations":
			c.errorAt(m.Pos, "the model name %q is reserved by the server; choose another name", m.Name)
		case isReserved(m.Name):
			c.warnAt(m.Pos, "the model name %q differs only in case from the reserved name %q; a server may refuse it", m.Name, strings.ToLower(m.Name))
		case strings.TrimSpace(m.Name) == "":
			c.warnAt(m.Pos, "the model name is empty")
		}
	}
	c.pools(m)
	c.amounts(m)
	c.rules(m)
	return c.diags
}

func isReserved(name string) bool {
	return strings.EqualFold(name, "default") || strings.EqualFold(name, "reservations")
}

func (c *checker) pools(m *Model) {
	if m.PoolsBlock && len(m.Pools) == 0 && c.complete {
		c.warnAt(m.PoolsPos, "the partitions block defines no pool; without pools every client is served from the default pool")
	}
	seen := map[string]Pos{}
	for _, pool := range m.Pools {
		switch {
		case strings.TrimSpace(pool.Name) == "":
			c.warnAt(pool.Pos, "the pool name is empty")
		case pool.Name == DefaultPool:
			c.warnAt(pool.Pos, "a pool named %q shares its name with the server's default pool, which rules can use without defining it", pool.Name)
		}
		if first, dup := seen[pool.Name]; dup {
			c.warnAt(pool.Pos, "pool %s is defined twice (first at %s); the server accepts the model, but which of the two a rule's \"use\" means is not documented", quoteShort(pool.Name), at(first))
		} else {
			seen[pool.Name] = pool.Pos
		}
		if len(pool.Features) == 0 && c.complete {
			c.warnAt(pool.Pos, "pool %s takes no feature, so it stays empty", quoteShort(pool.Name))
		}
		c.specs(pool)
	}
}

// specs applies the documented rules of one pool's feature list: a feature
// (name and version, and vendor string when given) at most once, and never
// both with and without a vendor string.
func (c *checker) specs(pool Pool) {
	first := map[featureKey]Pos{}
	withVendor := map[[2]string]Pos{}
	without := map[[2]string]Pos{}
	for _, f := range pool.Features {
		if f.Name == "" {
			c.warnAt(f.Pos, "the feature name is empty")
		}
		k := keyOf(f)
		if pos, dup := first[k]; dup {
			c.errorAt(f.Pos, "feature %s is listed twice in pool %s (first at %s); the server refuses that", k, quoteShort(pool.Name), at(pos))
			continue
		}
		first[k] = f.Pos
		nv := [2]string{f.Name, f.Version}
		mine, other, otherWhat := without, withVendor, "with"
		if f.HasVendor {
			mine, other, otherWhat = withVendor, without, "without"
		}
		if pos, mixed := other[nv]; mixed {
			c.errorAt(f.Pos, "feature %s %s is listed %s a vendor string at %s in pool %s; the server refuses one feature with and without a vendor string in one pool",
				quoteShort(f.Name), f.Version, otherWhat, at(pos), quoteShort(pool.Name))
		}
		if _, ok := mine[nv]; !ok {
			mine[nv] = f.Pos
		}
	}
}

// amounts warns about shares that cannot all be served: pools fill top-down
// in file order, a remainder takes everything left, and percentages are of
// the feature's total.
func (c *checker) amounts(m *Model) {
	percent := map[featureKey]int64{}
	remainder := map[featureKey]Pool{}
	for _, pool := range m.Pools {
		for _, f := range pool.Features {
			k := keyOf(f)
			if first, taken := remainder[k]; taken {
				c.warnAt(f.Amount.Pos, "pool %s takes the remainder of feature %s before this one (at %s), so this pool gets none of it",
					quoteShort(first.Name), k, at(first.Pos))
				continue
			}
			switch f.Amount.Kind {
			case Percent:
				if f.Amount.Value > 100 {
					c.warnAt(f.Amount.Pos, "amount %d%% is more than 100%%; the pool can get at most all of the feature", f.Amount.Value)
				}
				before := percent[k]
				percent[k] += f.Amount.Value
				if before <= 100 && percent[k] > 100 && f.Amount.Value <= 100 {
					c.warnAt(f.Amount.Pos, "the pools ask for %d%% of feature %s in all, more than 100%%; the later ones get less than they ask", percent[k], k)
				}
			case Remainder:
				remainder[k] = pool
			}
		}
	}
}

func (c *checker) rules(m *Model) {
	pools := map[string]bool{DefaultPool: true}
	for _, pool := range m.Pools {
		pools[pool.Name] = true
	}
	used := map[string]bool{}
	var catchAll *Rule
	for i := range m.Rules {
		r := &m.Rules[i]
		listed := map[string]bool{}
		for j, name := range r.Use {
			used[name] = true
			switch {
			case listed[name]:
				c.warnAt(r.UsePos[j], "pool %s is listed twice in this rule", quoteShort(name))
			case !pools[name]:
				c.warnAt(r.UsePos[j], "pool %s is not defined in this model%s; clients get nothing from it", quoteShort(name), poolHint(name, pools))
			}
			listed[name] = true
		}
		c.body(r, listed, pools, used)
		c.cond(r.Cond)
		switch t := truth(r.Cond); {
		case catchAll != nil:
			c.warnAt(r.Pos, "this rule is never reached: the rule at %s matches every client first", at(catchAll.Pos))
		case t == never:
			c.warnAt(r.Pos, "this rule never matches: its condition is always false")
		case t == always && r.Action != Continue:
			catchAll = r
		}
	}
	if !c.complete {
		return
	}
	for _, pool := range m.Pools {
		if !used[pool.Name] && pool.Name != DefaultPool {
			c.warnAt(pool.Pos, "no rule uses pool %s, so no client is served from it", quoteShort(pool.Name))
		}
	}
}

// body warns about a rule body whose meaning the server's documentation
// does not give.
func (c *checker) body(r *Rule, listed, pools, used map[string]bool) {
	switch {
	case r.Action == Accept && len(r.Use) == 0:
		c.warnAt(r.ActionPos, `accept without "use" has no documented meaning; name the pools, for example use "default"`)
	case r.Action == Deny && len(r.Use) > 0:
		c.warnAt(r.ActionPos, `deny refuses the client, so the pools of "use" are never served`)
	case r.Action == "" && c.complete:
		c.warnAt(r.Pos, "the rule has no accept, deny or continue; the server's documentation does not say what it does then")
	}
	s := r.Server
	if s == nil {
		return
	}
	if r.Action == Deny {
		c.warnAt(s.Pos, "without requested features has no effect in a rule that denies")
	}
	for i, name := range s.AllFrom {
		used[name] = true
		switch {
		case !pools[name]:
			c.warnAt(s.AllFromPos[i], "pool %s is not defined in this model%s", quoteShort(name), poolHint(name, pools))
		case !listed[name]:
			c.warnAt(s.AllFromPos[i], "pool %s is not in this rule's use list; the server hands out what the listed pools hold", quoteShort(name))
		}
	}
}

func poolHint(name string, pools map[string]bool) string {
	names := make([]string, 0, len(pools))
	for p := range pools {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		if strings.EqualFold(p, name) {
			return fmt.Sprintf(" (did you mean %q?)", p)
		}
	}
	return ""
}

// cond warns about arguments that cannot match anything and about a
// condition whose meaning depends on the undocumented precedence of and/or.
func (c *checker) cond(cond Cond) {
	for i := 1; i < len(cond.Ops); i++ {
		if cond.Ops[i] != cond.Ops[0] {
			c.warnAt(cond.Terms[i+1].Atom.Pos, "this condition mixes and with or; the server's documentation gives no precedence for them, so write such a condition as two rules")
			break
		}
	}
	for _, t := range cond.Terms {
		for _, a := range t.Atom.Args {
			switch t.Atom.Kind {
			case HostID:
				c.hostID(a)
			case Dictionary:
				if a.Key == "" {
					c.warnAt(a.Pos, "the dictionary key is empty")
				}
			default:
				if a.Value == "" {
					c.warnAt(a.Pos, "the %s value is empty", t.Atom.Kind)
				}
			}
		}
	}
}

// hostID checks "VALUE/TYPE"; without "/TYPE" the type is STRING. The type
// is what follows the last slash, so a value that contains a slash is
// written with its type: "a/b/STRING".
func (c *checker) hostID(a Arg) {
	value, typ := a.Value, "STRING"
	if i := strings.LastIndexByte(a.Value, '/'); i >= 0 {
		value, typ = a.Value[:i], a.Value[i+1:]
	}
	switch {
	case a.Value == "":
		c.warnAt(a.Pos, "the host ID is empty")
		return
	case value == "":
		c.warnAt(a.Pos, "the host ID %s has no value before its type", quoteShort(a.Value))
		return
	case typ == "":
		c.warnAt(a.Pos, "the host ID %s ends with \"/\" but names no type; the types are %s", quoteShort(a.Value), strings.Join(hostid.Types, ", "))
		return
	}
	hint := ""
	for _, known := range hostid.Types {
		if typ == known {
			return
		}
		if strings.EqualFold(typ, known) {
			hint = fmt.Sprintf(" (did you mean %s?)", known)
		}
	}
	c.warnAt(a.Pos, "unknown host ID type %s in %s, so no client matches it; the types are %s%s", quoteShort(typ), quoteShort(a.Value), strings.Join(hostid.Types, ", "), hint)
}

type truthValue int

const (
	depends truthValue = iota
	always
	never
)

// truth tells whether a condition matches every client or none whatever
// the client sends; only any() decides that. The precedence of and/or is
// not documented, so a mixed condition counts only when both readings
// (left to right, and and-before-or) agree.
func truth(c Cond) truthValue {
	if len(c.Terms) == 0 {
		return depends
	}
	vals := make([]truthValue, len(c.Terms))
	for i, t := range c.Terms {
		vals[i] = termTruth(t)
	}
	l, p := leftToRight(vals, c.Ops), andFirst(vals, c.Ops)
	if l == p {
		return l
	}
	return depends
}

func termTruth(t Term) truthValue {
	v := depends
	if t.Atom.Kind == Any {
		v = always
	}
	if t.Not {
		switch v {
		case always:
			return never
		case never:
			return always
		}
	}
	return v
}

func combine(op Op, x, y truthValue) truthValue {
	switch {
	case op == Or && (x == always || y == always), op == And && x == always && y == always:
		return always
	case op == And && (x == never || y == never), op == Or && x == never && y == never:
		return never
	}
	return depends
}

func leftToRight(vals []truthValue, ops []Op) truthValue {
	v := vals[0]
	for i, op := range ops {
		v = combine(op, v, vals[i+1])
	}
	return v
}

func andFirst(vals []truthValue, ops []Op) truthValue {
	var ors []truthValue
	cur := vals[0]
	for i, op := range ops {
		if op == And {
			cur = combine(And, cur, vals[i+1])
			continue
		}
		ors = append(ors, cur)
		cur = vals[i+1]
	}
	v := cur
	for _, x := range ors {
		v = combine(Or, x, v)
	}
	return v
}
