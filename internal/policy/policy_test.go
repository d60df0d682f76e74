package policy

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
)

func TestKindOf(t *testing.T) {
	tests := []struct {
		name, value string
		want        Kind
	}{
		{"security.enabled", "true", KindBoolean},
		{"security.token.duration", "1d", KindDuration},
		{"licensing.renewInterval", "15", KindDuration},
		{"security.ip.whitelist", "[]", KindList},
		{"lfs.syncTo.pagesize", "1000", KindNumber},
		{"logging.threshold", "INFO", KindLevel},
		{"logging.directory", "${base.dir}/logs", KindText},
		{"server.uuid", "a3f4c2d1-5b6e", KindText},
	}
	for _, tt := range tests {
		if got := KindOf(tt.name, tt.value); got != tt.want {
			t.Errorf("%s=%s: %s, want %s", tt.name, tt.value, got, tt.want)
		}
	}
}

// checkCases is the table Go and the Properties view's instant check
// share.
type checkCases struct {
	Levels []string `json:"levels"`
	Cases  []struct {
		Kind    Kind   `json:"kind"`
		Value   string `json:"value"`
		Message string `json:"message"`
	} `json:"cases"`
}

func TestCheck(t *testing.T) {
	raw, err := os.ReadFile("testdata/checks.json")
	if err != nil {
		t.Fatal(err)
	}
	var table checkCases
	if err := json.Unmarshal(raw, &table); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(table.Levels, Levels()) {
		t.Fatalf("the table's levels %v are not Go's %v", table.Levels, Levels())
	}
	kinds := map[Kind]bool{}
	for _, tt := range table.Cases {
		kinds[tt.Kind] = true
		if got := Check(tt.Kind, tt.Value); got != tt.Message {
			t.Errorf("%s %q: %q, want %q", tt.Kind, tt.Value, got, tt.Message)
		}
	}
	for _, k := range []Kind{KindBoolean, KindDuration, KindList, KindNumber, KindLevel, KindText} {
		if !kinds[k] {
			t.Errorf("the table has no case of kind %s", k)
		}
	}
}

func TestLockReason(t *testing.T) {
	tests := []struct {
		name     string
		editable bool
		cls      bool
		locked   bool
	}{
		{"licensing.responseLifetime", true, false, true},
		{"lfs.syncTo.enabled", true, false, true},
		{"server.uuid", true, false, true},
		{"security.enabled", true, false, false},
		{"security.enabled", false, false, true},
		{"security.enabled", true, true, true},
	}
	for _, tt := range tests {
		if got := LockReason(tt.name, tt.editable, tt.cls); (got != "") != tt.locked {
			t.Errorf("%s: %q", tt.name, got)
		}
	}
}
