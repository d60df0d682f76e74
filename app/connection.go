package app

import (
	"context"
	"fmt"
	"sync"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/session"
	"licenseservermanager/internal/settings"
)

// Connections holds the client of the active profile's server, with its
// login and the inactivity clock. Switching or editing the profile gives a
// fresh client, so a token never crosses from one server to another.
type Connections struct {
	store *settings.Store
	now   func() time.Time

	mu       sync.Mutex
	key      string
	client   *fne.Client
	profile  settings.Profile
	health   *fne.Health
	idle     *session.Idle
	timedOut bool
}

// NewConnections builds the manager; now is injectable for tests.
func NewConnections(store *settings.Store, now func() time.Time) *Connections {
	if now == nil {
		now = time.Now
	}
	return &Connections{store: store, now: now, idle: session.NewIdle(session.IdleTimeout, now)}
}

// profileKey changes whenever anything that decides where and how we
// connect changes.
func profileKey(p settings.Profile) string {
	return fmt.Sprintf("%s|%s|%s|%d|%s|%t|%s|%s", p.ID, p.Host, p.ServerType, p.Port, p.InstanceID, p.HTTPS, p.PinnedFingerprint, p.CAFile)
}

// current returns the client of the active profile, building a new one when
// the profile changed. It also ends a login that has been idle too long.
func (c *Connections) current() (*fne.Client, settings.Profile, error) {
	p, ok := c.store.Active()
	if !ok || !p.Complete() {
		return nil, p, apperr.New(apperr.NotConfigured, "Fill in the Settings to connect to a license server.")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if k := profileKey(p); k != c.key || c.client == nil {
		c.key, c.client, c.profile, c.health, c.timedOut = k, fne.New(ClientOptions(p)), p, nil, false
	}
	c.profile = p
	if _, in := c.client.Session(); in && c.idle.Expired() {
		c.client.Logout()
		c.timedOut = true
	}
	return c.client, p, nil
}

// Client is what data services use for each server call. A session that
// ended for inactivity is reported as login_required with the reason.
func (c *Connections) Client() (*fne.Client, error) {
	cl, _, err := c.current()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	timedOut := c.timedOut
	c.mu.Unlock()
	if _, in := cl.Session(); !in && timedOut {
		return nil, apperr.New(apperr.LoginRequired, "Your session ended after %d minutes without activity. Log in again to continue; nothing you entered is lost.", int(session.IdleTimeout/time.Minute))
	}
	return cl, nil
}

// Touch records user interaction, which keeps the session alive.
func (c *Connections) Touch() { c.idle.Touch() }

// Health asks the active server for its health and remembers its security
// mode for the session view.
func (c *Connections) Health(ctx context.Context) (fne.Health, error) {
	cl, _, err := c.current()
	if err != nil {
		return fne.Health{}, err
	}
	h, err := cl.Health(ctx)
	if err != nil {
		return fne.Health{}, err
	}
	c.mu.Lock()
	if c.client == cl {
		c.health = &h
	}
	c.mu.Unlock()
	return h, nil
}

// knownHealth is the last health answer for the current client, if any.
func (c *Connections) knownHealth() *fne.Health {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.health
}

// clearTimeout forgets that the last session timed out (after a new login).
func (c *Connections) clearTimeout() {
	c.mu.Lock()
	c.timedOut = false
	c.mu.Unlock()
	c.idle.Touch()
}

func (c *Connections) wasTimedOut() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.timedOut
}
