package settings

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func validLocal() ServerInput {
	return ServerInput{PageSize: 25, Host: "lls01.corp.example", ServerType: ServerLocal, Port: 7071, HTTPS: true}
}

func readFile(t *testing.T, dir string) Settings {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	var s Settings
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestNewUserStartsIncompleteWithDefaults(t *testing.T) {
	s, dir := openTemp(t)
	snap := s.Snapshot()
	if len(snap.Profiles) != 1 || snap.Preferences.PageSize != DefaultPageSize || snap.Preferences.Theme != ThemeSystem {
		t.Fatalf("unexpected defaults: %+v", snap)
	}
	active, ok := s.Active()
	if !ok || active.Complete() || active.Port != DefaultPort || active.ID == "" {
		t.Fatalf("active = %+v", active)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); !os.IsNotExist(err) {
		t.Fatal("opening must not write a file")
	}
}

func TestSaveServerPersistsAndReloads(t *testing.T) {
	s, dir := openTemp(t)
	if err := s.SaveServer(validLocal()); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", st.Mode().Perm())
	}
	again, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	p, _ := again.Active()
	if p.Host != "lls01.corp.example" || p.Port != 7071 || !p.HTTPS || !p.Complete() {
		t.Fatalf("reloaded %+v", p)
	}
	if again.Snapshot().Preferences.PageSize != 25 {
		t.Fatal("page size not kept")
	}
	if f := readFile(t, dir); f.SchemaVersion != SchemaVersion {
		t.Fatalf("schema version %d", f.SchemaVersion)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "*.tmp"))
	if len(leftovers) != 0 {
		t.Fatalf("temporary files left: %v", leftovers)
	}
}

func TestInvalidInputSavesNothing(t *testing.T) {
	s, dir := openTemp(t)
	in := validLocal()
	in.Port = 0
	in.Host = "bad host"
	err := s.SaveServer(in)
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != apperr.InvalidInput || !hasField(ae, FieldPort) || !hasField(ae, FieldHost) {
		t.Fatalf("err = %#v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); !os.IsNotExist(err) {
		t.Fatal("invalid input must not write")
	}
	if p, _ := s.Active(); p.Host != "" {
		t.Fatalf("memory changed: %+v", p)
	}
}

func TestProfilesAddRenameSwitchDelete(t *testing.T) {
	s, dir := openTemp(t)
	first, _ := s.Active()
	if err := s.SaveServer(validLocal()); err != nil {
		t.Fatal(err)
	}
	lab, err := s.AddProfile("  Lab server ")
	if err != nil {
		t.Fatal(err)
	}
	if lab.Name != "Lab server" || lab.ID == first.ID {
		t.Fatalf("added %+v", lab)
	}
	if a, _ := s.Active(); a.ID != lab.ID || a.Complete() {
		t.Fatalf("new profile must be active and empty: %+v", a)
	}
	if _, err := s.AddProfile("lab SERVER"); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("duplicate name accepted: %v", err)
	}
	if _, err := s.AddProfile(" "); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("empty name accepted: %v", err)
	}
	if err := s.RenameProfile(lab.ID, "Lab"); err != nil {
		t.Fatal(err)
	}
	if err := s.RenameProfile("nope", "x"); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("rename of unknown: %v", err)
	}
	if err := s.SetActive(first.ID); err != nil {
		t.Fatal(err)
	}
	f := readFile(t, dir)
	if f.ActiveProfileID != first.ID || len(f.Profiles) != 2 || f.Profiles[1].Name != "Lab" {
		t.Fatalf("file = %+v", f)
	}
	if err := s.DeleteProfile(first.ID); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Active(); a.ID != lab.ID {
		t.Fatalf("deleting the active profile must activate another, got %+v", a)
	}
	if err := s.DeleteProfile(lab.ID); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("last profile deleted: %v", err)
	}
	if err := s.SetActive("nope"); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("switch to unknown: %v", err)
	}
}

