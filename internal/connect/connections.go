package connect

import (
	"context"
	"sync"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/session"
	"licenseservermanager/internal/settings"
)

// Profile picks the profile to connect to: the desktop app follows the
// active profile, the console tool the one named on its command line.
type Profile func() (settings.Profile, bool)

// Connections holds the client of the picked profile's server, with its
// login and the inactivity clock. A changed profile gives a fresh client.
type Connections struct {
	pick Profile
	net  Network
	now  func() time.Time

	mu       sync.Mutex
	key      string
	client   *fne.Client
	health   *fne.Health
	idle     *session.Idle
	timedOut bool
	onChange func(settings.Profile, fne.Change)
}

// Audit has every change made through these connections told to record,
// with the profile it was made on.
func (c *Connections) Audit(record func(settings.Profile, fne.Change)) {
	c.mu.Lock()
	c.onChange = record
	c.mu.Unlock()
}

// New builds the connections of the profile pick returns, reached as net
// says; now is injectable for tests.
func New(pick Profile, net Network, now func() time.Time) *Connections {
	if now == nil {
		now = time.Now
	}
	return &Connections{pick: pick, net: net, now: now, idle: session.NewIdle(session.IdleTimeout, now)}
}

// Policies are the machine policies the connections are under.
func (c *Connections) Policies() orgpolicy.Policies { return c.net.policies() }

// Current returns the client of the picked profile, building a new one
// when the profile changed. It also ends a login that has been idle too long.
func (c *Connections) Current() (*fne.Client, settings.Profile, error) {
	p, ok := c.pick()
	if !ok || !p.Complete() {
		return nil, p, apperr.New(apperr.NotConfigured, "Fill in the Settings to connect to a license server.")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := settings.Allowed(c.Policies(), p); err != nil {
		return nil, p, err
	}
	if k := Key(p); k != c.key || c.client == nil {
		opts := ClientOptions(p, c.net)
		if record := c.onChange; record != nil {
			opts.OnChange = func(ch fne.Change) { record(p, ch) }
		}
		c.key, c.client, c.health, c.timedOut = k, fne.New(opts), nil, false
	}
	if _, in := c.client.Session(); in && c.idle.Expired() {
		c.client.Logout()
		c.timedOut = true
	}
	return c.client, p, nil
}

// Client is what every server operation uses. A session that ended for
// inactivity is reported as login_required with the reason.
func (c *Connections) Client() (*fne.Client, error) {
	cl, _, err := c.Current()
	if err != nil {
		return nil, err
	}
	if _, in := cl.Session(); !in && c.TimedOut() {
		return nil, apperr.New(apperr.LoginRequired, "Your session ended after %d minutes without activity. Log in again to continue; nothing you entered is lost.", int(session.IdleTimeout/time.Minute))
	}
	return cl, nil
}

// Touch records user interaction, which keeps the session alive.
func (c *Connections) Touch() { c.idle.Touch() }

// Health asks the server for its health and remembers the answer (its
// security mode and version) for the current client.
func (c *Connections) Health(ctx context.Context) (fne.Health, error) {
	cl, _, err := c.Current()
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

// KnownHealth is the last health answer for the current client, if any.
func (c *Connections) KnownHealth() *fne.Health {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.health
}

// ServerVersion is the version the server last reported, asking it when
// nothing is known yet; "" when it cannot be asked.
func (c *Connections) ServerVersion(ctx context.Context) string {
	if h := c.KnownHealth(); h != nil {
		return h.Version
	}
	if h, err := c.Health(ctx); err == nil {
		return h.Version
	}
	return ""
}

// TimedOut tells whether the last session ended for inactivity.
func (c *Connections) TimedOut() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.timedOut
}

// loggedIn forgets that the last session timed out and restarts the
// inactivity clock.
func (c *Connections) loggedIn() {
	c.mu.Lock()
	c.timedOut = false
	c.mu.Unlock()
	c.idle.Touch()
}
