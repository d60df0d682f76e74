package usage

import (
	"slices"
	"strings"
	"time"
)

// Increment is one feature record a server holds: one increment of a
// feature, with its own count and expiry.
type Increment struct {
	Name, Version string
	Used, Total   int64
	// Reserved seats are held for reservation groups; Overdraft counts the
	// seats used beyond Total that the license allows.
	Reserved, Overdraft int64
	Uncounted           bool
	// Expires is the end of the increment; Permanent ones have none.
	Expires   time.Time
	Permanent bool
}

// FeatureUse is a feature (name and version) summed over its increments:
// what a sample records and a capacity rule tests.
type FeatureUse struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Used    int64  `json:"used"`
	Total   int64  `json:"total"`
	// Reserved and Overdraft as the increments hold them (see Increment).
	Reserved  int64 `json:"reserved"`
	Overdraft int64 `json:"overdraft"`
	// Counted is false when every increment is uncounted: such a feature
	// has no capacity and never fills up.
	Counted bool `json:"counted"`
	// Earliest is the first expiry of an increment that expires; zero when
	// every increment is permanent.
	Earliest time.Time `json:"earliest" ts_type:"string"`
}

// Utilisation is the share of the seats in use, 0 for an uncounted
// feature.
func (f FeatureUse) Utilisation() float64 {
	if !f.Counted || f.Total <= 0 {
		return 0
	}
	return float64(f.Used) / float64(f.Total)
}

// Features sums increments up by name and version, in name order. Uncounted
// increments add their use but no seats; an increment already expired at
// now adds neither (the server no longer serves it).
func Features(incs []Increment, now time.Time) []FeatureUse {
	type key struct{ name, version string }
	byKey := map[key]*FeatureUse{}
	var keys []key
	for _, in := range incs {
		k := key{in.Name, in.Version}
		f, ok := byKey[k]
		if !ok {
			f = &FeatureUse{Name: in.Name, Version: in.Version}
			byKey[k] = f
			keys = append(keys, k)
		}
		if !in.Permanent && !in.Expires.IsZero() && !in.Expires.After(now) {
			continue
		}
		f.Used += in.Used
		f.Reserved += in.Reserved
		f.Overdraft += in.Overdraft
		if !in.Uncounted {
			f.Counted = true
			f.Total += in.Total
		}
		if !in.Permanent && !in.Expires.IsZero() && (f.Earliest.IsZero() || in.Expires.Before(f.Earliest)) {
			f.Earliest = in.Expires
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name)); c != 0 {
			return c
		}
		return strings.Compare(a.version, b.version)
	})
	out := make([]FeatureUse, len(keys))
	for i, k := range keys {
		out[i] = *byKey[k]
	}
	return out
}

// Expiry is one increment that ends within the horizon asked for.
type Expiry struct {
	Name    string    `json:"name"`
	Version string    `json:"version"`
	Seats   int64     `json:"seats"`
	Expires time.Time `json:"expires" ts_type:"string"`
	// Rest is how many seats of the feature stay after it: permanent and
	// later increments; a feature with seats left is not expiring, only
	// shrinking.
	Rest int64 `json:"rest"`
	// Uncounted: the increment lets any number of seats be used (Seats is
	// 0); RestUncounted: a permanent or later uncounted increment keeps
	// the feature available after it, whatever Rest says.
	Uncounted     bool `json:"uncounted"`
	RestUncounted bool `json:"restUncounted"`
}

// Expiries lists the increments that end after now and within horizon,
// soonest first, each with the seats its feature keeps after it; those of
// a feature that end at the same time are summed. Permanent increments
// never expire.
func Expiries(incs []Increment, now time.Time, horizon time.Duration) []Expiry {
	type key struct{ name, version string }
	// A feature's increments together, so each expiry's rest is summed
	// over its own feature only: a large server has 100,000 records.
	byKey := map[key][]*Increment{}
	for i := range incs {
		in := &incs[i]
		k := key{in.Name, in.Version}
		byKey[k] = append(byKey[k], in)
	}
	var out []Expiry
	// Increments of a feature that end together are one expiry: their
	// seats end at once, and the same seats stay.
	type end struct {
		key
		at        time.Time
		uncounted bool
	}
	merged := map[end]int{}
	for _, in := range incs {
		if in.Permanent || in.Expires.IsZero() || !in.Expires.After(now) || in.Expires.After(now.Add(horizon)) {
			continue
		}
		at := end{key{in.Name, in.Version}, in.Expires, in.Uncounted}
		if i, ok := merged[at]; ok {
			out[i].Seats += in.Total
			continue
		}
		merged[at] = len(out)
		e := Expiry{Name: in.Name, Version: in.Version, Seats: in.Total, Expires: in.Expires, Uncounted: in.Uncounted}
		for _, other := range byKey[key{in.Name, in.Version}] {
			if !other.Permanent && !other.Expires.After(in.Expires) {
				continue
			}
			if other.Uncounted {
				e.RestUncounted = true
			} else {
				e.Rest += other.Total
			}
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b Expiry) int { return a.Expires.Compare(b.Expires) })
	return out
}
