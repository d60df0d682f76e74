package session

import (
	"testing"
	"time"
)

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func TestIdleTimeout(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	idle := NewIdle(IdleTimeout, clock.now)
	tests := []struct {
		advance   time.Duration
		touch     bool
		remaining time.Duration
		expired   bool
	}{
		{0, false, 30 * time.Minute, false},
		{29 * time.Minute, false, time.Minute, false},
		{0, true, 30 * time.Minute, false}, // interaction restarts the clock
		{29*time.Minute + 59*time.Second, false, time.Second, false},
		{time.Second, false, 0, true},
		{time.Hour, false, 0, true},
		{0, true, 30 * time.Minute, false},
	}
	for i, tt := range tests {
		clock.t = clock.t.Add(tt.advance)
		if tt.touch {
			idle.Touch()
		}
		if got := idle.Remaining(); got != tt.remaining {
			t.Fatalf("step %d: remaining %v, want %v", i, got, tt.remaining)
		}
		if got := idle.Expired(); got != tt.expired {
			t.Fatalf("step %d: expired %v, want %v", i, got, tt.expired)
		}
	}
}

func TestPasswordProblems(t *testing.T) {
	tests := []struct {
		pw   string
		want int
	}{
		{"Admin123!", 0},
		{"Str0ng#Pass", 0},
		{"Ab(defgh", 0},
		{"Ab!", 1},                              // too short
		{"Abcdefghijklmnopqrstuvwxyz12345!", 1}, // 32: too long
		{"admin123!", 1},                        // no upper
		{"ADMIN123!", 1},                        // no lower
		{"Admin1234", 1},                        // no special
		{"Admin123@", 1},                        // @ is not in the list
		{"", 4},                                 // everything
		{"ÄÖÜäöü!!", 0},                         // letters beyond ASCII count
	}
	for _, tt := range tests {
		if got := PasswordProblems(tt.pw); len(got) != tt.want {
			t.Errorf("%q: %v", tt.pw, got)
		}
	}
}
