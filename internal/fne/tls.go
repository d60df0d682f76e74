package fne

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
)

// CertificateInfo describes a server certificate for the "trust this
// certificate?" dialog.
type CertificateInfo struct {
	Subject     string    `json:"subject"`
	Issuer      string    `json:"issuer"`
	NotBefore   time.Time `json:"notBefore"`
	NotAfter    time.Time `json:"notAfter"`
	DNSNames    []string  `json:"dnsNames"`
	SelfSigned  bool      `json:"selfSigned"`
	Fingerprint string    `json:"fingerprint"` // SHA-256, AA:BB:... upper case
	PEM         string    `json:"pem"`
}

func describeCertificate(cert *x509.Certificate) CertificateInfo {
	return CertificateInfo{
		Subject:     cert.Subject.String(),
		Issuer:      cert.Issuer.String(),
		NotBefore:   cert.NotBefore.UTC(),
		NotAfter:    cert.NotAfter.UTC(),
		DNSNames:    cert.DNSNames,
		SelfSigned:  cert.CheckSignatureFrom(cert) == nil,
		Fingerprint: Fingerprint(cert.Raw),
		PEM:         string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw})),
	}
}

// details is the certificate as apperr Details for the UI.
func (ci CertificateInfo) details() map[string]any {
	return map[string]any{
		"subject":     ci.Subject,
		"issuer":      ci.Issuer,
		"notBefore":   ci.NotBefore.Format(time.RFC3339),
		"notAfter":    ci.NotAfter.Format(time.RFC3339),
		"fingerprint": ci.Fingerprint,
		"selfSigned":  ci.SelfSigned,
		"dnsNames":    ci.DNSNames,
	}
}

// Fingerprint is the SHA-256 of a DER certificate as colon-separated
// upper-case hex, the form browsers and keytool show.
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	h := strings.ToUpper(hex.EncodeToString(sum[:]))
	var b strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(h[i : i+2])
	}
	return b.String()
}

// NormalizeFingerprint accepts a SHA-256 fingerprint with or without colons
// or spaces, in any case, and returns it as bare upper-case hex.
func NormalizeFingerprint(fp string) (string, error) {
	h := strings.NewReplacer(":", "", " ", "", "-", "").Replace(strings.TrimSpace(fp))
	raw, err := hex.DecodeString(h)
	if err != nil || len(raw) != sha256.Size {
		return "", apperr.New(apperr.InvalidInput, "The pinned certificate fingerprint is not a SHA-256 fingerprint (64 hex digits).")
	}
	return strings.ToUpper(hex.EncodeToString(raw)), nil
}

// CertificateError is a certificate the client refused, with the leaf the
// server presented so the UI can offer to trust it.
type CertificateError struct {
	Certificate CertificateInfo
	Reason      string
	Err         error
}

func (e *CertificateError) Error() string { return "certificate not trusted: " + e.Reason }
func (e *CertificateError) Unwrap() error { return e.Err }

// tlsConfig builds the client's TLS settings: system roots plus an optional
// CA file, plus an optional pinned leaf. Verification is done in
// VerifyConnection (the documented way to customise it) so that a refusal
// always carries the presented certificate; it is never skipped.
func tlsConfig(opts Options) (*tls.Config, error) {
	roots, err := x509.SystemCertPool()
	if err != nil || roots == nil {
		roots = x509.NewCertPool()
	}
	var setupErr error
	if opts.CAFile != "" {
		if err := addCAFile(roots, opts.CAFile); err != nil {
			setupErr = err
		}
	}
	pin := ""
	if opts.PinnedFingerprint != "" {
		p, err := NormalizeFingerprint(opts.PinnedFingerprint)
		if err != nil {
			setupErr = err
		}
		pin = p
	}
	conf := &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true, // replaced by verifyPeer below, which always runs
		VerifyConnection: func(cs tls.ConnectionState) error {
			return verifyPeer(cs, roots, pin)
		},
	}
	return conf, setupErr
}

func verifyPeer(cs tls.ConnectionState, roots *x509.CertPool, pin string) error {
	if len(cs.PeerCertificates) == 0 {
		return errors.New("the server presented no certificate")
	}
	leaf := cs.PeerCertificates[0]
	if pin != "" && strings.ReplaceAll(Fingerprint(leaf.Raw), ":", "") == pin {
		return nil
	}
	inter := x509.NewCertPool()
	for _, c := range cs.PeerCertificates[1:] {
		inter.AddCert(c)
	}
	_, err := leaf.Verify(x509.VerifyOptions{DNSName: cs.ServerName, Roots: roots, Intermediates: inter})
	if err == nil {
		return nil
	}
	return &CertificateError{Certificate: describeCertificate(leaf), Reason: certReason(err), Err: err}
}

// certReason says in plain words why x509 refused a certificate.
func certReason(err error) string {
	var (
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
	)
	switch {
	case errors.As(err, &unknown):
		return "it is not signed by a trusted authority (self-signed or an unknown CA)"
	case errors.As(err, &hostname):
		return "it was issued for another host name (" + hostname.Error() + ")"
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		return "it has expired or is not valid yet"
	default:
		return err.Error()
	}
}

func addCAFile(pool *x509.CertPool, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return apperr.Wrap(err, apperr.InvalidInput, "The CA file %s cannot be read: %v", path, err)
	}
	if !pool.AppendCertsFromPEM(data) {
		return apperr.New(apperr.InvalidInput, "The CA file %s holds no PEM certificate.", path)
	}
	return nil
}

// FetchCertificate connects to host:port, completes a TLS handshake without
// trusting anything and returns the leaf certificate, so the UI can show it
// before the user decides to pin it. Nothing is sent over the connection.
func FetchCertificate(ctx context.Context, host string, port int) (CertificateInfo, error) {
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	d := &tls.Dialer{
		NetDialer: &net.Dialer{Timeout: 10 * time.Second},
		Config: &tls.Config{
			ServerName: host,
			// Inspection only: the certificate is returned for a human to
			// judge and the connection is closed unused.
			InsecureSkipVerify: true,
		},
	}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		probe := &Client{opts: Options{Target: Target{Host: host, Port: port, HTTPS: true}}}
		return CertificateInfo{}, probe.transportError(ctx, err)
	}
	defer conn.Close()
	certs := conn.(*tls.Conn).ConnectionState().PeerCertificates
	if len(certs) == 0 {
		return CertificateInfo{}, apperr.New(apperr.TLSUntrusted, "%s presented no certificate.", addr)
	}
	return describeCertificate(certs[0]), nil
}
