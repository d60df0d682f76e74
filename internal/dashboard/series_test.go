package dashboard_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"licenseservermanager/internal/dashboard"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/history/synth"
	"licenseservermanager/internal/usage"
)

// TestStatsComeFromWhatCoversTheRange: a history whose samples are gone
// for part of a range (here seeded as roll-ups only before the last day)
// gives the range's figures from the hours, marked approximate; where the
// samples cover the range, they give exact ones.
func TestStatsComeFromWhatCoversTheRange(t *testing.T) {
	ctx := context.Background()
	st, err := history.Open(ctx, filepath.Join(t.TempDir(), "history.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 3, 6, 12, 0, 0, 0, time.UTC)
	f := usage.FeatureUse{Name: "CAD", Version: "1.0", Total: 20, Counted: true}
	if err := synth.Fill(ctx, st, synth.Plan{ProfileID: "p", Features: []usage.FeatureUse{f}, From: now.AddDate(0, 0, -7), RawFrom: now.AddDate(0, 0, -1),
		To: now, Interval: 5 * time.Minute, Rules: usage.DefaultRules()}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		span    time.Duration
		exact   bool
		covered time.Duration
	}{
		{"the last 24 hours, all in samples", 24 * time.Hour, true, 24 * time.Hour},
		{"3 days, 2 of them in roll-ups only", 72 * time.Hour, false, 72 * time.Hour},
		{"7 days", 7 * 24 * time.Hour, false, 7 * 24 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := dashboard.SeriesQuery{ProfileID: "p", Name: f.Name, Version: f.Version, From: now.Add(-tt.span), To: now}
			s, err := dashboard.ReadSeries(ctx, st, q, now, 10*time.Minute, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			covered := time.Duration(s.Stats.CoveredSeconds) * time.Second
			if s.Exact != tt.exact || covered < tt.covered-time.Hour || covered > tt.covered {
				t.Fatalf("exact %v, covered %v; want exact %v, covered %v", s.Exact, covered, tt.exact, tt.covered)
			}
		})
	}
}
