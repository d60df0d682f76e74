package modeldef

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stripPos copies a model without its positions, which are all that may
// differ between a source and its formatted form.
func stripPos(m *Model) *Model {
	c := &Model{Name: m.Name}
	for _, part := range m.Partitions {
		p := Partition{Name: part.Name}
		for _, f := range part.Features {
			f.Pos, f.Amount.Pos = Pos{}, Pos{}
			p.Features = append(p.Features, f)
		}
		c.Partitions = append(c.Partitions, p)
	}
	for _, r := range m.Rules {
		r.Pos = Pos{}
		r.UsePos = make([]Pos, len(r.UsePos))
		r.Matcher = stripExpr(r.Matcher)
		c.Rules = append(c.Rules, r)
	}
	return c
}

func stripExpr(e Expr) Expr {
	switch e := e.(type) {
	case *Not:
		return &Not{X: stripExpr(e.X)}
	case *Binary:
		return &Binary{Op: e.Op, X: stripExpr(e.X), Y: stripExpr(e.Y)}
	case *Matcher:
		m := &Matcher{Kind: e.Kind}
		for _, a := range e.Args {
			a.Pos = Pos{}
			m.Args = append(m.Args, a)
		}
		return m
	}
	return e
}

// sexpr shows an expression's tree with every grouping explicit.
func sexpr(e Expr) string {
	switch e := e.(type) {
	case *Not:
		return "(NOT " + sexpr(e.X) + ")"
	case *Binary:
		return "(" + string(e.Op) + " " + sexpr(e.X) + " " + sexpr(e.Y) + ")"
	case *Matcher:
		var args []string
		for _, a := range e.Args {
			switch {
			case a.Key == "":
				args = append(args, a.Value)
			case a.AnyValue:
				args = append(args, a.Key+":*")
			default:
				args = append(args, a.Key+":"+a.Value)
			}
		}
		return string(e.Kind) + "(" + strings.Join(args, ",") + ")"
	}
	return fmt.Sprintf("%T", e)
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustParse(t *testing.T, src string) *Model {
	t.Helper()
	m, diags := Parse([]byte(src))
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics %v in\n%s", diags, src)
	}
	return m
}
