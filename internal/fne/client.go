// Package fne is the REST client of a FlexNet Embedded license server (local
// or Cloud License Server). Every path comes from the table in endpoints.go;
// every failure comes back as an *apperr.Error.
package fne

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-resty/resty/v2"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/netproxy"
)

// Target is where the server is. For a CLS, Host is the bare site host name
// (a "host:port" form is kept as written, which tests and proxies use) and
// Port is ignored.
type Target struct {
	Host       string
	Port       int
	HTTPS      bool
	CLS        bool
	InstanceID string
}

// Options configures a client. Zero values pick the defaults in New.
type Options struct {
	Target
	ConnectTimeout time.Duration // dial and TLS handshake; default 5s
	RequestTimeout time.Duration // one attempt, body included; default 20s
	UploadTimeout  time.Duration // model, key and offline-response uploads; default 5m

	// CAFile is a PEM bundle trusted in addition to the system roots.
	CAFile string
	// PinnedFingerprint is the SHA-256 fingerprint (hex, colons optional) of
	// a leaf certificate the user chose to trust; it is accepted even when
	// self-signed, and every other certificate is still verified normally.
	PinnedFingerprint string

	// Retries is how many extra attempts an idempotent GET gets after a
	// connection error or a 502/503/504, as long as the first attempt began
	// less than half a RequestTimeout ago: 0 means the default of 2, a
	// negative value disables retries. Mutations are never retried.
	Retries int
	// RetryBackoff is the first wait between attempts, doubled each time;
	// default 250ms.
	RetryBackoff time.Duration

	// Proxy decides the proxy of each request (see netproxy); nil goes
	// direct. ProxyCredentials are sent to that proxy, and only to it:
	// Basic, or NTLM on the tunnel to an HTTPS server.
	Proxy            func(*url.URL) (netproxy.Route, error)
	ProxyCredentials ProxyCredentials

	// OnChange hears of every change the client asks the server for (and
	// of every login), with its outcome: the audit log.
	OnChange func(Change)
}

// Change is one change the client asked for, as the audit log records it.
type Change struct {
	Op        Op
	Operation string // the endpoint's label
	Summary   string // what was changed, without secrets
	User      string
	// Err is nil when the server did it; an OutcomeUnknown error when its
	// answer was lost.
	Err error
}

// Client talks to one license server. It is safe for concurrent use.
type Client struct {
	opts Options
	http *resty.Client
	// setupErr is a TLS option that could not be applied (unreadable CA
	// file, malformed fingerprint); New keeps its signature and every
	// request reports it instead.
	setupErr error

	mu      sync.Mutex
	token   string
	session Session
	// version is what the last health answer said, for the message of an
	// operation the server lacks.
	version string
	// observed is how the server last answered each operation, for
	// Diagnostics and the compatibility report.
	observed map[Op]Observation
}

// New builds a client for opts.
func New(opts Options) *Client {
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = 5 * time.Second
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = 20 * time.Second
	}
	if opts.UploadTimeout <= 0 {
		opts.UploadTimeout = 5 * time.Minute
	}
	if opts.Retries == 0 {
		opts.Retries = 2
	} else if opts.Retries < 0 {
		opts.Retries = 0
	}
	if opts.RetryBackoff <= 0 {
		opts.RetryBackoff = 250 * time.Millisecond
	}
	tlsConf, err := tlsConfig(opts)
	dialer := &net.Dialer{Timeout: opts.ConnectTimeout}
	transport := &http.Transport{
		Proxy:                  proxyFor(opts),
		OnProxyConnectResponse: connectAnswer,
		DialContext:            dialer.DialContext,
		DialTLSContext:         dialTLSFor(opts, dialer, tlsConf),
		TLSClientConfig:        tlsConf,
		TLSHandshakeTimeout:    opts.ConnectTimeout,
		ForceAttemptHTTP2:      true,
		MaxIdleConnsPerHost:    4,
		IdleConnTimeout:        90 * time.Second,
	}
	// Timeouts are per attempt through the request context (uploads need a
	// longer one), so the resty client itself has none. A redirect is
	// answered, never followed: every request may carry a token or a
	// password, and neither may go anywhere but the server of the profile.
	rc := resty.New().SetTransport(transport).SetLogger(quietLogger{}).
		SetRedirectPolicy(resty.RedirectPolicyFunc(func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }))
	return &Client{opts: opts, http: rc, setupErr: err}
}

