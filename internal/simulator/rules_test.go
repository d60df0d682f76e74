package simulator

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"strings"
	"testing"
	"time"
)

func TestRoutingByInstance(t *testing.T) {
	tests := []struct {
		cls  bool
		path string
		want int
	}{
		{false, "/api/1.0/instances/~/features", 200},
		{false, "/api/1.0/instances/ABCDEF123456/features", 200},
		{false, "/api/1.0/instances/ZZZZZZZZZZZZ/features", 404},
		{true, "/api/1.0/instances/~/features", 404},
		{true, "/api/1.0/instances/ABCDEF123456/features", 200},
		{true, "/api/1.0/instances/ABCDEF123456/features/summaries", 200},
		{false, "/api/1.0/instances/~/features/summaries", 404},
		{false, "/api/1.0/instances/~/features/1/clients/", 200},
		{false, "/api/1.0/instances/~/features/1/clients", 200},
		{false, "/api/1.0/instances/~/nothing", 404},
		{false, "/api/1.0/hostids", 200},
		{false, "/elsewhere", 404},
	}
	for _, tt := range tests {
		s := New(Options{Security: SecurityOff, InstanceID: "ABCDEF123456", CLS: tt.cls})
		if got := get(t, s, tt.path).Code; got != tt.want {
			t.Errorf("cls=%v %s: %d, want %d", tt.cls, tt.path, got, tt.want)
		}
	}
	rec := get(t, New(Options{Security: SecurityOff}), "/api/1.0/instances/~/sync")
	if rec.Code != 405 || rec.Header().Get("Allow") != "POST" {
		t.Fatalf("GET /sync: %d allow %q", rec.Code, rec.Header().Get("Allow"))
	}
}

func TestParseFault(t *testing.T) {
	good := []struct {
		in   string
		want Fault
	}{
		{"features:status=503", Fault{Target: "features", Status: 503}},
		{"*:latency=2s", Fault{Target: "*", Latency: 2 * time.Second}},
		{"clients:drop,times=1", Fault{Target: "clients", Drop: true, Times: 1}},
		{"/api/1.0/instances/*/features:malformed", Fault{Target: "/api/1.0/instances/*/features", Malformed: true}},
		{"*:unauthorized-after=3", Fault{Target: "*", UnauthorizedAfter: 3}},
	}
	for _, tt := range good {
		got, err := ParseFault(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("%s: %+v, %v", tt.in, got, err)
		}
	}
	for _, in := range []string{"features", "features:", "features:status=abc", "features:status=42", "features:latency=soon", "features:explode", "x:times=-1"} {
		if _, err := ParseFault(in); err == nil {
			t.Errorf("%s: accepted", in)
		}
	}
}

func TestFaultMatching(t *testing.T) {
	tests := []struct {
		target string
		op     string
		full   string
		want   bool
	}{
		{"", "features", "/api/1.0/instances/~/features", true},
		{"features", "features", "/api/1.0/instances/~/features", true},
		{"features", "feature", "/api/1.0/instances/~/features/1", false},
		{"/features/*", "feature", "/api/1.0/instances/~/features/1", true},
		{"/api/1.0/instances/*/clients", "clients", "/api/1.0/instances/~/clients", true},
		{"/clients", "features", "/api/1.0/instances/~/features", false},
	}
	for _, tt := range tests {
		sub := strings.TrimPrefix(tt.full, "/api/1.0/instances/~")
		if got := (Fault{Target: tt.target}).matches(tt.op, tt.full, sub); got != tt.want {
			t.Errorf("%q on %s: %v", tt.target, tt.full, got)
		}
	}
}

func TestPasswordRules(t *testing.T) {
	tests := []struct{ pw, want string }{
		{"Secret12!", ""},
		{"Ab(defgh", ""},
		{"Short1!", "8 to 30"},
		{"Abcdefghijklmnopqrstuvwxyz1234!", "8 to 30"},
		{"lowercase1!", "upper-case"},
		{"UPPERCASE1!", "lower-case"},
		{"NoSpecial123", "one of"},
		{"Tilde~Only1", "one of"},
	}
	for _, tt := range tests {
		got := checkPassword(tt.pw)
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.pw, got, tt.want)
		}
	}
}

func TestRSAKeyCheck(t *testing.T) {
	der := func(bits int) []byte {
		k, err := rsa.GenerateKey(rand.Reader, bits)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := x509.MarshalPKIXPublicKey(&k.PublicKey)
		return b
	}
	k2048 := der(2048)
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ecDER, _ := x509.MarshalPKIXPublicKey(&ec.PublicKey)
	rk, _ := x509.ParsePKIXPublicKey(k2048)
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"pkix 2048", k2048, ""},
		{"pkcs1 2048", x509.MarshalPKCS1PublicKey(rk.(*rsa.PublicKey)), ""},
		{"pem", pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: k2048}), "PEM"},
		{"1024", der(1024), "1024-bit"},
		{"ecdsa", ecDER, "not an RSA key"},
		{"garbage", []byte("not a key at all"), "not a DER-encoded"},
		{"empty", nil, "empty"},
	}
	for _, tt := range tests {
		got := checkRSAKey(tt.in)
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestOfflineFileRefusals(t *testing.T) {
	s := New(Options{Security: SecurityOff})
	req, _ := s.encodeFile(kindCapabilityRequest, offlinePayload{HostID: "X"})
	if _, msg := parseFile(req); msg != "" {
		t.Fatal(msg)
	}
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"random", []byte(strings.Repeat("\x13\x37garbage", 40)), "unknown format"},
		{"magic prefix only", fileMagic[:3], "truncated"},
		{"cut in half", req[:len(req)/2], "truncated"},
		{"no signature", req[:len(req)-1], "truncated"},
		{"trailing data", append(append([]byte{}, req...), 0), "after its signature"},
	}
	for _, tt := range tests {
		if _, msg := parseFile(tt.in); !strings.Contains(msg, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, msg, tt.want)
		}
	}
	if _, err := s.MakeCapabilityResponse([]byte("junk")); err == nil {
		t.Error("the back office answered junk")
	}
	other := New(Options{Security: SecurityOff, InstanceID: "OTHER0000000"})
	if _, err := other.MakeCapabilityResponse(req); err == nil || !strings.Contains(err.Error(), "instance") {
		t.Errorf("answered a request of another instance: %v", err)
	}
	tampered := append([]byte{}, req...)
	tampered[len(tampered)-40] ^= 1
	if _, err := s.MakeCapabilityResponse(tampered); err == nil || !strings.Contains(err.Error(), "signature") {
		t.Errorf("answered a tampered request: %v", err)
	}
}

func TestBanner(t *testing.T) {
	r, err := Listen("127.0.0.1:0", Options{Security: SecurityOn, FirstLogin: true, TLS: true}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b := Banner(r)
	for _, want := range []string{r.URL, r.InstanceID(), "on (log in", AdminUser + " / " + AdminPassword, ReaderUser + " / " + ReaderPassword, r.Fingerprint, "first login", DemoActivationOK} {
		if !strings.Contains(b, want) {
			t.Errorf("banner lacks %q:\n%s", want, b)
		}
	}
	if !strings.HasPrefix(r.URL, "https://") {
		t.Errorf("TLS simulator URL %s", r.URL)
	}
	off, err := Listen("127.0.0.1:0", Options{Security: SecurityOff}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer off.Close()
	if b := Banner(off); strings.Contains(b, AdminPassword) || !strings.Contains(b, "off") {
		t.Errorf("security-off banner:\n%s", b)
	}
}
