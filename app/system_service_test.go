package app

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/buildinfo"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/simulator"
)

type fakeOpener struct {
	opened []string
	err    error
}

func (f *fakeOpener) OpenFolder(path string) error {
	f.opened = append(f.opened, path)
	return f.err
}

func TestAboutAndLogFolder(t *testing.T) {
	opener := &fakeOpener{}
	svc := NewSystemService(SystemDeps{
		Info:      buildinfo.Info{ProductName: "License Server Manager", Version: "1.2.3"},
		LogFolder: "/logs", SettingsFile: "/cfg/settings.json", Demo: true,
		Opener:  opener,
		WebView: func() (string, string) { return "WebKitGTK", "2.50.6" },
	})
	a := svc.About()
	if a.Build.Version != "1.2.3" || a.WebViewEngine != "WebKitGTK" || a.WebViewVer != "2.50.6" || !a.DemoMode || a.LogFolder != "/logs" {
		t.Fatalf("about = %+v", a)
	}
	if err := svc.OpenLogFolder(); err != nil || len(opener.opened) != 1 || opener.opened[0] != "/logs" {
		t.Fatalf("open: %v %v", err, opener.opened)
	}
	opener.err = errors.New("no file manager")
	if err := svc.OpenLogFolder(); apperr.CodeOf(err) != apperr.Internal {
		t.Fatalf("failed open: %v", err)
	}
	bare := NewSystemService(SystemDeps{LogFolder: "/logs"})
	if err := bare.OpenLogFolder(); apperr.CodeOf(err) != apperr.NotSupported {
		t.Fatalf("no opener: %v", err)
	}
}

func TestKeptFolderIsMadeBeforeItIsShown(t *testing.T) {
	opener := &fakeOpener{}
	kept := filepath.Join(t.TempDir(), "Kept reservation groups")
	svc := NewSystemService(SystemDeps{KeptFolder: kept, Opener: opener})
	if err := svc.OpenKeptFolder(); err != nil || len(opener.opened) != 1 || opener.opened[0] != kept {
		t.Fatalf("open: %v %v", err, opener.opened)
	}
	if st, err := os.Stat(kept); err != nil || !st.IsDir() {
		t.Fatalf("folder: %v", err)
	}
	if svc.About().KeptFolder != kept {
		t.Fatalf("about = %+v", svc.About())
	}
}

// TestSaveTheCompatibilityReport: the report is made of the diagnostics the
// administrator ran on this server, as text or JSON by the chosen name.
func TestSaveTheCompatibilityReport(t *testing.T) {
	e := loggedIn(t, simulator.Options{Dialect: simulator.DialectLegacy})
	if _, err := e.System.SaveCompatibilityReport(); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("before diagnostics: %v", err)
	}
	if _, err := e.System.Diagnostics(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tests := []struct{ chosen, written string }{
		{filepath.Join(dir, "lab.json"), filepath.Join(dir, "lab.json")},
		{filepath.Join(dir, "lab.txt"), filepath.Join(dir, "lab.txt")},
		{filepath.Join(dir, "lab"), filepath.Join(dir, "lab.txt")},
	}
	for _, tt := range tests {
		e.dialogs.savePath = tt.chosen
		path, err := e.System.SaveCompatibilityReport()
		if err != nil || path != tt.written {
			t.Fatalf("saved %q, %v", path, err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var r operations.CompatibilityReport
		isJSON := json.Unmarshal(b, &r) == nil
		if isJSON != strings.HasSuffix(path, ".json") {
			t.Fatalf("%s: JSON %v", path, isJSON)
		}
		if isJSON && (r.ServerVersion != "2018.11.0" || len(r.Endpoints) == 0) || !isJSON && !strings.Contains(string(b), "Counts are sent as JSON strings") {
			t.Fatalf("%s:\n%s", path, b)
		}
	}
	e.dialogs.savePath = ""
	if path, err := e.System.SaveCompatibilityReport(); err != nil || path != "" {
		t.Fatalf("cancelled: %q %v", path, err)
	}
}

func TestPaintedTellsTheFirstViewOnce(t *testing.T) {
	var views []string
	svc := NewSystemService(SystemDeps{FirstPaint: func(view string) { views = append(views, view) }})
	svc.Painted("about")
	svc.Painted("about")
	svc.Painted("dashboard")
	if len(views) != 1 || views[0] != "about" {
		t.Fatalf("first paint told %v", views)
	}
	NewSystemService(SystemDeps{}).Painted("about") // nobody to tell: no panic
}
