package modeldef

import (
	"os"
	"reflect"
	"testing"
)

func FuzzValidate(f *testing.F) {
	for _, kind := range []string{"valid", "invalid"} {
		for _, name := range corpusFiles(f, kind) {
			src, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
	for _, s := range []string{
		"",
		"model",
		`model "m"`,
		`model "m" {`,
		`model "m" { partitions {`,
		`model "m" { partitions { partition "p" {`,
		`model "m" { partitions { partition "p" { "F" 1.0`,
		`model "m" { partitions { partition "p" { "F" 1.0 3 } } on`,
		`model "m" { partitions { partition "p" { "F" 1.0 3 } } on any(`,
		`model "m" { on not ! any() || hostname("a") && dictionary("k": *) { use "p", accept deny }`,
		`model "m" { partitions { partition "p" { "F" 1.0 3 } } } } } on { { ( ) ) }`,
		`model "\"\\\x" { /* unterminated`,
		"model \"m\" { on hostid(\"a/ETHERNET\") { use \"p\" accept } }\x00\xff",
		`model "m" { partitions { partition "p" { F 1.0 remainder "F" 1.0 101% "G" 1.0.0.1 -1 } } on dictionary("k" "v") AND { use accept } }`,
		`model "m" { on any() { without requested features { all from } } }`,
		`model "m" { on any() { without requested features { "F" 1 . 2 3 % vendor string matches } } }`,
		"“model” ‘m’ { }",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		diags := Validate(src)
		for _, d := range diags {
			if d.Line < 1 || d.Column < 1 || d.EndColumn != 0 && d.EndColumn <= d.Column || d.Message == "" {
				t.Fatalf("bad diagnostic %+v", d)
			}
			if x := d.Fix; x != nil && (x.Line != d.Line || x.Column < 1 || x.EndColumn < x.Column || x.Label == "") {
				t.Fatalf("bad fix %+v of %+v", x, d)
			}
		}
		if HasErrors(diags) {
			return
		}
		m, _ := Parse(src)
		out := Format(m)
		again, diags := Parse(out)
		if HasErrors(diags) {
			t.Fatalf("the formatted model does not parse: %v\n%s", diags, out)
		}
		if !reflect.DeepEqual(stripPos(again), stripPos(m)) {
			t.Fatalf("round trip changed the model:\n%q\nformatted as\n%s", src, out)
		}
		if HasErrors(Validate(out)) {
			t.Fatalf("the formatted model does not validate: %v\n%s", Validate(out), out)
		}
	})
}
