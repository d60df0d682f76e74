package main

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/simulator"
)

// TestTheServerCommands runs each command that changes or reads the server
// once, as a script would, and checks the server or the output after it.
func TestTheServerCommands(t *testing.T) {
	dir := t.TempDir()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	der, _ := x509.MarshalPKIXPublicKey(&key.PublicKey)
	keyFile := filepath.Join(dir, "client.der")
	if err := os.WriteFile(keyFile, der, 0o600); err != nil {
		t.Fatal(err)
	}
	goodModel := filepath.Join(dir, "good.model")
	badModel := filepath.Join(dir, "bad.model")
	if err := os.WriteFile(goodModel, []byte("model \"split\" {\n  partitions {\n    partition \"eng\" {\n      \"3D_Rendering\" 3.2 10\n    }\n  }\n  on hostname(\"cad-01\") {\n    use \"eng\"\n    accept\n  }\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(badModel, []byte("model \"split\" {\n  partitions {\n    partition \"eng\" {\n      \"3D_Rendering\" 3.2 ten\n    }\n  }\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		opts    simulator.Options
		args    []string
		code    int
		stdout  string // a part of it
		stderr  string
		checkOn func(t *testing.T, h *harness)
	}{
		{name: "properties list", args: []string{"properties", "list", "-o", "csv"}, stdout: "licensing.borrowIntervalMax"},
		{name: "properties get", args: []string{"properties", "get", "licensing.borrowIntervalMax"}, stdout: "\n"},
		{name: "properties set, a dry run", args: []string{"properties", "set", "licensing.borrowIntervalMax=9d", "--dry-run"}, stdout: "9d", stderr: "sends nothing",
			checkOn: func(t *testing.T, h *harness) { wantSetting(t, h, "licensing.borrowIntervalMax", "9d", false) }},
		{name: "properties set", args: []string{"properties", "set", "licensing.borrowIntervalMax=9d"}, stdout: "saved",
			checkOn: func(t *testing.T, h *harness) { wantSetting(t, h, "licensing.borrowIntervalMax", "9d", true) }},
		{name: "properties set, a bad value", args: []string{"properties", "set", "licensing.borrowIntervalMax=soon"}, code: exitUsage, stderr: "licensing.borrowIntervalMax"},
		{name: "pools list", opts: simulator.Options{Dataset: simulator.DatasetPools}, args: []string{"pools", "list"}, stdout: "default"},
		{name: "model show", opts: simulator.Options{Dataset: simulator.DatasetPools}, args: []string{"model", "show"}, stdout: "model "},
		{name: "model show, none active", args: []string{"model", "show"}, code: exitProblems, stderr: "No model definition is active"},
		{name: "model upload, a dry run", opts: simulator.Options{Dataset: simulator.DatasetPools}, args: []string{"model", "upload", goodModel, "--dry-run"}, stdout: "eng"},
		{name: "model upload, an invalid file", opts: simulator.Options{Dataset: simulator.DatasetPools}, args: []string{"model", "upload", badModel}, code: exitUsage,
			stderr: "bad.model:4:"},
		{name: "model upload", opts: simulator.Options{Dataset: simulator.DatasetPools}, args: []string{"model", "upload", goodModel}, stdout: "split is active",
			checkOn: func(t *testing.T, h *harness) {
				if _, out, _ := h.run("model", "show"); !strings.Contains(out, `"split"`) {
					t.Fatalf("model now:\n%s", out)
				}
			}},
		{name: "model upload while groups exist", args: []string{"model", "upload", goodModel}, code: exitProblems, stderr: "reservation groups"},
		{name: "a dry run says the upload would be refused", args: []string{"model", "upload", goodModel, "--dry-run"}, code: exitProblems, stdout: "eng", stderr: "reservation groups"},
		{name: "model delete", opts: simulator.Options{Dataset: simulator.DatasetPools}, args: []string{"model", "delete", "--yes"}, stdout: "deleted",
			checkOn: func(t *testing.T, h *harness) {
				if code, _, _ := h.run("model", "show"); code != exitProblems {
					t.Fatalf("a model is still active: %d", code)
				}
			}},
		{name: "model format", args: []string{"model", "format", goodModel}, stdout: "partition \"eng\""},
		{name: "activate", args: []string{"activate", simulator.DemoActivationOK + ":2"}, stdout: "activated"},
		{name: "activate, an unknown ID", args: []string{"activate", "ACT-CLI-0001"}, code: exitProblems, stdout: "not known to the back office"},
		{name: "sync", args: []string{"sync"}, stdout: "Requested",
			checkOn: func(t *testing.T, h *harness) {
				if h.sim.LastSync().IsZero() {
					t.Fatal("no sync reached the server")
				}
			}},
		{name: "offline capability request", args: []string{"offline", "capability-request", "--file", filepath.Join(dir, "request.bin")}, stdout: "request.bin",
			checkOn: func(t *testing.T, h *harness) {
				if _, out, _ := h.run("offline", "history", "-o", "csv"); !strings.Contains(out, "request.bin") {
					t.Fatalf("history:\n%s", out)
				}
			}},
		{name: "offline load-response, not a response", args: []string{"offline", "load-response", keyFile}, code: exitProblems},
		{name: "clientkey check", args: []string{"clientkey", "check", keyFile}, stdout: "RSA 2048-bit"},
		{name: "clientkey check, not a key", args: []string{"clientkey", "check", goodModel}, code: exitUsage},
		{name: "clientkey upload", args: []string{"clientkey", "upload", keyFile}, stdout: "accepted"},
		{name: "reservations add, a dry run", args: []string{"reservations", "add", "CLI-GROUP", "CLI-HOST-1", "Audio_Sync:1.2:1", "--dry-run"}, stderr: "valid",
			checkOn: func(t *testing.T, h *harness) { wantGroup(t, h, "CLI-GROUP", false) }},
		{name: "reservations add", args: []string{"reservations", "add", "CLI-GROUP", "CLI-HOST-1:STRING", "Audio_Sync:1.2:1"}, stdout: "done",
			checkOn: func(t *testing.T, h *harness) { wantGroup(t, h, "CLI-GROUP", true) }},
		{name: "reservations add, a bad version", args: []string{"reservations", "add", "CLI-GROUP", "CLI-HOST-1", "Audio_Sync:1:1"}, code: exitUsage, stderr: "a.b"},
		{name: "completion for PowerShell", args: []string{"completion", "powershell"}, stdout: "Register-ArgumentCompleter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Security = simulator.SecurityOff
			h := newHarness(t, tt.opts)
			code, stdout, stderr := h.run(tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Fatalf("status %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", code, tt.code, stdout, tt.stdout, stderr, tt.stderr)
			}
			if tt.checkOn != nil {
				tt.checkOn(t, h)
			}
		})
	}
}

