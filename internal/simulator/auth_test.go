package simulator

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func login(t *testing.T, s *Server, user, password string) (string, *httptest.ResponseRecorder) {
	t.Helper()
	rec := httptest.NewRecorder()
	body := `{"user":"` + user + `","password":"` + password + `"}`
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/1.0/instances/"+s.InstanceID()+"/authorize", strings.NewReader(body)))
	var ar wireAuthorize
	_ = json.Unmarshal(rec.Body.Bytes(), &ar)
	return ar.Token, rec
}

func call(s *Server, method, path, token string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	s.ServeHTTP(rec, req)
	return rec
}

func TestTokens(t *testing.T) {
	now := fixedNow
	s := New(Options{Security: SecurityOn, InstanceID: "ABCDEF123456", TokenLifetime: 2 * time.Hour, Now: func() time.Time { return now }})
	tok, rec := login(t, s, AdminUser, AdminPassword)
	if rec.Code != 200 || tok == "" {
		t.Fatalf("login: %d %s", rec.Code, rec.Body)
	}
	var ar wireAuthorize
	json.Unmarshal(rec.Body.Bytes(), &ar)
	if ar.Expires != "2025-11-26T14:00:00.000Z" || rec.Header().Get(HeaderPasswordChangeRequired) != "" {
		t.Fatalf("expires %q", ar.Expires)
	}
	parts := strings.Split(tok, ".")
	head, _ := base64.RawURLEncoding.DecodeString(parts[0])
	raw, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var c claims
	if err := json.Unmarshal(raw, &c); err != nil || string(head) != `{"typ":"JWT","alg":"HS512"}` {
		t.Fatalf("header %s claims %s", head, raw)
	}
	if c.Sub != AdminUser || c.Iss != "ABCDEF123456" || c.Exp-c.Iat != 7200 || c.XSRFToken == "" ||
		c.Roles != "ROLE_ADMIN,ROLE_DROPCLIENT,ROLE_READ,ROLE_RESERVATIONS,ROLE_OFFLINE" {
		t.Fatalf("claims %+v", c)
	}

	otherTok, _ := login(t, New(Options{Security: SecurityOn, InstanceID: "ABCDEF123456", Now: func() time.Time { return now }}), AdminUser, AdminPassword)
	forged := parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(strings.Replace(string(raw), "ROLE_ADMIN", "ROLE_PRODUCER", 1))) + "." + parts[2]
	readerTok, _ := login(t, s, ReaderUser, ReaderPassword)
	features := "/api/1.0/instances/~/features"
	tests := []struct {
		name, method, path, token string
		want                      int
		msg                       string
	}{
		{"valid", "GET", features, tok, 200, ""},
		{"missing", "GET", features, "", 401, "Log in"},
		{"garbled", "GET", features, "abc.def", 401, "not valid"},
		{"other server's key", "GET", features, otherTok, 401, "not valid"},
		{"forged claims", "GET", features, forged, 401, "not valid"},
		{"reader reads", "GET", features, readerTok, 200, ""},
		{"reader drops a device", "DELETE", "/api/1.0/instances/~/clients/7700", readerTok, 403, "ROLE_DROPCLIENT"},
		{"health needs nothing", "GET", "/api/1.0/health", "", 200, ""},
	}
	for _, tt := range tests {
		rec := call(s, tt.method, tt.path, tt.token)
		if rec.Code != tt.want || !strings.Contains(rec.Body.String(), tt.msg) {
			t.Errorf("%s: %d %s", tt.name, rec.Code, rec.Body)
		}
	}
	if _, rec := login(t, s, AdminUser, "nope"); rec.Code != 401 {
		t.Errorf("bad password: %d", rec.Code)
	}
	now = now.Add(2 * time.Hour)
	if rec := call(s, "GET", features, tok); rec.Code != 401 || !strings.Contains(rec.Body.String(), "expired") {
		t.Errorf("expired: %d %s", rec.Code, rec.Body)
	}
}

func TestFirstLoginSignals(t *testing.T) {
	s := New(Options{Security: SecurityOn, FirstLogin: true})
	tok, rec := login(t, s, AdminUser, AdminPassword)
	if rec.Code != 200 || rec.Header().Get(HeaderPasswordChangeRequired) != "true" || !strings.Contains(rec.Body.String(), `"passwordChangeRequired":true`) {
		t.Fatalf("%d %v %s", rec.Code, rec.Header(), rec.Body)
	}
	rec = call(s, "GET", "/api/1.0/instances/~/features", tok)
	if rec.Code != 403 || rec.Header().Get(HeaderPasswordChangeRequired) != "true" {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	readerTok, _ := login(t, s, ReaderUser, ReaderPassword)
	if rec := call(s, "GET", "/api/1.0/instances/~/features", readerTok); rec.Code != 200 {
		t.Fatalf("the reader is not bound by admin's first login: %d", rec.Code)
	}
}
