// Package usage is the arithmetic of usage history: how a feature's use
// over a range is summed up (peak, time-weighted mean, 95th percentile, time
// spent full) from the samples a collector took. It is pure: the store reads
// and writes samples, this package only computes.
package usage

import (
	"cmp"
	"slices"
	"time"
)

// Sample is one reading of one feature: how many seats were used out of
// how many, at a time. Counted is false for an uncounted feature, which has
// no capacity to fill.
type Sample struct {
	At      time.Time
	Used    int64
	Total   int64
	Counted bool
}

// Stats sum up a feature's use over a range.
type Stats struct {
	// Peak is the most seats used at once.
	Peak int64 `json:"peak"`
	// Mean is the seats used on average over the time covered (a reading
	// holds until the next one).
	Mean float64 `json:"mean"`
	// P95 is the use that 95% of the covered time stayed at or below.
	P95 int64 `json:"p95"`
	// Full is how long every seat was in use: the time new requests were
	// at risk of being denied.
	Full time.Duration `json:"full"`
	// Covered is the time the readings describe; gaps (the server was not
	// reached, the app was not running) are not part of it.
	Covered time.Duration `json:"covered"`
}

// span is a stretch of time at one reading.
type span struct {
	used, total int64
	counted     bool
	d           time.Duration
}

// Summarize computes the stats of samples between from and to. A reading
// holds until the next one, but no longer than maxGap: a longer silence is
// a gap, not a time at that reading. Samples need not be sorted.
func Summarize(samples []Sample, from, to time.Time, maxGap time.Duration) Stats {
	spans := spansOf(samples, from, to, maxGap)
	var st Stats
	var weighted float64
	for _, s := range spans {
		st.Covered += s.d
		st.Peak = max(st.Peak, s.used)
		weighted += float64(s.used) * s.d.Seconds()
		if s.counted && s.total > 0 && s.used >= s.total {
			st.Full += s.d
		}
	}
	if st.Covered > 0 {
		st.Mean = weighted / st.Covered.Seconds()
	}
	st.P95 = percentile(spans, st.Covered, 0.95)
	return st
}

func spansOf(samples []Sample, from, to time.Time, maxGap time.Duration) []span {
	sorted := slices.Clone(samples)
	slices.SortFunc(sorted, func(a, b Sample) int { return a.At.Compare(b.At) })
	var out []span
	for i, s := range sorted {
		start, end := s.At, s.At.Add(maxGap)
		if i+1 < len(sorted) && sorted[i+1].At.Before(end) {
			end = sorted[i+1].At
		}
		if start.Before(from) {
			start = from
		}
		if end.After(to) {
			end = to
		}
		if end.After(start) {
			out = append(out, span{used: s.Used, total: s.Total, counted: s.Counted, d: end.Sub(start)})
		}
	}
	return out
}

// percentile is the smallest use at or below which the share q of the
// covered time was spent.
func percentile(spans []span, covered time.Duration, q float64) int64 {
	if covered <= 0 {
		return 0
	}
	byUse := slices.Clone(spans)
	slices.SortFunc(byUse, func(a, b span) int { return cmp.Compare(a.used, b.used) })
	need := time.Duration(q * float64(covered))
	var acc time.Duration
	for _, s := range byUse {
		acc += s.d
		if acc >= need {
			return s.used
		}
	}
	return byUse[len(byUse)-1].used
}

// Hour is one feature's use over one hour, as the store rolls raw samples
// up for the long term.
type Hour struct {
	Start    time.Time
	Min      int64
	Max      int64
	Total    int64
	Counted  bool
	Mean     float64
	Full     time.Duration
	Covered  time.Duration
	Readings int
}

// RollUp sums one hour of samples up; the hour starts at start. It reports
// false when no sample covers any of the hour.
func RollUp(samples []Sample, start time.Time, maxGap time.Duration) (Hour, bool) {
	end := start.Add(time.Hour)
	spans := spansOf(samples, start, end, maxGap)
	if len(spans) == 0 {
		return Hour{}, false
	}
	h := Hour{Start: start, Min: spans[0].used}
	var weighted float64
	for _, s := range spans {
		h.Covered += s.d
		h.Min, h.Max, h.Total = min(h.Min, s.used), max(h.Max, s.used), max(h.Total, s.total)
		h.Counted = h.Counted || s.counted
		weighted += float64(s.used) * s.d.Seconds()
		if s.counted && s.total > 0 && s.used >= s.total {
			h.Full += s.d
		}
	}
	for _, s := range samples {
		if !s.At.Before(start) && s.At.Before(end) {
			h.Readings++
		}
	}
	h.Mean = weighted / h.Covered.Seconds()
	return h, true
}

// SummarizeHours computes the stats of a range from its hourly roll-ups.
// Peak, mean and time full are exact; the 95th percentile is taken over
// each hour's peak, which never understates it: what a renewal is sized on.
func SummarizeHours(hours []Hour) Stats {
	var st Stats
	var weighted float64
	spans := make([]span, 0, len(hours))
	for _, h := range hours {
		st.Covered += h.Covered
		st.Full += h.Full
		st.Peak = max(st.Peak, h.Max)
		weighted += h.Mean * h.Covered.Seconds()
		spans = append(spans, span{used: h.Max, d: h.Covered})
	}
	if st.Covered > 0 {
		st.Mean = weighted / st.Covered.Seconds()
	}
	st.P95 = percentile(spans, st.Covered, 0.95)
	return st
}

// HeatCell is the mean utilisation of one hour of the week (Day 0 is
// Monday) over a range; Covered is false where no reading fell.
type HeatCell struct {
	Day         int     `json:"day"`
	Hour        int     `json:"hour"`
	Utilisation float64 `json:"utilisation"`
	Covered     bool    `json:"covered"`
}

// HeatMap is the hour-of-week utilisation of hours (in loc's clock), the
// 168 cells from Monday 00:00 on.
func HeatMap(hours []Hour, loc *time.Location) []HeatCell {
	var weighted, covered [7 * 24]float64
	for _, h := range hours {
		if !h.Counted || h.Total <= 0 || h.Covered <= 0 {
			continue
		}
		t := h.Start.In(loc)
		i := (int(t.Weekday())+6)%7*24 + t.Hour()
		weighted[i] += h.Mean / float64(h.Total) * h.Covered.Seconds()
		covered[i] += h.Covered.Seconds()
	}
	out := make([]HeatCell, 7*24)
	for i := range out {
		out[i] = HeatCell{Day: i / 24, Hour: i % 24, Covered: covered[i] > 0}
		if covered[i] > 0 {
			out[i].Utilisation = weighted[i] / covered[i]
		}
	}
	return out
}
