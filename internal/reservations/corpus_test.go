package reservations

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/corpus from what Check says")

// TestCorpus checks every file of testdata/corpus: a valid file has no
// error, and its warnings (if any) are its golden file's lines; an invalid
// file's diagnostics are its golden file's lines, at least one an error.
// Each golden line is LINE:COL: error|warning: message.
func TestCorpus(t *testing.T) {
	for _, kind := range []string{"valid", "invalid"} {
		files, err := filepath.Glob(filepath.Join("testdata", "corpus", kind, "*.json"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no %s corpus: %v", kind, err)
		}
		for _, file := range files {
			t.Run(kind+"/"+filepath.Base(file), func(t *testing.T) {
				data, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				diags := Check(data)
				var got strings.Builder
				errs := 0
				for _, d := range diags {
					got.WriteString(d.String() + "\n")
					if !d.Warning {
						errs++
					}
				}
				golden := strings.TrimSuffix(file, ".json") + ".golden"
				if *update {
					writeGolden(t, golden, got.String())
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil && (kind == "invalid" || !errors.Is(err, fs.ErrNotExist)) {
					t.Fatalf("golden file: %v", err)
				}
				if got.String() != string(want) {
					t.Errorf("diagnostics differ from %s (go test -update rewrites it)\n got:\n%s\nwant:\n%s", golden, got.String(), want)
				}
				p := Import(data, nil)
				if kind == "valid" {
					if errs != 0 || p.Keep.Summary != (Summary{ToImport: p.GroupCount}) {
						t.Fatalf("a valid file with %d errors, plan %+v", errs, p.Keep.Summary)
					}
					checkRoundTrip(t, p)
				} else if errs == 0 || p.GroupCount > 0 && p.Keep.Summary.ToImport == p.GroupCount {
					t.Fatalf("an invalid file with %d errors, plan %+v", errs, p.Keep.Summary)
				}
			})
		}
	}
}

// checkRoundTrip exports the groups read and reads them again: what the
// app sends is what it read, in the documented shape. Of the warnings only
// those about what the file holds may remain, none about how it is written.
func checkRoundTrip(t *testing.T, p ImportPreview) {
	t.Helper()
	var read []Group
	for _, ig := range p.Groups {
		read = append(read, ig.Group)
	}
	again := Import(Export(read), nil)
	var back []Group
	for _, ig := range again.Groups {
		back = append(back, ig.Group)
	}
	if len(again.Errors) != 0 || !reflect.DeepEqual(back, read) {
		t.Fatalf("round trip: %+v\n got %+v\nwant %+v", again.Errors, back, read)
	}
	for _, w := range again.Warnings {
		if !slices.ContainsFunc(p.Warnings, func(o Problem) bool { return o.Message == w.Message }) {
			t.Fatalf("the export has a warning the file had not: %+v", w)
		}
	}
}

// writeGolden writes what a file's golden file should hold; a valid file
// without warnings has none.
func writeGolden(t *testing.T, golden, content string) {
	t.Helper()
	if content == "" {
		if err := os.Remove(golden); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		return
	}
	if err := os.WriteFile(golden, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
