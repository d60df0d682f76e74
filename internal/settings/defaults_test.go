package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
)

func TestWritePresets(t *testing.T) {
	const cls = "acme.compliance.flexnetoperations.com"
	tests := []struct {
		name string
		in   Presets
		// want is the file written; problems (field -> message substring)
		// when nothing may be written.
		want     string
		problems map[string]string
	}{
		{"host only: port 7070, HTTP", Presets{Host: "lls01.example"},
			"{\r\n  \"host\": \"lls01.example\",\r\n  \"port\": 7070,\r\n  \"https\": false\r\n}\r\n", nil},
		{"local with port and HTTPS", Presets{Host: "lls.corp", Port: "7443", HTTPS: "1"},
			"{\r\n  \"host\": \"lls.corp\",\r\n  \"port\": 7443,\r\n  \"https\": true\r\n}\r\n", nil},
		{"leading zeros and spaces", Presets{Host: " 10.0.0.5 ", Port: "0070", HTTPS: "0"},
			"{\r\n  \"host\": \"10.0.0.5\",\r\n  \"port\": 70,\r\n  \"https\": false\r\n}\r\n", nil},
		{"bracketed IPv6 as given", Presets{Host: "[fe80::1]"},
			"{\r\n  \"host\": \"[fe80::1]\",\r\n  \"port\": 7070,\r\n  \"https\": false\r\n}\r\n", nil},
		{"cloud license server", Presets{Host: cls, CLS: "ABCDEF123456"},
			"{\r\n  \"host\": \"" + cls + "\",\r\n  \"https\": true,\r\n  \"clsInstanceId\": \"ABCDEF123456\"\r\n}\r\n", nil},
		{"cloud license server, HTTPS=1 allowed", Presets{Host: cls, CLS: "abcdef123456", HTTPS: "1"},
			"{\r\n  \"host\": \"" + cls + "\",\r\n  \"https\": true,\r\n  \"clsInstanceId\": \"abcdef123456\"\r\n}\r\n", nil},
		{"nothing given", Presets{}, "", map[string]string{FieldHost: "HOST needs a host name"}},
		{"port without host", Presets{Port: "7070"}, "", map[string]string{FieldHost: "need HOST as well"}},
		{"CLS without host", Presets{CLS: "ABCDEF123456"}, "", map[string]string{FieldHost: "need HOST as well"}},
		{"port too high", Presets{Host: "lls", Port: "70000"}, "", map[string]string{FieldPort: "PORT=70000 is not valid"}},
		{"port zero", Presets{Host: "lls", Port: "0"}, "", map[string]string{FieldPort: "PORT=0 is not valid"}},
		{"port not a number", Presets{Host: "lls", Port: "+80"}, "", map[string]string{FieldPort: "PORT=+80 is not valid"}},
		{"HTTPS not 0 or 1", Presets{Host: "lls", HTTPS: "yes"}, "", map[string]string{FieldHTTPS: "HTTPS=yes is not valid"}},
		{"URL as host", Presets{Host: "http://x"}, "", map[string]string{FieldHost: "HOST: Enter only the host name"}},
		{"port in host", Presets{Host: "lls:7070"}, "", map[string]string{FieldHost: "Listen Port"}},
		{"every problem at once", Presets{Host: "lls_01!", Port: "abc", HTTPS: "2"}, "", map[string]string{
			FieldHost: "not a valid host name", FieldPort: "PORT=abc", FieldHTTPS: "HTTPS=2"}},
		{"CLS with a port", Presets{Host: cls, CLS: "ABCDEF123456", Port: "443"}, "", map[string]string{FieldPort: "does not apply"}},
		{"CLS over HTTP", Presets{Host: cls, CLS: "ABCDEF123456", HTTPS: "0"}, "", map[string]string{FieldHTTPS: "always reached over HTTPS"}},
		{"CLS on another host", Presets{Host: "lls.corp", CLS: "ABCDEF123456"}, "", map[string]string{FieldHost: "HOST: A Cloud License Server host name"}},
		{"CLS too short", Presets{Host: cls, CLS: "SHORT"}, "", map[string]string{FieldInstanceID: "CLS: An instance ID is 12"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "defaults.json")
			err := WritePresets(path, tt.in)
			raw, readErr := os.ReadFile(path)
			if tt.problems == nil {
				if err != nil || readErr != nil {
					t.Fatalf("WritePresets: %v; reading: %v", err, readErr)
				}
				if string(raw) != tt.want {
					t.Errorf("wrote %q, want %q", raw, tt.want)
				}
				return
			}
			if apperr.CodeOf(err) != apperr.InvalidInput {
				t.Fatalf("err = %v, want invalid input", err)
			}
			if readErr == nil {
				t.Errorf("an invalid preset wrote %q", raw)
			}
			got := map[string]string{}
			for _, it := range apperr.ItemsOf(err) {
				got[it.Field] = it.Message
			}
			if len(got) != len(tt.problems) {
				t.Errorf("problems %v, want fields %v", got, tt.problems)
			}
			for field, want := range tt.problems {
				if !strings.Contains(got[field], want) {
					t.Errorf("%s: %q, want it to contain %q", field, got[field], want)
				}
			}
		})
	}
}

// The app reads what the installer writes: the presets become the first
// profile of a new user.
func TestWrittenPresetsAreTheNewUsersProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "defaults.json")
	if err := WritePresets(path, Presets{Host: "lls.corp", Port: "7443", HTTPS: "1"}); err != nil {
		t.Fatal(err)
	}
	p := initial(path).Profiles[0]
	if p.Host != "lls.corp" || p.Port != 7443 || !p.HTTPS || p.ServerType != ServerLocal {
		t.Errorf("profile %+v", p)
	}
}

func TestAnInvalidPresetKeepsTheFileThere(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "defaults.json")
	if err := os.WriteFile(path, []byte("earlier"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WritePresets(path, Presets{Host: "lls", Port: "70000"}); err == nil {
		t.Fatal("PORT=70000 was accepted")
	}
	if raw, _ := os.ReadFile(path); string(raw) != "earlier" {
		t.Errorf("defaults.json is now %q", raw)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left %d files in the folder, want only defaults.json", len(entries))
	}
}
