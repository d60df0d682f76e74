package app

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/buildinfo"
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
