package netproxy

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/http/httpproxy"
)

// routeIs fails t unless r goes through proxy ("" for direct) for reason.
func routeIs(t *testing.T, r Route, proxy, reason string) {
	t.Helper()
	got := ""
	if r.Proxy != nil {
		got = r.Proxy.String()
	}
	if got != proxy || r.Reason != reason {
		t.Fatalf("route = %q (%s), want %q (%s)", got, r.Reason, proxy, reason)
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// pac is a fake PAC evaluation that answers the same for every URL and
// records what it was asked.
type pac struct {
	answer string
	asked  []string
}

func (p *pac) find(u string) string {
	p.asked = append(p.asked, u)
	return p.answer
}

func TestTheChoiceOrderIsPolicyProfileSystemEnvironment(t *testing.T) {
	static := System{Static: map[string]string{"": "sys.corp.example:8080"}}
	env := httpproxy.Config{HTTPSProxy: "http://env.corp.example:3128", HTTPProxy: "http://envhttp.corp.example:3128"}
	cases := []struct {
		name   string
		conf   Config
		target string
		proxy  string // "" for direct
		reason string
	}{
		{"policy beats everything", Config{Policy: "http://pol.corp.example:80", ProfileProxy: "prof.example:1", System: static, Env: env},
			"https://cls.example", "http://pol.corp.example:80", "ProxyServer policy"},
		{"policy direct beats the profile's proxy", Config{Policy: PolicyDirect, ProfileProxy: "prof.example:1", System: static, Env: env},
			"https://cls.example", "", "ProxyServer policy: no proxy"},
		{"profile proxy beats the system", Config{ProfileProxy: "prof.example:1", System: static, Env: env},
			"https://cls.example", "http://prof.example:1", "profile: this proxy"},
		{"profile none beats the system", Config{ProfileDirect: true, System: static, Env: env},
			"https://cls.example", "", "profile: no proxy"},
		{"system beats the environment", Config{System: static, Env: env},
			"https://cls.example", "http://sys.corp.example:8080", "system proxy (static)"},
		{"environment when the system has none", Config{Env: env},
			"https://cls.example", "http://env.corp.example:3128", "HTTPS_PROXY environment variable"},
		{"HTTP_PROXY for a plain server", Config{Env: env},
			"http://lls.example:7070", "http://envhttp.corp.example:3128", "HTTP_PROXY environment variable"},
		{"NO_PROXY", Config{Env: httpproxy.Config{HTTPSProxy: env.HTTPSProxy, NoProxy: ".example"}},
			"https://cls.example", "", "bypassed by the NO_PROXY environment variable"},
		{"nothing", Config{}, "https://cls.example", "", "no proxy configured"},
		{"system exception list", Config{System: System{Static: static.Static, Bypass: []string{"*.example"}}, Env: env},
			"https://cls.example", "", "bypassed by the system proxy's exception list"},
		{"system proxy per scheme", Config{System: System{Static: map[string]string{"http": "h.corp:1", "https": "s.corp:2"}}},
			"https://cls.example", "http://s.corp:2", "system proxy (static)"},
		{"system proxy without a port", Config{System: System{Static: map[string]string{"": "sys.corp"}}},
			"https://cls.example", "http://sys.corp:80", "system proxy (static)"},
		{"system proxy for another scheme only", Config{System: System{Static: map[string]string{"http": "h.corp:1"}}, Env: env},
			"https://cls.example", "", "the system proxy has no proxy for https"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := c.conf.Choose(mustURL(t, c.target))
			if err != nil {
				t.Fatal(err)
			}
			routeIs(t, r, c.proxy, c.reason)
		})
	}
}

func TestAPACScriptIsAskedForTheRequestURL(t *testing.T) {
	cases := []struct {
		name   string
		sys    System
		answer string
		proxy  string
		reason string
	}{
		{"script proxy", System{PACURL: "http://wpad.corp/proxy.pac"}, "pac.corp:8080",
			"http://pac.corp:8080", "system proxy (PAC script http://wpad.corp/proxy.pac)"},
		{"script in PAC syntax", System{PACURL: "http://wpad.corp/proxy.pac"}, "PROXY pac.corp:8080; DIRECT",
			"http://pac.corp:8080", "system proxy (PAC script http://wpad.corp/proxy.pac)"},
		{"automatic detection", System{Auto: true}, "wpad.corp:3128",
			"http://wpad.corp:3128", "system proxy (automatic detection)"},
		{"script says direct", System{PACURL: "http://wpad.corp/proxy.pac"}, "DIRECT",
			"", "system proxy (PAC script http://wpad.corp/proxy.pac) gave no proxy for this address"},
		{"script gives nothing, static proxy next", System{PACURL: "http://wpad.corp/proxy.pac", Static: map[string]string{"": "st.corp:1"}}, "",
			"http://st.corp:1", "system proxy (static)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &pac{answer: c.answer}
			c.sys.FindProxy = p.find
			r, err := Config{System: c.sys, Env: httpproxy.Config{HTTPSProxy: "env.example:1"}}.Choose(mustURL(t, "https://cls.example/api/1.0/health"))
			if err != nil {
				t.Fatal(err)
			}
			routeIs(t, r, c.proxy, c.reason)
			if len(p.asked) != 1 || p.asked[0] != "https://cls.example/api/1.0/health" {
				t.Fatalf("the script was asked %v", p.asked)
			}
		})
	}
}

