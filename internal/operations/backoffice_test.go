package operations

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/exchanges"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

func TestOnlineActivation(t *testing.T) {
	sim, cl := admin(t, simulator.Options{})
	ops := NewBackOffice(t.TempDir(), demoNow)
	_, err := ops.Activate(ctx, cl, []ActivationInput{{ActivationID: "", Count: "1"}, {ActivationID: "A-1", Count: "0"}, {ActivationID: "a-1", Count: "x"}})
	got := map[string]string{}
	for _, it := range apperr.ItemsOf(err) {
		got[it.Item+"."+it.Field] = it.Code
	}
	if got["0.activationId"] != apperr.ItemRequired || got["1.count"] != apperr.ItemFormat || got["2.count"] != apperr.ItemFormat {
		t.Fatalf("validation: %v %+v", err, apperr.ItemsOf(err))
	}
	_, err = ops.Activate(ctx, cl, []ActivationInput{{ActivationID: "A-1", Count: "1"}, {ActivationID: "a-1", Count: "2"}})
	if items := apperr.ItemsOf(err); len(items) != 1 || items[0].Item != "1" || items[0].Code != apperr.ItemTaken {
		t.Fatalf("duplicate IDs: %v %+v", err, items)
	}
	out, err := ops.Activate(ctx, cl, []ActivationInput{
		{ActivationID: simulator.DemoActivationOK, Count: "10"},
		{ActivationID: "NO-SUCH-ID", Count: "1"},
		{ActivationID: simulator.DemoActivationLimited, Count: "50"},
		{ActivationID: simulator.DemoActivationHeld, Count: "5"},
	})
	if err != nil || len(out) != 4 || !out[0].OK || out[1].OK || out[2].OK || out[3].OK {
		t.Fatalf("results %+v %v", out, err)
	}
	for _, o := range out[1:] {
		if o.Message == "" {
			t.Fatalf("a failure needs a meaningful message: %+v", o)
		}
	}
	res, err := ops.Refresh(ctx, cl)
	if err != nil || res.RequestedAt == "" || res.Answer == "" || sim.LastSync().IsZero() {
		t.Fatalf("refresh: %+v %v", res, err)
	}
}

