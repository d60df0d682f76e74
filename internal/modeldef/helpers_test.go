package modeldef

import (
	"os"
	"path/filepath"
	"testing"
)

// stripPos copies a model without its positions, which are all that may
// differ between a source and its formatted form.
func stripPos(m *Model) *Model {
	c := &Model{Name: m.Name, PoolsBlock: m.PoolsBlock}
	for _, pool := range m.Pools {
		p := Pool{Name: pool.Name, Features: stripSpecs(pool.Features)}
		c.Pools = append(c.Pools, p)
	}
	for _, r := range m.Rules {
		r.Pos, r.ActionPos = Pos{}, Pos{}
		r.UsePos = make([]Pos, len(r.UsePos))
		terms := make([]Term, len(r.Cond.Terms))
		for i, t := range r.Cond.Terms {
			t.Atom.Pos = Pos{}
			args := make([]Arg, len(t.Atom.Args))
			for j, a := range t.Atom.Args {
				a.Pos = Pos{}
				args[j] = a
			}
			t.Atom.Args = args
			terms[i] = t
		}
		r.Cond.Terms = terms
		if s := r.Server; s != nil {
			r.Server = &ServerSpec{AllFrom: s.AllFrom, AllFromPos: make([]Pos, len(s.AllFromPos)), Features: stripSpecs(s.Features)}
		}
		c.Rules = append(c.Rules, r)
	}
	return c
}

func stripSpecs(fs []FeatureSpec) []FeatureSpec {
	var out []FeatureSpec
	for _, f := range fs {
		f.Pos, f.Amount.Pos = Pos{}, Pos{}
		out = append(out, f)
	}
	return out
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
