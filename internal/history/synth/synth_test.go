package synth

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"licenseservermanager/internal/history"
	"licenseservermanager/internal/usage"
)

func TestUseStaysWithinTheSeats(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC) // a Monday
	var weekday, weekend int64
	for m := 0; m < 7*24*60; m += 5 {
		at := t0.Add(time.Duration(m) * time.Minute)
		u := Use(at, 20, 3)
		if u < 0 || u > 20 {
			t.Fatalf("%v: %d of 20", at, u)
		}
		if at.Hour() == 12 {
			if at.Weekday() == time.Saturday || at.Weekday() == time.Sunday {
				weekend += u
			} else {
				weekday += u
			}
		}
	}
	if weekday/5 <= weekend/2 {
		t.Fatalf("working days (%d a day) are not busier than weekends (%d a day)", weekday/5, weekend/2)
	}
}

func TestFillWritesSamplesAndRollUps(t *testing.T) {
	ctx := context.Background()
	st, err := history.Open(ctx, filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	to := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	feats := []usage.FeatureUse{{Name: "CAD", Version: "1.0", Total: 10, Counted: true}, {Name: "Viewer", Version: "2.0", Total: 50, Counted: true}}
	if err := Fill(ctx, st, Plan{ProfileID: "p", Features: feats, Version: "2025.10.0", From: to.AddDate(0, 0, -10), RawFrom: to.AddDate(0, 0, -2), To: to, Interval: 5 * time.Minute, Rules: usage.DefaultRules()}); err != nil {
		t.Fatal(err)
	}
	raw, _ := st.Series(ctx, "p", "CAD", "1.0", to.AddDate(0, 0, -10), to)
	hours, _ := st.Hours(ctx, "p", "CAD", "1.0", to.AddDate(0, 0, -10), to)
	if len(raw) != 2*24*12 || len(hours) != 10*24 {
		t.Fatalf("%d raw samples (want %d), %d hours (want %d)", len(raw), 2*24*12, len(hours), 10*24)
	}
}
