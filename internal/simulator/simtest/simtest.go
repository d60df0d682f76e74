// Package simtest serves the simulator to tests of the packages above the
// license-server client: a server on loopback, the Settings fields that
// point at it, and a client logged in to it.
package simtest

import (
	"context"
	"net"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"

	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
)

// EachDialect runs test once per server dialect (simulator.Dialects), as
// parallel subtests named after the dialect, so one test body holds for
// every release a server may be of.
func EachDialect(t *testing.T, test func(t *testing.T, d simulator.Dialect)) {
	t.Helper()
	for _, d := range simulator.Dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			test(t, d)
		})
	}
}

// Serve serves sim on loopback until the test ends and returns its address.
func Serve(t testing.TB, sim *simulator.Server) (host string, port int) {
	t.Helper()
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	return hostPort(t, srv)
}

func hostPort(t testing.TB, srv *httptest.Server) (string, int) {
	t.Helper()
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	h, p, err := net.SplitHostPort(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	port, err := strconv.Atoi(p)
	if err != nil {
		t.Fatal(err)
	}
	return h, port
}

// ServerInput is the Settings view's fields for sim, served on loopback.
func ServerInput(t testing.TB, sim *simulator.Server) settings.ServerInput {
	t.Helper()
	host, port := Serve(t, sim)
	return settings.ServerInput{PageSize: settings.DefaultPageSize, Host: host, ServerType: settings.ServerLocal, Port: port}
}

// Profile serves sim on loopback until the test ends and returns a profile
// that reaches it. A CLS is served over TLS and addressed as one, by
// instance ID and with its certificate pinned, at a "host:port" that the
// Settings view would refuse (it wants siteID.compliance.flexnetoperations.com):
// such a profile can be handed to the connections, not saved.
func Profile(t testing.TB, sim *simulator.Server) settings.Profile {
	t.Helper()
	if sim.Dialect() != simulator.DialectCLS {
		host, port := Serve(t, sim)
		return settings.Profile{Name: "Simulator", Host: host, ServerType: settings.ServerLocal, Port: port}
	}
	srv := httptest.NewTLSServer(sim)
	t.Cleanup(srv.Close)
	host, port := hostPort(t, srv)
	return settings.Profile{
		Name: "Simulated CLS", Host: net.JoinHostPort(host, strconv.Itoa(port)), ServerType: settings.ServerCLS, HTTPS: true,
		InstanceID: sim.InstanceID(), PinnedFingerprint: fne.Fingerprint(srv.Certificate().Raw),
	}
}

// Client serves a simulator made with opts and returns it with a client
// logged in as the demo admin (when its security asks for a login).
func Client(t testing.TB, opts simulator.Options) (*simulator.Server, *fne.Client) {
	t.Helper()
	sim := simulator.New(opts)
	_, cl := Connect(t, sim)
	return sim, cl
}

// Connect serves sim and returns its profile and a client logged in as the
// demo admin (when its security asks for a login).
func Connect(t testing.TB, sim *simulator.Server) (settings.Profile, *fne.Client) {
	t.Helper()
	p := Profile(t, sim)
	cl := fne.New(fne.Options{
		Target:            fne.Target{Host: p.Host, Port: p.Port, HTTPS: p.HTTPS, CLS: p.ServerType == settings.ServerCLS, InstanceID: p.InstanceID},
		PinnedFingerprint: p.PinnedFingerprint, Retries: -1,
	})
	if sim.Security() != simulator.SecurityOff {
		if _, err := cl.Login(context.Background(), simulator.AdminUser, simulator.AdminPassword); err != nil {
			t.Fatal(err)
		}
	}
	return p, cl
}
