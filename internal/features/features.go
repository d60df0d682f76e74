// Package features holds the rules of the Features view: how feature records
// are summed per feature, how expiry dates compare when some are
// "permanent", and which records are about to expire.
package features

import (
	"sort"
	"strings"
	"time"
)

// Permanent is how the server writes an expiry that never comes.
const Permanent = "permanent"

// ExpiringWithin is the window in which a record counts as expiring soon.
const ExpiringWithin = 30 * 24 * time.Hour

// Record is the part of a feature record the rules need.
type Record struct {
	Name          string
	Version       string
	Count         int64
	Used          int64
	OverdraftUsed int64
	Expiry        string // "YYYY-MM-DD" (a time may follow) or "permanent"
	Metered       bool
	Uncounted     bool
}

// Stock is what the server holds of one feature record, as far as
// reservations and named pools care: both draw on the same records.
type Stock struct {
	Name      string
	Version   string
	Count     int64
	Uncounted bool
	// VendorString is the record's vendor string, which a model's
	// "vendor string matches" selects on.
	VendorString string
}

// Summary is one row of the Summary tab: the records of one feature name
// and version summed up across entitlements, activations and products.
type Summary struct {
	Name            string `json:"name"`
	Version         string `json:"version"`
	Records         int    `json:"records"`
	TotalCount      int64  `json:"totalCount"`
	TotalUsed       int64  `json:"totalUsed"`
	TotalAvailable  int64  `json:"totalAvailable"`
	FirstExpiration string `json:"firstExpiration"`
	LastExpiration  string `json:"lastExpiration"`
	TotalOverdraft  int64  `json:"totalOverdraft"`
	Metered         bool   `json:"metered"`
	Counted         bool   `json:"counted"`
}

// Summarize groups records by feature name and version. An uncounted record
// makes its feature uncounted (its count means nothing), a metered one makes
// it metered; a permanent record makes the last expiration permanent, and
// the first expiration is permanent only when every record is. Available is
// count minus used and never negative (overdraft is reported separately).
// The result is sorted by name, then version.
func Summarize(records []Record) []Summary {
	type key struct{ name, version string }
	idx := make(map[key]int, len(records)/2+1)
	out := make([]Summary, 0, len(records)/2+1)
	for i := range records {
		r := &records[i]
		k := key{r.Name, r.Version}
		j, ok := idx[k]
		if !ok {
			j = len(out)
			idx[k] = j
			out = append(out, Summary{Name: r.Name, Version: r.Version, Counted: true,
				FirstExpiration: r.Expiry, LastExpiration: r.Expiry})
		} else {
			s := &out[j]
			if ExpiryBefore(r.Expiry, s.FirstExpiration) {
				s.FirstExpiration = r.Expiry
			}
			if ExpiryBefore(s.LastExpiration, r.Expiry) {
				s.LastExpiration = r.Expiry
			}
		}
		s := &out[j]
		s.Records++
		s.TotalCount += r.Count
		s.TotalUsed += r.Used
		s.TotalOverdraft += r.OverdraftUsed
		s.Metered = s.Metered || r.Metered
		s.Counted = s.Counted && !r.Uncounted
	}
	for i := range out {
		s := &out[i]
		if !s.Counted {
			s.TotalCount, s.TotalAvailable = 0, 0
			continue
		}
		s.TotalAvailable = max(s.TotalCount-s.TotalUsed, 0)
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Name != out[b].Name {
			return out[a].Name < out[b].Name
		}
		return CompareVersions(out[a].Version, out[b].Version) < 0
	})
	return out
}

// IsPermanent reports whether an expiry never comes.
func IsPermanent(expiry string) bool {
	return strings.EqualFold(strings.TrimSpace(expiry), Permanent) || strings.TrimSpace(expiry) == ""
}

// ExpiryBefore reports whether expiry a comes before b; permanent is later
// than every date.
func ExpiryBefore(a, b string) bool {
	pa, pb := IsPermanent(a), IsPermanent(b)
	switch {
	case pa:
		return false
	case pb:
		return true
	}
	return dateKey(a) < dateKey(b)
}

// dateKey makes dates comparable as strings: ISO dates compare in order.
func dateKey(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

// ExpiryDate is the day a dated expiry names (midnight UTC); false for a
// permanent one or a date this client cannot read.
func ExpiryDate(expiry string) (time.Time, bool) {
	if IsPermanent(expiry) {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", dateKey(expiry))
	return t, err == nil
}

// ExpiringSoon reports whether a dated expiry falls within 30 days of now
// (an expiry already past counts too: it needs attention all the same).
func ExpiringSoon(expiry string, now time.Time) bool {
	t, ok := ExpiryDate(expiry)
	return ok && t.Before(now.Add(ExpiringWithin))
}

// CompareVersions compares numeric versions "a.b" part by part, so 10.0 is
// greater than 9.9; non-numeric parts compare as text.
func CompareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) || i < len(pb); i++ {
		var x, y string
		if i < len(pa) {
			x = pa[i]
		}
		if i < len(pb) {
			y = pb[i]
		}
		if c := compareNumeric(x, y); c != 0 {
			return c
		}
	}
	return 0
}

func compareNumeric(x, y string) int {
	nx, okx := atoi(x)
	ny, oky := atoi(y)
	if okx && oky {
		switch {
		case nx < ny:
			return -1
		case nx > ny:
			return 1
		}
		return 0
	}
	return strings.Compare(x, y)
}

func atoi(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}
