package fne

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"licenseservermanager/internal/simulator"
)

func TestEndpointTableMatchesSimulator(t *testing.T) {
	key := func(op, method string, root bool, path string) string {
		return strings.Join([]string{op, method, map[bool]string{true: "root", false: "instance"}[root], path}, " ")
	}
	table := map[string]Endpoint{}
	for _, e := range Endpoints {
		table[key(string(e.Op), e.Method, e.Scope == ScopeRoot, e.Path)] = e
	}
	served := map[string]bool{}
	for _, r := range simulator.Routes() {
		k := key(r.Op, r.Method, r.Root, r.Path)
		served[k] = true
		e, ok := table[k]
		if !ok {
			t.Errorf("the simulator serves %s, which the client's table lacks", k)
			continue
		}
		if string(e.Role) != r.Role && r.Role != "" {
			t.Errorf("%s: table role %q, simulator role %q", e.Op, e.Role, r.Role)
		}
	}
	for k := range table {
		if !served[k] {
			t.Errorf("the client's table has %s, which the simulator does not serve", k)
		}
	}
	seen := map[Op]bool{}
	for _, e := range Endpoints {
		if seen[e.Op] || e.Label == "" || e.Evidence == "" {
			t.Errorf("%s: duplicate or incomplete row", e.Op)
		}
		seen[e.Op] = true
	}
}

func TestURLs(t *testing.T) {
	tests := []struct {
		target Target
		op     Op
		params []string
		want   string
	}{
		{Target{Host: "lls", Port: 7070}, OpFeatures, nil, "http://lls:7070/api/1.0/instances/~/features"},
		{Target{Host: "lls", Port: 7071, HTTPS: true}, OpHealth, nil, "https://lls:7071/api/1.0/health"},
		{Target{Host: "::1", Port: 7070}, OpHostIDs, nil, "http://[::1]:7070/api/1.0/hostids"},
		{Target{Host: "acme.compliance.flexnetoperations.com", Port: 7070, CLS: true, InstanceID: "ABCDEF123456"}, OpFeature, []string{"id", "12"}, "https://acme.compliance.flexnetoperations.com/api/1.0/instances/ABCDEF123456/features/12"},
		{Target{Host: "acme.example:8443", CLS: true, InstanceID: "X"}, OpCapabilityResponse, nil, "https://acme.example:8443/api/1.0/capability_response"},
		{Target{Host: "lls", Port: 7070}, OpChangePassword, []string{"user", "a b/c"}, "http://lls:7070/api/1.0/instances/~/users/a%20b%2Fc/password"},
		{Target{Host: "lls", Port: 7070}, OpFeatureClients, []string{"id", "3"}, "http://lls:7070/api/1.0/instances/~/features/3/clients/"},
	}
	for _, tt := range tests {
		c := New(Options{Target: tt.target})
		got, err := c.endpointURL(EndpointFor(tt.op), tt.params)
		if err != nil || got != tt.want {
			t.Errorf("%s: %s, %v; want %s", tt.op, got, err, tt.want)
		}
	}
	c := New(Options{Target: Target{Host: "acme", CLS: true}})
	if _, err := c.endpointURL(EndpointFor(OpFeatures), nil); err == nil {
		t.Error("a CLS without instance ID got a URL")
	}
	if _, err := New(Options{Target: Target{Host: "h", Port: 1}}).endpointURL(EndpointFor(OpFeature), []string{"id", ""}); err == nil {
		t.Error("an empty path parameter got a URL")
	}
}

// TestSimulatorBodiesHaveFixtureShape holds every simulator answer that has
// a fixture against it: each key of the fixture must be in the answer, so
// the client's DTOs (tested on the fixtures) read what the simulator sends.
func TestSimulatorBodiesHaveFixtureShape(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := newEnv(t, simulator.Options{Dialect: dialect, Dataset: simulator.DatasetPools})
		cases := []struct{ fixture, path string }{
			{"health.json", "/api/1.0/health"},
			{"hostids.json", "/api/1.0/hostids"},
			{"features.json", e.base + "/features"},
			{"clients.json", e.base + "/clients"},
			{"feature-clients.json", e.base + "/features/1/clients/"},
			{"partitions.json", e.base + "/partitions"},
		}
		for _, tt := range cases {
			_, got := e.get(t, tt.path)
			var want, have any
			if err := json.Unmarshal(readFixture(t, tt.fixture), &want); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(got, &have); err != nil {
				t.Fatalf("%s: %v", tt.path, err)
			}
			if missing := missingKeys("", want, have); len(missing) > 0 {
				t.Errorf("%s lacks the keys of %s: %v", tt.path, tt.fixture, missing)
			}
		}
	})
}

func missingKeys(at string, want, have any) []string {
	var out []string
	switch w := want.(type) {
	case map[string]any:
		h, ok := have.(map[string]any)
		if !ok {
			return []string{at + " (not an object)"}
		}
		for k, v := range w {
			hv, ok := h[k]
			if !ok {
				out = append(out, at+"."+k)
				continue
			}
			out = append(out, missingKeys(at+"."+k, v, hv)...)
		}
	case []any:
		h, ok := have.([]any)
		if !ok || len(h) == 0 {
			return []string{at + " (not a non-empty array)"}
		}
		if len(w) > 0 {
			out = append(out, missingKeys(at+"[]", w[0], h[0])...)
		}
	}
	sort.Strings(out)
	return out
}