func TestDemoProfileIsNeverWritten(t *testing.T) {
	s, dir := openTemp(t)
	if err := s.SaveServer(validLocal()); err != nil {
		t.Fatal(err)
	}
	real, _ := s.Active()
	demo := s.UseDemo("127.0.0.1", 40123, "")
	if a, _ := s.Active(); a.ID != DemoProfileID || !a.Complete() || a.Port != 40123 {
		t.Fatalf("demo not active: %+v", a)
	}
	if snap := s.Snapshot(); snap.Profiles[0].ID != demo.ID || len(snap.Profiles) != 2 {
		t.Fatalf("snapshot = %+v", snap.Profiles)
	}
	// Only the page size is stored for the demo; its server fields are fixed.
	in := validLocal()
	in.PageSize = 100
	in.Host = "elsewhere"
	if err := s.SaveServer(in); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Active(); a.Host != "127.0.0.1" {
		t.Fatalf("demo host changed: %+v", a)
	}
	f := readFile(t, dir)
	if f.ActiveProfileID != real.ID || len(f.Profiles) != 1 || f.Preferences.PageSize != 100 {
		t.Fatalf("file = %+v", f)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, FileName))
	if strings.Contains(string(raw), "40123") || strings.Contains(string(raw), `"demo"`) {
		t.Fatalf("demo leaked into the file: %s", raw)
	}
	if err := s.DeleteProfile(DemoProfileID); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("demo deleted: %v", err)
	}
	if err := s.RenameProfile(DemoProfileID, "x"); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("demo renamed: %v", err)
	}
	// Choosing a real profile during the demo is remembered.
	other, err := s.AddProfile("Other")
	if err != nil {
		t.Fatal(err)
	}
	if f := readFile(t, dir); f.ActiveProfileID != other.ID {
		t.Fatalf("active on disk %q, want %q", f.ActiveProfileID, other.ID)
	}
}

