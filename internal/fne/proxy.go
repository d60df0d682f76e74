package fne

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"net/url"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/netproxy"
)

// ProxyCredentials gives the user name and password a proxy is sent
// (Basic or NTLM); ok is false when none are configured.
type ProxyCredentials func() (user, password string, ok bool, err error)

// proxyFor is the transport's proxy function: the route Options.Proxy
// decides, with the configured credentials on the proxy's URL, which the
// transport sends as Proxy-Authorization (Basic) on each plain HTTP
// request, and to the proxy only. With credentials, the tunnel to an HTTPS
// server is the tunneler's (Basic or NTLM), so the transport dials it as if
// direct.
func proxyFor(opts Options) func(*http.Request) (*url.URL, error) {
	if opts.Proxy == nil {
		return nil
	}
	return func(req *http.Request) (*url.URL, error) {
		if opts.ProxyCredentials != nil && req.URL.Scheme == "https" {
			return nil, nil
		}
		r, err := opts.Proxy(req.URL)
		if err != nil {
			return nil, &proxyError{err: err}
		}
		if r.Direct() {
			return nil, nil
		}
		p := *r.Proxy
		if opts.ProxyCredentials != nil {
			user, password, ok, err := opts.ProxyCredentials()
			if err != nil {
				return nil, &proxyError{proxy: r, err: err}
			}
			if ok {
				p.User = url.UserPassword(user, password)
			}
		}
		return &p, nil
	}
}

// dialTLSFor is the transport's dial to an HTTPS server that it reaches
// "directly": the tunneler's when it makes the tunnels (see proxyFor), nil
// for the transport's own.
func dialTLSFor(opts Options, dialer *net.Dialer, conf *tls.Config) func(ctx context.Context, network, addr string) (net.Conn, error) {
	if opts.Proxy == nil || opts.ProxyCredentials == nil {
		return nil
	}
	return tunneler{opts: opts, dial: dialer.DialContext, tls: conf}.DialTLSContext
}

// proxyError is a failure of the way to the server through a proxy: its
// configuration, its credentials, or its answer to a CONNECT.
type proxyError struct {
	proxy  netproxy.Route
	status int
	err    error
}

func (e *proxyError) Error() string {
	if e.err != nil {
		return e.err.Error()
	}
	return http.StatusText(e.status)
}

func (e *proxyError) Unwrap() error { return e.err }

// connectAnswer turns a proxy's refusal of a CONNECT into a proxyError, so
// that a 407 is told as the proxy's, not as the server's.
func connectAnswer(_ context.Context, proxy *url.URL, _ *http.Request, resp *http.Response) error {
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	return &proxyError{proxy: netproxy.Route{Proxy: proxy}, status: resp.StatusCode}
}

// Route is the way requests take to the server: through which proxy, and
// why.
func (c *Client) Route() (netproxy.Route, error) {
	if c.opts.Proxy == nil {
		return netproxy.Route{Reason: "no proxy configured"}, nil
	}
	u, err := url.Parse(c.RootURL())
	if err != nil {
		return netproxy.Route{}, err
	}
	return c.opts.Proxy(u)
}

// RouteSummary is Route in words, as diagnostics and lsm status print it:
// "http://proxy:8080 (system proxy (static))", "direct (no proxy
// configured)".
func (c *Client) RouteSummary() string {
	r, err := c.Route()
	if err != nil {
		return "cannot be decided: " + err.Error()
	}
	return r.String()
}

// proxyFailure is the typed error of a failure on the way through a
// proxy, or nil when err is not one.
func (c *Client) proxyFailure(err error) error {
	var pe *proxyError
	var op *net.OpError
	switch {
	case errors.As(err, &pe) && pe.status == http.StatusProxyAuthRequired && c.opts.ProxyCredentials != nil:
		return apperr.Wrap(err, apperr.AccessDenied, "The proxy %s refused the proxy user name and password: check them in Settings (Basic and NTLM are supported, Negotiate/Kerberos is not).", c.proxyName()).
			WithDetail("proxy", c.proxyName())
	case errors.As(err, &pe) && pe.status == http.StatusProxyAuthRequired:
		return apperr.Wrap(err, apperr.AccessDenied, "The proxy %s asks for a user name and password: enter the proxy's credentials in Settings (Basic and NTLM are supported, Negotiate/Kerberos is not).", c.proxyName()).
			WithDetail("proxy", c.proxyName())
	case errors.As(err, &pe) && pe.status != 0:
		return apperr.Wrap(err, apperr.Unreachable, "The proxy %s refused the way to %s: %d %s.", c.proxyName(), c.RootURL(), pe.status, http.StatusText(pe.status)).
			WithDetail("proxy", c.proxyName())
	case errors.As(err, &pe):
		return apperr.Wrap(err, apperr.NotConfigured, "The proxy for %s cannot be used: %s", c.RootURL(), pe.err.Error())
	case errors.As(err, &op) && op.Op == "proxyconnect":
		return apperr.Wrap(err, apperr.Unreachable, "Cannot reach the proxy %s: %s", c.proxyName(), truncate(rootCause(err), 160)).
			WithDetail("proxy", c.proxyName())
	}
	return nil
}

// proxyName is the proxy the server is reached through, for messages.
func (c *Client) proxyName() string {
	r, err := c.Route()
	if err != nil || r.Direct() {
		return "(none)"
	}
	return r.Proxy.Redacted()
}
