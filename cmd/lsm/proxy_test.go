package main

import (
	"strings"
	"testing"

	"licenseservermanager/internal/secrets"
)

func TestProxyCommandsSetTheProfileAndTheKeyring(t *testing.T) {
	h := newHarness(t, simulatorOff())
	name := h.profile().Name
	if code, _, stderr := h.run("profiles", "proxy", name, "--mode", "manual", "--url", "proxy.corp"); code != exitUsage || !strings.Contains(stderr, "no port") {
		t.Fatalf("a proxy without a port: %d %q", code, stderr)
	}
	if code, _, stderr := h.run("profiles", "proxy-login", name, "--password-stdin"); code != exitUsage || !strings.Contains(stderr, "no proxy user") {
		t.Fatalf("a password without a user: %d %q", code, stderr)
	}
	if code, _, stderr := h.run("profiles", "proxy", name, "--mode", "none", "--proxy-user", `CORP\bob`); code != exitOK {
		t.Fatalf("proxy: %d %q", code, stderr)
	}
	h.stdin = "s3cret\n"
	if code, _, stderr := h.run("profiles", "proxy-login", name, "--password-stdin"); code != exitOK {
		t.Fatalf("proxy-login: %d %q", code, stderr)
	}
	p := h.profile()
	if pw, err := h.secrets.Get(secrets.ProxyProfile(p.ID), `CORP\bob`); err != nil || pw != "s3cret" {
		t.Fatalf("saved %q %v", pw, err)
	}
	if _, err := h.secrets.Get(p.ID, `CORP\bob`); err == nil {
		t.Fatal("the proxy password was filed as a server login's")
	}
	h.stdin = ""
	code, out, stderr := h.run("status")
	if code != exitOK || !strings.Contains(out, "direct (profile: no proxy)") {
		t.Fatalf("status: %d %q %q", code, out, stderr)
	}
}