func wantSetting(t *testing.T, h *harness, name, value string, want bool) {
	t.Helper()
	_, out, _ := h.run("properties", "get", name)
	if (strings.TrimSpace(out) == value) != want {
		t.Fatalf("%s is %q", name, out)
	}
}

func wantGroup(t *testing.T, h *harness, name string, want bool) {
	t.Helper()
	_, out, _ := h.run("reservations", "list", "-o", "json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		found = found || r["group"] == name
	}
	if found != want {
		t.Fatalf("group %s on the server: %v", name, found)
	}
}

// TestEditAGroupFromItsExport: export one group, change it, edit it in.
func TestEditAGroupFromItsExport(t *testing.T) {
	h := newHarness(t, simulator.Options{Security: simulator.SecurityOff})
	_, list, _ := h.run("reservations", "list", "-o", "json")
	var rows []struct {
		GroupID int64  `json:"groupId"`
		Group   string `json:"group"`
	}
	if err := json.Unmarshal([]byte(list), &rows); err != nil || len(rows) == 0 {
		t.Fatal(err)
	}
	id := rows[0].GroupID
	_, exported, _ := h.run("reservations", "export", strings.TrimSpace(jsonNumber(id)))
	changed := strings.Replace(exported, `"name": "`+rows[0].Group+`"`, `"name": "Renamed by lsm"`, 1)
	file := filepath.Join(t.TempDir(), "group.json")
	if err := os.WriteFile(file, []byte(strings.TrimSpace(changed)), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := h.run("reservations", "edit", jsonNumber(id), file, "-o", "json")
	var rep operations.EditReport
	if code != exitOK || json.Unmarshal([]byte(out), &rep) != nil || rep.Outcome != operations.OutcomeReplaced {
		t.Fatalf("%d %s %s", code, out, stderr)
	}
	wantGroup(t, h, "Renamed by lsm", true)
	wantGroup(t, h, rows[0].Group, false)
}

func jsonNumber(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestPasswordReset: the current and the new password on standard input;
// then only the new one logs in.
func TestPasswordReset(t *testing.T) {
	h := newHarness(t, simulator.Options{})
	h.stdin = simulator.AdminPassword + "\nNew-Admin-Pass-7\n"
	if code, out, stderr := h.run("--password-stdin", "password", "reset"); code != exitOK || !strings.Contains(out, "password of admin is changed") {
		t.Fatalf("%d %q %q", code, out, stderr)
	}
	h.env["LSM_PASSWORD"] = simulator.AdminPassword
	if code, _, _ := h.run("features", "summary"); code != exitLogin {
		t.Fatalf("the old password: %d", code)
	}
	h.env["LSM_PASSWORD"] = "New-Admin-Pass-7"
	if code, _, stderr := h.run("features", "summary"); code != exitOK {
		t.Fatalf("the new password: %d %s", code, stderr)
	}
	// Without a new password at hand nothing is sent.
	h.stdin = ""
	if code, _, stderr := h.run("password", "reset"); code != exitUsage || !strings.Contains(stderr, "No new password") {
		t.Fatalf("%d %s", code, stderr)
	}
}
