package collect_test

import (
	"net"
	"strconv"
	"testing"
	"time"

	"licenseservermanager/internal/collect"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/settings"
)

// TestPoliciesStopCollection: DisableHistoryCollection turns every profile
// off, and AllowedServers keeps a server out, both without a request to
// the server; with neither, the same plan writes a sample.
func TestPoliciesStopCollection(t *testing.T) {
	e := newDay(t)
	host, port := e.plan.Profiles[0].Address()
	tests := []struct {
		name    string
		pol     orgpolicy.Policies
		outcome collect.Outcome
		message string
	}{
		{"history off", orgpolicy.Policies{DisableHistoryCollection: true}, collect.Off, collect.HistoryOffByPolicy},
		{"server not allowed", orgpolicy.Policies{AllowedServers: []string{"lls01.corp.example"}}, collect.Failed, orgpolicy.Policies{AllowedServers: []string{"lls01.corp.example"}}.NotAllowed(host, port)},
		{"server allowed", orgpolicy.Policies{AllowedServers: []string{net.JoinHostPort(host, strconv.Itoa(port))}}, collect.Written, ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := e.sim.Requests("features")
			plan := e.plan
			plan.Policies = tt.pol
			e.clock.t = day.Add(time.Duration(5*i) * time.Minute)
			r := e.col.Collect(ctx, plan)
			if len(r) != 1 || r[0].Outcome != tt.outcome || (tt.message != "" && r[0].Message != tt.message) {
				t.Fatalf("got %+v, want %s %q", r, tt.outcome, tt.message)
			}
			if asked := e.sim.Requests("features") > before; asked != (tt.outcome == collect.Written) {
				t.Fatalf("the server was asked: %t", asked)
			}
		})
	}
}

func TestPlanOff(t *testing.T) {
	on, off := settings.Profile{ID: "a"}, settings.Profile{ID: "b", NoHistory: true}
	tests := []struct {
		pol  orgpolicy.Policies
		p    settings.Profile
		want string
	}{
		{orgpolicy.Policies{}, on, ""},
		{orgpolicy.Policies{}, off, collect.HistoryOff},
		{orgpolicy.Policies{DisableHistoryCollection: true}, on, collect.HistoryOffByPolicy},
		{orgpolicy.Policies{DisableHistoryCollection: true}, off, collect.HistoryOffByPolicy},
	}
	for _, tt := range tests {
		if got := (collect.Plan{Policies: tt.pol}).Off(tt.p); got != tt.want {
			t.Errorf("%+v %+v: %q, want %q", tt.pol, tt.p, got, tt.want)
		}
	}
}
