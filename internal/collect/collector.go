package collect

import (
	"context"
	"errors"
	"sync"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/usage"
)

// Outcome is what collecting one profile came to.
type Outcome string

// Outcomes of one profile's collection.
const (
	// Written: a sample is in the store.
	Written Outcome = "written"
	// Taken: another collector (the app, or a scheduled task) had written
	// this interval's sample already.
	Taken Outcome = "taken"
	// Unreachable: the server did not answer; the gap is recorded.
	Unreachable Outcome = "unreachable"
	// NeedsLogin: the server wants a login the collector cannot do.
	NeedsLogin Outcome = "needs_login"
	// Failed: the server refused the reading, or the store the writing.
	Failed Outcome = "failed"
	// Off: the profile does not record usage history.
	Off Outcome = "off"
)

// Result is one profile's collection.
type Result struct {
	ProfileID   string          `json:"profileId"`
	ProfileName string          `json:"profileName"`
	Outcome     Outcome         `json:"outcome"`
	Message     string          `json:"message"`
	At          time.Time       `json:"at" ts_type:"string"`
	Opened      []history.Alert `json:"opened"`
	Cleared     []history.Alert `json:"cleared"`
}

// Passwords finds the saved password of a profile's remembered user; ok is
// false when none is saved.
type Passwords func(p settings.Profile) (user, password string, ok bool, err error)

// Plan is what a round of collection does: which profiles, how often, with
// which rules, keeping history how long.
type Plan struct {
	Profiles      []settings.Profile
	Interval      time.Duration
	Rules         usage.Rules
	RetentionDays int
	// Policies may turn history off or keep a server out of reach.
	Policies orgpolicy.Policies
}

// Collector takes samples of many profiles with clients of its own, which
// keep their logins (in memory only) from one round to the next.
type Collector struct {
	store     *history.Store
	passwords Passwords
	now       func() time.Time
	// connect builds a profile's client; tests point it elsewhere.
	connect func(settings.Profile) *fne.Client

	mu      sync.Mutex
	clients map[string]*clientOf
	last    map[string]Result
}

type clientOf struct {
	key    string
	client *fne.Client
}

// New builds a collector writing to store, reaching servers as net says;
// now is injectable for tests.
func New(store *history.Store, passwords Passwords, net connect.Network, now func() time.Time) *Collector {
	if now == nil {
		now = time.Now
	}
	return &Collector{store: store, passwords: passwords, now: now,
		connect: func(p settings.Profile) *fne.Client {
			opts := connect.ClientOptions(p, net)
			// Nobody waits for a sample, and a large server's feature list
			// takes longer than a view's reads may.
			opts.RequestTimeout = sampleRequestTimeout
			return fne.New(opts)
		},
		clients: map[string]*clientOf{}, last: map[string]Result{}}
}

// Collect takes one sample of every profile of the plan that records
// history, at the collector's now, rolls up the hours that ended, and then
// drops what is past keeping, once for the whole store.
func (c *Collector) Collect(ctx context.Context, plan Plan) []Result {
	if plan.Interval < time.Minute {
		plan.Interval = settings.DefaultIntervalMinutes * time.Minute
	}
	c.store.SetInterval(plan.Interval)
	out := make([]Result, 0, len(plan.Profiles))
	for _, p := range plan.Profiles {
		r := c.collectOne(ctx, p, plan)
		c.mu.Lock()
		c.last[p.ID] = r
		c.mu.Unlock()
		out = append(out, r)
	}
	if err := c.store.Prune(ctx, c.now().UTC(), plan.RetentionDays); err != nil {
		for i := range out {
			if out[i].Message == "" {
				out[i].Message = apperr.From(err).Message
			}
		}
	}
	return out
}

// Last is the latest result of each profile collected by this collector.
func (c *Collector) Last() map[string]Result {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]Result, len(c.last))
	for k, v := range c.last {
		out[k] = v
	}
	return out
}

// sampleRequestTimeout bounds one request of a sample.
const sampleRequestTimeout = time.Minute

// NotCollecting is the message of a profile the collector cannot log in to.
const NotCollecting = "Not collecting: log in to this server and tick Remember, so the history can log in on its own."

// HistoryOff is the message of a profile whose history is off.
const HistoryOff = "Usage history is off for this profile."

// HistoryOffByPolicy is the message of every profile while the
// DisableHistoryCollection policy is set.
const HistoryOffByPolicy = "Your organisation has turned usage history off on this computer (" + orgpolicy.Notice + ")."

// Off says why the plan records no history of p, "" when it does.
func (plan Plan) Off(p settings.Profile) string {
	switch {
	case plan.Policies.DisableHistoryCollection:
		return HistoryOffByPolicy
	case p.NoHistory:
		return HistoryOff
	}
	return ""
}

