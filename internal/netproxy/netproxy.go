// Package netproxy decides which proxy, if any, a request to a license
// server goes through, and says why: the organisation's ProxyServer policy,
// then the profile's own choice, then the operating system's proxy
// configuration (Windows Internet Options: a static proxy with its
// exception list, a PAC script, or automatic detection), then the
// HTTPS_PROXY / HTTP_PROXY / NO_PROXY environment variables.
package netproxy

import (
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/http/httpproxy"
)

// Route is where a request goes: through Proxy, or direct when it is nil.
type Route struct {
	Proxy *url.URL
	// Reason says which setting decided, in words.
	Reason string
}

// Direct reports whether the route uses no proxy.
func (r Route) Direct() bool { return r.Proxy == nil }

// String is the route for diagnostics: "http://proxy:8080 (reason)" or
// "direct (reason)", never with credentials.
func (r Route) String() string {
	if r.Proxy == nil {
		return "direct (" + r.Reason + ")"
	}
	return r.Proxy.Redacted() + " (" + r.Reason + ")"
}

// PolicyDirect is the ProxyServer policy value that forbids a proxy
// (orgpolicy.ProxyDirect; repeated so that this package needs none of the
// policy reader).
const PolicyDirect = "direct"

// System is the operating system's proxy configuration. The zero value is
// none, which is what every system but Windows gives.
type System struct {
	// Static maps a scheme ("http", "https") to a proxy address; the key
	// "" is the proxy of every scheme without its own.
	Static map[string]string
	// Bypass is the static proxy's exception list: host names, wildcards
	// (*.corp.example) and <local> for names without a dot.
	Bypass []string
	// PACURL is the PAC script's address; Auto is automatic detection
	// (WPAD), used when there is no PACURL.
	PACURL string
	Auto   bool
	// FindProxy runs the PAC script (or WPAD) for a URL and returns the
	// proxy's host:port, or "" for none or when it could not be run.
	FindProxy func(rawURL string) string
}

func (s System) configured() bool {
	return len(s.Static) > 0 || s.automatic()
}

func (s System) automatic() bool { return (s.PACURL != "" || s.Auto) && s.FindProxy != nil }

// Config is everything the choice depends on.
type Config struct {
	// Policy is the ProxyServer machine policy: "" when not set,
	// PolicyDirect, or a proxy URL.
	Policy string
	// ProfileDirect is the profile's "no proxy"; ProfileProxy is its own
	// proxy URL. Neither set means the system's choice.
	ProfileDirect bool
	ProfileProxy  string
	System        System
	// Env is the environment variables' configuration.
	Env httpproxy.Config
}

// FromEnvironment reads the environment variables into a configuration of
// their own, so that a test or a profile change is not held back by the
// process-wide cache of net/http.
func FromEnvironment() httpproxy.Config { return *httpproxy.FromEnvironment() }

// Choose decides the route of a request to u.
func (c Config) Choose(u *url.URL) (Route, error) {
	switch {
	case c.Policy == PolicyDirect:
		return Route{Reason: "ProxyServer policy: no proxy"}, nil
	case c.Policy != "":
		return via(c.Policy, "ProxyServer policy")
	case c.ProfileDirect:
		return Route{Reason: "profile: no proxy"}, nil
	case c.ProfileProxy != "":
		return via(c.ProfileProxy, "profile: this proxy")
	case c.System.configured():
		return c.System.choose(u)
	}
	return c.env(u)
}

// via is the route through the proxy at raw.
func via(raw, reason string) (Route, error) {
	p, err := ParseURL(raw)
	if err != nil {
		return Route{}, fmt.Errorf("%s: %w", reason, err)
	}
	return Route{Proxy: p, Reason: reason}, nil
}

func (s System) choose(u *url.URL) (Route, error) {
	if s.automatic() {
		how := "automatic detection"
		if s.PACURL != "" {
			how = "PAC script " + s.PACURL
		}
		if p := firstPACProxy(s.FindProxy(u.String())); p != "" {
			return via(p, "system proxy ("+how+")")
		}
		if len(s.Static) == 0 {
			return Route{Reason: "system proxy (" + how + ") gave no proxy for this address"}, nil
		}
	}
	addr, ok := s.Static[u.Scheme]
	if !ok {
		addr = s.Static[""]
	}
	if addr == "" {
		return Route{Reason: "the system proxy has no proxy for " + u.Scheme}, nil
	}
	if Bypassed(s.Bypass, u) {
		return Route{Reason: "bypassed by the system proxy's exception list"}, nil
	}
	return via(defaultPort(addr), "system proxy (static)")
}

