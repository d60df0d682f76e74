package modeldef

import (
	"bytes"
	"strconv"
	"strings"
)

// Format writes a model in canonical form: four-space indentation, one
// feature per line, the partitions block (when the model has one) before
// the rules, lowercase operators, and every part of a rule body on its own
// line. Comments are not part of the Model, so they are dropped; a user
// who wants to keep them should format a copy. Parse(Format(m)) gives back
// m apart from positions.
func Format(m *Model) []byte {
	var b bytes.Buffer
	b.WriteString("model " + quote(m.Name) + " {\n")
	if m.PoolsBlock {
		b.WriteString("    partitions {\n")
		for _, pool := range m.Pools {
			b.WriteString("        partition " + quote(pool.Name) + " {\n")
			for _, f := range pool.Features {
				b.WriteString("            " + f.String() + "\n")
			}
			b.WriteString("        }\n")
		}
		b.WriteString("    }\n")
	}
	for _, r := range m.Rules {
		b.WriteString("    on " + r.Cond.String() + " {\n")
		if len(r.Use) > 0 {
			b.WriteString("        use " + quoteAll(r.Use) + "\n")
		}
		if s := r.Server; s != nil {
			b.WriteString("        without requested features {\n")
			if len(s.AllFrom) > 0 {
				b.WriteString("            all from " + quoteAll(s.AllFrom) + "\n")
			}
			for _, f := range s.Features {
				b.WriteString("            " + f.String() + "\n")
			}
			b.WriteString("        }\n")
		}
		if r.Action != "" {
			b.WriteString("        " + string(r.Action) + "\n")
		}
		b.WriteString("    }\n")
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// String writes the feature spec as the model spells it:
// "F" 1.0 10 vendor string matches "V".
func (f FeatureSpec) String() string {
	s := quote(f.Name) + " " + f.Version + " " + f.Amount.String()
	if f.HasVendor {
		s += " vendor string matches " + quote(f.Vendor)
	}
	return s
}

// String writes the amount as the model (and the server's "requested"
// field) spells it: 10, 60% or remainder.
func (a Amount) String() string {
	switch a.Kind {
	case Percent:
		return strconv.FormatInt(a.Value, 10) + "%"
	case Remainder:
		return "remainder"
	}
	return strconv.FormatInt(a.Value, 10)
}

// String writes the condition with lowercase operators, in the order
// written (the grammar has no grouping).
func (c Cond) String() string {
	var b strings.Builder
	for i, t := range c.Terms {
		if i > 0 {
			b.WriteString(" " + string(c.Ops[i-1]) + " ")
		}
		if t.Not {
			b.WriteString("not ")
		}
		b.WriteString(t.Atom.String())
	}
	return b.String()
}

// String writes the atom: hostid("A/ETHERNET", "B"), dictionary("k": *).
func (a Atom) String() string {
	args := make([]string, len(a.Args))
	for i, arg := range a.Args {
		switch {
		case a.Kind != Dictionary:
			args[i] = quote(arg.Value)
		case arg.AnyValue:
			args[i] = quote(arg.Key) + ": *"
		default:
			args[i] = quote(arg.Key) + ": " + quote(arg.Value)
		}
	}
	return string(a.Kind) + "(" + strings.Join(args, ", ") + ")"
}

func quoteAll(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = quote(n)
	}
	return strings.Join(out, ", ")
}

// quote escapes only what the grammar escapes, so that every other
// character (including non-UTF-8 bytes) reads back unchanged.
func quote(s string) string {
	return `"` + escaper.Replace(s) + `"`
}

var escaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)
