// Package dashboard reads the usage history for the Dashboard view and for
// `lsm usage`: every profile's state, the features near or at capacity, the
// next expiries, and a feature's series over a range with its stats, heat
// map and CSV. The store holds the numbers; this package decides what the
// views show of them.
package dashboard

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"licenseservermanager/internal/collect"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/usage"
)

// ProfileState is one profile's row of the Dashboard.
type ProfileState struct {
	ProfileID string `json:"profileId"`
	Name      string `json:"name"`
	Active    bool   `json:"active"`
	// Collecting is false when the profile's history is off or the
	// collector cannot log in; Note says why.
	Collecting bool   `json:"collecting"`
	Note       string `json:"note"`
	// LastSample is nil until a first sample; the fields below are the
	// latest sample's.
	LastSample *time.Time `json:"lastSample" ts_type:"string | null"`
	Reachable  bool       `json:"reachable"`
	Version    string     `json:"version"`
	// LastReached is nil when the server never answered a sample.
	LastReached *time.Time `json:"lastReached" ts_type:"string | null"`
	ResponseMS  int64      `json:"responseMs"`
	Problem     string     `json:"problem"`
	OpenAlerts  int        `json:"openAlerts"`
}

// FeatureRow is a feature of a profile with what the Dashboard says of it.
type FeatureRow struct {
	ProfileID   string  `json:"profileId"`
	Profile     string  `json:"profile"`
	Name        string  `json:"name"`
	Version     string  `json:"version"`
	Used        int64   `json:"used"`
	Total       int64   `json:"total"`
	Utilisation float64 `json:"utilisation"`
	// FullSeconds is the time every seat was in use over the last 7 days.
	FullSeconds int64 `json:"fullSeconds"`
}

// ExpiryRow is an increment that ends soon.
type ExpiryRow struct {
	ProfileID string `json:"profileId"`
	Profile   string `json:"profile"`
	Name      string `json:"name"`
	Version   string `json:"version"`
	Seats     int64  `json:"seats"`
	Rest      int64  `json:"rest"`
	// Uncounted and RestUncounted are those of usage.Expiry.
	Uncounted     bool      `json:"uncounted"`
	RestUncounted bool      `json:"restUncounted"`
	Expires       time.Time `json:"expires" ts_type:"string"`
	Days          int       `json:"days"`
}

// Overview is the Dashboard's first screen.
type Overview struct {
	Profiles []ProfileState `json:"profiles"`
	// NearCapacity are the features at or above the busy threshold now.
	NearCapacity []FeatureRow `json:"nearCapacity"`
	// FullLastWeek are the features that had every seat in use in the last
	// 7 days, longest first: the denial risk.
	FullLastWeek []FeatureRow `json:"fullLastWeek"`
	// Expiries are the increments ending within 90 days, soonest first.
	Expiries    []ExpiryRow `json:"expiries"`
	Threshold   int         `json:"threshold"`
	GeneratedAt time.Time   `json:"generatedAt" ts_type:"string"`
}

// ExpiryDays is how far ahead the Dashboard lists expiries.
const ExpiryDays = 90

