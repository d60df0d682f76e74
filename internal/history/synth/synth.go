// Package synth makes up usage history: plausible working-week use of a set
// of features, written through the store's own sample path. The demo fills
// its throw-away history with it, and the benchmarks a year of it.
package synth

import (
	"context"
	"math"
	"math/rand/v2"
	"time"

	"licenseservermanager/internal/history"
	"licenseservermanager/internal/usage"
)

// Use is how many of total seats are in use at t: low at night and at
// weekends, high in working hours, with noise; seed varies the feature.
func Use(t time.Time, total int64, seed uint64) int64 {
	if total <= 0 {
		return 0
	}
	r := rand.New(rand.NewPCG(seed, uint64(t.Unix()/300)))
	hour := float64(t.Hour()) + float64(t.Minute())/60
	level := 0.08
	if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
		// A working day rises from 8:00, peaks after 10:00 and falls off
		// after 17:00.
		level += 0.8 * math.Max(0, math.Sin((hour-7.5)/10*math.Pi))
	}
	level *= 0.7 + 0.45*float64(seed%7)/6
	used := int64(math.Round(level*float64(total) + r.NormFloat64()*float64(total)*0.04))
	return max(0, min(used, total))
}

// Plan is what Fill makes up: the history of Features on ProfileID's
// server (of Version) from From to To, as hourly roll-ups only before
// RawFrom (as the store keeps old history, and much faster to write), and
// samples every Interval after it, stepping Rules.
type Plan struct {
	ProfileID         string
	Features          []usage.FeatureUse
	Version           string
	From, RawFrom, To time.Time
	Interval          time.Duration
	Rules             usage.Rules
}

// Fill writes the plan's history into st.
func Fill(ctx context.Context, st *history.Store, p Plan) error {
	st.SetInterval(p.Interval)
	from := p.From
	if from.Before(p.RawFrom) {
		if err := fillHours(ctx, st, p.ProfileID, p.Features, from, p.RawFrom.Truncate(time.Hour)); err != nil {
			return err
		}
		from = p.RawFrom.Truncate(time.Hour)
	}
	for t := from.Truncate(p.Interval); t.Before(p.To); t = t.Add(p.Interval) {
		sn := history.Snapshot{At: t, Slot: p.Interval, Reachable: true, Response: 40 * time.Millisecond, Version: p.Version,
			Features: make([]usage.FeatureUse, len(p.Features))}
		for i, f := range p.Features {
			f.Used = Use(t, f.Total, uint64(i+1))
			sn.Features[i] = f
		}
		if _, err := st.Add(ctx, p.ProfileID, sn, p.Rules); err != nil {
			return err
		}
		if t.Minute() == 0 && t.Add(-time.Hour).After(from) {
			if err := st.RollUp(ctx, p.ProfileID, t); err != nil {
				return err
			}
		}
	}
	return st.RollUp(ctx, p.ProfileID, p.To)
}

func fillHours(ctx context.Context, st *history.Store, profileID string, features []usage.FeatureUse, from, to time.Time) error {
	keys := make([]history.FeatureKey, len(features))
	for i, f := range features {
		keys[i] = history.FeatureKey{Name: f.Name, Version: f.Version}
	}
	w, err := st.HourWriter(ctx, profileID, keys)
	if err != nil {
		return err
	}
	for h := from.Truncate(time.Hour); h.Before(to); h = h.Add(time.Hour) {
		for i, f := range features {
			var samples []usage.Sample
			for m := time.Duration(0); m < time.Hour; m += 5 * time.Minute {
				samples = append(samples, usage.Sample{At: h.Add(m), Used: Use(h.Add(m), f.Total, uint64(i+1)), Total: f.Total, Counted: f.Counted})
			}
			hr, _ := usage.RollUp(samples, h, 10*time.Minute)
			if err := w.Add(keys[i], hr); err != nil {
				w.Abort()
				return err
			}
		}
	}
	return w.Close()
}
