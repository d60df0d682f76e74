package simulator

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

// Running is a simulator serving on a real socket.
type Running struct {
	*Server
	URL  string // http(s)://127.0.0.1:PORT
	Host string
	Port int
	// With Options.TLS: the SHA-256 fingerprint (AA:BB:... upper case) and
	// PEM of the self-signed certificate, for tests and users to pin.
	Fingerprint string
	CertPEM     []byte
	srv         *http.Server
}

// Listen serves a simulator on addr (use "127.0.0.1:0" for a free port).
// It refuses non-loopback addresses unless allowRemote is set, because the
// simulator has well-known demo credentials.
func Listen(addr string, opts Options, allowRemote bool) (*Running, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if !allowRemote {
		ip := net.ParseIP(host)
		if host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			return nil, errors.New("the simulator listens on loopback only; pass a 127.0.0.1 or ::1 address")
		}
	}
	var cert *selfSigned
	// A Cloud License Server always speaks HTTPS, and clients address it so.
	if opts.TLS || opts.CLS || opts.Dialect == DialectCLS {
		if cert, err = newSelfSigned(); err != nil {
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := New(opts)
	tcp := ln.Addr().(*net.TCPAddr)
	r := &Running{
		Server: s,
		URL:    "http://" + ln.Addr().String(),
		Host:   tcp.IP.String(),
		Port:   tcp.Port,
		// Handshake failures are expected (a client meeting the self-signed
		// certificate before the user trusts it) and not worth a log line.
		srv: &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.New(io.Discard, "", 0)},
	}
	if cert != nil {
		r.URL = "https://" + ln.Addr().String()
		r.Fingerprint, r.CertPEM = cert.fingerprint, cert.pem
		r.srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert.pair}, MinVersion: tls.VersionTLS12}
		ln = tls.NewListener(ln, r.srv.TLSConfig)
	}
	go func() { _ = r.srv.Serve(ln) }()
	return r, nil
}

// Close stops serving and waits briefly for in-flight requests.
func (r *Running) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return r.srv.Shutdown(ctx)
}
