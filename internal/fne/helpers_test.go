package fne

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/simulator"
)

// clock is a fake clock the simulator reads, so token expiry needs no sleep.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2025, 11, 26, 12, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// env is a simulator behind httptest and a client pointed at it.
type env struct {
	sim    *simulator.Server
	srv    *httptest.Server
	client *Client
	clock  *clock
	// base is the path of the instance base on srv.
	base string
}

// eachDialect runs test once per server dialect, as parallel subtests named
// after the dialect: the tests below the client's API hold for every
// release a server may be of.
func eachDialect(t *testing.T, test func(t *testing.T, d simulator.Dialect)) {
	t.Helper()
	for _, d := range simulator.Dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			test(t, d)
		})
	}
}

func target(t testing.TB, srv *httptest.Server) Target {
	t.Helper()
	host, port, err := net.SplitHostPort(srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	p, _ := strconv.Atoi(port)
	return Target{Host: host, Port: p}
}

// newEnv starts a simulator with opts (security off unless set) and a client
// with short retry waits. A CLS is served over TLS and addressed as a CLS,
// by its instance ID, with its certificate pinned.
func newEnv(t *testing.T, opts simulator.Options, tune ...func(*Options)) *env {
	t.Helper()
	c := newClock()
	if opts.Now == nil {
		opts.Now = c.Now
	}
	if opts.Security == "" {
		opts.Security = simulator.SecurityOff
	}
	sim := simulator.New(opts)
	e := &env{sim: sim, clock: c, base: "/api/1.0/instances/~"}
	o := Options{RetryBackoff: time.Millisecond, RequestTimeout: 10 * time.Second}
	if sim.Dialect() == simulator.DialectCLS {
		e.srv = httptest.NewTLSServer(sim)
		e.base = "/api/1.0/instances/" + sim.InstanceID()
		o.Target = Target{Host: e.srv.Listener.Addr().String(), CLS: true, InstanceID: sim.InstanceID()}
		o.PinnedFingerprint = Fingerprint(e.srv.Certificate().Raw)
	} else {
		e.srv = httptest.NewServer(sim)
		o.Target = target(t, e.srv)
	}
	t.Cleanup(e.srv.Close)
	for _, f := range tune {
		f(&o)
	}
	e.client = New(o)
	return e
}

// get sends a bare GET to e's server, as no client of ours would, and
// returns the status and body as they came.
func (e *env) get(t *testing.T, path string) (int, []byte) {
	t.Helper()
	resp, err := e.srv.Client().Get(e.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// clientLike is a new client of e's server with e's options changed by tune.
func (e *env) clientLike(tune func(*Options)) *Client {
	o := e.client.opts
	tune(&o)
	return New(o)
}

// loggedIn is newEnv with security on and admin logged in.
func loggedIn(t *testing.T, opts simulator.Options, tune ...func(*Options)) *env {
	t.Helper()
	opts.Security = simulator.SecurityOn
	e := newEnv(t, opts, tune...)
	if _, err := e.client.Login(context.Background(), simulator.AdminUser, simulator.AdminPassword); err != nil {
		t.Fatal(err)
	}
	return e
}

// wantCode fails unless err is an *apperr.Error with code.
func wantCode(t *testing.T, err error, code apperr.Code) *apperr.Error {
	t.Helper()
	var ae *apperr.Error
	if !errors.As(err, &ae) {
		t.Fatalf("want %s, got %v (%T)", code, err, err)
	}
	if ae.Code != code {
		t.Fatalf("want %s, got %s: %s", code, ae.Code, ae.Message)
	}
	return ae
}

// getRaw reads a body straight from a simulator handler.
func getRaw(t *testing.T, s *simulator.Server, path string) []byte {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	if rec.Code != 200 {
		t.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}
