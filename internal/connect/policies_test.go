package connect

import (
	"net"
	"strconv"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
)

// TestDisableRememberPasswordAtLogin: a login asking to be remembered is
// refused before it reaches the server, one without is not, and a password
// saved before the policy came is not used to log in on start.
func TestDisableRememberPasswordAtLogin(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
	if _, err := e.sessions.Login(ctx, LoginInput{User: "admin", Password: simulator.AdminPassword, Remember: true}); err != nil {
		t.Fatal(err)
	}
	again := e.restart(t)
	again.store.Govern(orgpolicy.Policies{DisableRememberPassword: true})
	if st := again.sessions.Start(ctx); st.LoggedIn {
		t.Fatalf("logged in with a password saved before the policy: %+v", st)
	}
	logins := e.sim.Requests("authorize")
	_, err := again.sessions.Login(ctx, LoginInput{User: "admin", Password: simulator.AdminPassword, Remember: true})
	if apperr.CodeOf(err) != apperr.Policy || len(apperr.ItemsOf(err)) != 1 || apperr.ItemsOf(err)[0].Field != "remember" {
		t.Fatalf("remember under the policy: %v", err)
	}
	if n := e.sim.Requests("authorize"); n != logins {
		t.Fatalf("a refused login reached the server (%d logins, %d before)", n, logins)
	}
	st, err := again.sessions.Login(ctx, LoginInput{User: "admin", Password: simulator.AdminPassword})
	if err != nil || !st.LoggedIn || st.RememberedUser != "" {
		t.Fatalf("a login without Remember: %+v %v", st, err)
	}
}

// TestAllowedServersAtConnect: a profile for a server outside the list
// (one saved before the policy, or edited by hand) gets no client, and a
// connection test to it asks nothing.
func TestAllowedServersAtConnect(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOff})
	p, _ := e.store.Active()
	e.store.Govern(orgpolicy.Policies{AllowedServers: []string{"lls01.corp.example"}})
	if _, err := e.conns.Client(); apperr.CodeOf(err) != apperr.Policy {
		t.Fatalf("client of a server the policy keeps out: %v", err)
	}
	if _, err := Check(ctx, p, Network{Policies: e.store.Policies}); apperr.CodeOf(err) != apperr.Policy {
		t.Fatalf("check: %v", err)
	}
	in := settings.ServerInput{PageSize: 50, Host: p.Host, ServerType: p.ServerType, Port: p.Port}
	if _, err := TestServer(ctx, in, p, Network{Policies: e.store.Policies}); apperr.CodeOf(err) != apperr.Policy {
		t.Fatalf("test connection: %v", err)
	}
	if n := e.sim.Requests("health"); n != 0 {
		t.Fatalf("%d health requests reached a server that is not allowed", n)
	}
	host, port := p.Address()
	e.store.Govern(orgpolicy.Load(orgpolicy.Source{Where: "HKLM", Values: map[string]orgpolicy.Value{
		orgpolicy.NameAllowedServers: {Text: []string{"lls01.corp.example", net.JoinHostPort(host, strconv.Itoa(port))}}}}))
	cl, err := e.conns.Client()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Health(ctx); err != nil {
		t.Fatal(err)
	}
}
