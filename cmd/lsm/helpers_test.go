package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

// runArgs runs lsm on args without a server, settings or terminal.
func runArgs(args []string, stdout, stderr io.Writer) int {
	return run(context.Background(), deps{stdin: strings.NewReader(""), stdout: stdout, stderr: stderr, getenv: func(string) string { return "" },
		secrets: secrets.NewMemory(), settingsDir: func() (string, error) { return "", io.ErrUnexpectedEOF }}, args)
}

// harness is lsm on a temp settings folder whose active profile is a
// simulator, with a memory keyring the app's sessions would share.
type harness struct {
	t       *testing.T
	sim     *simulator.Server
	dir     string
	secrets *secrets.Memory
	store   *settings.Store
	env     map[string]string
	// stdin is what standard input holds; terminal makes it a person's.
	stdin    string
	terminal bool
	typed    string // what the person types at a password prompt
	// policies stand in for the machine's registry.
	policies orgpolicy.Policies
}

func newHarness(t *testing.T, opts simulator.Options) *harness {
	t.Helper()
	sim := simulator.New(opts)
	dir := t.TempDir()
	store, err := settings.Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SaveServer(simtest.ServerInput(t, sim)); err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, sim: sim, dir: dir, secrets: secrets.NewMemory(), store: store, env: map[string]string{}}
}

// profile is the harness's active profile as the settings file has it now.
func (h *harness) profile() settings.Profile {
	h.t.Helper()
	store, err := settings.Open(h.dir, "")
	if err != nil {
		h.t.Fatal(err)
	}
	p, _ := store.Active()
	return p
}

// run runs lsm with args and returns its exit status and outputs.
func (h *harness) run(args ...string) (int, string, string) {
	h.t.Helper()
	var stdout, stderr bytes.Buffer
	d := deps{
		stdin: strings.NewReader(h.stdin), stdout: &stdout, stderr: &stderr,
		getenv: func(k string) string { return h.env[k] }, secrets: h.secrets,
		settingsDir: func() (string, error) { return h.dir, nil }, terminal: h.terminal,
		readPassword: func() (string, error) { return h.typed, nil },
		policies:     h.policies,
	}
	code := run(context.Background(), d, args)
	return code, stdout.String(), stderr.String()
}

// simulatorOff is a simulator without security, for commands whose login
// is not what a test is about.
func simulatorOff() simulator.Options { return simulator.Options{Security: simulator.SecurityOff} }
