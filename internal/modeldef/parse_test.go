package modeldef

import (
	"fmt"
	"strings"
	"testing"
)

// dump shows what a model holds, independently of the formatter.
func dump(m *Model) string {
	var parts []string
	parts = append(parts, "model "+m.Name)
	if m.PoolsBlock {
		var pools []string
		for _, p := range m.Pools {
			pools = append(pools, p.Name+"{"+dumpSpecs(p.Features)+"}")
		}
		parts = append(parts, "pools["+strings.Join(pools, " ")+"]")
	}
	for _, r := range m.Rules {
		var cond []string
		for i, t := range r.Cond.Terms {
			if i > 0 {
				cond = append(cond, string(r.Cond.Ops[i-1]))
			}
			term := ""
			if t.Not {
				term = "!"
			}
			var args []string
			for _, a := range t.Atom.Args {
				switch {
				case a.Key == "" && !a.AnyValue && t.Atom.Kind != Dictionary:
					args = append(args, a.Value)
				case a.AnyValue:
					args = append(args, a.Key+":*")
				default:
					args = append(args, a.Key+":"+a.Value)
				}
			}
			cond = append(cond, term+string(t.Atom.Kind)+"("+strings.Join(args, ",")+")")
		}
		body := []string{}
		if r.Use != nil {
			body = append(body, "use "+strings.Join(r.Use, ","))
		}
		if s := r.Server; s != nil {
			if s.AllFrom != nil {
				body = append(body, "all from "+strings.Join(s.AllFrom, ","))
			} else {
				body = append(body, "serve "+dumpSpecs(s.Features))
			}
		}
		if r.Action != "" {
			body = append(body, string(r.Action))
		}
		parts = append(parts, "on "+strings.Join(cond, " ")+" {"+strings.Join(body, "; ")+"}")
	}
	return strings.Join(parts, " | ")
}

func dumpSpecs(fs []FeatureSpec) string {
	var out []string
	for _, f := range fs {
		s := fmt.Sprintf("%s %s %s", f.Name, f.Version, f.Amount)
		if f.HasVendor {
			s += " vendor=" + f.Vendor
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

func TestParseEveryConstruct(t *testing.T) {
	tests := []struct{ src, want string }{
		{`model "m" {}`, "model m"},
		{`model "m" { partitions {} }`, "model m | pools[]"},
		{`model "m" { partitions { partition "p" {} } }`, "model m | pools[p{}]"},
		{`model "m" { partitions { partition "p" { "F" 1.0 10 "G" 2 25% "H" 3 . 1 remainder } } }`,
			"model m | pools[p{F 1.0 10, G 2 25%, H 3.1 remainder}]"},
		{`model "m" { partitions { partition "p" { "F" 1.0 10 vendor string matches "V" } } }`,
			"model m | pools[p{F 1.0 10 vendor=V}]"},
		{`model "m" { on any() {} }`, "model m | on any() {}"},
		{`model "m" { on any() { deny } }`, "model m | on any() {deny}"},
		{`model "m" { on any() { continue } }`, "model m | on any() {continue}"},
		{`model "m" { on any() { use "a", "b" } }`, "model m | on any() {use a,b}"},
		{`model "m" { on any() { use "a" without requested features { all from "a", "b" } accept } }`,
			"model m | on any() {use a; all from a,b; accept}"},
		{`model "m" { on any() { without requested features { "F" 1.0 1 "G" 2.0 2 } } }`,
			"model m | on any() {serve F 1.0 1, G 2.0 2}"},
		{`model "m" { on hostid("a/ETHERNET", "b") and not hostname("h") or ! hosttype("t") && dictionary("k": "v", "j": *) || any() { accept } }`,
			"model m | on hostid(a/ETHERNET,b) and !hostname(h) or !hosttype(t) and dictionary(k:v,j:*) or any() {accept}"},
		{"model \"a \\\" b \\\\ c\" {}", `model a " b \ c`},
		{"\ufeffmodel /* c */ \"m\" // c\n{}", "model m"},
	}
	for _, tt := range tests {
		if got := dump(mustParse(t, tt.src)); got != tt.want {
			t.Errorf("%s\n got  %s\n want %s", tt.src, got, tt.want)
		}
	}
}

func TestParseRecoversAfterErrors(t *testing.T) {
	src := "model \"m\" {\n" +
		"    partitions {\n" +
		"        partition \"p\" {\n" +
		"            \"F\" x 1\n" + // a broken feature is left out
		"            \"G\" 1.0 2\n" +
		"        }\n" +
		"    }\n" +
		"    on (any()) { use \"p\" accept }\n" + // a broken rule is left out
		"    on any() { use \"p\" accept }\n" +
		"}\n"
	m, diags := Parse([]byte(src))
	if len(diags) != 2 || diags[0].Line != 4 || diags[1].Line != 8 {
		t.Fatalf("diagnostics %v", diags)
	}
	if got := dump(m); got != "model m | pools[p{G 1.0 2}] | on any() {use p; accept}" {
		t.Fatalf("recovered model %s", got)
	}
}

func TestTooManyErrorsStops(t *testing.T) {
	src := "model \"m\" {\n" + strings.Repeat("    on ? {}\n", 200) + "}\n"
	diags := Validate([]byte(src))
	if len(diags) != maxSyntaxErrors+1 || !strings.Contains(diags[len(diags)-1].Message, "too many errors") {
		t.Fatalf("%d diagnostics, last %v", len(diags), diags[len(diags)-1])
	}
}

func TestOversizedModelIsNotParsed(t *testing.T) {
	src := []byte("model \"m\" {\n" + strings.Repeat("// padding\n", MaxSize/11) + "}\n")
	diags := Validate(src)
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "at most 900 KB") {
		t.Fatalf("%v", diags)
	}
}

func TestEndColumnUnderlinesTheToken(t *testing.T) {
	diags := Validate([]byte("model \"m\" {\n    on hostname(\"a\") AND hostname(\"b\") { deny }\n}\n"))
	if len(diags) != 1 || diags[0].Column != 22 || diags[0].EndColumn != 25 {
		t.Fatalf("%+v", diags)
	}
}

func TestDiagnosticText(t *testing.T) {
	d := Diagnostic{Line: 4, Column: 12, Severity: SeverityError, Message: "bad"}
	w := Diagnostic{Line: 1, Column: 2, Severity: SeverityWarning, Message: "odd"}
	for got, want := range map[string]string{
		d.String(): "line 4, column 12: bad", w.String(): "line 1, column 2: warning: odd",
		d.Short(): "4:12: error: bad", w.Short(): "1:2: warning: odd",
	} {
		if got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
}

func TestWithoutBOM(t *testing.T) {
	if WithoutBOM("\ufeffmodel") != "model" || WithoutBOM("model") != "model" {
		t.Fatal("BOM not removed")
	}
}
