package fne

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/simulator"
)

func TestStatusMapping(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		tests := []struct {
			name  string
			fault simulator.Fault
			call  func(c *Client) error
			code  apperr.Code
			want  string
		}{
			{"404 on a list", simulator.Fault{Target: "partitions", Status: 404}, func(c *Client) error { _, err := c.Partitions(ctx); return err }, apperr.NotSupported, "This server does not offer named license pools (server version 20"},
			{"405 on a mutation", simulator.Fault{Target: "sync", Status: 405}, func(c *Client) error { return c.Sync(ctx) }, apperr.NotSupported, "This server does not offer a back-office sync (server version 20"},
			{"409", simulator.Fault{Target: "sync", Status: 409}, func(c *Client) error { return c.Sync(ctx) }, apperr.Conflict, "Injected fault"},
			{"422", simulator.Fault{Target: "sync", Status: 422}, func(c *Client) error { return c.Sync(ctx) }, apperr.InvalidInput, "Injected fault"},
			{"500", simulator.Fault{Target: "partitions", Status: 500}, func(c *Client) error { _, err := c.Partitions(ctx); return err }, apperr.ServerError, "500"},
			{"malformed body", simulator.Fault{Target: "features", Malformed: true}, func(c *Client) error { _, err := c.Features(ctx); return err }, apperr.ServerError, "could not be read"},
			{"malformed health", simulator.Fault{Target: "/health", Malformed: true}, func(c *Client) error { _, err := c.Health(ctx); return err }, apperr.ServerError, "could not be read"},
			{"401 mid-session", simulator.Fault{Target: "*", UnauthorizedAfter: 1}, func(c *Client) error {
				if _, err := c.Features(ctx); err != nil {
					return err
				}
				_, err := c.Devices(ctx)
				return err
			}, apperr.LoginRequired, "log in"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e := loggedIn(t, simulator.Options{Dialect: dialect})
				e.sim.SetFault(tt.fault)
				ae := wantCode(t, tt.call(e.client), tt.code)
				if !strings.Contains(ae.Message, tt.want) {
					t.Fatalf("message %q, want %q", ae.Message, tt.want)
				}
			})
		}
	})
}

func TestRetriesOnlyForGET(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		e.sim.SetFault(simulator.Fault{Target: "features", Status: 503})
		_, err := e.client.Features(ctx)
		wantCode(t, err, apperr.ServerError)
		if n := e.sim.Requests("features"); n != 3 {
			t.Fatalf("GET tried %d times, want 1 + 2 retries", n)
		}
		e.sim.SetFault(simulator.Fault{Target: "sync", Status: 503})
		wantCode(t, e.client.Sync(ctx), apperr.ServerError)
		if n := e.sim.Requests("sync"); n != 1 {
			t.Fatalf("POST tried %d times", n)
		}
		e.sim.SetFault(simulator.Fault{Target: "deleteClient", Status: 502})
		wantCode(t, e.client.DeleteDevice(ctx, 7700), apperr.ServerError)
		if n := e.sim.Requests("deleteClient"); n != 1 {
			t.Fatalf("DELETE tried %d times", n)
		}
		// A transient failure heals within the retries.
		e.sim.ClearFaults()
		e.sim.SetFault(simulator.Fault{Target: "clients", Status: 504, Times: 1})
		if _, err := e.client.Devices(ctx); err != nil {
			t.Fatalf("a GET that fails once must succeed on retry: %v", err)
		}
		if n := e.sim.Requests("clients"); n != 2 {
			t.Fatalf("clients requested %d times", n)
		}
		// 500 is not transient: no retry.
		e.sim.SetFault(simulator.Fault{Target: "partitions", Status: 500})
		e.client.Partitions(ctx)
		if n := e.sim.Requests("partitions"); n != 1 {
			t.Fatalf("a 500 was retried: %d", n)
		}
		noRetry := e.clientLike(func(o *Options) { o.Retries = -1 })
		e.sim.SetFault(simulator.Fault{Target: "hostids", Status: 503})
		noRetry.HostIDs(ctx)
		if n := e.sim.Requests("hostids"); n != 1 {
			t.Fatalf("Retries -1 still retried: %d", n)
		}
	})
}

func TestDroppedConnection(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		e.sim.SetFault(simulator.Fault{Target: "features", Drop: true})
		_, err := e.client.Features(ctx)
		ae := wantCode(t, err, apperr.Unreachable)
		if !strings.Contains(ae.Message, "closed the connection") {
			t.Fatalf("message %q", ae.Message)
		}
		if n := e.sim.Requests("features"); n < 3 {
			t.Fatalf("a dropped GET was tried %d times", n)
		}
		// A change whose connection closes after it was sent may have been done.
		e.sim.SetFault(simulator.Fault{Target: "activations", Drop: true})
		_, err = e.client.Activate(ctx, []Activation{{simulator.DemoActivationOK, 1}})
		wantCode(t, err, apperr.OutcomeUnknown)
		if n := e.sim.Requests("activations"); n != 1 {
			t.Fatalf("a dropped POST was tried %d times", n)
		}
	})
}

func TestUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	c := New(Options{Target: Target{Host: "127.0.0.1", Port: port}, RetryBackoff: time.Millisecond})
	_, err = c.Health(ctx)
	ae := wantCode(t, err, apperr.Unreachable)
	if !strings.Contains(ae.Message, "connection refused") {
		t.Fatalf("message %q", ae.Message)
	}
}

