// Package session holds the rules of a login session that do not need a
// server: the guide's 30-minute inactivity timeout and the password rules
// checked before a new password is sent.
package session

import (
	"sync"
	"time"
)

// IdleTimeout is the guide's limit: sessions end after 30 minutes without
// user interaction.
const IdleTimeout = 30 * time.Minute

// Idle tracks the time of the user's last interaction.
type Idle struct {
	mu      sync.Mutex
	timeout time.Duration
	now     func() time.Time
	last    time.Time
}

// NewIdle starts tracking now; now is injectable so tests use a fake clock.
func NewIdle(timeout time.Duration, now func() time.Time) *Idle {
	if now == nil {
		now = time.Now
	}
	return &Idle{timeout: timeout, now: now, last: now()}
}

// Touch records an interaction.
func (i *Idle) Touch() {
	i.mu.Lock()
	i.last = i.now()
	i.mu.Unlock()
}

// Expired reports whether the user has been idle for the whole timeout.
func (i *Idle) Expired() bool {
	return i.Remaining() == 0
}

// Remaining is how long until the session ends for inactivity.
func (i *Idle) Remaining() time.Duration {
	i.mu.Lock()
	defer i.mu.Unlock()
	left := i.timeout - i.now().Sub(i.last)
	if left < 0 {
		return 0
	}
	return left
}
