package connect

import (
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
)

func TestClientOptionsRouteByPolicyProfileAndEnvironment(t *testing.T) {
	t.Setenv("HTTPS_PROXY", "http://env.corp.example:3128")
	t.Setenv("NO_PROXY", "")
	cls := settings.Profile{ID: "p1", Host: "flex1.compliance.flexnetoperations.com", ServerType: settings.ServerCLS, InstanceID: "1234ABCD56EF"}
	manual := cls
	manual.Proxy, manual.ProxyURL = settings.ProxyManual, "http://prof.corp.example:8080"
	none := cls
	none.Proxy = settings.ProxyNone
	policy := func(v string) func() orgpolicy.Policies {
		return func() orgpolicy.Policies { return orgpolicy.Policies{ProxyServer: v} }
	}
	cases := []struct {
		name string
		p    settings.Profile
		pol  func() orgpolicy.Policies
		want string
	}{
		{"policy proxy over the profile's", manual, policy("http://pol.corp.example:80"), "http://pol.corp.example:80 (ProxyServer policy)"},
		{"policy direct over the profile's", manual, policy(orgpolicy.ProxyDirect), "direct (ProxyServer policy: no proxy)"},
		{"profile proxy", manual, nil, "http://prof.corp.example:8080 (profile: this proxy)"},
		{"profile none", none, policy(""), "direct (profile: no proxy)"},
		{"environment, this system having no proxy of its own", cls, nil, "http://env.corp.example:3128 (HTTPS_PROXY environment variable)"},
		{"the demo server, on this computer", settings.Profile{ID: "demo", Host: "127.0.0.1", Port: 7070, ServerType: settings.ServerLocal, Demo: true}, nil, "direct (profile: no proxy)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := fne.New(ClientOptions(c.p, Network{Policies: c.pol})).RouteSummary()
			if got != c.want {
				t.Fatalf("route = %q, want %q", got, c.want)
			}
		})
	}
}

func TestProxyCredentialsComeFromTheProxysKeyringEntry(t *testing.T) {
	store := secrets.NewMemory()
	_ = store.Set("p1", "bob", "server-password")
	p := settings.Profile{ID: "p1", Host: "lls", Port: 7070, ServerType: settings.ServerLocal, ProxyUser: "bob"}
	creds := ClientOptions(p, Network{Secrets: store}).ProxyCredentials
	if _, _, _, err := creds(); err == nil {
		t.Fatal("the server login's password was taken for the proxy's")
	}
	_ = store.Set(secrets.ProxyProfile("p1"), "bob", "proxy-password")
	if u, pw, ok, err := creds(); err != nil || !ok || u != "bob" || pw != "proxy-password" {
		t.Fatalf("credentials = %q %q %t %v", u, pw, ok, err)
	}
	p.ProxyUser = ""
	if ClientOptions(p, Network{Secrets: store}).ProxyCredentials != nil {
		t.Fatal("credentials without a proxy user")
	}
}

func TestAProxyChangeGivesANewKey(t *testing.T) {
	base := settings.Profile{ID: "p1", Host: "lls", Port: 7070}
	for _, change := range []func(*settings.Profile){
		func(p *settings.Profile) { p.Proxy = settings.ProxyNone },
		func(p *settings.Profile) { p.Proxy, p.ProxyURL = settings.ProxyManual, "http://a:1" },
		func(p *settings.Profile) { p.ProxyUser = "bob" },
	} {
		p := base
		change(&p)
		if Key(p) == Key(base) {
			t.Fatalf("%+v has the key of %+v", p, base)
		}
	}
}

func TestAReplacedProxyUsersPasswordIsForgotten(t *testing.T) {
	store, err := settings.Open(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	sec := secrets.NewMemory()
	p, _ := store.Active()
	if err := SaveProxyPassword(sec, p, "pw"); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("a password without a user: %v", err)
	}
	if err := SetProxy(store, sec, p.ID, settings.ProxyInput{User: "bob"}); err != nil {
		t.Fatal(err)
	}
	p, _ = store.Active()
	if err := SaveProxyPassword(sec, p, "pw"); err != nil {
		t.Fatal(err)
	}
	if pw, _ := sec.Get(secrets.ProxyProfile(p.ID), "bob"); pw != "pw" {
		t.Fatalf("saved %q", pw)
	}
	if err := SetProxy(store, sec, p.ID, settings.ProxyInput{User: "alice"}); err != nil {
		t.Fatal(err)
	}
	if _, err := sec.Get(secrets.ProxyProfile(p.ID), "bob"); err == nil {
		t.Fatal("bob's proxy password outlived the setting")
	}
}
