package main

import (
	"fmt"
	"strings"
	"testing"

	"licenseservermanager/internal/progress"
)

// TestProgressWithoutATerminal: a line when a step begins and at each
// quarter of its work, never more, so that a scheduled job's log stays
// short.
func TestProgressWithoutATerminal(t *testing.T) {
	var b strings.Builder
	r := &reporter{w: &b}
	r.report(progress.Step{Message: "Reading the feature list"})
	for done := int64(0); done <= 100; done += 5 {
		r.report(progress.Step{Message: fmt.Sprintf("Sending group %d", done+1), Done: done, Total: 100, Unit: "groups"})
	}
	r.report(progress.Step{Message: "Done", Done: 100, Total: 100, Unit: "groups"})
	want := "lsm: Reading the feature list\n" +
		"lsm: Sending group 1: 0 of 100 groups\n" +
		"lsm: Sending group 26: 25 of 100 groups\n" +
		"lsm: Sending group 51: 50 of 100 groups\n" +
		"lsm: Sending group 76: 75 of 100 groups\n" +
		"lsm: Sending group 101: 100 of 100 groups\n"
	if b.String() != want {
		t.Fatalf("%q", b.String())
	}
}

// TestProgressGoesToStderr: a long command's progress never mixes with its
// results.
func TestProgressGoesToStderr(t *testing.T) {
	h := newHarness(t, simulatorOff())
	code, stdout, stderr := h.run("features", "list", "-o", "json")
	if code != exitOK || strings.Contains(stdout, "lsm:") || !strings.HasPrefix(strings.TrimSpace(stdout), "[") || !strings.Contains(stderr, "lsm: Reading ") {
		t.Fatalf("%d stdout %.100q stderr %q", code, stdout, stderr)
	}
}