func TestOfflineRoundTripAndHistory(t *testing.T) {
	sim, cl := admin(t, simulator.Options{})
	ops := NewBackOffice(t.TempDir(), demoNow)
	dir := t.TempDir()
	const profile = "p1"

	req, err := ops.CapabilityRequest(ctx, cl, false)
	if err != nil || req.Kind != exchanges.CapabilityRequest || !strings.HasPrefix(req.Name, "capability-request-") {
		t.Fatalf("request: %+v %v", req, err)
	}
	f, err := ops.SaveRequest(profile, req, filepath.Join(dir, "cap.bin"))
	if err != nil || f.Bytes == 0 || strings.HasPrefix(strings.TrimSpace(string(req.Data)), "{") {
		t.Fatalf("save: %+v %v (a request file is binary, not JSON)", f, err)
	}
	if _, err := ops.ActivationRequest(ctx, cl, ActivationInput{ActivationID: "", Count: "0"}); len(apperr.ItemsOf(err)) != 2 || apperr.ItemsOf(err)[0].Item != "" {
		t.Fatalf("bad activation request: %v", err)
	}
	act, err := ops.ActivationRequest(ctx, cl, ActivationInput{ActivationID: simulator.DemoActivationOK, Count: "3"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ops.SaveRequest(profile, act, filepath.Join(dir, "act.bin")); err != nil {
		t.Fatal(err)
	}

	// Bad response files get specific messages and are recorded as failed.
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if _, err := ReadResponseFile(write("empty.bin", nil)); apperr.CodeOf(err) != apperr.InvalidInput || !strings.Contains(err.Error(), "empty") {
		t.Fatalf("empty: %v", err)
	}
	if _, err := ReadResponseFile(write("big.bin", make([]byte, MaxResponseSize+1))); apperr.CodeOf(err) != apperr.InvalidInput || !strings.Contains(err.Error(), "KB") {
		t.Fatalf("too big: %v", err)
	}
	for name, data := range map[string][]byte{"random.bin": []byte("\x00\x13\x37 random bytes that are not a response"), "truncated.bin": req.Data[:len(req.Data)/2]} {
		if _, err := ops.UploadResponse(ctx, cl, profile, write(name, data)); apperr.CodeOf(err) != apperr.InvalidInput {
			t.Fatalf("%s: %v", name, err)
		}
	}
	// A response made for another server is refused.
	other, otherCl := admin(t, simulator.Options{InstanceID: "OTHER1234567", Security: simulator.SecurityOff})
	otherReq, err := otherCl.CapabilityRequest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	otherResp, err := other.MakeCapabilityResponse(otherReq)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ops.UploadResponse(ctx, cl, profile, write("other.bin", otherResp)); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("another server's response: %v", err)
	}

	resp, err := sim.MakeCapabilityResponse(req.Data)
	if err != nil {
		t.Fatal(err)
	}
	good := write("resp.bin", resp)
	if chosen, err := ReadResponseFile(good); err != nil || chosen.Bytes != len(resp) || chosen.Name != "resp.bin" {
		t.Fatalf("choose: %+v %v", chosen, err)
	}
	if r, err := ops.UploadResponse(ctx, cl, profile, good); err != nil || r.Message == "" {
		t.Fatalf("upload: %+v %v", r, err)
	}
	hist, err := ops.History(profile)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[exchanges.Kind]int{}
	for _, h := range hist {
		kinds[h.Kind]++
		if h.Kind != exchanges.Response && h.Pending {
			t.Fatalf("after a loaded response no request is pending: %+v", h)
		}
	}
	if kinds[exchanges.CapabilityRequest] != 1 || kinds[exchanges.ActivationRequest] != 1 || kinds[exchanges.Response] < 3 || hist[0].Kind != exchanges.Response || !hist[0].OK {
		t.Fatalf("history kinds %v, newest %+v", kinds, hist[0])
	}
	if other, _ := ops.History("p2"); len(other) != 0 {
		t.Fatalf("another profile's history: %+v", other)
	}
}

func TestClientKeyChecksAndUpload(t *testing.T) {
	sim, cl := admin(t, simulator.Options{})
	dir := t.TempDir()
	key, _ := rsa.GenerateKey(rand.Reader, 2048)
	der, _ := x509.MarshalPKIXPublicKey(&key.PublicKey)
	small, _ := rsa.GenerateKey(rand.Reader, 1024)
	smallDER, _ := x509.MarshalPKIXPublicKey(&small.PublicKey)
	for name, data := range map[string][]byte{
		"key.der": der, "key.pem": pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), "small.der": smallDER, "junk.der": []byte("junk"),
	} {
		_ = os.WriteFile(filepath.Join(dir, name), data, 0o600)
	}
	for _, tt := range []struct{ file, want string }{{"key.pem", "openssl"}, {"small.der", "1024 bits"}, {"junk.der", "not a DER-encoded public key"}} {
		if _, err := CheckClientKey(filepath.Join(dir, tt.file)); apperr.CodeOf(err) != apperr.InvalidInput || !strings.Contains(err.Error(), tt.want) {
			t.Fatalf("%s: %v", tt.file, err)
		}
	}
	chosen, err := CheckClientKey(filepath.Join(dir, "key.der"))
	if err != nil || !strings.Contains(chosen.Note, "2048") {
		t.Fatalf("good key: %+v %v", chosen, err)
	}
	host, port := simtest.Serve(t, sim)
	reader := fneClient(host, port)
	if _, err := reader.Login(ctx, simulator.ReaderUser, simulator.ReaderPassword); err != nil {
		t.Fatal(err)
	}
	if _, err := UploadClientKey(ctx, reader, chosen.Path); apperr.CodeOf(err) != apperr.AccessDenied {
		t.Fatalf("reader uploading a key: %v", err)
	}
	msg, err := UploadClientKey(ctx, cl, chosen.Path)
	if err != nil || !strings.Contains(msg, "accepted") {
		t.Fatalf("upload: %q %v", msg, err)
	}
}
