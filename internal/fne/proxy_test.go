package fne

import (
	"context"
	"encoding/base64"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/netproxy"
	"licenseservermanager/internal/simulator"
)

// forwardProxy is a small HTTP proxy: CONNECT tunnels for HTTPS servers,
// absolute-URL requests for plain HTTP ones. It sends every host named in
// hosts to that address, counts what it was asked per host, and with a
// user set answers 407 to a request without those Basic credentials.
type forwardProxy struct {
	hosts          map[string]string
	user, password string

	mu       sync.Mutex
	asked    map[string]int // host:port → CONNECTs and requests
	authSeen []string       // Proxy-Authorization values, "" for none
}

func startProxy(t *testing.T, hosts map[string]string) (*forwardProxy, *url.URL) {
	t.Helper()
	p := &forwardProxy{hosts: hosts, asked: map[string]int{}}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	return p, u
}

func (p *forwardProxy) count(host string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.asked[host]
}

func (p *forwardProxy) total() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, c := range p.asked {
		n += c
	}
	return n
}

func (p *forwardProxy) auths() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.authSeen...)
}

func (p *forwardProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := r.Host
	if r.Method != http.MethodConnect {
		host = r.URL.Host
	}
	auth := r.Header.Get("Proxy-Authorization")
	p.mu.Lock()
	p.asked[host]++
	p.authSeen = append(p.authSeen, auth)
	p.mu.Unlock()
	if p.user != "" && auth != "Basic "+base64.StdEncoding.EncodeToString([]byte(p.user+":"+p.password)) {
		w.Header().Set("Proxy-Authenticate", `Basic realm="corp"`)
		w.WriteHeader(http.StatusProxyAuthRequired)
		return
	}
	to, ok := p.hosts[host]
	if !ok {
		http.Error(w, "unknown host "+host, http.StatusBadGateway)
		return
	}
	if r.Method != http.MethodConnect {
		(&httputil.ReverseProxy{Rewrite: func(pr *httputil.ProxyRequest) {
			pr.Out.URL.Host = to
		}}).ServeHTTP(w, r)
		return
	}
	upstream, err := net.Dial("tcp", to)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusOK)
	client, rw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		upstream.Close()
		return
	}
	go func() {
		_, _ = io.Copy(upstream, rw)
		upstream.Close()
	}()
	_, _ = io.Copy(client, upstream)
	client.Close()
}

// serverSaw records the Proxy-Authorization headers that reached the
// server itself.
type serverSaw struct {
	next http.Handler
	mu   sync.Mutex
	auth []string
}

func (s *serverSaw) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if a := r.Header.Get("Proxy-Authorization"); a != "" {
		s.mu.Lock()
		s.auth = append(s.auth, a)
		s.mu.Unlock()
	}
	s.next.ServeHTTP(w, r)
}

// proxied starts a simulator of dialect d (over TLS for a CLS) and a proxy
// that knows it as name; the options address the server by that name.
func proxied(t *testing.T, d simulator.Dialect, name string) (*forwardProxy, *url.URL, Options, *serverSaw) {
	t.Helper()
	sim := simulator.New(simulator.Options{Dialect: d, Security: simulator.SecurityOff})
	saw := &serverSaw{next: sim}
	o := Options{RetryBackoff: 1, Retries: -1}
	var srv *httptest.Server
	if d == simulator.DialectCLS {
		srv = httptest.NewTLSServer(saw)
		o.Target = Target{Host: name + ":443", CLS: true, InstanceID: sim.InstanceID()}
		o.PinnedFingerprint = Fingerprint(srv.Certificate().Raw)
	} else {
		srv = httptest.NewServer(saw)
		o.Target = Target{Host: name, Port: 7070}
	}
	t.Cleanup(srv.Close)
	addr := srv.Listener.Addr().String()
	p, pu := startProxy(t, map[string]string{name + ":443": addr, name + ":7070": addr})
	return p, pu, o, saw
}

