package safekeeping

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
)

func TestKeepWritesEachDefinitionToAFileOfItsOwn(t *testing.T) {
	dir := filepath.Join(t.TempDir(), FolderName)
	s := New(dir)
	s.now = func() time.Time { return time.Date(2026, 12, 1, 15, 30, 0, 0, time.UTC) }
	var paths []string
	for _, def := range []string{`[{"name":"a"}]`, `[{"name":"b"}]`, `[{"name":"c"}]`} {
		p, err := s.Keep(`Support: "EU"/West`, []byte(def))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(p)
		if err != nil || string(got) != def {
			t.Fatalf("%s holds %q %v, want %q", p, got, err, def)
		}
		paths = append(paths, filepath.Base(p))
	}
	want := []string{"Support_ _EU__West 2026-12-01 153000.json", "Support_ _EU__West 2026-12-01 153000 (2).json", "Support_ _EU__West 2026-12-01 153000 (3).json"}
	if strings.Join(paths, "|") != strings.Join(want, "|") {
		t.Fatalf("files %q, want %q", paths, want)
	}
	s.Release(filepath.Join(dir, want[1]))
	if _, err := os.Stat(filepath.Join(dir, want[1])); !os.IsNotExist(err) {
		t.Fatalf("released file still there: %v", err)
	}
	// Only the shelf's own files are ever removed.
	outside := filepath.Join(t.TempDir(), "other.json")
	if err := os.WriteFile(outside, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.Release(outside)
	if _, err := os.Stat(outside); err != nil {
		t.Fatalf("a file outside the shelf was removed: %v", err)
	}
}

func TestKeepFailsWhenTheFolderCannotBeMade(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := New(filepath.Join(file, FolderName)).Keep("Support", []byte("[]"))
	if apperr.CodeOf(err) != apperr.Internal || !strings.Contains(apperr.From(err).Message, `"Support"`) {
		t.Fatalf("%v", err)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Support", "Support"},
		{"a/b\\c", "a_b_c"},
		{"  dots... ", "dots"},
		{"", "group"},
		{"\x00\x01", "__"},
		{strings.Repeat("é", 80), strings.Repeat("é", 60)},
	}
	for _, tt := range tests {
		if got := FileName(tt.in); got != tt.want {
			t.Errorf("FileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