// defaultPort gives a system proxy written without a port the port 80
// Windows gives it.
func defaultPort(addr string) string {
	host := addr
	if _, rest, ok := strings.Cut(addr, "://"); ok {
		host = rest
	}
	if _, _, err := net.SplitHostPort(host); err != nil && !strings.Contains(strings.TrimPrefix(strings.TrimSuffix(host, "]"), "["), ":") {
		return addr + ":80"
	}
	return addr
}

// firstPACProxy takes the first proxy of a PAC answer ("PROXY a:1; DIRECT"
// or, as WinHTTP gives it, "a:1;b:2"); "" for DIRECT.
func firstPACProxy(answer string) string {
	first, _, _ := strings.Cut(answer, ";")
	first = strings.TrimSpace(first)
	if f := strings.Fields(first); len(f) == 2 && (strings.EqualFold(f[0], "PROXY") || strings.EqualFold(f[0], "HTTP")) {
		return f[1]
	}
	if strings.EqualFold(first, "DIRECT") {
		return ""
	}
	return first
}

func (c Config) env(u *url.URL) (Route, error) {
	name, set := "HTTP_PROXY", c.Env.HTTPProxy
	if u.Scheme == "https" {
		name, set = "HTTPS_PROXY", c.Env.HTTPSProxy
	}
	if set == "" {
		return Route{Reason: "no proxy configured"}, nil
	}
	p, err := c.Env.ProxyFunc()(u)
	if err != nil {
		return Route{}, fmt.Errorf("%s environment variable: %w", name, err)
	}
	if p == nil {
		return Route{Reason: "bypassed by the NO_PROXY environment variable"}, nil
	}
	return Route{Proxy: p, Reason: name + " environment variable"}, nil
}

// ParseURL reads a proxy address: host:port or an http:// or https:// URL
// of a host and port, without credentials (they belong in the credential
// store) or a path.
func ParseURL(raw string) (*url.URL, error) {
	s := strings.TrimSpace(raw)
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	switch {
	case err != nil || u.Hostname() == "":
		return nil, fmt.Errorf("%q is not a proxy address: use host:port or http://host:port", raw)
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("%q is not a proxy address: only http:// and https:// proxies are supported", raw)
	case u.User != nil:
		return nil, fmt.Errorf("a proxy address carries no user name or password: enter them as the proxy's credentials")
	case u.Port() == "":
		return nil, fmt.Errorf("%q has no port: use host:port, such as proxy.corp.example:8080", raw)
	case strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "":
		return nil, fmt.Errorf("%q is not a proxy address: give only the host and port", raw)
	}
	return &url.URL{Scheme: u.Scheme, Host: u.Host}, nil
}

// Bypassed reports whether u's host is on a Windows proxy exception list:
// an exact host (or host:port), a wildcard such as *.corp.example or
// 10.*, or <local> for a host name without a dot. As on Windows, the
// loopback addresses are on every list unless it holds <-loopback>.
func Bypassed(list []string, u *url.URL) bool {
	host := strings.ToLower(u.Hostname())
	hostPort := host + ":" + u.Port()
	if loopback(host) && !slices.ContainsFunc(list, func(e string) bool { return strings.EqualFold(strings.TrimSpace(e), "<-loopback>") }) {
		return true
	}
	for _, e := range list {
		e = strings.ToLower(strings.TrimSpace(e))
		if _, rest, ok := strings.Cut(e, "://"); ok {
			e = rest
		}
		switch {
		case e == "":
		case e == "<local>":
			if !strings.Contains(host, ".") && net.ParseIP(host) == nil {
				return true
			}
		case glob(e, host) || glob(e, hostPort):
			return true
		}
	}
	return false
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// glob matches s against a pattern where * stands for any run of
// characters, as in the exception list of Internet Options.
func glob(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return strings.HasSuffix(s, last)
}
