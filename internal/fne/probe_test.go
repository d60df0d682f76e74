package fne

import (
	"context"
	"strings"
	"testing"

	"licenseservermanager/internal/simulator"
)

func TestProbeReportsHowEachEndpointAnswers(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		ctx := context.Background()
		// Security on, not logged in: reads need a login.
		e := newEnv(t, simulator.Options{Dialect: dialect, Security: simulator.SecurityOn})
		if r := e.client.Probe(ctx, OpFeatures); r.Outcome != ProbeLoginRequired || r.Message == "" {
			t.Fatalf("features without login: %+v", r)
		}
		if r := e.client.Probe(ctx, OpHealth); r.Outcome != ProbeSupported {
			t.Fatalf("health: %+v", r)
		}
		if r := e.client.Probe(ctx, OpUploadModel); r.Outcome != ProbeSkipped {
			t.Fatalf("a POST must not be probed: %+v", r)
		}
		if _, err := e.client.Login(ctx, simulator.ReaderUser, simulator.ReaderPassword); err != nil {
			t.Fatal(err)
		}
		// What only a CLS offers, and what only a local server offers.
		cls, local := ProbeNotSupported, ProbeSupported
		if dialect == simulator.DialectCLS {
			cls, local = ProbeSupported, ProbeNotSupported
		}
		tests := []struct {
			op     Op
			params []string
			want   ProbeOutcome
		}{
			{OpInstance, nil, ProbeSupported},
			{OpFeatures, nil, ProbeSupported},
			{OpHostIDs, nil, ProbeSupported},
			{OpFeatureSummaries, nil, cls},
			{OpPing, nil, cls},
			{OpLegacyClients, nil, local},
			{OpModel, nil, ProbeNotFound}, // the demo data has reservations, no model
			{OpFeature, []string{"id", "999999"}, ProbeNotFound},
			{OpCapabilityRequest, nil, ProbeAccessDenied}, // needs ROLE_OFFLINE (ROLE_ADMIN on legacy servers)
		}
		for _, tt := range tests {
			r := e.client.Probe(ctx, tt.op, tt.params...)
			if r.Outcome != tt.want {
				t.Errorf("%s: %+v, want %s", tt.op, r, tt.want)
			}
			if r.Label == "" || r.Path == "" && tt.op != OpInstance || r.Evidence == "" {
				t.Errorf("%s: table fields missing: %+v", tt.op, r)
			}
		}
		// A server error is an error, not "unsupported".
		e.sim.SetFault(simulator.Fault{Target: string(OpFeatures), Status: 500})
		if r := e.client.Probe(ctx, OpFeatures); r.Outcome != ProbeError {
			t.Fatalf("500: %+v", r)
		}
	})
}

// TestProbeAllFollowsTheTable probes what Diagnostics shows: every GET of
// the table once, in its order, never one that changes the server or needs
// a record ID.
func TestProbeAllFollowsTheTable(t *testing.T) {
	e := loggedIn(t, simulator.Options{})
	// A change the app made in this session (the login, a sync) is listed
	// as it answered.
	if err := e.client.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	results := e.client.ProbeAll(context.Background())
	if len(results) != len(Endpoints) {
		t.Fatalf("%d results for %d endpoints", len(results), len(Endpoints))
	}
	for i, r := range results {
		ep := Endpoints[i]
		wantSkipped := ep.Op != OpSync && ep.Op != OpAuthorize && (ep.Method != "GET" || ep.NotProbed != "" || strings.Contains(ep.Path, "{"))
		if r.Op != ep.Op || r.Method != ep.Method || (r.Outcome == ProbeSkipped) != wantSkipped || r.Message == "" && r.Outcome == ProbeSkipped {
			t.Errorf("result %d: %+v", i, r)
		}
		if !wantSkipped && (r.Answer == nil || r.Answer.Status == 0) {
			t.Errorf("%s: no answer recorded: %+v", r.Op, r)
		}
	}
	if e.sim.Requests(string(OpCapabilityRequest)) != 0 || e.sim.Requests(string(OpInstance)) != 1 {
		t.Fatal("ProbeAll sent a GET that makes the server generate a file, or skipped the instance")
	}
}
