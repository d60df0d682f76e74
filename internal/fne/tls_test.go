package fne

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/simulator"
)

func tlsSim(t *testing.T, opts simulator.Options) *simulator.Running {
	t.Helper()
	opts.TLS = true
	if opts.Security == "" {
		opts.Security = simulator.SecurityOff
	}
	r, err := simulator.Listen("127.0.0.1:0", opts, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func TestTLSTrust(t *testing.T) {
	r := tlsSim(t, simulator.Options{})
	tgt := Target{Host: "127.0.0.1", Port: r.Port, HTTPS: true}

	_, err := New(Options{Target: tgt}).Health(ctx)
	ae := wantCode(t, err, apperr.TLSUntrusted)
	if ae.Details["fingerprint"] != r.Fingerprint || !strings.Contains(ae.Details["subject"].(string), "License server simulator") ||
		ae.Details["issuer"] == "" || ae.Details["notBefore"] == "" || ae.Details["notAfter"] == "" || ae.Details["selfSigned"] != true {
		t.Fatalf("details %v", ae.Details)
	}

	for name, pin := range map[string]string{
		"colons":      r.Fingerprint,
		"bare lower":  strings.ToLower(strings.ReplaceAll(r.Fingerprint, ":", "")),
		"with spaces": strings.ReplaceAll(r.Fingerprint, ":", " "),
	} {
		if _, err := New(Options{Target: tgt, PinnedFingerprint: pin}).Health(ctx); err != nil {
			t.Errorf("pinned (%s): %v", name, err)
		}
	}
	other := strings.Repeat("AB:", 31) + "AB"
	_, err = New(Options{Target: tgt, PinnedFingerprint: other}).Health(ctx)
	wantCode(t, err, apperr.TLSUntrusted)

	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(ca, r.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{Target: tgt, CAFile: ca}).Health(ctx); err != nil {
		t.Fatalf("CA file: %v", err)
	}
	// The CA file vouches for 127.0.0.1 and localhost only.
	_, err = New(Options{Target: Target{Host: "127.0.0.2", Port: r.Port, HTTPS: true}, CAFile: ca, RetryBackoff: time.Millisecond}).Health(ctx)
	if code := apperr.CodeOf(err); code != apperr.TLSUntrusted && code != apperr.Unreachable {
		t.Fatalf("wrong host name: %v", err)
	}

	bad := filepath.Join(t.TempDir(), "bad.pem")
	os.WriteFile(bad, []byte("not pem"), 0o600)
	for _, o := range []Options{
		{Target: tgt, CAFile: bad},
		{Target: tgt, CAFile: filepath.Join(t.TempDir(), "missing.pem")},
		{Target: tgt, PinnedFingerprint: "12:34"},
	} {
		_, err := New(o).Health(ctx)
		wantCode(t, err, apperr.InvalidInput)
	}

	info, err := FetchCertificate(ctx, "127.0.0.1", r.Port)
	if err != nil || info.Fingerprint != r.Fingerprint || !info.SelfSigned || !strings.Contains(info.PEM, "BEGIN CERTIFICATE") {
		t.Fatalf("fetched %+v %v", info, err)
	}
	plain := newEnv(t, simulator.Options{})
	_, err = New(Options{Target: Target{Host: plain.client.opts.Host, Port: plain.client.opts.Port, HTTPS: true}}).Health(ctx)
	ae = wantCode(t, err, apperr.Unreachable)
	if !strings.Contains(ae.Message, "HTTPS") {
		t.Fatalf("HTTPS to an HTTP server: %q", ae.Message)
	}
}

func TestCLSOverTLS(t *testing.T) {
	r := tlsSim(t, simulator.Options{CLS: true, InstanceID: "CLS000000001", Security: simulator.SecurityOn})
	c := New(Options{
		Target:            Target{Host: "127.0.0.1:" + strconv.Itoa(r.Port), CLS: true, InstanceID: "CLS000000001"},
		PinnedFingerprint: r.Fingerprint,
	})
	if !strings.HasPrefix(c.BaseURL(), "https://") {
		t.Fatal(c.BaseURL())
	}
	h, err := c.Health(ctx)
	if err != nil || h.InstanceID != "CLS000000001" {
		t.Fatalf("%+v %v", h, err)
	}
	if _, err := c.Login(ctx, simulator.AdminUser, simulator.AdminPassword); err != nil {
		t.Fatal(err)
	}
	sums, err := c.FeatureSummaries(ctx)
	if err != nil || len(sums) == 0 {
		t.Fatalf("%d %v", len(sums), err)
	}
	fs, _ := c.Features(ctx)
	var count, used FlexInt
	for _, f := range fs {
		if f.Name == sums[0].Name && f.Version == sums[0].Key {
			count += f.Count
			used += f.Used
		}
	}
	if sums[0].TotalCount != count || sums[0].TotalUsed != used || sums[0].Name > sums[len(sums)-1].Name {
		t.Fatalf("summary %+v, records sum to %d/%d", sums[0], count, used)
	}
	ae := wantCode(t, c.UpdateConfiguration(ctx, map[string]string{"logging.threshold": "DEBUG"}), apperr.AccessDenied)
	if !strings.Contains(ae.Message, "read-only") {
		t.Fatalf("message %q", ae.Message)
	}
}
