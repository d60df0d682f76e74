package modeldef

import (
	"bytes"
	"strconv"
	"strings"
)

// Format writes a model in canonical form: four-space indentation, one
// feature per line, the partitions block first and the rules after it,
// operators spelled AND, OR and NOT with only the parentheses the tree
// needs. Comments are not part of the Model, so they are dropped; a user
// who wants to keep them should format a copy. Parse(Format(m)) gives back
// m apart from positions.
func Format(m *Model) []byte {
	var b bytes.Buffer
	b.WriteString("model " + quote(m.Name) + " {\n")
	b.WriteString("    partitions {\n")
	for _, part := range m.Partitions {
		b.WriteString("        partition " + quote(part.Name) + " {\n")
		for _, f := range part.Features {
			b.WriteString("            " + quote(f.Name) + " " + f.Version + " " + f.Amount.String() + "\n")
		}
		b.WriteString("        }\n")
	}
	b.WriteString("    }\n")
	for _, r := range m.Rules {
		b.WriteString("    on ")
		writeExpr(&b, r.Matcher, 0)
		b.WriteString(" {\n")
		if len(r.Use) > 0 {
			pools := make([]string, len(r.Use))
			for i, u := range r.Use {
				pools[i] = quote(u)
			}
			b.WriteString("        use " + strings.Join(pools, ", ") + "\n")
		}
		if r.Action != "" {
			b.WriteString("        " + string(r.Action) + "\n")
		}
		b.WriteString("    }\n")
	}
	b.WriteString("}\n")
	return b.Bytes()
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

// quote escapes only what the grammar escapes, so that every other
// character (including non-UTF-8 bytes) reads back unchanged.
func quote(s string) string {
	return `"` + escaper.Replace(s) + `"`
}

var escaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// Binding strengths; a child binding more loosely than its context needs
// parentheses.
const (
	precOr = iota + 1
	precAnd
	precNot
)

func writeExpr(b *bytes.Buffer, e Expr, context int) {
	switch e := e.(type) {
	case *Binary:
		prec := precOr
		if e.Op == And {
			prec = precAnd
		}
		paren := prec < context
		if paren {
			b.WriteByte('(')
		}
		writeExpr(b, e.X, prec)
		b.WriteString(" " + string(e.Op) + " ")
		// The parser groups to the left, so a right operand of the same
		// strength keeps its parentheses.
		writeExpr(b, e.Y, prec+1)
		if paren {
			b.WriteByte(')')
		}
	case *Not:
		b.WriteString("NOT ")
		writeExpr(b, e.X, precNot)
	case *Matcher:
		b.WriteString(string(e.Kind) + "(")
		for i, a := range e.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			switch {
			case e.Kind != Dictionary:
				b.WriteString(quote(a.Value))
			case a.AnyValue:
				b.WriteString(quote(a.Key) + ": *")
			default:
				b.WriteString(quote(a.Key) + ": " + quote(a.Value))
			}
		}
		b.WriteByte(')')
	}
}
