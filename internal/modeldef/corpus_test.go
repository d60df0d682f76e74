package modeldef

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of the corpus")

// corpusFiles are the corpus models of kind "valid" or "invalid".
func corpusFiles(t testing.TB, kind string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", kind, "*.model"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no %s corpus: %v", kind, err)
	}
	return files
}

// golden writes diagnostics as the golden files hold them: one per line,
// LINE:COL: severity: message, and the fix when there is one.
func golden(diags []Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Short())
		if f := d.Fix; f != nil {
			fmt.Fprintf(&b, " [fix %q: %d:%d-%d %q]", f.Label, f.Line, f.Column, f.EndColumn, f.Text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestCorpus checks every model of the corpus against its golden
// diagnostics: a valid model has no error (its warnings are golden), an
// invalid one has at least one. go test -run TestCorpus -update rewrites
// the golden files.
func TestCorpus(t *testing.T) {
	for _, kind := range []string{"valid", "invalid"} {
		for _, file := range corpusFiles(t, kind) {
			t.Run(kind+"/"+filepath.Base(file), func(t *testing.T) {
				src, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				diags := Validate(src)
				if HasErrors(diags) != (kind == "invalid") {
					t.Fatalf("a %s model has errors: %v\n%s", kind, HasErrors(diags), golden(diags))
				}
				want := strings.TrimSuffix(file, ".model") + ".golden"
				got := golden(diags)
				if *update {
					if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				expected, err := os.ReadFile(want)
				if err != nil {
					t.Fatalf("no golden file: %v (run with -update)", err)
				}
				if got != string(expected) {
					t.Fatalf("diagnostics differ from %s:\n got:\n%s want:\n%s", want, got, expected)
				}
			})
		}
	}
}

// TestCorpusFormatsToTheSameModel formats every valid model and parses it
// back: the tree is the same, and the formatted text has no error.
func TestCorpusFormatsToTheSameModel(t *testing.T) {
	for _, file := range corpusFiles(t, "valid") {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := Parse(src)
		out := Format(m)
		again, diags := Parse(out)
		if len(diags) > 0 {
			t.Fatalf("%s: the formatted model does not parse: %v\n%s", file, diags, out)
		}
		if !reflect.DeepEqual(stripPos(again), stripPos(m)) {
			t.Fatalf("%s: formatting changed the model; formatted:\n%s", file, out)
		}
		if !reflect.DeepEqual(Format(again), out) {
			t.Fatalf("%s: formatting is not stable", file)
		}
	}
}

// TestFixesRepairTheCorpus applies every fix the invalid models offer: a
// model whose errors all have fixes validates without error afterwards.
func TestFixesRepairTheCorpus(t *testing.T) {
	repaired := 0
	for _, file := range corpusFiles(t, "invalid") {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		// One error is reported per line, so a line with two mistakes
		// offers its second fix once the first is applied.
		text, fixable := string(src), true
		for round := 0; round < 10 && fixable && HasErrors(Validate([]byte(text))); round++ {
			var fixes []Fix
			for _, d := range Validate([]byte(text)) {
				if d.Severity != SeverityError {
					continue
				}
				if d.Fix == nil {
					fixable = false
					break
				}
				fixes = append(fixes, *d.Fix)
			}
			text = applyFixes(text, fixes)
		}
		if !fixable {
			continue
		}
		if after := Validate([]byte(text)); HasErrors(after) {
			t.Fatalf("%s: the fixes leave errors:\n%s\n%s", file, golden(after), text)
		}
		repaired++
	}
	if repaired < 4 {
		t.Fatalf("only %d invalid models are repaired by their fixes", repaired)
	}
}

// applyFixes applies fixes (at most one per place) from the last to the
// first, so that earlier columns stay valid.
func applyFixes(src string, fixes []Fix) string {
	lines := strings.Split(src, "\n")
	for i := len(fixes) - 1; i >= 0; i-- {
		f := fixes[i]
		line := []rune(lines[f.Line-1])
		lines[f.Line-1] = string(line[:f.Column-1]) + f.Text + string(line[f.EndColumn-1:])
	}
	return strings.Join(lines, "\n")
}