func TestTheExceptionList(t *testing.T) {
	cases := []struct {
		target string
		list   []string
		want   bool
	}{
		{"https://lls", []string{"<local>"}, true},
		{"https://lls.corp.example", []string{"<local>"}, false},
		{"https://10.0.0.5:7070", []string{"<local>"}, false},
		{"https://lls.corp.example", []string{"*.corp.example"}, true},
		{"https://LLS.Corp.Example", []string{"*.corp.example"}, true},
		{"https://corp.example.evil", []string{"*.corp.example"}, false},
		{"http://10.1.2.3:7070", []string{"10.*"}, true},
		{"http://10.1.2.3:7070", []string{"10.1.2.3:7070"}, true},
		{"http://10.1.2.3:7070", []string{"10.1.2.3:8080"}, false},
		{"https://cls.example", []string{"https://cls.example"}, true},
		{"https://cls.example", []string{"", " other.example "}, false},
		{"https://a.b.example", []string{"a.*.example"}, true},
		{"http://127.0.0.1:7070", nil, true},
		{"http://localhost:7070", []string{"other.example"}, true},
		{"http://[::1]:7070", nil, true},
		{"http://127.0.0.1:7070", []string{"<-loopback>"}, false},
		{"http://127.0.0.1:7070", []string{"<-Loopback>", "127.0.0.*"}, true},
	}
	for _, c := range cases {
		if got := Bypassed(c.list, mustURL(t, c.target)); got != c.want {
			t.Errorf("Bypassed(%q, %s) = %t, want %t", c.list, c.target, got, c.want)
		}
	}
}

func TestParseURL(t *testing.T) {
	cases := []struct{ in, want, problem string }{
		{"proxy.corp:8080", "http://proxy.corp:8080", ""},
		{" https://proxy.corp:443/ ", "https://proxy.corp:443", ""},
		{"http://[::1]:3128", "http://[::1]:3128", ""},
		{"proxy.corp", "", "no port"},
		{"socks5://proxy.corp:1080", "", "only http"},
		{"http://bob:pw@proxy.corp:8080", "", "no user name"},
		{"http://proxy.corp:8080/path", "", "only the host"},
		{"", "", "not a proxy address"},
	}
	for _, c := range cases {
		u, err := ParseURL(c.in)
		switch {
		case c.problem == "" && (err != nil || u.String() != c.want):
			t.Errorf("ParseURL(%q) = %v, %v; want %s", c.in, u, err, c.want)
		case c.problem != "" && (err == nil || !strings.Contains(err.Error(), c.problem)):
			t.Errorf("ParseURL(%q) error = %v, want one saying %q", c.in, err, c.problem)
		}
	}
}

func TestABadProxyAddressIsAnErrorNamingItsSource(t *testing.T) {
	_, err := Config{ProfileProxy: "proxy.corp"}.Choose(mustURL(t, "https://cls.example"))
	if err == nil || !strings.HasPrefix(err.Error(), "profile: this proxy:") {
		t.Fatalf("err = %v", err)
	}
}

func TestARouteNeverShowsCredentials(t *testing.T) {
	r := Route{Proxy: &url.URL{Scheme: "http", Host: "p:1", User: url.UserPassword("bob", "s3cret")}, Reason: "profile: this proxy"}
	if s := r.String(); strings.Contains(s, "s3cret") || !strings.Contains(s, "p:1") {
		t.Fatalf("String() = %q", s)
	}
	if s := (Route{Reason: "no proxy configured"}).String(); s != "direct (no proxy configured)" {
		t.Fatalf("String() = %q", s)
	}
}
