package simulator

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestHealthReportsSecurityModeAndInstance(t *testing.T) {
	tests := []struct {
		sec  Security
		path string
		want string
	}{
		{SecurityOn, "/api/1.0/health", "enabled"},
		{SecurityOff, "/api/1.0/health", "disabled"},
		{SecurityAnonymous, "/api/1.0/instances/~/health", "enabled"},
	}
	for _, tt := range tests {
		s := New(Options{Security: tt.sec, InstanceID: "ABCDEF123456"})
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d", tt.path, rec.Code)
		}
		var body struct {
			LLS map[string]any `json:"LLS"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if body.LLS["security"] != tt.want || body.LLS["serverInstanceID"] != "ABCDEF123456" {
			t.Fatalf("%s: got %v", tt.sec, body.LLS)
		}
	}
}

func TestListenRefusesNonLoopback(t *testing.T) {
	if _, err := Listen("0.0.0.0:0", Options{}, false); err == nil {
		t.Fatal("expected a refusal for a wildcard address")
	}
	r, err := Listen("127.0.0.1:0", Options{}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	resp, err := http.Get(r.URL + "/api/1.0/health")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || r.Port == 0 {
		t.Fatalf("status %d port %d", resp.StatusCode, r.Port)
	}
}
