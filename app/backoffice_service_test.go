package app

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/exchanges"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/simulator"
)

func backOffice(t *testing.T, e *sessionEnv) (*BackOfficeService, *fakeDialogs, string) {
	t.Helper()
	dir := t.TempDir()
	dlg := &fakeDialogs{}
	return NewBackOfficeService(e.conns, e.store, dlg, t.TempDir(), e.clock.now), dlg, dir
}

func TestOnlineActivation(t *testing.T) {
	e := adminEnv(t, simulator.Options{})
	svc, _, _ := backOffice(t, e)
	_, err := svc.Activate([]ActivationInput{{ActivationID: "", Count: "1"}, {ActivationID: "A-1", Count: "0"}, {ActivationID: "a-1", Count: "x"}})
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Fields["rows.0.activationId"] == "" || ae.Fields["rows.1.count"] == "" || ae.Fields["rows.2.count"] == "" {
		t.Fatalf("validation: %#v", err)
	}
	if _, err := svc.Activate([]ActivationInput{{ActivationID: "A-1", Count: "1"}, {ActivationID: "a-1", Count: "2"}}); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("duplicate IDs: %v", err)
	}
	out, err := svc.Activate([]ActivationInput{
		{ActivationID: simulator.DemoActivationOK, Count: "10"},
		{ActivationID: "NO-SUCH-ID", Count: "1"},
		{ActivationID: simulator.DemoActivationLimited, Count: "50"},
		{ActivationID: simulator.DemoActivationHeld, Count: "5"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 4 || !out[0].OK || out[1].OK || out[2].OK || out[3].OK {
		t.Fatalf("results %+v", out)
	}
	for _, o := range out[1:] {
		if o.Message == "" {
			t.Fatalf("a failure needs a meaningful message: %+v", o)
		}
	}
	res, err := svc.Refresh()
	if err != nil || res.RequestedAt == "" || res.Answer == "" {
		t.Fatalf("refresh: %+v %v", res, err)
	}
	if e.sim.LastSync().IsZero() {
		t.Fatal("the server did not see the sync")
	}
}

func TestOfflineRoundTripAndHistory(t *testing.T) {
	e := adminEnv(t, simulator.Options{})
	svc, dlg, dir := backOffice(t, e)

	dlg.savePath = ""
	if f, err := svc.DownloadCapabilityRequest(false); err != nil || f.Path != "" {
		t.Fatalf("cancelled save: %+v %v", f, err)
	}
	dlg.savePath = filepath.Join(dir, "cap.bin")
	f, err := svc.DownloadCapabilityRequest(false)
	if err != nil || f.Path != dlg.savePath || f.Bytes == 0 {
		t.Fatalf("save: %+v %v", f, err)
	}
	req, _ := os.ReadFile(f.Path)
	if strings.HasPrefix(strings.TrimSpace(string(req)), "{") {
		t.Fatal("a request file is binary, not JSON")
	}
	if _, err := svc.DownloadActivationRequest(ActivationInput{ActivationID: "", Count: "0"}); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("bad activation request: %v", err)
	}
	dlg.savePath = filepath.Join(dir, "act.bin")
	if _, err := svc.DownloadActivationRequest(ActivationInput{ActivationID: simulator.DemoActivationOK, Count: "3"}); err != nil {
		t.Fatal(err)
	}

	// Bad response files get specific messages and are recorded as failed.
	bad := map[string][]byte{
		"empty.bin":     {},
		"random.bin":    []byte("\x00\x13\x37 random bytes that are not a response"),
		"truncated.bin": req[:len(req)/2],
	}
	for name, data := range bad {
		p := filepath.Join(dir, name)
		_ = os.WriteFile(p, data, 0o600)
		dlg.openPath = p
		if name == "empty.bin" {
			if _, err := svc.ChooseResponseFile(); apperr.CodeOf(err) != apperr.InvalidInput || !strings.Contains(err.Error(), "empty") {
				t.Fatalf("empty: %v", err)
			}
			continue
		}
		if _, err := svc.UploadResponse(p); apperr.CodeOf(err) != apperr.InvalidInput {
			t.Fatalf("%s: %v", name, err)
		}
	}
	big := filepath.Join(dir, "big.bin")
	_ = os.WriteFile(big, make([]byte, MaxResponseSize+1), 0o600)
	dlg.openPath = big
	if _, err := svc.ChooseResponseFile(); apperr.CodeOf(err) != apperr.InvalidInput || !strings.Contains(err.Error(), "KB") {
		t.Fatalf("too big: %v", err)
	}
	// A response for another server is refused.
	other := simulator.New(simulator.Options{InstanceID: "OTHER1234567", Security: simulator.SecurityOff})
	otherSrv := httptest.NewServer(other)
	defer otherSrv.Close()
	otherReq, err := fne.New(fne.Options{Target: fne.Target{Host: otherSrv.Listener.Addr().(*net.TCPAddr).IP.String(),
		Port: otherSrv.Listener.Addr().(*net.TCPAddr).Port}}).CapabilityRequest(e.svc.context())
	if err != nil {
		t.Fatal(err)
	}
	otherResp, err := other.MakeCapabilityResponse(otherReq)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "other.bin")
	_ = os.WriteFile(p, otherResp, 0o600)
	if _, err := svc.UploadResponse(p); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("another server's response: %v", err)
	}

	resp, err := e.sim.MakeCapabilityResponse(req)
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "resp.bin")
	_ = os.WriteFile(good, resp, 0o600)
	dlg.openPath = good
	chosen, err := svc.ChooseResponseFile()
	if err != nil || chosen.Path != good || chosen.Bytes != len(resp) {
		t.Fatalf("choose: %+v %v", chosen, err)
	}
	r, err := svc.UploadResponse(chosen.Path)
	if err != nil || r.Message == "" {
		t.Fatalf("upload: %+v %v", r, err)
	}
	hist, err := svc.History()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, h := range hist {
		kinds[h.Kind]++
		if h.Kind != exchanges.Response && h.Pending {
			t.Fatalf("after a loaded response no request is pending: %+v", h)
		}
	}
	if kinds[exchanges.CapabilityRequest] != 1 || kinds[exchanges.ActivationRequest] != 1 || kinds[exchanges.Response] < 3 {
		t.Fatalf("history kinds %v", kinds)
	}
	if hist[0].Kind != exchanges.Response || !hist[0].OK {
		t.Fatalf("newest entry %+v", hist[0])
	}
}

