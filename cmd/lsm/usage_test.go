package main

import (
	"encoding/json"
	"strings"
	"testing"

	"licenseservermanager/internal/collect"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/simulator"
)

func TestUsageCollectAlertsAndAudit(t *testing.T) {
	h := newHarness(t, simulator.Options{Security: simulator.SecurityOn})

	// Without a saved password the collector cannot log in: it says so,
	// and exits 1.
	code, out, _ := h.run("usage", "collect")
	if code != exitProblems || !strings.Contains(out, string(collect.NeedsLogin)) {
		t.Fatalf("collect without a password: %d %q", code, out)
	}

	h.env["LSM_PASSWORD"] = simulator.AdminPassword
	if code, _, errs := h.run("login", "--remember"); code != exitOK {
		t.Fatalf("login: %d %s", code, errs)
	}
	if err := h.sim.Fill("VR_MODE"); err != nil {
		t.Fatal(err)
	}
	delete(h.env, "LSM_PASSWORD")
	code, out, errs := h.run("usage", "collect", "--all", "-o", "json")
	var results []collect.Result
	if code != exitOK || json.Unmarshal([]byte(out), &results) != nil || len(results) != 1 || results[0].Outcome != collect.Written {
		t.Fatalf("collect --all: %d %s %s", code, out, errs)
	}
	// The same interval again: another collector's sample is there.
	if code, out, _ := h.run("usage", "collect"); code != exitOK || !strings.Contains(out, string(collect.Taken)) {
		t.Fatalf("collect again: %d %s", code, out)
	}

	code, out, _ = h.run("usage", "alerts", "-o", "json")
	var alerts []history.Alert
	if code != exitOK || json.Unmarshal([]byte(out), &alerts) != nil {
		t.Fatalf("alerts: %d %s", code, out)
	}
	full := 0
	for _, a := range alerts {
		if a.Rule == "full" && strings.HasPrefix(a.Subject, "VR_MODE ") && a.ClearedAt == nil {
			full++
		}
	}
	if full != 2 { // VR_MODE has versions 1.0 and 2.0
		t.Fatalf("%d open full alerts of VR_MODE in %+v", full, alerts)
	}

	// lsm's changes are in the audit log, the login with its user.
	if code, _, errs := h.run("properties", "set", "licensing.borrowIntervalMax=9d"); code != exitOK {
		t.Fatalf("properties set: %d %s", code, errs)
	}
	code, out, _ = h.run("audit", "list", "-o", "json")
	var entries []history.Entry
	if code != exitOK || json.Unmarshal([]byte(out), &entries) != nil {
		t.Fatalf("audit: %d %s", code, out)
	}
	var login, saved bool
	for _, e := range entries {
		saved = saved || e.Summary == "Policy settings saved: licensing.borrowIntervalMax"
		if e.Tool != "lsm" {
			t.Fatalf("entry from %q: %+v", e.Tool, e)
		}
		if e.Summary == "Logged in as admin" && e.User == "admin" && e.Outcome == history.OutcomeDone {
			login = true
		}
		if strings.Contains(e.Summary, simulator.AdminPassword) {
			t.Fatalf("a password in the audit log: %+v", e)
		}
	}
	if !login || !saved {
		t.Fatalf("no login in %+v", entries)
	}
	if code, _, _ := h.run("audit", "list", "--outcome", "maybe"); code != exitUsage {
		t.Fatalf("a bad outcome: %d", code)
	}
}
