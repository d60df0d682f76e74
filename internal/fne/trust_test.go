package fne

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/simulator"
)

// witness is a server that must never be asked: it counts what reaches it
// and whether a token or a password came along.
type witness struct {
	srv         *httptest.Server
	hits        atomic.Int32
	credentials atomic.Int32
}

func newWitness(t *testing.T, tls bool) *witness {
	w := &witness{}
	h := http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w.hits.Add(1)
		body := make([]byte, 4096)
		n, _ := r.Body.Read(body)
		if r.Header.Get("Authorization") != "" || strings.Contains(string(body[:n]), "password") {
			w.credentials.Add(1)
		}
		rw.Header().Set("Content-Type", "application/json")
		fmt.Fprint(rw, `{"token": "eyJ.stolen.token", "LLS": {"version": "9", "serverInstanceID": "X"}}`)
	})
	if tls {
		w.srv = httptest.NewTLSServer(h)
	} else {
		w.srv = httptest.NewServer(h)
	}
	t.Cleanup(w.srv.Close)
	return w
}

func TestNoRequestFollowsARedirect(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		sameHostOtherPort := newWitness(t, false)
		otherHost := newWitness(t, false)
		// "localhost" is the same machine under another name: another host to a client.
		otherURL := strings.Replace(otherHost.srv.URL, "127.0.0.1", "localhost", 1)
		tests := []struct {
			name   string
			target string
			call   func() error
			to     *witness
			status int
		}{
			{"a read, to the same host on another port", "features", func() error { _, err := e.client.Features(ctx); return err }, sameHostOtherPort, 302},
			{"a read, to another host", "clients", func() error { _, err := e.client.Devices(ctx); return err }, otherHost, 307},
			{"a change, to another host", "addReservationGroup", func() error {
				_, err := e.client.AddReservationGroup(ctx, reservations.Group{Name: "R"})
				return err
			}, otherHost, 308},
			{"the login, to another host", "authorize", func() error { _, err := e.client.Login(ctx, "admin", simulator.AdminPassword); return err }, otherHost, 307},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				url := sameHostOtherPort.srv.URL
				if tt.to == otherHost {
					url = otherURL
				}
				e.sim.SetFault(simulator.Fault{Target: tt.target, Redirect: url, RedirectStatus: tt.status})
				defer e.sim.ClearFaults()
				before := tt.to.hits.Load()
				ae := wantCode(t, tt.call(), apperr.Redirected)
				if !strings.Contains(ae.Message, url) || ae.Details["location"] == "" {
					t.Fatalf("the message does not say where the redirect pointed: %s", ae.Message)
				}
				if tt.to.hits.Load() != before || tt.to.credentials.Load() != 0 {
					t.Fatalf("the redirect was followed: %d requests, %d with credentials", tt.to.hits.Load()-before, tt.to.credentials.Load())
				}
			})
		}
		if _, in := e.client.Session(); in {
			// The refused login dropped the old token, as every login attempt does.
			t.Fatal("a login that was redirected left a session")
		}
	})
}

func TestAnHTTPSProfileNeverSpeaksHTTP(t *testing.T) {
	sim := simulator.New(simulator.Options{Security: simulator.SecurityOn})
	srv := httptest.NewTLSServer(sim)
	t.Cleanup(srv.Close)
	plain := newWitness(t, false)
	tgt := target(t, srv)
	tgt.HTTPS = true
	c := New(Options{Target: tgt, PinnedFingerprint: Fingerprint(srv.Certificate().Raw), RetryBackoff: time.Millisecond})
	if _, err := c.Login(ctx, "admin", simulator.AdminPassword); err != nil {
		t.Fatal(err)
	}
	sim.SetFault(simulator.Fault{Target: "*", Redirect: plain.srv.URL, RedirectStatus: 301})
	_, err := c.Features(ctx)
	wantCode(t, err, apperr.Redirected)
	if plain.hits.Load() != 0 {
		t.Fatalf("an HTTPS profile sent %d requests over HTTP", plain.hits.Load())
	}
}

