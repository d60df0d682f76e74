package connect

import (
	"errors"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
)

func TestEnsureLogin(t *testing.T) {
	ask := func(answer string, asked *[]string) func(string) (string, error) {
		return func(user string) (string, error) {
			*asked = append(*asked, user)
			return answer, nil
		}
	}
	tests := []struct {
		name     string
		security simulator.Security
		saved    bool // admin's password remembered for the profile
		creds    func(asked *[]string) Credentials
		code     apperr.Code
		user     string // logged in as
		asked    int
	}{
		{"a server without security needs nothing", simulator.SecurityOff, false, func(*[]string) Credentials { return Credentials{} }, "", "", 0},
		{"the password given, for admin by default", simulator.SecurityOn, false, func(*[]string) Credentials { return Credentials{Password: simulator.AdminPassword} }, "", "admin", 0},
		{"the password given comes before the saved one", simulator.SecurityOn, true, func(*[]string) Credentials {
			return Credentials{User: simulator.ReaderUser, Password: simulator.ReaderPassword}
		}, "", "reader", 0},
		{"the saved password", simulator.SecurityOn, true, func(a *[]string) Credentials { return Credentials{Ask: ask("", a)} }, "", "admin", 0},
		{"another user's saved password is not used", simulator.SecurityOn, true, func(a *[]string) Credentials {
			return Credentials{User: simulator.ReaderUser, Ask: ask(simulator.ReaderPassword, a)}
		}, "", "reader", 1},
		{"asked for when none is at hand", simulator.SecurityOn, false, func(a *[]string) Credentials { return Credentials{Ask: ask(simulator.AdminPassword, a)} }, "", "admin", 1},
		{"nobody to ask", simulator.SecurityOn, false, func(*[]string) Credentials { return Credentials{} }, apperr.LoginRequired, "", 0},
		{"a wrong password", simulator.SecurityOn, false, func(*[]string) Credentials { return Credentials{Password: "wrong"} }, apperr.LoginRequired, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, simulator.Options{Security: tt.security})
			p, _ := e.store.Active()
			if tt.saved {
				if err := e.secrets.Set(p.ID, "admin", simulator.AdminPassword); err != nil {
					t.Fatal(err)
				}
				if err := e.store.SetRememberedUser(p.ID, "admin"); err != nil {
					t.Fatal(err)
				}
			}
			var asked []string
			st, err := e.sessions.EnsureLogin(ctx, tt.creds(&asked))
			if apperr.CodeOf(err) != tt.code || len(asked) != tt.asked {
				t.Fatalf("%v, asked %v", err, asked)
			}
			if err == nil && (st.LoggedIn != (tt.user != "") || st.User != tt.user) {
				t.Fatalf("state %+v", st)
			}
			// What the app saved stays as it was.
			p2, _ := e.store.Active()
			pw, serr := e.secrets.Get(p.ID, "admin")
			if tt.saved && (p2.RememberedUser != "admin" || pw != simulator.AdminPassword) || !tt.saved && (p2.RememberedUser != "" || serr == nil) {
				t.Fatalf("saved: %q %q %v", p2.RememberedUser, pw, serr)
			}
		})
	}
}

func TestEnsureLoginReportsAnUnreachableServer(t *testing.T) {
	store, err := settings.Open(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SaveServer(settings.ServerInput{PageSize: settings.DefaultPageSize, Host: "127.0.0.1", ServerType: settings.ServerLocal, Port: 1}); err != nil {
		t.Fatal(err)
	}
	s := NewSessions(New(store.Active, Network{}, nil), store, nil, nil)
	if _, err := s.EnsureLogin(ctx, Credentials{Password: "x"}); apperr.CodeOf(err) != apperr.Unreachable {
		t.Fatalf("%v", err)
	}
	// A prompt that fails says why.
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
	noTTY := errors.New("no terminal to ask on")
	if _, err := e.sessions.EnsureLogin(ctx, Credentials{Ask: func(string) (string, error) { return "", noTTY }}); !errors.Is(err, noTTY) {
		t.Fatalf("%v", err)
	}
}

func TestProfileFromURL(t *testing.T) {
	tests := []struct {
		in   string
		want settings.Profile
		bad  string
	}{
		{in: "http://lls01:7070", want: settings.Profile{Name: "lls01:7070", Host: "lls01", ServerType: settings.ServerLocal, Port: 7070}},
		{in: "https://lls01.corp.example", want: settings.Profile{Name: "lls01.corp.example", Host: "lls01.corp.example", ServerType: settings.ServerLocal, Port: 7070, HTTPS: true}},
		{in: " http://[::1]:8080/ ", want: settings.Profile{Name: "[::1]:8080", Host: "::1", ServerType: settings.ServerLocal, Port: 8080}},
		{in: "https://acme.compliance.flexnetoperations.com/api/1.0/instances/QX7K2M9PLT4R", want: settings.Profile{Name: "acme.compliance.flexnetoperations.com",
			Host: "acme.compliance.flexnetoperations.com", ServerType: settings.ServerCLS, Port: 7070, HTTPS: true, InstanceID: "QX7K2M9PLT4R"}},
		{in: "https://127.0.0.1:8443/api/1.0/instances/AB", want: settings.Profile{Name: "127.0.0.1:8443", Host: "127.0.0.1:8443", ServerType: settings.ServerCLS, Port: 8443, HTTPS: true, InstanceID: "AB"}},
		{in: "lls01:7070", bad: "needs http"},
		{in: "ftp://lls01", bad: "needs http"},
		{in: "http://admin:secret@lls01", bad: "user name or password"},
		{in: "http://lls01:99999", bad: "valid port"},
		{in: "http://lls01/api/1.0/instances/X", bad: "only reached over HTTPS"},
		{in: "https://lls01/features", bad: "names no server"},
		{in: "", bad: "not a URL"},
	}
	for _, tt := range tests {
		got, err := ProfileFromURL(tt.in)
		if tt.bad != "" {
			if apperr.CodeOf(err) != apperr.InvalidInput || !strings.Contains(err.Error(), tt.bad) {
				t.Errorf("%q: %v, want %q", tt.in, err, tt.bad)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%q: %+v %v", tt.in, got, err)
		}
	}
}