func (c *Collector) collectOne(ctx context.Context, p settings.Profile, plan Plan) Result {
	now := c.now().UTC()
	r := Result{ProfileID: p.ID, ProfileName: p.Name, At: now}
	if note := plan.Off(p); note != "" {
		r.Outcome, r.Message = Off, note
		return r
	}
	switch {
	case !p.Complete():
		r.Outcome, r.Message = Failed, "The profile's server settings are incomplete."
		return r
	}
	if err := settings.Allowed(plan.Policies, p); err != nil {
		r.Outcome, r.Message = Failed, apperr.From(err).Message
		return r
	}
	cl := c.clientFor(p)
	srv := &loggingIn{client: cl, login: func(ctx context.Context) error { return c.login(ctx, cl, p) }}
	sctx, cancel := context.WithTimeout(ctx, 3*sampleRequestTimeout)
	defer cancel()
	sn, err := Take(sctx, srv, now, plan.Interval, c.now)
	if err != nil {
		if errors.Is(err, errNoPassword) || apperr.CodeOf(err) == apperr.LoginRequired {
			r.Outcome, r.Message = NeedsLogin, NotCollecting
			if !errors.Is(err, errNoPassword) {
				r.Message = "Not collecting: the saved password was refused. Log in again and tick Remember."
			}
			return r
		}
		r.Outcome, r.Message = Failed, apperr.From(err).Message
		return r
	}
	w, err := c.store.Add(ctx, p.ID, sn, plan.Rules)
	if err != nil {
		r.Outcome, r.Message = Failed, apperr.From(err).Message
		return r
	}
	switch {
	case !w.Wrote:
		r.Outcome, r.Message = Taken, "Another collector took this interval's sample."
	case sn.Reachable:
		r.Outcome = Written
	default:
		r.Outcome, r.Message = Unreachable, sn.Problem
	}
	r.Opened, r.Cleared = orEmpty(w.Opened), orEmpty(w.Cleared)
	if err := c.store.RollUp(ctx, p.ID, now); err != nil && r.Message == "" {
		r.Message = apperr.From(err).Message
	}
	return r
}

func orEmpty(a []history.Alert) []history.Alert {
	if a == nil {
		return []history.Alert{}
	}
	return a
}

// clientFor is the collector's client of p, a new one when anything about
// where or how to connect changed.
func (c *Collector) clientFor(p settings.Profile) *fne.Client {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := connect.Key(p)
	if cur := c.clients[p.ID]; cur != nil && cur.key == key {
		return cur.client
	}
	cl := c.connect(p)
	c.clients[p.ID] = &clientOf{key: key, client: cl}
	return cl
}

var errNoPassword = errors.New("collect: no saved password")

func (c *Collector) login(ctx context.Context, cl *fne.Client, p settings.Profile) error {
	if c.passwords == nil {
		return errNoPassword
	}
	user, password, ok, err := c.passwords(p)
	if err != nil {
		return err
	}
	if !ok {
		return errNoPassword
	}
	_, err = cl.Login(ctx, user, password)
	return err
}

// loggingIn reads a server through a client that logs in when the server
// wants it: before the first read of a secured server, and again when a
// token expired. A sample's reads run at once; mu makes them log in once.
type loggingIn struct {
	client  *fne.Client
	login   func(context.Context) error
	secured bool
	mu      sync.Mutex
}

func (l *loggingIn) Health(ctx context.Context) (fne.Health, error) {
	h, err := l.client.Health(ctx)
	l.secured = err == nil && h.SecurityEnabled
	return h, err
}

func (l *loggingIn) ensure(ctx context.Context) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, in := l.client.Session(); in || !l.secured {
		return nil
	}
	return l.login(ctx)
}

// relogin logs in again after the server refused the session a read
// started with, unless another read has done so meanwhile.
func (l *loggingIn) relogin(ctx context.Context, refused fne.Session) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if cur, in := l.client.Session(); in && !cur.IssuedAt.Equal(refused.IssuedAt) {
		return nil
	}
	l.client.Logout()
	return l.login(ctx)
}

func (l *loggingIn) Features(ctx context.Context) ([]fne.Feature, error) {
	return retryLogin(ctx, l, l.client.Features)
}

func (l *loggingIn) Partitions(ctx context.Context) ([]fne.Partition, error) {
	return retryLogin(ctx, l, l.client.Partitions)
}

// retryLogin reads once, logging in first when needed and once more when
// the server ended the session between two rounds.
func retryLogin[T any](ctx context.Context, l *loggingIn, read func(context.Context) (T, error)) (T, error) {
	var zero T
	if err := l.ensure(ctx); err != nil {
		return zero, err
	}
	started, _ := l.client.Session()
	v, err := read(ctx)
	if apperr.CodeOf(err) == apperr.LoginRequired && l.secured {
		if err := l.relogin(ctx, started); err != nil {
			return zero, err
		}
		return read(ctx)
	}
	return v, err
}
