package fne

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/Azure/go-ntlmssp"
)

// tunneler opens the CONNECT tunnel to an HTTPS server itself when proxy
// credentials are configured, because Go's transport can only send Basic
// credentials, and unasked: the proxy is asked first without credentials,
// then answered in the scheme it offers, NTLM (a handshake on one
// connection) before Basic.
type tunneler struct {
	opts Options
	dial func(ctx context.Context, network, addr string) (net.Conn, error)
	tls  *tls.Config
}

// DialTLSContext is the transport's dial to an HTTPS server: direct when
// the route is, else through a tunnel of the route's proxy; then the TLS
// handshake with the server, verified as every other.
func (t tunneler) DialTLSContext(ctx context.Context, network, addr string) (net.Conn, error) {
	conn, err := t.tunnel(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		conn.Close()
		return nil, err
	}
	conf := t.tls.Clone()
	conf.ServerName, conf.NextProtos = host, []string{"http/1.1"}
	tc := tls.Client(conn, conf)
	if err := tc.HandshakeContext(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return tc, nil
}

// tunnel is a connection to addr: direct when the route is, else a
// CONNECT tunnel through the route's proxy.
func (t tunneler) tunnel(ctx context.Context, network, addr string) (net.Conn, error) {
	r, err := t.opts.Proxy(&url.URL{Scheme: "https", Host: addr})
	if err != nil {
		return nil, &proxyError{err: err}
	}
	if r.Direct() {
		return t.dial(ctx, network, addr)
	}
	user, password, ok, err := t.opts.ProxyCredentials()
	if err != nil {
		return nil, &proxyError{proxy: r, err: err}
	}
	proxy := r.Proxy
	conn, br, err := t.open(ctx, proxy)
	if err != nil {
		return nil, err
	}
	if d, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(d)
	} else {
		_ = conn.SetDeadline(time.Now().Add(2 * t.opts.ConnectTimeout))
	}
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()

	resp, err := connect(conn, br, addr, "")
	for round := 0; err == nil && resp.StatusCode == http.StatusProxyAuthRequired && ok && round < 2; round++ {
		offered := resp.Header.Values("Proxy-Authenticate")
		var auth string
		switch {
		case round == 0 && offers(offered, "NTLM"):
			msg, nerr := ntlmssp.NewNegotiateMessage(ntlmDomain(user), "")
			if nerr != nil {
				err = nerr
				break
			}
			auth = "NTLM " + base64.StdEncoding.EncodeToString(msg)
		case round == 1 && offers(offered, "NTLM"):
			challenge, cerr := ntlmToken(offered)
			if cerr != nil {
				err = cerr
				break
			}
			msg, nerr := ntlmssp.NewAuthenticateMessage(challenge, user, password, nil)
			if nerr != nil {
				err = nerr
				break
			}
			auth = "NTLM " + base64.StdEncoding.EncodeToString(msg)
		case round == 0 && offers(offered, "Basic"):
			auth = "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password))
		}
		if err != nil || auth == "" {
			break
		}
		if resp.Close {
			// A proxy that closes the connection after its answer is asked
			// again on a new one; that serves Basic, while an NTLM
			// handshake bound to the closed connection then fails.
			conn.Close()
			if conn, br, err = t.open(ctx, proxy); err != nil {
				return nil, err
			}
		}
		resp, err = connect(conn, br, addr, auth)
	}
	switch {
	case err != nil:
		conn.Close()
		var pe *proxyError
		var op *net.OpError
		if errors.As(err, &pe) || errors.As(err, &op) {
			return nil, err
		}
		return nil, &proxyError{proxy: r, err: err}
	case resp.StatusCode != http.StatusOK:
		conn.Close()
		return nil, &proxyError{proxy: r, status: resp.StatusCode}
	}
	_ = conn.SetDeadline(time.Time{})
	if br.Buffered() > 0 {
		return &bufferedConn{Conn: conn, r: br}, nil
	}
	return conn, nil
}

// open connects to the proxy (netproxy.ParseURL gave it a port), over TLS
// for an https:// one.
func (t tunneler) open(ctx context.Context, proxy *url.URL) (net.Conn, *bufio.Reader, error) {
	conn, err := t.dial(ctx, "tcp", proxy.Host)
	if err != nil {
		return nil, nil, &net.OpError{Op: "proxyconnect", Net: "tcp", Err: err}
	}
	if proxy.Scheme == "https" {
		conf := t.tls.Clone()
		conf.ServerName, conf.NextProtos = proxy.Hostname(), nil
		tc := tls.Client(conn, conf)
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return nil, nil, &net.OpError{Op: "proxyconnect", Net: "tcp", Err: err}
		}
		conn = tc
	}
	return conn, bufio.NewReader(conn), nil
}

// connect sends one CONNECT for addr and reads the answer, its body
// drained so that the connection can carry the next step of a handshake.
func connect(conn net.Conn, br *bufio.Reader, addr, auth string) (*http.Response, error) {
	req := &http.Request{Method: http.MethodConnect, URL: &url.URL{Opaque: addr}, Host: addr, Header: http.Header{}}
	if auth != "" {
		req.Header.Set("Proxy-Authorization", auth)
	}
	if err := req.Write(conn); err != nil {
		return nil, err
	}
	resp, err := http.ReadResponse(br, req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorBody))
		resp.Body.Close()
	}
	return resp, nil
}

// offers reports whether a Proxy-Authenticate list offers scheme.
func offers(values []string, scheme string) bool {
	for _, v := range values {
		name, _, _ := strings.Cut(strings.TrimSpace(v), " ")
		if strings.EqualFold(name, scheme) {
			return true
		}
	}
	return false
}

// ntlmToken is the NTLM challenge of a Proxy-Authenticate list.
func ntlmToken(values []string) ([]byte, error) {
	for _, v := range values {
		name, token, _ := strings.Cut(strings.TrimSpace(v), " ")
		if strings.EqualFold(name, "NTLM") && strings.TrimSpace(token) != "" {
			return base64.StdEncoding.DecodeString(strings.TrimSpace(token))
		}
	}
	return nil, errors.New("the proxy offered NTLM but sent no challenge")
}

// ntlmDomain is the domain of DOMAIN\user or user@domain, "" for a bare
// user name.
func ntlmDomain(user string) string {
	_, domain, _ := ntlmssp.GetDomain(user)
	return domain
}

// bufferedConn reads what the proxy sent after its answer first.
type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *bufferedConn) Read(p []byte) (int, error) { return c.r.Read(p) }
