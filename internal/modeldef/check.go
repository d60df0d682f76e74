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
// then the rules the server enforces and the mistakes it would silently
// accept (as warnings). The diagnostics are sorted by position.
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
	diags    []Diagnostic
	complete bool
}

func (c *checker) errorAt(pos Pos, format string, args ...any) {
	c.diags = append(c.diags, Diagnostic{Line: pos.Line, Column: pos.Column, Severity: SeverityError, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) warnAt(pos Pos, format string, args ...any) {
	c.diags = append(c.diags, Diagnostic{Line: pos.Line, Column: pos.Column, Severity: SeverityWarning, Message: fmt.Sprintf(format, args...)})
}

// featureKey identifies a feature across partitions: the server matches
// partitions to licenses by name and version.
type featureKey struct{ name, version string }

func (k featureKey) String() string { return fmt.Sprintf("%s %s", quoteShort(k.name), k.version) }

// check runs the semantic checks on a parsed model. It works on a partial
// model too, so that a syntax error does not hide every other problem; only
// the warning about an empty partition waits for a complete model, since a
// partition whose features could not be read looks empty.
func check(m *Model, complete bool) []Diagnostic {
	c := &checker{complete: complete}
	// A zero position means the parser could not read the name and has
	// already said so.
	if m.Pos.Line > 0 {
		switch {
		case m.Name == "":
			c.errorAt(m.Pos, "the model name is empty")
		case isReserved(m.Name):
			c.errorAt(m.Pos, "the model name %q is reserved by the server; choose another name", m.Name)
		}
	}
	c.partitions(m)
	c.rules(m)
	return c.diags
}

func isReserved(name string) bool {
	return strings.EqualFold(name, "default") || strings.EqualFold(name, "reservations")
}

func (c *checker) partitions(m *Model) {
	seen := map[string]Pos{}
	percent := map[featureKey]int64{}
	remainder := map[featureKey]Partition{}
	for _, part := range m.Partitions {
		switch {
		case part.Name == "":
			c.errorAt(part.Pos, "the partition name is empty")
		case strings.EqualFold(part.Name, DefaultPool):
			c.errorAt(part.Pos, "the partition name %q is reserved for the server's default pool, which rules can use without defining it", part.Name)
		}
		if first, dup := seen[part.Name]; dup {
			c.errorAt(part.Pos, "partition %s is defined twice (first at %s)", quoteShort(part.Name), at(first))
		} else {
			seen[part.Name] = part.Pos
		}
		if len(part.Features) == 0 && c.complete {
			c.warnAt(part.Pos, "partition %s takes no feature, so it stays empty", quoteShort(part.Name))
		}
		specs := map[featureKey]Pos{}
		for _, f := range part.Features {
			key := featureKey{f.Name, f.Version}
			if f.Name == "" {
				c.errorAt(f.Pos, "the feature name is empty")
			}
			if first, dup := specs[key]; dup {
				c.errorAt(f.Pos, "feature %s is listed twice in partition %s (first at %s)", key, quoteShort(part.Name), at(first))
			}
			specs[key] = f.Pos
			switch f.Amount.Kind {
			case Percent:
				if f.Amount.Value > 100 {
					c.errorAt(f.Amount.Pos, "amount %d%% is more than 100%%", f.Amount.Value)
					continue
				}
				before := percent[key]
				percent[key] += f.Amount.Value
				if before <= 100 && percent[key] > 100 {
					c.errorAt(f.Amount.Pos, "the partitions take %d%% of feature %s in all, more than 100%%", percent[key], key)
				}
			case Remainder:
				if first, dup := remainder[key]; dup {
					c.errorAt(f.Amount.Pos, "partition %s already takes the remainder of feature %s (at %s); only one partition can",
						quoteShort(first.Name), key, at(first.Pos))
				} else {
					remainder[key] = part
				}
			}
		}
	}
}

func (c *checker) rules(m *Model) {
	pools := map[string]bool{DefaultPool: true}
	for _, part := range m.Partitions {
		pools[part.Name] = true
	}
	var catchAll *Rule
	for i := range m.Rules {
		r := &m.Rules[i]
		if len(r.Use) == 0 {
			c.errorAt(r.Pos, `the rule uses no pool; add for example use "default"`)
		}
		listed := map[string]bool{}
		for j, name := range r.Use {
			switch {
			case listed[name]:
				c.warnAt(r.UsePos[j], "pool %s is listed twice in this rule", quoteShort(name))
			case !pools[name]:
				c.errorAt(r.UsePos[j], "pool %s is not defined: use a partition of this model or %q%s", quoteShort(name), DefaultPool, poolHint(name, pools))
			}
			listed[name] = true
		}
		if r.Action == "" {
			c.errorAt(r.Pos, "the rule needs accept or deny after its pools")
		}
		c.args(r.Matcher)
		switch t := truth(r.Matcher); {
		case catchAll != nil:
			c.warnAt(r.Pos, "this rule is never reached: the rule at %s matches every client first", at(catchAll.Pos))
		case t == always:
			catchAll = r
		case t == never:
			c.warnAt(r.Pos, "this rule never matches: its condition is always false")
		}
	}
}

func poolHint(name string, pools map[string]bool) string {
	for p := range pools {
		if strings.EqualFold(p, name) {
			return fmt.Sprintf("; did you mean %q?", p)
		}
	}
	return ""
}

// args checks the matcher arguments the server would refuse.
func (c *checker) args(e Expr) {
	switch e := e.(type) {
	case *Not:
		c.args(e.X)
	case *Binary:
		c.args(e.X)
		c.args(e.Y)
	case *Matcher:
		for _, a := range e.Args {
			switch e.Kind {
			case HostID:
				c.hostID(a)
			case Dictionary:
				if a.Key == "" {
					c.errorAt(a.Pos, "the dictionary key is empty")
				}
			default:
				if a.Value == "" {
					c.errorAt(a.Pos, "the %s value is empty", e.Kind)
				}
			}
		}
	}
}

// hostID checks "VALUE/TYPE". The type is what follows the last slash, so a
// value that contains a slash is written with its type: "a/b/STRING".
func (c *checker) hostID(a Arg) {
	value, typ := a.Value, "STRING"
	if i := strings.LastIndexByte(a.Value, '/'); i >= 0 {
		value, typ = a.Value[:i], a.Value[i+1:]
	}
	switch {
	case a.Value == "":
		c.errorAt(a.Pos, "the host ID is empty")
		return
	case value == "":
		c.errorAt(a.Pos, "the host ID %s has no value before its type", quoteShort(a.Value))
		return
	case typ == "":
		c.errorAt(a.Pos, "the host ID %s ends with \"/\" but names no type; the types are %s", quoteShort(a.Value), strings.Join(hostid.Types, ", "))
		return
	}
	hint := ""
	for _, known := range hostid.Types {
		if typ == known {
			return
		}
		if strings.EqualFold(typ, known) {
			hint = fmt.Sprintf("; did you mean %s?", known)
		}
	}
	c.errorAt(a.Pos, "unknown host ID type %s in %s; the types are %s%s", quoteShort(typ), quoteShort(a.Value), strings.Join(hostid.Types, ", "), hint)
}

type truthValue int

const (
	depends truthValue = iota
	always
	never
)

// truth tells whether a matcher matches every client or none whatever the
// client sends; only any() decides that, combined through the operators.
func truth(e Expr) truthValue {
	switch e := e.(type) {
	case *Matcher:
		if e.Kind == Any {
			return always
		}
	case *Not:
		switch truth(e.X) {
		case always:
			return never
		case never:
			return always
		}
	case *Binary:
		x, y := truth(e.X), truth(e.Y)
		switch {
		case e.Op == Or && (x == always || y == always), e.Op == And && x == always && y == always:
			return always
		case e.Op == And && (x == never || y == never), e.Op == Or && x == never && y == never:
			return never
		}
	}
	return depends
}