func TestCorruptFileIsKeptAsBackup(t *testing.T) {
	tests := []struct {
		name    string
		content string
	}{
		{"not json", "{ this is not json"},
		{"not json after a BOM", "\ufeff{ this is not json"},
		{"not an object", `[{"schemaVersion": 1}]`},
		{"future schema", `{"schemaVersion": 99, "profiles": [{"id":"a","serverType":"local"}]}`},
		{"schema version of the wrong type", `{"schemaVersion": "1", "profiles": [{"id":"a","serverType":"local"}]}`},
		{"no schema version", `{"profiles": [{"id":"a","serverType":"local"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(dir, "")
			if err != nil {
				t.Fatal(err)
			}
			bak, err := os.ReadFile(path + ".bak.1")
			if err != nil || string(bak) != tt.content {
				t.Fatalf("backup = %q, %v", bak, err)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Fatalf("the corrupt file must be set aside: %v", err)
			}
			n := s.TakeNotice()
			if !strings.Contains(n, "settings.json.bak.1") {
				t.Fatalf("notice = %q", n)
			}
			if s.TakeNotice() != "" {
				t.Fatal("the notice must be given once")
			}
			if len(s.Snapshot().Profiles) != 1 {
				t.Fatal("defaults not in use")
			}
		})
	}
}

func TestLoadRepairsPreferencesAndActiveProfile(t *testing.T) {
	dir := t.TempDir()
	doc := `{"schemaVersion":1,"activeProfileId":"gone","profiles":[{"id":"a","name":"A","host":"h","serverType":"local","port":7070}],"preferences":{"pageSize":100000,"theme":"neon"}}`
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	snap := s.Snapshot()
	if snap.ActiveProfileID != "a" || snap.Preferences.PageSize != DefaultPageSize || snap.Preferences.Theme != ThemeSystem {
		t.Fatalf("snap = %+v", snap)
	}
	if s.TakeNotice() != "" {
		t.Fatal("a repairable file is not corrupt")
	}
}

func TestMachineDefaults(t *testing.T) {
	tests := []struct {
		name     string
		doc      string
		wantHost string
		wantType ServerType
		wantPort int
		wantID   string
		wantTLS  bool
		wantPage int
	}{
		{"local preset", `{"host":"lls.corp","port":7443,"https":true}`, "lls.corp", ServerLocal, 7443, "", true, DefaultPageSize},
		{"cls preset with BOM", "\ufeff" + `{"host":"acme.compliance.flexnetoperations.com","clsInstanceId":"abcdef123456","pageSize":20}`,
			"acme.compliance.flexnetoperations.com", ServerCLS, 0, "ABCDEF123456", true, 20},
		{"bad port keeps host", `{"host":"lls.corp","port":99999}`, "lls.corp", ServerLocal, DefaultPort, "", false, DefaultPageSize},
		{"bad host is dropped", `{"host":"not a host","port":7070}`, "", ServerLocal, DefaultPort, "", false, DefaultPageSize},
		{"unreadable file", `{`, "", ServerLocal, DefaultPort, "", false, DefaultPageSize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			defaults := filepath.Join(t.TempDir(), "defaults.json")
			if err := os.WriteFile(defaults, []byte(tt.doc), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(dir, defaults)
			if err != nil {
				t.Fatal(err)
			}
			p, _ := s.Active()
			if p.Host != tt.wantHost || p.ServerType != tt.wantType || p.Port != tt.wantPort || p.InstanceID != tt.wantID || p.HTTPS != tt.wantTLS {
				t.Fatalf("profile = %+v", p)
			}
			if got := s.Snapshot().Preferences.PageSize; got != tt.wantPage {
				t.Fatalf("page size %d", got)
			}
		})
	}
	// Existing user settings win over machine defaults.
	dir := t.TempDir()
	s, _ := Open(dir, "")
	if err := s.SaveServer(validLocal()); err != nil {
		t.Fatal(err)
	}
	defaults := filepath.Join(t.TempDir(), "defaults.json")
	_ = os.WriteFile(defaults, []byte(`{"host":"other.corp"}`), 0o644)
	again, _ := Open(dir, defaults)
	if p, _ := again.Active(); p.Host != "lls01.corp.example" {
		t.Fatalf("defaults overrode user settings: %+v", p)
	}
}

func TestThemeAndWindow(t *testing.T) {
	s, dir := openTemp(t)
	if err := s.SetTheme("neon"); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("bad theme accepted: %v", err)
	}
	if err := s.SetTheme(ThemeDark); err != nil {
		t.Fatal(err)
	}
	if err := s.SetWindow(WindowGeometry{Width: 10, Height: 10}); err != nil {
		t.Fatal(err)
	}
	if s.Snapshot().Preferences.Window != nil {
		t.Fatal("a tiny window must be ignored")
	}
	if err := s.SetWindow(WindowGeometry{Width: 1300, Height: 900, X: 40, Y: 30}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNavCollapsed(true); err != nil {
		t.Fatal(err)
	}
	f := readFile(t, dir)
	if f.Preferences.Theme != ThemeDark || f.Preferences.Window == nil || f.Preferences.Window.Width != 1300 || f.Preferences.Window.X != 40 || !f.Preferences.NavCollapsed {
		t.Fatalf("file prefs = %+v", f.Preferences)
	}
}

func TestWriteFailureKeepsMemoryUnchanged(t *testing.T) {
	// A regular file where the folder should be makes every write fail, even
	// for root, which ignores permission bits.
	dir := filepath.Join(t.TempDir(), "settings")
	s, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveServer(validLocal()); apperr.CodeOf(err) != apperr.Internal {
		t.Fatalf("err = %v", err)
	}
	if p, _ := s.Active(); p.Host != "" {
		t.Fatalf("memory changed after a failed write: %+v", p)
	}
	if _, err := s.AddProfile("Second"); apperr.CodeOf(err) != apperr.Internal {
		t.Fatalf("err = %v", err)
	}
	if n := len(s.Snapshot().Profiles); n != 1 {
		t.Fatalf("profile added despite the failed write: %d", n)
	}
}

func TestRememberedUserAndTLSTrust(t *testing.T) {
	s, dir := openTemp(t)
	p, _ := s.Active()
	if err := s.SetRememberedUser(p.ID, "admin"); err != nil {
		t.Fatal(err)
	}
	ca := filepath.Join(t.TempDir(), "ca.pem")
	_ = os.WriteFile(ca, []byte("pem"), 0o600)
	if err := s.SetTLSTrust(p.ID, "AB:CD", ca); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTLSTrust(p.ID, "", filepath.Join(dir, "missing.pem")); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("missing CA file accepted: %v", err)
	}
	f := readFile(t, dir)
	got := f.Profiles[0]
	if got.RememberedUser != "admin" || got.PinnedFingerprint != "AB:CD" || got.CAFile != ca {
		t.Fatalf("file profile = %+v", got)
	}
	// Saving the server fields keeps them.
	if err := s.SaveServer(validLocal()); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Active(); a.RememberedUser != "admin" || a.PinnedFingerprint != "AB:CD" {
		t.Fatalf("lost on save: %+v", a)
	}
	// The demo profile remembers in memory only.
	s.UseDemo("127.0.0.1", 4000, "")
	if err := s.SetRememberedUser(DemoProfileID, "reader"); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Active(); a.RememberedUser != "reader" {
		t.Fatalf("demo: %+v", a)
	}
	if err := s.SetRememberedUser("nope", "x"); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("unknown profile: %v", err)
	}
}

func hasField(e *apperr.Error, field string) bool {
	for _, it := range e.Items {
		if it.Field == field && it.Message != "" {
			return true
		}
	}
	return false
}
