package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"licenseservermanager/internal/secrets"
)

// runSetup runs lsm as if lsm.exe were in dir, and returns its exit status,
// standard output and standard error.
func runSetup(dir string, args ...string) (int, string, string) {
	var stdout, stderr strings.Builder
	code := run(context.Background(), deps{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
		getenv: func(string) string { return "" }, secrets: secrets.NewMemory(),
		settingsDir: func() (string, error) { return "", io.ErrUnexpectedEOF }, machineDefaults: filepath.Join(dir, "defaults.json")}, args)
	return code, stdout.String(), stderr.String()
}

func TestSetupWriteDefaults(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		file   string // defaults.json afterwards; "" = none
		stderr string
	}{
		{"local server, as the MSI passes it", []string{"--host", "lls01.example", "--port", "7071", "--https", "1", "--cls", ""}, exitOK,
			"{\r\n  \"host\": \"lls01.example\",\r\n  \"port\": 7071,\r\n  \"https\": true\r\n}\r\n", ""},
		{"cloud license server", []string{"--host", "acme.compliance.flexnetoperations.com", "--port", "", "--https", "", "--cls", "ABCDEF123456"}, exitOK,
			"{\r\n  \"host\": \"acme.compliance.flexnetoperations.com\",\r\n  \"https\": true,\r\n  \"clsInstanceId\": \"ABCDEF123456\"\r\n}\r\n", ""},
		{"a bad port", []string{"--host", "lls01.example", "--port", "70000"}, exitUsage, "",
			"lsm: the server presets are not valid, nothing was written:\n  PORT=70000 is not valid: the port must be a number from 1 to 65535.\n"},
		{"a URL and a bad HTTPS", []string{"--host", "http://x", "--https", "yes"}, exitUsage, "",
			"HTTPS=yes is not valid: use HTTPS=1 (HTTPS) or HTTPS=0 (HTTP).\n  HOST: Enter only the host name or IP address, without http:// or a path.\n"},
		{"a port without a host", []string{"--host", "", "--port", "7070"}, exitUsage, "", "PORT, HTTPS and CLS need HOST as well"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			code, _, stderr := runSetup(dir, append([]string{"setup", "write-defaults"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) || (tt.stderr == "" && stderr != "") {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr, tt.code, tt.stderr)
			}
			raw, err := os.ReadFile(filepath.Join(dir, "defaults.json"))
			if string(raw) != tt.file || (tt.file == "") != os.IsNotExist(err) {
				t.Errorf("defaults.json %q (%v), want %q", raw, err, tt.file)
			}
		})
	}
}

func TestSetupIsHiddenFromHelp(t *testing.T) {
	code, stdout, _ := runSetup(t.TempDir(), "--help")
	if code != exitOK || strings.Contains(stdout, "setup") || !strings.Contains(stdout, "usage") {
		t.Errorf("lsm --help (exit %d) lists setup, or is not the help:\n%s", code, stdout)
	}
}
