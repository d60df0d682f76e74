package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/simulator"
)

// TestPoliciesAtTheConsole: what the app refuses under a machine policy,
// lsm refuses with exit status 2 and the policy's words, having sent
// nothing; lsm policies lists what is in force.
func TestPoliciesAtTheConsole(t *testing.T) {
	h := newHarness(t, simulator.Options{})
	h.policies = orgpolicy.Policies{DisableRememberPassword: true, DisableModelUpload: true, DisablePropertiesEdit: true,
		DisableHistoryCollection: true, AllowedServers: []string{"*.corp.example", h.profile().Host + ":*"}}
	model := filepath.Join(t.TempDir(), "m.txt")
	if err := os.WriteFile(model, []byte("model \"m\" {\n    on any() {\n        accept\n    }\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h.stdin = simulator.AdminPassword + "\n"
	tests := []struct {
		args []string
		op   string // what the simulator would have been asked
		want string
	}{
		{[]string{"login", "--password-stdin", "--remember"}, "authorize", "does not allow saving passwords"},
		{[]string{"--password-stdin", "model", "upload", model}, "uploadModel", "does not allow changing the model definition"},
		{[]string{"--password-stdin", "model", "delete", "--yes"}, "deleteModel", "does not allow changing the model definition"},
		{[]string{"--password-stdin", "properties", "set", "licensing.renewInterval=20"}, "updateConfiguration", "does not allow changing the license server's properties"},
		{[]string{"usage", "record", "on"}, "", "turned usage history off"},
		{[]string{"--server", "http://lls01.elsewhere.example:7070", "status"}, "health", "allows only these license servers"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			before := h.sim.Requests(tt.op)
			code, _, stderr := h.run(tt.args...)
			if code != exitUsage || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, orgpolicy.Notice) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, exitUsage, tt.want)
			}
			if tt.op != "" && h.sim.Requests(tt.op) != before {
				t.Fatalf("%s reached the server", tt.op)
			}
		})
	}
	if p := h.profile(); p.RememberedUser != "" {
		t.Fatalf("a password was remembered: %+v", p)
	}
	code, out, _ := h.run("policies")
	for _, want := range []string{"DisableRememberPassword", "*.corp.example", "DisableHistoryCollection"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Fatalf("policies: %d %q lacks %q", code, out, want)
		}
	}
}
