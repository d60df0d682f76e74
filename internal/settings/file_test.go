package settings

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// doc is a settings file of three profiles a, b and c (b active) whose
// profile b, an extra top-level member and the preferences can be replaced.
func doc(b, extra, prefs string) string {
	return `{"schemaVersion": 1, "activeProfileId": "b",` + extra + `
  "profiles": [
    {"id": "a", "name": "A", "host": "a.corp", "serverType": "local", "port": 7070},
    ` + b + `,
    {"id": "c", "name": "C", "host": "c.corp", "serverType": "cls", "instanceId": "ABCDEF123456", "https": true}
  ],
  "preferences": ` + prefs + `}`
}

const (
	goodB     = `{"id": "b", "name": "B", "host": "b.corp", "serverType": "local", "port": 7071, "https": true, "rememberedUser": "ops"}`
	goodPrefs = `{"pageSize": 25, "theme": "dark"}`
)

func byName(ps []Profile) map[string]Profile {
	m := map[string]Profile{}
	for _, p := range ps {
		m[p.Name] = p
	}
	return m
}

func TestBadPartsOfAFileCostOnlyThemselves(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		names []string // the profiles kept, in order
		// notice lists what the notice must name; none means no notice.
		notice []string
		check  func(t *testing.T, s Settings)
	}{
		{
			name: "UTF-8 BOM", doc: "\ufeff" + doc(goodB, "", goodPrefs), names: []string{"A", "B", "C"},
			check: func(t *testing.T, s Settings) {
				if s.ActiveProfileID != "b" || s.Preferences.Theme != ThemeDark || s.Preferences.PageSize != 25 {
					t.Fatalf("settings = %+v", s)
				}
			},
		},
		{
			name:  "port of the wrong type",
			doc:   doc(strings.Replace(goodB, `7071`, `"7070x"`, 1), "", goodPrefs),
			names: []string{"A", "B", "C"}, notice: []string{`profiles[1].port: expected a whole number, found "7070x"`},
			check: func(t *testing.T, s Settings) {
				b := byName(s.Profiles)["B"]
				if b.Port != 0 || b.Host != "b.corp" || !b.HTTPS || b.ID != "b" || b.RememberedUser != "ops" {
					t.Fatalf("B = %+v", b)
				}
			},
		},
		{
			name:  "https of the wrong type",
			doc:   doc(strings.Replace(goodB, `"https": true`, `"https": "yes"`, 1), "", goodPrefs),
			names: []string{"A", "B", "C"}, notice: []string{`profiles[1].https: expected true or false, found "yes"`},
			check: func(t *testing.T, s Settings) {
				if b := byName(s.Profiles)["B"]; b.HTTPS || b.Port != 7071 {
					t.Fatalf("B = %+v", b)
				}
			},
		},
		{
			name:  "unknown fields",
			doc:   doc(strings.Replace(goodB, `"name"`, `"nickname": "bee", "name"`, 1), `"colour": "red",`, `{"pageSize": 25, "theme": "dark", "font": 12}`),
			names: []string{"A", "B", "C"}, notice: []string{"colour: unknown field", "profiles[1].nickname: unknown field", "preferences.font: unknown field"},
			check: func(t *testing.T, s Settings) {
				if b := byName(s.Profiles)["B"]; b.Host != "b.corp" || s.Preferences.Theme != ThemeDark {
					t.Fatalf("settings = %+v", s)
				}
			},
		},
		{
			name:  "window field of the wrong type",
			doc:   doc(goodB, "", `{"theme": "dark", "window": {"width": "wide", "height": 900}}`),
			names: []string{"A", "B", "C"}, notice: []string{"preferences.window.width: expected a whole number"},
			check: func(t *testing.T, s Settings) {
				w := s.Preferences.Window
				if w == nil || w.Width != 0 || w.Height != 900 || s.Preferences.Theme != ThemeDark {
					t.Fatalf("preferences = %+v %+v", s.Preferences, w)
				}
			},
		},
		{
			name:  "preferences that are not an object",
			doc:   doc(goodB, "", `5`),
			names: []string{"A", "B", "C"}, notice: []string{"preferences: expected an object, found 5"},
			check: func(t *testing.T, s Settings) {
				if s.Preferences.PageSize != DefaultPageSize || s.Preferences.Theme != ThemeSystem {
					t.Fatalf("preferences = %+v", s.Preferences)
				}
			},
		},
		{
			name:  "a profile that is not an object",
			doc:   doc(`42`, "", goodPrefs),
			names: []string{"A", "C"}, notice: []string{"profiles[1]: expected an object, found 42"},
			check: func(t *testing.T, s Settings) {
				if s.ActiveProfileID != "a" {
					t.Fatalf("active %q, want the first profile", s.ActiveProfileID)
				}
			},
		},
		{
			name:  "a profile without an ID",
			doc:   doc(strings.Replace(goodB, `"id": "b", `, ``, 1), "", goodPrefs),
			names: []string{"A", "B", "C"}, notice: []string{"profiles[1].id: missing, so the profile got a new one"},
			check: func(t *testing.T, s Settings) {
				b := byName(s.Profiles)["B"]
				if !strings.HasPrefix(b.ID, "p-") || b.Host != "b.corp" || b.RememberedUser != "" {
					t.Fatalf("B = %+v", b)
				}
			},
		},
		{
			name:  "a duplicate ID",
			doc:   doc(strings.Replace(goodB, `"id": "b"`, `"id": "a"`, 1), "", goodPrefs),
			names: []string{"A", "B", "C"}, notice: []string{`profiles[1].id: "a" is used by an earlier profile`},
			check: func(t *testing.T, s Settings) {
				m := byName(s.Profiles)
				if m["A"].ID != "a" || m["B"].ID == "a" || m["B"].ID == "" || m["B"].Host != "b.corp" {
					t.Fatalf("profiles = %+v", s.Profiles)
				}
			},
		},
		{
			name:  "the reserved demo ID and demo flag",
			doc:   doc(strings.Replace(goodB, `"id": "b"`, `"id": "demo", "demo": true`, 1), "", goodPrefs),
			names: []string{"A", "B", "C"}, notice: []string{`profiles[1].id: "demo" is reserved`},
			check: func(t *testing.T, s Settings) {
				if b := byName(s.Profiles)["B"]; b.ID == DemoProfileID || b.Demo {
					t.Fatalf("B = %+v", b)
				}
			},
		},
		{
			name:  "an unknown server type",
			doc:   doc(strings.Replace(goodB, `"local"`, `"ftp"`, 1), "", goodPrefs),
			names: []string{"A", "B", "C"}, notice: []string{`profiles[1].serverType: unknown server type "ftp"`},
			check: func(t *testing.T, s Settings) {
				if b := byName(s.Profiles)["B"]; b.ServerType != ServerLocal || b.Port != 7071 {
					t.Fatalf("B = %+v", b)
				}
			},
		},
		{
			name:  "null is an absent field",
			doc:   doc(strings.Replace(goodB, `"b.corp"`, `null`, 1), "", goodPrefs),
			names: []string{"A", "B", "C"},
			check: func(t *testing.T, s Settings) {
				if b := byName(s.Profiles)["B"]; b.Host != "" || b.Port != 7071 {
					t.Fatalf("B = %+v", b)
				}
			},
		},
		{
			name: "no profiles", doc: `{"schemaVersion": 1, "profiles": [], "preferences": {"theme": "dark"}}`,
			names: []string{"License server"}, notice: []string{"profiles: no usable profile, so a new one was added"},
			check: func(t *testing.T, s Settings) {
				if s.Preferences.Theme != ThemeDark || s.ActiveProfileID != s.Profiles[0].ID {
					t.Fatalf("settings = %+v", s)
				}
			},
		},
		{
			name: "profiles that are not a list", doc: `{"schemaVersion": 1, "profiles": {"id": "a"}}`,
			names: []string{"License server"}, notice: []string{"profiles: expected a list"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, []byte(tt.doc), 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(dir, "")
			if err != nil {
				t.Fatal(err)
			}
			snap := s.Snapshot()
			var names []string
			for _, p := range snap.Profiles {
				names = append(names, p.Name)
			}
			if fmt.Sprint(names) != fmt.Sprint(tt.names) {
				t.Fatalf("profiles %v, want %v", names, tt.names)
			}
			if tt.check != nil {
				tt.check(t, snap)
			}
			n := s.TakeNotice()
			if len(tt.notice) == 0 {
				if n != "" {
					t.Fatalf("unexpected notice %q", n)
				}
				return
			}
			for _, want := range tt.notice {
				if !strings.Contains(n, want) {
					t.Errorf("notice %q does not name %q", n, want)
				}
			}
			if !strings.Contains(n, "settings.json.bak.1") {
				t.Errorf("notice %q does not name the backup", n)
			}
			if bak, err := os.ReadFile(path + ".bak.1"); err != nil || string(bak) != tt.doc {
				t.Fatalf("backup = %q, %v; want the file as it was", bak, err)
			}
			// The next write keeps what was read, new IDs included, and the
			// file reads cleanly from then on.
			if err := s.SetNavCollapsed(true); err != nil {
				t.Fatal(err)
			}
			again, err := Open(dir, "")
			if err != nil {
				t.Fatal(err)
			}
			if n := again.TakeNotice(); n != "" {
				t.Fatalf("the rewritten file still has problems: %q", n)
			}
			if got, want := fmt.Sprint(again.Snapshot().Profiles), fmt.Sprint(snap.Profiles); got != want {
				t.Fatalf("after a write %s, want %s", got, want)
			}
		})
	}
}

