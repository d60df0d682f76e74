package collect_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"licenseservermanager/internal/collect"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/dashboard"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
	"licenseservermanager/internal/usage"
)

var (
	ctx = context.Background()
	// day is a Monday; the script runs over it.
	day = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
)

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// script is a day of use of one feature with total seats, minute by
// minute from midnight: quiet, busy (80% and more) for two hours, full for
// half an hour, a busy spell too short to alert, and an outage.
type script struct{ total int64 }

func (s script) used(minute int) int64 {
	busy := (s.total*8 + 9) / 10 // the least use at 80% or more
	switch {
	case minute >= 480 && minute < 600:
		return busy
	case minute >= 600 && minute < 630:
		return s.total
	case minute >= 900 && minute < 910:
		return busy
	case minute >= 630 && minute < 720:
		return 1
	}
	return 2
}

// outage is when the server does not answer, in minutes.
const outageFrom, outageTo = 1200, 1230

type dayEnv struct {
	sim     *simulator.Server
	store   *history.Store
	clock   *fakeClock
	col     *collect.Collector
	plan    collect.Plan
	feature usage.FeatureUse
	script  script
}

func newDay(t *testing.T) *dayEnv {
	t.Helper()
	clock := &fakeClock{t: day}
	sim := simulator.New(simulator.Options{Security: simulator.SecurityOn, Now: clock.now})
	p := simtest.Profile(t, sim)
	p.ID, p.RememberedUser = "p1", simulator.AdminUser
	store, err := history.Open(ctx, filepath.Join(t.TempDir(), "history.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	passwords := func(settings.Profile) (string, string, bool, error) {
		return simulator.AdminUser, simulator.AdminPassword, true, nil
	}
	e := &dayEnv{sim: sim, store: store, clock: clock, col: collect.New(store, passwords, connect.Network{}, clock.now)}
	rules := usage.DefaultRules()
	rules.Busy.Percent = 80
	e.plan = collect.Plan{Profiles: []settings.Profile{p}, Interval: 5 * time.Minute, Rules: rules, RetentionDays: settings.DefaultRetentionDays}

	// A feature with 10 seats or more (so 80% and 100% are different
	// counts), the fewest such, that does not expire within the alerts'
	// 30 days.
	_, cl := simtest.Connect(t, sim)
	sn, err := collect.Take(ctx, cl, day, 5*time.Minute, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range sn.Features {
		if f.Counted && f.Total >= 10 && (e.feature.Total == 0 || f.Total < e.feature.Total) && (f.Earliest.IsZero() || f.Earliest.After(day.AddDate(0, 0, 40))) {
			e.feature = f
		}
	}
	if e.feature.Total == 0 {
		t.Fatalf("no feature of 10 seats or more that does not expire soon in the demo data: %+v", sn.Features)
	}
	e.script = script{total: e.feature.Total}
	return e
}

// run collects every 5 minutes from minute from up to (not including) to,
// with the script's use and the outage.
func (e *dayEnv) run(t *testing.T, from, to int) []collect.Result {
	t.Helper()
	var all []collect.Result
	for m := from; m < to; m += 5 {
		e.clock.t = day.Add(time.Duration(m) * time.Minute)
		if err := e.sim.SetUsed(e.feature.Name, e.feature.Version, e.script.used(m)); err != nil {
			t.Fatal(err)
		}
		if m == outageFrom {
			e.sim.SetFault(simulator.Fault{Target: "*", Drop: true})
		}
		if m == outageTo {
			e.sim.ClearFaults()
		}
		all = append(all, e.col.Collect(ctx, e.plan)...)
	}
	return all
}

// timeline is the use minute by minute as an independent reading of the
// script: a reading holds until the next, and at most the gap (10 minutes)
// into an outage; -1 where nothing is known.
func (e *dayEnv) timeline(from, to int) []int64 {
	var readings []int
	for m := 0; m < 24*60; m += 5 {
		if m < outageFrom || m >= outageTo {
			readings = append(readings, m)
		}
	}
	out := make([]int64, 0, to-from)
	for m := from; m < to; m++ {
		v := int64(-1)
		for _, r := range readings {
			if r <= m && m < r+10 {
				v = e.script.used(r)
			}
		}
		out = append(out, v)
	}
	return out
}

// figures are peak, mean, p95 and full minutes of a timeline.
func (e *dayEnv) figures(tl []int64) (peak int64, mean float64, p95 int64, full, covered int) {
	var known []int64
	var sum int64
	for _, v := range tl {
		if v < 0 {
			continue
		}
		known = append(known, v)
		sum += v
		peak = max(peak, v)
		if v >= e.script.total {
			full++
		}
	}
	slices.Sort(known)
	covered = len(known)
	mean = float64(sum) / float64(covered)
	// The smallest use at or below which 95% of the minutes were spent.
	p95 = known[(covered*95+99)/100-1]
	return
}

func TestAScriptedDay(t *testing.T) {
	e := newDay(t)
	results := e.run(t, 0, 24*60+5)
	outcomes := map[collect.Outcome]int{}
	for _, r := range results {
		outcomes[r.Outcome]++
	}
	if outcomes[collect.Written] != 24*12+1-6 || outcomes[collect.Unreachable] != 6 {
		t.Fatalf("outcomes %v", outcomes)
	}

	t.Run("samples", func(t *testing.T) {
		raw, err := e.store.Series(ctx, "p1", e.feature.Name, e.feature.Version, day, day.Add(24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(raw) != 24*12-6 {
			t.Fatalf("%d samples", len(raw))
		}
		for _, s := range raw {
			m := int(s.At.Sub(day) / time.Minute)
			if s.Used != e.script.used(m) || s.Total != e.feature.Total {
				t.Fatalf("minute %d: %d of %d, the script says %d of %d", m, s.Used, s.Total, e.script.used(m), e.feature.Total)
			}
		}
	})

	t.Run("hourly roll-ups", func(t *testing.T) {
		hours, err := e.store.Hours(ctx, "p1", e.feature.Name, e.feature.Version, day, day.Add(24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(hours) != 24 {
			t.Fatalf("%d hours", len(hours))
		}
		for i, h := range hours {
			tl := e.timeline(i*60, i*60+60)
			peak, mean, _, full, covered := e.figures(tl)
			lo := peak
			for _, v := range tl {
				if v >= 0 {
					lo = min(lo, v)
				}
			}
			if h.Max != peak || h.Min != lo || h.Full != time.Duration(full)*time.Minute || h.Covered != time.Duration(covered)*time.Minute || !near(h.Mean, mean) {
				t.Errorf("hour %d: %+v, want min %d max %d mean %.3f full %d min covered %d min", i, h, lo, peak, mean, full, covered)
			}
		}
	})

	t.Run("the dashboard's figures", func(t *testing.T) {
		for _, r := range []struct {
			name     string
			from, to int
		}{{"the day", 0, 24 * 60}, {"the busy morning", 7 * 60, 11 * 60}, {"across the outage", 19*60 + 30, 21 * 60}} {
			q := dashboard.SeriesQuery{ProfileID: "p1", Name: e.feature.Name, Version: e.feature.Version,
				From: day.Add(time.Duration(r.from) * time.Minute), To: day.Add(time.Duration(r.to) * time.Minute)}
			s, err := dashboard.ReadSeries(ctx, e.store, q, e.clock.t, 10*time.Minute, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			peak, mean, p95, full, covered := e.figures(e.timeline(r.from, r.to))
			want := dashboard.Stats{Peak: peak, Mean: mean, P95: p95, FullSeconds: int64(full * 60), CoveredSeconds: int64(covered * 60)}
			if s.Stats.Peak != want.Peak || s.Stats.P95 != want.P95 || s.Stats.FullSeconds != want.FullSeconds || s.Stats.CoveredSeconds != want.CoveredSeconds || !near(s.Stats.Mean, want.Mean) || !s.Exact {
				t.Errorf("%s: %+v, want %+v", r.name, s.Stats, want)
			}
		}
	})

	t.Run("alerts open and clear where the script crosses", func(t *testing.T) {
		alerts, err := e.store.Alerts(ctx, history.AlertQuery{})
		if err != nil {
			t.Fatal(err)
		}
		subject := usage.Subject(e.feature.Name, e.feature.Version)
		type span struct {
			rule            usage.RuleKind
			subject         string
			opened, cleared int // minutes; -1 still open
		}
		var got []span
		for _, a := range alerts {
			if a.Subject != subject && a.Subject != "" {
				continue // the demo data's other features, some over their counts
			}
			c := -1
			if a.ClearedAt != nil {
				c = int(a.ClearedAt.Sub(day) / time.Minute)
			}
			got = append(got, span{a.Rule, a.Subject, int(a.OpenedAt.Sub(day) / time.Minute), c})
		}
		slices.SortFunc(got, func(a, b span) int { return a.opened - b.opened })
		want := []span{
			// At 80% from 8:00: open after 15 minutes at it; false from
			// 10:30, cleared after 15 minutes of that.
			{usage.RuleBusy, subject, 495, 645},
			// Full has no hold: it follows the readings.
			{usage.RuleFull, subject, 600, 630},
			// collect.Unreachable from 20:00 for 10 minutes; answering from 20:30
			// for 10 minutes.
			{usage.RuleUnreachable, "", 1210, 1240},
		}
		if !slices.Equal(got, want) {
			t.Fatalf("alerts\n%+v\nwant\n%+v", got, want)
		}
	})

	t.Run("a second collector in the same slots writes nothing twice", func(t *testing.T) {
		other := collect.New(e.store, func(settings.Profile) (string, string, bool, error) {
			return simulator.AdminUser, simulator.AdminPassword, true, nil
		}, connect.Network{}, e.clock.now)
		r := other.Collect(ctx, e.plan)
		if r[0].Outcome != collect.Taken {
			t.Fatalf("%+v", r)
		}
	})
}

func near(a, b float64) bool { return a-b < 1e-3 && b-a < 1e-3 }

// TestAStoreThatFailsStopsNothing: when the history cannot be written (a
// full disk, a file gone), each round reports the failure for the profile
// and the collector goes on.
func TestAStoreThatFailsStopsNothing(t *testing.T) {
	e := newDay(t)
	if r := e.run(t, 0, 5); r[0].Outcome != collect.Written {
		t.Fatalf("first round: %+v", r)
	}
	e.store.Close()
	for _, r := range e.run(t, 5, 15) {
		if r.Outcome != collect.Failed || r.Message == "" {
			t.Fatalf("with the store closed: %+v", r)
		}
	}
	if last := e.col.Last()["p1"]; last.Outcome != collect.Failed {
		t.Fatalf("Last = %+v", last)
	}
}

// TestASessionTheServerEndsIsLoggedInAgainOnce: the pools and the features
// are read at once; when the server refuses the session in between two
// rounds, the sample logs in once more and reads again, and both reads of
// the first round shared one login.
func TestASessionTheServerEndsIsLoggedInAgainOnce(t *testing.T) {
	e := newDay(t)
	// newDay read the server once on a login of its own.
	logins0, reads0 := e.sim.Requests("authorize"), e.sim.Requests("features")
	// The first round's read is served; the next is refused, once.
	e.sim.SetFault(simulator.Fault{Target: "features", UnauthorizedAfter: 1, Times: 2})
	if r := e.run(t, 0, 5); r[0].Outcome != collect.Written {
		t.Fatalf("first round: %+v", r)
	}
	if n := e.sim.Requests("authorize") - logins0; n != 1 {
		t.Fatalf("%d logins in the first round, want 1", n)
	}
	if r := e.run(t, 5, 10); r[0].Outcome != collect.Written {
		t.Fatalf("after the session ended: %+v", r)
	}
	if logins, reads := e.sim.Requests("authorize")-logins0, e.sim.Requests("features")-reads0; logins != 2 || reads != 3 {
		t.Fatalf("%d logins and %d feature reads, want 2 and 3", logins, reads)
	}
}