// allocatedBy is how many bytes call allocated in all.
func allocatedBy(call func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	call()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestHostileSizesAreBounded(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		const budget = 64 << 20
		tests := []struct {
			name  string
			fault simulator.Fault
			call  func() error
		}{
			{"1 GiB claimed for the feature list", simulator.Fault{Target: "features", ClaimLength: 1 << 30}, func() error { _, err := e.client.Features(ctx); return err }},
			{"1 GiB claimed for the reservation groups", simulator.Fault{Target: "reservationGroups", ClaimLength: 1 << 30}, func() error { _, err := e.client.ReservationGroups(ctx); return err }},
			{"an endless reservation list", simulator.Fault{Target: "reservationGroups", Endless: true}, func() error { _, err := e.client.ReservationGroups(ctx); return err }},
			{"an endless health answer", simulator.Fault{Target: "/health", Endless: true}, func() error { _, err := e.client.Health(ctx); return err }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e.sim.SetFault(tt.fault)
				defer e.sim.ClearFaults()
				var err error
				n := allocatedBy(func() { err = tt.call() })
				if n > budget {
					t.Fatalf("the call allocated %d MB", n>>20)
				}
				t.Logf("allocated %.1f MB", float64(n)/(1<<20))
				ae := wantCode(t, err, apperr.ServerError)
				if !strings.Contains(ae.Message, "larger than") {
					t.Fatalf("message %q", ae.Message)
				}
			})
		}
	})
}

func TestAProxysPageIsNamedForWhatItIs(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := newEnv(t, simulator.Options{Dialect: dialect})
		e.sim.SetFault(simulator.Fault{Target: "features", HTML: true})
		_, err := e.client.Features(ctx)
		if ae := wantCode(t, err, apperr.ServerError); !strings.Contains(ae.Message, "web page") || strings.Contains(ae.Message, "invalid character") {
			t.Fatalf("message %q", ae.Message)
		}
		// A page that comes as the answer itself stands where the
		// operation should be: the server does not offer it.
		e.sim.SetFault(simulator.Fault{Target: "features", HTML: true, Status: 200})
		_, err = e.client.Features(ctx)
		if ae := wantCode(t, err, apperr.NotSupported); !strings.Contains(ae.Message, "does not offer a feature list") || !strings.Contains(ae.Message, "web page") {
			t.Fatalf("message %q", ae.Message)
		}
	})
}

func TestALostAnswerLeavesTheOutcomeUnknown(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect}, func(o *Options) { o.RequestTimeout = 500 * time.Millisecond })
		group := reservations.Group{Name: "Lost", Reservations: []reservations.Reservation{{HostID: reservations.HostID{Value: "L-1", Type: "STRING"},
			Entries: []reservations.Entry{{FeatureName: "Audio_Sync", FeatureVersion: "1.2", FeatureCount: 1}}}}}
		for _, f := range []simulator.Fault{
			{Target: "addReservationGroup", DropAfter: true, Times: 1},
			{Target: "addReservationGroup", LatencyAfter: 2 * time.Second, Times: 1},
		} {
			e.sim.SetFault(f)
			_, err := e.client.AddReservationGroup(ctx, group)
			ae := wantCode(t, err, apperr.OutcomeUnknown)
			if ae.Details["cause"] == "" {
				t.Fatalf("no cause: %+v", ae)
			}
			time.Sleep(10 * time.Millisecond)
			groups, err := e.client.ReservationGroups(ctx)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, g := range groups {
				if g.Name == "Lost" {
					found = true
					if err := e.client.DeleteReservationGroup(ctx, g.ID); err != nil {
						t.Fatal(err)
					}
				}
			}
			if !found {
				t.Fatalf("%+v: the server did not do the work the fault let through", f)
			}
			e.sim.ClearFaults()
		}
		// A gateway that timed out does not know either.
		e.sim.SetFault(simulator.Fault{Target: "addReservationGroup", Status: http.StatusGatewayTimeout, Times: 1})
		_, err := e.client.AddReservationGroup(ctx, group)
		if ae := wantCode(t, err, apperr.OutcomeUnknown); ae.Details["cause"] != string(apperr.Timeout) {
			t.Fatalf("cause %+v", ae)
		}
		e.sim.ClearFaults()
		// A refused connection is a definite failure, never an unknown one (a
		// new client: a pooled connection to a server gone since is unknown).
		e.srv.Close()
		fresh := e.clientLike(func(o *Options) { o.Retries = -1 })
		_, err = fresh.AddReservationGroup(ctx, group)
		wantCode(t, err, apperr.Unreachable)
	})
}

func TestASlowFailureIsNotRetried(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := newEnv(t, simulator.Options{Dialect: dialect}, func(o *Options) { o.RequestTimeout = time.Second; o.RetryBackoff = 10 * time.Millisecond })
		e.sim.SetFault(simulator.Fault{Target: "features", Latency: 600 * time.Millisecond, Status: 503})
		_, err := e.client.Features(ctx)
		wantCode(t, err, apperr.ServerError)
		if n := e.sim.Requests("features"); n != 1 {
			t.Fatalf("a slow 503 was tried %d times", n)
		}
		e.sim.SetFault(simulator.Fault{Target: "features", Status: 503})
		_, _ = e.client.Features(ctx)
		if n := e.sim.Requests("features") - 1; n != 3 {
			t.Fatalf("a fast 503 was tried %d times, want 3", n)
		}
	})
}