// Read builds the overview of profiles at now; active is the app's profile
// and last the collector's latest results.
func Read(ctx context.Context, store *history.Store, plan collect.Plan, active string, last map[string]collect.Result, now time.Time) (Overview, error) {
	profiles, rules := plan.Profiles, plan.Rules
	ov := Overview{Profiles: []ProfileState{}, NearCapacity: []FeatureRow{}, FullLastWeek: []FeatureRow{}, Expiries: []ExpiryRow{},
		Threshold: rules.Busy.Percent, GeneratedAt: now}
	open, err := store.Alerts(ctx, history.AlertQuery{OpenOnly: true})
	if err != nil {
		return Overview{}, err
	}
	openBy := map[string]int{}
	for _, a := range open {
		openBy[a.ProfileID]++
	}
	for _, p := range profiles {
		off := plan.Off(p)
		st := ProfileState{ProfileID: p.ID, Name: p.Name, Active: p.ID == active, Collecting: off == "", OpenAlerts: openBy[p.ID], Note: off}
		if r, ok := last[p.ID]; ok && off == "" && (r.Outcome == collect.NeedsLogin || r.Outcome == collect.Failed) {
			st.Collecting, st.Note = r.Outcome != collect.NeedsLogin, r.Message
		}
		l, ok, err := store.Last(ctx, p.ID)
		if err != nil {
			return Overview{}, err
		}
		if ok {
			st.LastSample, st.Reachable, st.Version, st.ResponseMS, st.Problem = &l.At, l.Reachable, l.Version, l.ResponseMS, l.Problem
			if !l.LastReached.IsZero() {
				st.LastReached = &l.LastReached
			}
		}
		ov.Profiles = append(ov.Profiles, st)

		cur, _, err := store.Current(ctx, p.ID)
		if err != nil {
			return Overview{}, err
		}
		full, err := store.FullTime(ctx, p.ID, now.AddDate(0, 0, -7), now)
		if err != nil {
			return Overview{}, err
		}
		for _, f := range cur {
			busy, alerted := rules.ForFeature(f.Name)
			row := FeatureRow{ProfileID: p.ID, Profile: p.Name, Name: f.Name, Version: f.Version, Used: f.Used, Total: f.Total,
				Utilisation: f.Utilisation(), FullSeconds: int64(full[history.FeatureKey{Name: f.Name, Version: f.Version}] / time.Second)}
			if alerted && f.Counted && f.Total > 0 && row.Utilisation*100 >= float64(busy.Percent) {
				ov.NearCapacity = append(ov.NearCapacity, row)
			}
			if row.FullSeconds > 0 {
				ov.FullLastWeek = append(ov.FullLastWeek, row)
			}
		}
		exps, err := store.Expiries(ctx, p.ID, now, ExpiryDays*24*time.Hour)
		if err != nil {
			return Overview{}, err
		}
		for _, e := range exps {
			ov.Expiries = append(ov.Expiries, ExpiryRow{ProfileID: p.ID, Profile: p.Name, Name: e.Name, Version: e.Version,
				Seats: e.Seats, Rest: e.Rest, Uncounted: e.Uncounted, RestUncounted: e.RestUncounted, Expires: e.Expires, Days: int(e.Expires.Sub(now).Hours() / 24)})
		}
	}
	slices.SortStableFunc(ov.NearCapacity, func(a, b FeatureRow) int { return cmp.Compare(b.Utilisation, a.Utilisation) })
	slices.SortStableFunc(ov.FullLastWeek, func(a, b FeatureRow) int { return cmp.Compare(b.FullSeconds, a.FullSeconds) })
	slices.SortStableFunc(ov.Expiries, func(a, b ExpiryRow) int { return a.Expires.Compare(b.Expires) })
	return ov, nil
}

// SeriesQuery picks a feature of a profile and a range.
type SeriesQuery struct {
	ProfileID string    `json:"profileId"`
	Name      string    `json:"name"`
	Version   string    `json:"version"`
	From      time.Time `json:"from" ts_type:"string"`
	To        time.Time `json:"to" ts_type:"string"`
}

// Point is one point of a chart: the mean use over the point's time
// (a raw sample is its own mean), its least and most, and the seats.
type Point struct {
	At    time.Time `json:"at" ts_type:"string"`
	Mean  float64   `json:"mean"`
	Min   int64     `json:"min"`
	Max   int64     `json:"max"`
	Total int64     `json:"total"`
}

// Stats are a range's figures, with the times in seconds.
type Stats struct {
	Peak           int64   `json:"peak"`
	Mean           float64 `json:"mean"`
	P95            int64   `json:"p95"`
	FullSeconds    int64   `json:"fullSeconds"`
	CoveredSeconds int64   `json:"coveredSeconds"`
}

// Resolution says what a series' points are.
type Resolution string

// Resolutions of a series.
const (
	Raw    Resolution = "raw"
	Hourly Resolution = "hourly"
	Daily  Resolution = "daily"
)

// Series is one feature's use over a range.
type Series struct {
	Query      SeriesQuery      `json:"query"`
	Resolution Resolution       `json:"resolution"`
	Points     []Point          `json:"points"`
	Stats      Stats            `json:"stats"`
	Heat       []usage.HeatCell `json:"heat"`
	// Exact is false when the 95th percentile comes from hourly peaks
	// (ranges beyond the raw samples' 30 days).
	Exact bool `json:"exact"`
}

// Ranges longer than this are charted by the hour, longer than dailyAfter
// by the day.
const (
	rawUpTo    = 3 * 24 * time.Hour
	dailyAfter = 90 * 24 * time.Hour
)

// MaxRange bounds a custom range.
const MaxRange = 3660 * 24 * time.Hour

