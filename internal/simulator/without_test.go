package simulator

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// TestRemovedOperations: a removed operation answers as a web container
// without the path does, its path's other methods stay, and a removed
// route listed first still owns its path.
func TestRemovedOperations(t *testing.T) {
	s := New(Options{Security: SecurityOff, Dialect: DialectCLS, Without: []string{"featureSummaries", "deleteModel"}})
	s.Remove("legacyClients", "clients")
	base := "/api/1.0/instances/" + s.InstanceID()
	tests := []struct {
		method, path string
		status       int
		allow        string
		page         bool
	}{
		{"GET", base + "/features/summaries", 404, "", true}, // not /features/{id} with id "summaries"
		{"GET", base + "/features/1", 200, "", false},
		{"DELETE", base + "/model", 405, "GET, POST", true},
		{"GET", base + "/model", 404, "", false}, // the demo data has no model: the server's own refusal
		{"GET", base + "/clients", 404, "", true},
		{"GET", "/api/1.0/clients", 404, "", true},
		{"GET", base + "/nothing", 404, "", false}, // never a route: the JSON refusal
		{"GET", base + "/health", 200, "", false},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
		page := strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html")
		if rec.Code != tt.status || rec.Header().Get("Allow") != tt.allow || page != tt.page {
			t.Errorf("%s %s: %d allow %q page %v, body %.80s", tt.method, tt.path, rec.Code, rec.Header().Get("Allow"), page, rec.Body.String())
		}
	}
	if _, err := Listen("127.0.0.1:0", Options{Without: []string{"featureList"}}, false); err == nil || !strings.Contains(err.Error(), `unknown operation "featureList"`) {
		t.Fatalf("an unknown operation: %v", err)
	}
}
