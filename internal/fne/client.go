// Package fne is the REST client of a FlexNet Embedded license server (local
// or Cloud License Server). Every path comes from the table in endpoints.go.
package fne

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-resty/resty/v2"

	"licenseservermanager/internal/apperr"
)

// Target is where the server is.
type Target struct {
	Host       string
	Port       int
	HTTPS      bool
	CLS        bool
	InstanceID string
}

// Options configures a client.
type Options struct {
	Target
	ConnectTimeout time.Duration
	RequestTimeout time.Duration
}

// Client talks to one license server.
type Client struct {
	opts Options
	http *resty.Client
}

// New builds a client for opts.
func New(opts Options) *Client {
	if opts.ConnectTimeout == 0 {
		opts.ConnectTimeout = 5 * time.Second
	}
	if opts.RequestTimeout == 0 {
		opts.RequestTimeout = 20 * time.Second
	}
	dialer := &net.Dialer{Timeout: opts.ConnectTimeout}
	transport := &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         dialer.DialContext,
		TLSHandshakeTimeout: opts.ConnectTimeout,
		MaxIdleConnsPerHost: 4,
	}
	rc := resty.New().SetTransport(transport).SetTimeout(opts.RequestTimeout)
	return &Client{opts: opts, http: rc}
}

// RootURL is scheme://host[:port] of the server.
func (c *Client) RootURL() string {
	t := c.opts.Target
	scheme := "http"
	if t.HTTPS || t.CLS {
		scheme = "https"
	}
	host := t.Host
	if strings.Contains(host, ":") && !strings.HasPrefix(host, "[") {
		host = "[" + host + "]"
	}
	if t.CLS {
		return scheme + "://" + host
	}
	return scheme + "://" + host + ":" + strconv.Itoa(t.Port)
}

// BaseURL is the instance base of admin endpoints.
func (c *Client) BaseURL() string {
	id := "~"
	if c.opts.CLS {
		id = c.opts.InstanceID
	}
	return c.RootURL() + "/api/1.0/instances/" + id
}

func (c *Client) url(e Endpoint) string {
	if e.Scope == ScopeRoot {
		return c.RootURL() + "/api/1.0" + e.Path
	}
	return c.BaseURL() + e.Path
}

// Health is what GET /health says about the server.
type Health struct {
	Version         string `json:"version"`
	BuildDate       string `json:"buildDate"`
	BuildVersion    string `json:"buildVersion"`
	InstanceID      string `json:"serverInstanceID"`
	Security        string `json:"security"`
	HTTPAuth        string `json:"httpAuth"`
	Diskspace       string `json:"diskspace"`
	SecurityEnabled bool   `json:"-"`
}

// Health reads the server's health, version and security mode.
func (c *Client) Health(ctx context.Context) (Health, error) {
	e := EndpointFor(OpHealth)
	var body struct {
		LLS *Health `json:"LLS"`
	}
	resp, err := c.http.R().SetContext(ctx).SetResult(&body).Execute(e.Method, c.url(e))
	if err != nil {
		return Health{}, classifyTransport(err, c.RootURL())
	}
	if resp.StatusCode() == http.StatusNotFound || resp.StatusCode() == http.StatusMethodNotAllowed {
		return Health{}, apperr.New(apperr.NotSupported, "%s answered but is not a FlexNet license server (no health endpoint).", c.RootURL())
	}
	if resp.IsError() {
		return Health{}, apperr.New(apperr.ServerError, "The server answered %s to the health check.", resp.Status())
	}
	if body.LLS == nil || body.LLS.InstanceID == "" && body.LLS.Version == "" {
		return Health{}, apperr.New(apperr.NotSupported, "%s answered but is not a FlexNet license server.", c.RootURL())
	}
	h := *body.LLS
	h.SecurityEnabled = strings.EqualFold(h.Security, "enabled")
	return h, nil
}

// classifyTransport turns a network failure into a typed error.
func classifyTransport(err error, where string) error {
	var netErr net.Error
	switch {
	case asNetTimeout(err, &netErr):
		return apperr.Wrap(err, apperr.Timeout, "%s did not answer in time.", where)
	case strings.Contains(err.Error(), "x509:") || strings.Contains(err.Error(), "tls:"):
		return apperr.Wrap(err, apperr.TLSUntrusted, "The certificate of %s is not trusted: %v", where, err)
	default:
		return apperr.Wrap(err, apperr.Unreachable, "Cannot reach %s: %s", where, rootCause(err))
	}
}

func asNetTimeout(err error, target *net.Error) bool {
	if err == context.DeadlineExceeded {
		return true
	}
	for e := err; e != nil; {
		if ne, ok := e.(net.Error); ok && ne.Timeout() {
			*target = ne
			return true
		}
		u, ok := e.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		e = u.Unwrap()
	}
	return false
}

func rootCause(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return fmt.Sprint(msg)
}