// ReadSeries reads a feature's series; gap is how long a reading holds.
// Stats are exact from the raw samples when the range lies within their 30
// days, else from the hourly roll-ups.
func ReadSeries(ctx context.Context, store *history.Store, q SeriesQuery, now time.Time, gap time.Duration, loc *time.Location) (Series, error) {
	if !q.To.After(q.From) {
		return Series{}, invalidRange("The range must end after it starts.")
	}
	if q.To.Sub(q.From) > MaxRange {
		return Series{}, invalidRange("A range can span at most 10 years.")
	}
	s := Series{Query: q, Points: []Point{}, Resolution: Hourly}
	hours, err := store.Hours(ctx, q.ProfileID, q.Name, q.Version, q.From, q.To)
	if err != nil {
		return Series{}, err
	}
	rawFrom := now.AddDate(0, 0, -history.RawDays)
	var raw []usage.Sample
	if !q.From.Before(rawFrom) {
		if raw, err = store.Series(ctx, q.ProfileID, q.Name, q.Version, q.From.Add(-gap), q.To); err != nil {
			return Series{}, err
		}
		// The hour that has not ended yet is not rolled up: the heat map
		// takes it from the raw samples.
		if len(hours) == 0 || hours[len(hours)-1].Start.Before(now.Truncate(time.Hour).Add(-time.Hour)) {
			if h, ok := usage.RollUp(raw, now.Truncate(time.Hour), gap); ok && h.Start.Before(q.To) {
				hours = append(hours, h)
			}
		}
	}
	hourly := usage.SummarizeHours(hours)
	s.Stats = statsOf(hourly)
	// The samples give exact figures where they cover the range as the
	// hours do (up to the hours' rounding at its ends); roll-ups of hours
	// whose samples are gone (another computer's history, a seeded demo)
	// cover more.
	if raw != nil {
		if exact := usage.Summarize(raw, q.From, q.To, gap); exact.Covered+time.Hour >= hourly.Covered {
			s.Stats, s.Exact = statsOf(exact), true
		}
	}
	s.Heat = usage.HeatMap(hours, loc)
	switch span := q.To.Sub(q.From); {
	case span <= rawUpTo && raw != nil:
		s.Resolution = Raw
		for _, r := range raw {
			if !r.At.Before(q.From) {
				s.Points = append(s.Points, Point{At: r.At, Mean: float64(r.Used), Min: r.Used, Max: r.Used, Total: r.Total})
			}
		}
	case span > dailyAfter:
		s.Resolution = Daily
		s.Points = daily(hours, loc)
	default:
		for _, h := range hours {
			s.Points = append(s.Points, Point{At: h.Start, Mean: h.Mean, Min: h.Min, Max: h.Max, Total: h.Total})
		}
	}
	return s, nil
}

func statsOf(st usage.Stats) Stats {
	return Stats{Peak: st.Peak, Mean: st.Mean, P95: st.P95, FullSeconds: int64(st.Full / time.Second), CoveredSeconds: int64(st.Covered / time.Second)}
}

// daily merges hours into days of loc's calendar.
func daily(hours []usage.Hour, loc *time.Location) []Point {
	var out []Point
	var weight float64
	for _, h := range hours {
		t := h.Start.In(loc)
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
		if n := len(out); n == 0 || !out[n-1].At.Equal(day) {
			if n > 0 && weight > 0 {
				out[n-1].Mean /= weight
			}
			out = append(out, Point{At: day, Min: h.Min, Max: h.Max, Total: h.Total})
			weight = 0
		}
		p := &out[len(out)-1]
		p.Min, p.Max, p.Total = min(p.Min, h.Min), max(p.Max, h.Max), max(p.Total, h.Total)
		p.Mean += h.Mean * h.Covered.Seconds()
		weight += h.Covered.Seconds()
	}
	if n := len(out); n > 0 && weight > 0 {
		out[n-1].Mean /= weight
	}
	if out == nil {
		out = []Point{}
	}
	return out
}

// CSV renders a series as a table: one row per point.
func (s Series) CSV(loc *time.Location) operations.CSV {
	t := operations.CSV{Header: []string{"Time", "Feature", "Version", "Mean used", "Min used", "Max used", "Seats"}}
	for _, p := range s.Points {
		t.Rows = append(t.Rows, []string{p.At.In(loc).Format(time.RFC3339), s.Query.Name, s.Query.Version,
			strconv.FormatFloat(p.Mean, 'f', 2, 64), strconv.FormatInt(p.Min, 10), strconv.FormatInt(p.Max, 10), strconv.FormatInt(p.Total, 10)})
	}
	return t
}

// CSVName is the file name offered for a series' CSV.
func (s Series) CSVName() string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>| `, r) {
			return '_'
		}
		return r
	}, s.Query.Name+"-"+s.Query.Version)
	return fmt.Sprintf("usage-%s-%s-%s.csv", clean, s.Query.From.Format("20060102"), s.Query.To.Format("20060102"))
}