func TestTimeoutAndCancel(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect}, func(o *Options) { o.RequestTimeout = 100 * time.Millisecond })
		e.sim.SetFault(simulator.Fault{Target: "features", Latency: 5 * time.Second})
		_, err := e.client.Features(ctx)
		wantCode(t, err, apperr.Timeout)
		if n := e.sim.Requests("features"); n != 1 {
			t.Fatalf("a timed-out GET was retried %d times", n)
		}

		e.sim.SetFault(simulator.Fault{Target: "clients", Latency: 5 * time.Second})
		cctx, cancel := context.WithCancel(ctx)
		go func() {
			for e.sim.Requests("clients") == 0 {
				time.Sleep(time.Millisecond)
			}
			cancel()
		}()
		slow := e.clientLike(func(o *Options) { o.RequestTimeout = 0 })
		slow.token, slow.session = e.client.token, e.client.session
		_, err = slow.Devices(cctx)
		wantCode(t, err, apperr.Cancelled)

		dctx, dcancel := context.WithTimeout(ctx, 50*time.Millisecond)
		defer dcancel()
		_, err = slow.Devices(dctx)
		wantCode(t, err, apperr.Timeout)

		done, stop := context.WithCancel(ctx)
		stop()
		_, err = e.client.HostIDs(done)
		wantCode(t, err, apperr.Cancelled)
	})
}

func TestErrorBodies(t *testing.T) {
	tests := []struct {
		ctype, body, want string
		key               string
		arguments         []string
	}{
		{"application/json", `{"message": "Bad group"}`, "Bad group", "", nil},
		{"application/json", `{"error": "Nope", "status": 400}`, "Nope", "", nil},
		{"application/json", `{"errorMessage": "Count must be positive"}`, "Count must be positive", "", nil},
		{"application/json", `{"error": {"code": 1}}`, "", "", nil},
		// The body of real servers: its key and arguments, whatever their type.
		{"application/json", `{"key": "glsErr.userAuthFailed", "message": "Authorization attempt failed for user admin", "arguments": ["admin", 3, {"a": 1}]}`,
			"Authorization attempt failed for user admin", "glsErr.userAuthFailed", []string{"admin", "3", `{"a": 1}`}},
		{"application/json", "{\n  \"key\" : \"glsErr.notFound\",\n  \"message\" : \"No such endpoint.\"\n}", "No such endpoint.", "glsErr.notFound", []string{}},
		{"application/json", `{"key": "glsErr.x", "error": "Old field"}`, "Old field", "glsErr.x", []string{}},
		{"text/plain", "Model line 3: bad\n\tat com.flexnet.Parser.parse(Parser.java:42)\n\tat ...", "Model line 3: bad", "", nil},
		{"text/html", "<html><body><h1>500</h1><pre>java.lang.NullPointerException</pre></body></html>", "", "", nil},
		{"", "<!DOCTYPE html><html></html>", "", "", nil},
		{"text/plain", strings.Repeat("x", 1000), strings.Repeat("x", 300) + "…", "", nil},
		{"", "", "", "", nil},
	}
	for _, tt := range tests {
		got := parseErrorBody(tt.ctype, []byte(tt.body))
		if got.message != tt.want || got.key != tt.key || !reflect.DeepEqual(got.arguments, tt.arguments) {
			t.Errorf("%.40q: %+v, want %q %q %q", tt.body, got, tt.want, tt.key, tt.arguments)
		}
	}
}

// TestTheErrorKeyReachesTheDetails holds the typed errors of each dialect's
// refusals: the human message from the body, the key and arguments in the
// details, where callers act on them.
func TestTheErrorKeyReachesTheDetails(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := newEnv(t, simulator.Options{Dialect: dialect, Security: simulator.SecurityOn})
		_, err := e.client.Login(ctx, simulator.AdminUser, "wrong")
		if ae := wantCode(t, err, apperr.LoginRequired); ae.Details["key"] != "glsErr.userAuthFailed" || !reflect.DeepEqual(ae.Details["arguments"], []string{e.base + "/authorize", "admin"}) {
			t.Fatalf("failed login: %+v", ae)
		}
		if _, err := e.client.Login(ctx, simulator.ReaderUser, simulator.ReaderPassword); err != nil {
			t.Fatal(err)
		}
		ae := wantCode(t, e.client.Sync(ctx), apperr.AccessDenied)
		if ae.Details["key"] != "glsErr.accessDenied" || !strings.Contains(ae.Message, "Access denied: User reader lacks the ROLE_ADMIN role") {
			t.Fatalf("denied: %+v", ae)
		}
		_, err = e.client.Feature(ctx, 424242)
		ae = wantCode(t, err, apperr.NotFound)
		if ae.Details["key"] != "glsErr.notFound" || !reflect.DeepEqual(ae.Details["arguments"], []string{"424242"}) || ae.Details["serverMessage"] != "There is no feature with ID 424242." {
			t.Fatalf("missing record: %+v", ae)
		}
	})
}

func TestHTMLErrorPageIsNotShown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte("<html><body>java.lang.IllegalStateException at com.flexnet...</body></html>"))
	}))
	defer srv.Close()
	c := New(Options{Target: target(t, srv)})
	ae := wantCode(t, c.Sync(ctx), apperr.ServerError)
	if strings.Contains(ae.Message, "<") || strings.Contains(ae.Message, "java") {
		t.Fatalf("message %q", ae.Message)
	}
	_, err := c.Health(ctx)
	wantCode(t, err, apperr.ServerError)
}

func TestNotALicenseServer(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	_, err := New(Options{Target: target(t, srv)}).Health(ctx)
	ae := wantCode(t, err, apperr.NotSupported)
	if !strings.Contains(ae.Message, "not a FlexNet license server") {
		t.Fatalf("message %q", ae.Message)
	}
}