// RootURL is scheme://host[:port] of the server.
func (c *Client) RootURL() string {
	t := c.opts.Target
	scheme := "http"
	if t.HTTPS || t.CLS {
		scheme = "https"
	}
	host := t.Host
	if t.CLS {
		if _, _, err := net.SplitHostPort(host); err == nil {
			return scheme + "://" + host
		}
	}
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

// Health is what GET /health says about the server.
type Health struct {
	Version      string `json:"version"`
	BuildDate    string `json:"buildDate"`
	BuildVersion string `json:"buildVersion"`
	InstanceID   string `json:"serverInstanceID"`
	Security     string `json:"security"`
	HTTPAuth     string `json:"httpAuth"`
	Diskspace    string `json:"diskspace"`
	Database     struct {
		ConnectionCheck string `json:"connectionCheck"`
	} `json:"database"`
	SecurityEnabled bool `json:"-"`
}

// Health reads the server's health, version and security mode. A CLS is
// asked at its instance base because its site root serves many instances.
func (c *Client) Health(ctx context.Context) (Health, error) {
	op := OpHealth
	if c.opts.CLS {
		op = OpInstanceHealth
	}
	var body struct {
		LLS *Health `json:"LLS"`
	}
	err := c.getJSON(ctx, call{op: op}, &body)
	if apperr.CodeOf(err) == apperr.NotSupported {
		// A CLS site that is up answers its ping: then it is the instance
		// ID that it does not know.
		if c.opts.CLS && c.Ping(ctx) == nil {
			return Health{}, apperr.Wrap(err, apperr.NotFound, "The Cloud License Server at %s answers, but has no instance %s: check the instance ID.", c.RootURL(), c.opts.InstanceID).
				WithDetail("instanceId", c.opts.InstanceID)
		}
		return Health{}, apperr.Wrap(err, apperr.NotSupported, "%s answered but is not a FlexNet license server (no health endpoint).", c.RootURL())
	}
	if err != nil {
		return Health{}, err
	}
	if body.LLS == nil || body.LLS.InstanceID == "" && body.LLS.Version == "" {
		return Health{}, apperr.New(apperr.NotSupported, "%s answered but is not a FlexNet license server.", c.RootURL())
	}
	h := *body.LLS
	h.SecurityEnabled = strings.EqualFold(h.Security, "enabled")
	c.mu.Lock()
	c.version = h.Version
	c.mu.Unlock()
	return h, nil
}

// Instance is what GET {base} says about the server's instance. The path
// is observed, the shape assumed: fields a server does not send stay empty.
type Instance struct {
	ID       FlexString `json:"id"`
	HostName string     `json:"hostName"`
	Version  string     `json:"version"`
}

// Instance reads the description of the instance the base URL names.
func (c *Client) Instance(ctx context.Context) (Instance, error) {
	var out Instance
	err := c.getJSON(ctx, call{op: OpInstance}, &out)
	return out, err
}

// Ping asks a Cloud License Server whether its service is up; local
// servers have no ping and answer not_supported.
func (c *Client) Ping(ctx context.Context) error {
	_, err := c.do(ctx, call{op: OpPing})
	return err
}

// HostIDs lists the server's own host IDs (the ones a back office knows it by).
func (c *Client) HostIDs(ctx context.Context) ([]ServerHostID, error) {
	var body struct {
		HostIDs []ServerHostID `json:"hostids"`
	}
	if err := c.getJSON(ctx, call{op: OpHostIDs}, &body); err != nil {
		return nil, err
	}
	return body.HostIDs, nil
}

// ServerHostID is one host ID of the server itself.
type ServerHostID struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// quietLogger keeps resty from writing to stderr; the app logs failures
// itself, through typed errors, and a request never carries its token into a
// log line.
type quietLogger struct{}

func (quietLogger) Errorf(string, ...any) {}
func (quietLogger) Warnf(string, ...any)  {}
func (quietLogger) Debugf(string, ...any) {}
