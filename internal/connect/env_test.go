package connect

import (
	"sync"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// env is the sessions of a temp settings folder and an in-memory keyring,
// pointed at a simulator that reads the same fake clock.
type env struct {
	sim      *simulator.Server
	store    *settings.Store
	secrets  *secrets.Memory
	conns    *Connections
	sessions *Sessions
	clock    *testClock
	dir      string
}

func newEnv(t testing.TB, opts simulator.Options) *env {
	t.Helper()
	clock := &testClock{t: time.Now()}
	opts.Now = clock.now
	sim := simulator.New(opts)
	dir := t.TempDir()
	store, err := settings.Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SaveServer(simtest.ServerInput(t, sim)); err != nil {
		t.Fatal(err)
	}
	e := &env{sim: sim, secrets: secrets.NewMemory(), clock: clock, dir: dir}
	e.open(t, store)
	return e
}

func (e *env) open(t testing.TB, store *settings.Store) {
	e.store = store
	e.conns = New(store.Active, Network{Policies: store.Policies}, e.clock.now)
	e.sessions = NewSessions(e.conns, store, e.secrets, []DemoAccount{{User: "admin", Password: "Admin123!", Access: "all roles"}})
}

// restart is a new app process on the same settings and keyring.
func (e *env) restart(t *testing.T) *env {
	t.Helper()
	store, err := settings.Open(e.dir, "")
	if err != nil {
		t.Fatal(err)
	}
	again := &env{sim: e.sim, secrets: e.secrets, clock: e.clock, dir: e.dir}
	again.open(t, store)
	return again
}

// wantField fails unless err is invalid_input with a problem on field.
func wantField(t *testing.T, err error, field string) {
	t.Helper()
	if apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("want invalid_input on %q, got %v", field, err)
	}
	for _, it := range apperr.ItemsOf(err) {
		if it.Field == field && it.Code != "" && it.Message != "" {
			return
		}
	}
	t.Fatalf("no problem on %q in %+v", field, apperr.ItemsOf(err))
}
