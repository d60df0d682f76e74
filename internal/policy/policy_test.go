package policy

import "testing"

func TestKindOf(t *testing.T) {
	tests := []struct{ name, value, want string }{
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

func TestCheck(t *testing.T) {
	tests := []struct {
		kind, value string
		ok          bool
	}{
		{KindDuration, "30", true},
		{KindDuration, "90s", true},
		{KindDuration, "2w", true},
		{KindDuration, "1.5h", false},
		{KindDuration, "10 minutes", false},
		{KindList, "[a,b]", true},
		{KindList, "[]", true},
		{KindList, "a,b", false},
		{KindList, "[a,[b]]", false},
		{KindBoolean, "true", true},
		{KindBoolean, "yes", false},
		{KindNumber, "0", true},
		{KindNumber, "-1", false},
		{KindNumber, "12x", false},
		{KindLevel, "debug", true},
		{KindLevel, "LOUD", false},
		{KindText, "anything", true},
	}
	for _, tt := range tests {
		if got := Check(tt.kind, tt.value); (got == "") != tt.ok {
			t.Errorf("%s %q: %q", tt.kind, tt.value, got)
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
