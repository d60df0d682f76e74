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

// Serve serves sim on loopback until the test ends and returns its address.
func Serve(t testing.TB, sim *simulator.Server) (host string, port int) {
	t.Helper()
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	h, p, err := net.SplitHostPort(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	port, err = strconv.Atoi(p)
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

// Client serves a simulator made with opts and returns it with a client
// logged in as the demo admin (when its security asks for a login).
func Client(t testing.TB, opts simulator.Options) (*simulator.Server, *fne.Client) {
	t.Helper()
	sim := simulator.New(opts)
	host, port := Serve(t, sim)
	cl := fne.New(fne.Options{Target: fne.Target{Host: host, Port: port}, Retries: -1})
	if opts.Security != simulator.SecurityOff {
		if _, err := cl.Login(context.Background(), simulator.AdminUser, simulator.AdminPassword); err != nil {
			t.Fatal(err)
		}
	}
	return sim, cl
}