func TestBackupsAreNumberedNewestFirst(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	for i := 1; i <= 7; i++ {
		if err := os.WriteFile(path, []byte(fmt.Sprintf("corrupt %d", i)), 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(dir, "")
		if err != nil {
			t.Fatal(err)
		}
		if n := s.TakeNotice(); !strings.Contains(n, "settings.json.bak.1") {
			t.Fatalf("notice %q", n)
		}
	}
	for n := 1; n <= MaxBackups; n++ {
		raw, err := os.ReadFile(fmt.Sprintf("%s.bak.%d", path, n))
		if want := fmt.Sprintf("corrupt %d", 8-n); err != nil || string(raw) != want {
			t.Fatalf(".bak.%d = %q, %v; want %q", n, raw, err, want)
		}
	}
	if _, err := os.Stat(path + ".bak.6"); !os.IsNotExist(err) {
		t.Fatalf("more than %d backups kept: %v", MaxBackups, err)
	}
}

func TestAFileWithProblemsIsBackedUpOnce(t *testing.T) {
	dir := t.TempDir()
	content := doc(goodB, `"colour": "red",`, goodPrefs)
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := Open(dir, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, FileName+".bak.2")); !os.IsNotExist(err) {
		t.Fatalf("the same file was backed up twice: %v", err)
	}
}

func TestCorruptFileWhileRunningKeepsTheSettingsInUse(t *testing.T) {
	s, dir := openTemp(t)
	if err := s.SaveServer(validLocal()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName)
	if err := os.WriteFile(path, []byte("{ half a file"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddProfile("Lab"); err != nil {
		t.Fatal(err)
	}
	f := readFile(t, dir)
	if len(f.Profiles) != 2 || f.Profiles[0].Host != "lls01.corp.example" || f.Profiles[1].Name != "Lab" {
		t.Fatalf("file = %+v", f)
	}
	if bak, _ := os.ReadFile(path + ".bak.1"); string(bak) != "{ half a file" {
		t.Fatalf("backup = %q", bak)
	}
	if n := s.TakeNotice(); !strings.Contains(n, "settings.json.bak.1") || !strings.Contains(n, "read before are in use") {
		t.Fatalf("notice = %q", n)
	}
}
