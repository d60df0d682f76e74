package fne

import (
	"context"
	"errors"
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
// with short retry waits.
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
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	o := Options{Target: target(t, srv), RetryBackoff: time.Millisecond, RequestTimeout: 10 * time.Second}
	for _, f := range tune {
		f(&o)
	}
	return &env{sim: sim, srv: srv, client: New(o), clock: c}
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