func TestRequestsGoThroughTheChosenProxy(t *testing.T) {
	for _, d := range []simulator.Dialect{simulator.DialectCLS, simulator.DialectCurrent} {
		t.Run(string(d), func(t *testing.T) {
			p, pu, o, saw := proxied(t, d, "lls.proxied.test")
			o.Proxy = netproxy.Config{ProfileProxy: pu.Host}.Choose
			c := New(o)
			if _, err := c.Health(context.Background()); err != nil {
				t.Fatal(err)
			}
			host := o.Host
			if !o.CLS {
				host += ":" + strconv.Itoa(o.Port)
			}
			if p.count(host) == 0 {
				t.Fatalf("the proxy was not asked for %s: %v", host, p.asked)
			}
			for _, a := range p.auths() {
				if a != "" {
					t.Fatalf("Proxy-Authorization %q sent without credentials configured", a)
				}
			}
			if len(saw.auth) != 0 {
				t.Fatalf("the server saw Proxy-Authorization %v", saw.auth)
			}
			r, err := c.Route()
			if err != nil || r.Direct() || r.Proxy.Host != pu.Host || r.Reason != "profile: this proxy" {
				t.Fatalf("Route() = %v, %v", r, err)
			}
		})
	}
}

func TestABypassedServerIsReachedDirect(t *testing.T) {
	cases := []struct {
		name string
		conf func(proxy string) netproxy.Config
	}{
		{"profile: no proxy", func(proxy string) netproxy.Config {
			return netproxy.Config{ProfileDirect: true, System: netproxy.System{Static: map[string]string{"": proxy}, Bypass: []string{"<-loopback>"}}}
		}},
		{"system exception list", func(proxy string) netproxy.Config {
			return netproxy.Config{System: netproxy.System{Static: map[string]string{"": proxy}, Bypass: []string{"<-loopback>", "127.0.0.*"}}}
		}},
		{"ProxyServer policy direct", func(proxy string) netproxy.Config {
			return netproxy.Config{Policy: netproxy.PolicyDirect, ProfileProxy: proxy}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t, simulator.Options{Dialect: simulator.DialectCLS})
			p, pu := startProxy(t, map[string]string{})
			cl := e.clientLike(func(o *Options) {
				o.Proxy = c.conf(pu.Host).Choose
				o.ProxyCredentials = func() (string, string, bool, error) { return "bob", "s3cret", true, nil }
			})
			if _, err := cl.Health(context.Background()); err != nil {
				t.Fatal(err)
			}
			if n := p.total(); n != 0 {
				t.Fatalf("the proxy was asked %d times", n)
			}
		})
	}
}

func TestProxyCredentialsAreSentToTheProxyOnly(t *testing.T) {
	for _, d := range []simulator.Dialect{simulator.DialectCLS, simulator.DialectCurrent} {
		t.Run(string(d), func(t *testing.T) {
			p, pu, o, saw := proxied(t, d, "lls.proxied.test")
			p.user, p.password = "corp\\bob", "pä:ss"
			o.Proxy = netproxy.Config{ProfileProxy: pu.Host}.Choose

			_, err := New(o).Health(context.Background())
			if e := wantCode(t, err, apperr.AccessDenied); e.Details["proxy"] != pu.String() || !strings.Contains(e.Message, "asks for a user name") {
				t.Fatalf("details = %v, message %q", e.Details, e.Message)
			}

			o.ProxyCredentials = func() (string, string, bool, error) { return p.user, "wrong", true, nil }
			_, err = New(o).Health(context.Background())
			if e := wantCode(t, err, apperr.AccessDenied); !strings.Contains(e.Message, "refused the proxy user name and password") || strings.Contains(e.Message, "wrong") {
				t.Fatalf("message %q", e.Message)
			}

			o.ProxyCredentials = func() (string, string, bool, error) { return p.user, p.password, true, nil }
			if _, err := New(o).Health(context.Background()); err != nil {
				t.Fatal(err)
			}
			want := "Basic " + base64.StdEncoding.EncodeToString([]byte(p.user+":"+p.password))
			if a := p.auths(); a[len(a)-1] != want {
				t.Fatalf("the proxy got %q, want %q", a[len(a)-1], want)
			}
			if len(saw.auth) != 0 {
				t.Fatalf("the server saw Proxy-Authorization %v", saw.auth)
			}
		})
	}
}

func TestAnUnreachableProxyIsNamed(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := l.Addr().String()
	l.Close()
	o := Options{Target: Target{Host: "cls.example.test", CLS: true, InstanceID: "X"}, Retries: -1,
		Proxy: netproxy.Config{ProfileProxy: dead}.Choose}
	_, err = New(o).Health(context.Background())
	if e := wantCode(t, err, apperr.Unreachable); e.Details["proxy"] != "http://"+dead {
		t.Fatalf("details = %v, message %q", e.Details, e.Message)
	}
}
