package fne

import (
	"context"
	"testing"

	"licenseservermanager/internal/simulator"
)

func TestProbeReportsHowEachEndpointAnswers(t *testing.T) {
	ctx := context.Background()
	// Security on, not logged in: reads need a login.
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
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
	tests := []struct {
		op     Op
		params []string
		want   ProbeOutcome
	}{
		{OpFeatures, nil, ProbeSupported},
		{OpHostIDs, nil, ProbeSupported},
		{OpFeatureSummaries, nil, ProbeNotSupported}, // a local server has none
		{OpModel, nil, ProbeNotFound},                // the demo data has reservations, no model
		{OpFeature, []string{"id", "999999"}, ProbeNotFound},
		{OpCapabilityRequest, nil, ProbeAccessDenied}, // needs ROLE_OFFLINE
	}
	for _, tt := range tests {
		r := e.client.Probe(ctx, tt.op, tt.params...)
		if r.Outcome != tt.want {
			t.Errorf("%s: %+v, want %s", tt.op, r, tt.want)
		}
		if r.Label == "" || r.Path == "" || r.Evidence == "" {
			t.Errorf("%s: table fields missing: %+v", tt.op, r)
		}
	}
	// A server error is an error, not "unsupported".
	e.sim.SetFault(simulator.Fault{Target: string(OpFeatures), Status: 500})
	if r := e.client.Probe(ctx, OpFeatures); r.Outcome != ProbeError {
		t.Fatalf("500: %+v", r)
	}
}