func TestClientKeyChecksAndUpload(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
	if _, err := e.svc.Login(LoginInput{User: "reader", Password: simulator.ReaderPassword}); err != nil {
		t.Fatal(err)
	}
	svc, dlg, dir := backOffice(t, e)
	key, _ := rsa.GenerateKey(rand.Reader, 2048)
	der, _ := x509.MarshalPKIXPublicKey(&key.PublicKey)
	small, _ := rsa.GenerateKey(rand.Reader, 1024)
	smallDER, _ := x509.MarshalPKIXPublicKey(&small.PublicKey)
	files := map[string][]byte{
		"key.der":   der,
		"key.pem":   pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}),
		"small.der": smallDER,
		"junk.der":  []byte("junk"),
	}
	for name, data := range files {
		_ = os.WriteFile(filepath.Join(dir, name), data, 0o600)
	}
	tests := []struct{ file, want string }{
		{"key.pem", "openssl"},
		{"small.der", "1024 bits"},
		{"junk.der", "not a DER-encoded public key"},
	}
	for _, tt := range tests {
		dlg.openPath = filepath.Join(dir, tt.file)
		if _, err := svc.ChooseClientKey(); apperr.CodeOf(err) != apperr.InvalidInput || !strings.Contains(err.Error(), tt.want) {
			t.Fatalf("%s: %v", tt.file, err)
		}
	}
	dlg.openPath = filepath.Join(dir, "key.der")
	chosen, err := svc.ChooseClientKey()
	if err != nil || !strings.Contains(chosen.Note, "2048") {
		t.Fatalf("good key: %+v %v", chosen, err)
	}
	if _, err := svc.UploadClientKey(chosen.Path); apperr.CodeOf(err) != apperr.AccessDenied {
		t.Fatalf("reader uploading a key: %v", err)
	}
	e.svc.Logout(false)
	if _, err := e.svc.Login(LoginInput{User: "admin", Password: simulator.AdminPassword}); err != nil {
		t.Fatal(err)
	}
	msg, err := svc.UploadClientKey(chosen.Path)
	if err != nil || !strings.Contains(msg, "accepted") {
		t.Fatalf("upload: %q %v", msg, err)
	}
}
