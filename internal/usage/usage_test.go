package usage

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

func at(minutes int) time.Time { return t0.Add(time.Duration(minutes) * time.Minute) }

func TestSummarize(t *testing.T) {
	// Every 5 minutes over an hour: 2 seats used for 30 minutes, 10 of 10
	// for 20 minutes, then 4 for the last 10.
	var day []Sample
	for m := 0; m < 60; m += 5 {
		used := int64(2)
		switch {
		case m >= 30 && m < 50:
			used = 10
		case m >= 50:
			used = 4
		}
		day = append(day, Sample{At: at(m), Used: used, Total: 10, Counted: true})
	}
	tests := []struct {
		name     string
		samples  []Sample
		from, to time.Time
		want     Stats
	}{
		{"an hour", day, at(0), at(60), Stats{Peak: 10, Mean: (2*30 + 10*20 + 4*10) / 60.0, P95: 10, Full: 20 * time.Minute, Covered: time.Hour}},
		{"the first 30 minutes", day, at(0), at(30), Stats{Peak: 2, Mean: 2, P95: 2, Covered: 30 * time.Minute}},
		{"a range cut inside readings", day, at(27), at(33), Stats{Peak: 10, Mean: (2*3 + 10*3) / 6.0, P95: 10, Full: 3 * time.Minute, Covered: 6 * time.Minute}},
		{"unsorted samples", []Sample{day[3], day[0], day[2], day[1]}, at(0), at(20), Stats{Peak: 2, Mean: 2, P95: 2, Covered: 20 * time.Minute}},
		// A reading holds for at most the gap; the app was closed between.
		{"a gap", []Sample{{At: at(0), Used: 5, Total: 10, Counted: true}, {At: at(60), Used: 1, Total: 10, Counted: true}}, at(0), at(70),
			Stats{Peak: 5, Mean: (5*10 + 1*10) / 20.0, P95: 5, Covered: 20 * time.Minute}},
		{"uncounted is never full", []Sample{{At: at(0), Used: 50}, {At: at(5), Used: 50}}, at(0), at(10), Stats{Peak: 50, Mean: 50, P95: 50, Covered: 10 * time.Minute}},
		{"nothing", nil, at(0), at(10), Stats{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Summarize(tt.samples, tt.from, tt.to, 10*time.Minute); got != tt.want {
				t.Fatalf("%+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestThe95thPercentileIsTimeWeighted(t *testing.T) {
	// 57 minutes at 3 seats, 3 minutes at 9: 95% of the hour is at or
	// below 3.
	samples := []Sample{{At: at(0), Used: 3, Total: 10, Counted: true}, {At: at(57), Used: 9, Total: 10, Counted: true}}
	if got := Summarize(samples, at(0), at(60), time.Hour); got.P95 != 3 || got.Peak != 9 {
		t.Fatalf("%+v", got)
	}
	samples[1].At = at(56) // 4 of 60 minutes at 9: above 5%
	if got := Summarize(samples, at(0), at(60), time.Hour); got.P95 != 9 {
		t.Fatalf("%+v", got)
	}
}

// TestAlertsOpenAndClearWithHysteresis walks a condition through a scripted
// hour of 5-minute readings: true from minute 10 to 40 with a dip at 25.
func TestAlertsOpenAndClearWithHysteresis(t *testing.T) {
	holds := func(m int) bool { return m >= 10 && m < 40 && m != 25 }
	tests := []struct {
		name   string
		hold   time.Duration
		opened []int // minutes of the readings that opened the alert
		closed []int
	}{
		// The dip at 25 restarts the hold, and from 30 the condition lasts
		// only 10 minutes: a 15-minute rule never opens.
		{"15 minutes", 15 * time.Minute, nil, nil},
		{"10 minutes", 10 * time.Minute, []int{20}, []int{50}},
		{"no hold follows every reading", 0, []int{10, 30}, []int{25, 40}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Condition{Hold: tt.hold}
			var st AlertState
			var opened, closed []int
			for m := 0; m <= 60; m += 5 {
				var ch Change
				st, ch = c.Step(st, holds(m), at(m))
				switch ch {
				case Opened:
					opened = append(opened, m)
				case Cleared:
					closed = append(closed, m)
				}
			}
			if !equal(opened, tt.opened) || !equal(closed, tt.closed) {
				t.Fatalf("opened at %v, cleared at %v", opened, closed)
			}
		})
	}
	// An alert that opened while the condition held since minute 10, with
	// a hold of 10 minutes, is dated when it became due.
	c := Condition{Hold: 10 * time.Minute}
	st, _ := c.Step(AlertState{}, true, at(10))
	st, _ = c.Step(st, true, at(22))
	if !st.Open || !st.OpenedAt.Equal(at(20)) {
		t.Fatalf("%+v", st)
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFeaturesAndExpiries(t *testing.T) {
	now := t0
	incs := []Increment{
		{Name: "CAD", Version: "2.0", Used: 8, Total: 10, Permanent: true},
		{Name: "CAD", Version: "2.0", Used: 2, Total: 5, Expires: now.AddDate(0, 0, 20)},
		{Name: "CAD", Version: "2.0", Used: 0, Total: 5, Expires: now.AddDate(0, 0, -1)}, // expired: not served
		{Name: "Viewer", Version: "1.0", Used: 40, Uncounted: true, Permanent: true},
		{Name: "Render", Version: "3.1", Used: 1, Total: 4, Expires: now.AddDate(0, 0, 45)},
	}
	fs := Features(incs, now)
	want := []FeatureUse{
		{Name: "CAD", Version: "2.0", Used: 10, Total: 15, Counted: true, Earliest: now.AddDate(0, 0, 20)},
		{Name: "Render", Version: "3.1", Used: 1, Total: 4, Counted: true, Earliest: now.AddDate(0, 0, 45)},
		{Name: "Viewer", Version: "1.0", Used: 40},
	}
	if len(fs) != len(want) {
		t.Fatalf("%+v", fs)
	}
	for i := range want {
		if fs[i] != want[i] {
			t.Errorf("%d: %+v, want %+v", i, fs[i], want[i])
		}
	}
	if u := fs[2].Utilisation(); u != 0 {
		t.Fatalf("an uncounted feature is %v used", u)
	}
	// The expiring increment of CAD is listed with the 10 permanent seats
	// that stay; the permanent one never is; Render is beyond 30 days.
	ex := Expiries(incs, now, 30*24*time.Hour)
	if len(ex) != 1 || ex[0] != (Expiry{Name: "CAD", Version: "2.0", Seats: 5, Expires: now.AddDate(0, 0, 20), Rest: 10}) {
		t.Fatalf("%+v", ex)
	}
	if ex := Expiries(incs, now, 90*24*time.Hour); len(ex) != 2 || ex[1].Name != "Render" || ex[1].Rest != 0 {
		t.Fatalf("%+v", ex)
	}
}

// TestExpiriesOfUncountedIncrements: an uncounted increment that ends is
// listed as such (its 0 seats are not "no seats"), and one that stays keeps
// the feature available, whatever the counted seats after it.
func TestExpiriesOfUncountedIncrements(t *testing.T) {
	now := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	in := func(days int) time.Time { return now.Add(time.Duration(days) * 24 * time.Hour) }
	tests := []struct {
		name string
		incs []Increment
		want Expiry
	}{
		{"an uncounted increment ends, nothing stays",
			[]Increment{{Name: "F", Version: "1", Uncounted: true, Expires: in(5)}},
			Expiry{Name: "F", Version: "1", Expires: in(5), Uncounted: true}},
		{"an uncounted increment ends, counted seats stay",
			[]Increment{{Name: "F", Version: "1", Uncounted: true, Expires: in(5)}, {Name: "F", Version: "1", Total: 20, Permanent: true}},
			Expiry{Name: "F", Version: "1", Expires: in(5), Uncounted: true, Rest: 20}},
		{"counted seats end, a later uncounted increment stays",
			[]Increment{{Name: "F", Version: "1", Total: 8, Expires: in(5)}, {Name: "F", Version: "1", Uncounted: true, Expires: in(400)}},
			Expiry{Name: "F", Version: "1", Seats: 8, Expires: in(5), RestUncounted: true}},
		{"increments that end together are one expiry",
			[]Increment{{Name: "F", Version: "1", Total: 8, Expires: in(5)}, {Name: "F", Version: "1", Total: 4, Expires: in(5)}, {Name: "F", Version: "1", Total: 3, Permanent: true}},
			Expiry{Name: "F", Version: "1", Seats: 12, Rest: 3, Expires: in(5)}},
		{"an earlier uncounted increment does not stay",
			[]Increment{{Name: "F", Version: "1", Uncounted: true, Expires: in(1)}, {Name: "F", Version: "1", Total: 8, Expires: in(5)}},
			Expiry{Name: "F", Version: "1", Seats: 8, Expires: in(5)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Expiries(tt.incs, now, 30*24*time.Hour)
			if last := got[len(got)-1]; last != tt.want || (len(got) > 1 && got[0].Expires.Equal(last.Expires)) {
				t.Fatalf("got %+v, want %+v", last, tt.want)
			}
		})
	}
}
