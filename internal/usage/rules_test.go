package usage

import (
	"testing"
	"time"
)

func TestEvaluate(t *testing.T) {
	counted := func(used, total int64) FeatureUse {
		return FeatureUse{Name: "CAD", Version: "1.0", Used: used, Total: total, Counted: true}
	}
	cad := StateKey{RuleBusy, "CAD 1.0"}
	full := StateKey{RuleFull, "CAD 1.0"}
	tests := []struct {
		name string
		// readings every 5 minutes from t0
		readings []Reading
		rules    func(*Rules)
		want     map[StateKey][]Change // per reading, for the keys named
	}{
		{"busy after 15 minutes, cleared after 15", []Reading{
			{Reachable: true, Features: []FeatureUse{counted(9, 10)}},
			{Reachable: true, Features: []FeatureUse{counted(9, 10)}},
			{Reachable: true, Features: []FeatureUse{counted(9, 10)}},
			{Reachable: true, Features: []FeatureUse{counted(9, 10)}},
			{Reachable: true, Features: []FeatureUse{counted(1, 10)}},
			{Reachable: true, Features: []FeatureUse{counted(9, 10)}}, // back above: the clear waits again
			{Reachable: true, Features: []FeatureUse{counted(1, 10)}},
			{Reachable: true, Features: []FeatureUse{counted(1, 10)}},
			{Reachable: true, Features: []FeatureUse{counted(1, 10)}},
			{Reachable: true, Features: []FeatureUse{counted(1, 10)}},
		}, nil, map[StateKey][]Change{cad: {Unchanged, Unchanged, Unchanged, Opened, Unchanged, Unchanged, Unchanged, Unchanged, Unchanged, Cleared}}},
		{"an uncounted feature never fills", []Reading{
			{Reachable: true, Features: []FeatureUse{{Name: "CAD", Version: "1.0", Used: 500}}},
			{Reachable: true, Features: []FeatureUse{{Name: "CAD", Version: "1.0", Used: 900}}},
			{Reachable: true, Features: []FeatureUse{{Name: "CAD", Version: "1.0", Used: 900}}},
			{Reachable: true, Features: []FeatureUse{{Name: "CAD", Version: "1.0", Used: 900}}},
		}, nil, map[StateKey][]Change{cad: {Unchanged, Unchanged, Unchanged, Unchanged}, full: {Unchanged, Unchanged, Unchanged, Unchanged}}},
		{"full follows each reading", []Reading{
			{Reachable: true, Features: []FeatureUse{counted(10, 10)}},
			{Reachable: true, Features: []FeatureUse{counted(9, 10)}},
		}, nil, map[StateKey][]Change{full: {Opened, Cleared}}},
		{"an unreachable server keeps the features' states", []Reading{
			{Reachable: true, Features: []FeatureUse{counted(10, 10)}},
			{Reachable: false},
			{Reachable: false},
			{Reachable: true, Features: []FeatureUse{counted(10, 10)}},
		}, nil, map[StateKey][]Change{full: {Opened, Unchanged, Unchanged, Unchanged}, {RuleUnreachable, ""}: {Unchanged, Unchanged, Unchanged, Unchanged}}},
		{"a feature's own threshold", []Reading{
			{Reachable: true, Features: []FeatureUse{counted(6, 10)}},
		}, func(r *Rules) { r.Features = []FeatureRule{{Feature: "cad", Percent: 50, Minutes: 0}} }, map[StateKey][]Change{cad: {Opened}}},
		{"a feature turned off", []Reading{
			{Reachable: true, Features: []FeatureUse{counted(10, 10)}},
		}, func(r *Rules) { r.Features = []FeatureRule{{Feature: "CAD", Off: true}} }, map[StateKey][]Change{full: {Unchanged}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := DefaultRules()
			if tt.rules != nil {
				tt.rules(&rules)
			}
			states := map[StateKey]AlertState{}
			for i, rd := range tt.readings {
				rd.At = at(5 * i)
				var events []Event
				states, events = Evaluate(rules, states, rd)
				for key, want := range tt.want {
					got := Unchanged
					for _, e := range events {
						if e.Key == key {
							got = e.Change
						}
					}
					if got != want[i] {
						t.Fatalf("reading %d, %v: %v, want %v", i, key, got, want[i])
					}
				}
			}
		})
	}
}

func TestAMixedFeatureIsNeverExpired(t *testing.T) {
	now := at(0)
	incs := []Increment{
		{Name: "CAD", Version: "1.0", Total: 10, Permanent: true},
		{Name: "CAD", Version: "1.0", Total: 5, Expires: now.Add(20 * 24 * time.Hour)},
	}
	exps := Expiries(incs, now, 90*24*time.Hour)
	if len(exps) != 1 || exps[0].Seats != 5 || exps[0].Rest != 10 {
		t.Fatalf("%+v", exps)
	}
	// After the dated increment ended, the feature still has its 10
	// permanent seats: it is served, with nothing expiring.
	f := Features(incs, now.Add(30*24*time.Hour))
	if len(f) != 1 || f[0].Total != 10 || !f[0].Earliest.IsZero() {
		t.Fatalf("%+v", f)
	}
	_, events := Evaluate(DefaultRules(), nil, Reading{At: now.Add(30 * 24 * time.Hour), Reachable: true, Features: f})
	if len(events) != 0 {
		t.Fatalf("%+v", events)
	}
	// Before, the expiry rule warns of the dated increment only.
	_, events = Evaluate(DefaultRules(), nil, Reading{At: now, Reachable: true, Features: Features(incs, now)})
	if len(events) != 1 || events[0].Key.Rule != RuleExpiry {
		t.Fatalf("%+v", events)
	}
}

func TestRulesCheck(t *testing.T) {
	r := DefaultRules()
	if p := r.Check(); len(p) != 0 {
		t.Fatalf("defaults: %+v", p)
	}
	r.Busy.Percent, r.Expiry.Days = 0, 0
	r.Features = []FeatureRule{{Feature: "CAD", Percent: 80}, {Feature: "cad", Percent: 120}}
	got := map[string]bool{}
	for _, p := range r.Check() {
		got[p.Field] = true
	}
	for _, f := range []string{"busy.percent", "expiry.days", "features.1.feature", "features.1.percent"} {
		if !got[f] {
			t.Errorf("no problem at %s: %v", f, got)
		}
	}
}
