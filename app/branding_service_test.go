package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBrandingServiceDefaultsWithoutFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "branding")
	v := NewBrandingService(dir).Get()
	if v.LogoDataURL != "" || v.Nav != nil || v.Problems == nil || len(v.Problems) != 0 || v.Dir != dir {
		t.Fatalf("view = %+v", v)
	}
}

func TestBrandingServiceReportsProblemsOnce(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "data.json"), []byte(`{"groups": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.gif"), []byte("GIF89a"), 0o644); err != nil {
		t.Fatal(err)
	}
	svc := NewBrandingService(dir)
	v := svc.Get()
	if v.Nav != nil || len(v.Problems) != 2 || !strings.HasPrefix(v.Problems[0], "logo.gif: ") || !strings.HasPrefix(v.Problems[1], "data.json: line 1") {
		t.Fatalf("view = %+v", v)
	}
	// The folder is read once: a change after start-up shows at the next start.
	if err := os.Remove(filepath.Join(dir, "data.json")); err != nil {
		t.Fatal(err)
	}
	if again := svc.Get(); len(again.Problems) != 2 {
		t.Fatalf("read again: %+v", again)
	}
}

func TestBrandingServiceAppliesData(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("../branding/sampleData.json")
	if err != nil {
		t.Fatal(err)
	}
	data := strings.Replace(string(sample), `"label": "Settings"`, `"label": "Preferences"`, 1)
	if err := os.WriteFile(filepath.Join(dir, "data.json"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	v := NewBrandingService(dir).Get()
	if len(v.Problems) != 0 || v.Nav == nil || v.Nav.Items[0].Label != "Preferences" || v.Nav.Items[0].Route != "/settings" {
		t.Fatalf("view = %+v", v)
	}
}
