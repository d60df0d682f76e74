package reservations

import (
	"fmt"
	"regexp"
	"strings"

	"licenseservermanager/internal/hostid"
)

// Problem is one thing wrong with a group or a file, at a location such as
// "reservations[0].reservationEntries[2].featureVersion" ("" for the file
// as a whole). Problems of a file also carry the line and column (from 1,
// columns in characters) of the value or key they are about; Validate's
// have none (0), as a group in memory has no place.
type Problem struct {
	Location string `json:"location"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
}

// versionForm is FlexNet's numeric a.b; the server refuses anything else
// in a reservation, so "3" and "6.1.3" are refused here first.
var versionForm = regexp.MustCompile(`^\d+\.\d+$`)

// CheckGroupName returns why name cannot name a group on the Add page, or
// "". The server names a group posted without a name, but the Add page
// forms groups by their names, so there a name is required.
func CheckGroupName(name string) string {
	if strings.TrimSpace(name) == "" {
		return "A group name is required."
	}
	return ""
}

// CheckHostValue returns why v cannot be a host ID, or "".
func CheckHostValue(v string) string {
	if strings.TrimSpace(v) == "" {
		return "A device ID (host ID value) is required."
	}
	return ""
}

// CheckHostType returns why t is not a host ID type servers know, or "".
func CheckHostType(t string) string {
	t = strings.ToUpper(strings.TrimSpace(t))
	switch {
	case t == "":
		return "An ID type is required."
	case !hostid.Known(t):
		return fmt.Sprintf("%q is not a host ID type; use one of %s.", t, strings.Join(hostid.Types, ", "))
	}
	return ""
}

// CheckFeatureName returns why n cannot name a feature, or "".
func CheckFeatureName(n string) string {
	if strings.TrimSpace(n) == "" {
		return "A feature name is required."
	}
	return ""
}

// CheckVersion returns why v is not a reservation version, or "".
func CheckVersion(v string) string {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return "A version is required, in numeric a.b form (for example 1.0)."
	case !versionForm.MatchString(v):
		return fmt.Sprintf("%q is not a version in numeric a.b form (for example 1.0).", v)
	}
	return ""
}

// CheckCount returns why n cannot be a reserved count, or "".
func CheckCount(n int64) string {
	if n <= 0 {
		return fmt.Sprintf("The count must be a positive whole number, not %d.", n)
	}
	return ""
}

// versionKey makes versions that compare equal (1.0 and 01.00) equal keys,
// so the same feature and version is not reserved twice for a host.
func versionKey(v string) string {
	a, b, _ := strings.Cut(strings.TrimSpace(v), ".")
	trim := func(s string) string {
		if s = strings.TrimLeft(s, "0"); s == "" {
			return "0"
		}
		return s
	}
	return trim(a) + "." + trim(b)
}

type featureKey struct{ name, version string }

// Validate checks g by the server's rules and returns every problem, with
// locations relative to the group ("reservations[1].hostId.type"): what the
// server refuses, so that a group with a problem is not sent. A group
// without a name is valid: the server names it. Host IDs are compared as
// the server stores them (see Normalize).
func Validate(g Group) []Problem {
	var out []Problem
	add := func(at, msg string) { out = append(out, Problem{Location: at, Message: msg}) }
	if len(g.Reservations) == 0 {
		add("reservations", "The group has no reservations.")
	}
	hosts := map[HostID]int{}
	for i, r := range g.Reservations {
		at := fmt.Sprintf("reservations[%d]", i)
		h := r.HostID.Normalize()
		mv, mt := CheckHostValue(h.Value), CheckHostType(h.Type)
		if mv != "" {
			add(at+".hostId.value", mv)
		}
		if mt != "" {
			add(at+".hostId.type", mt)
		}
		if mv == "" && mt == "" {
			if first, dup := hosts[h]; dup {
				add(at+".hostId", fmt.Sprintf("Host ID %s already has reservations[%d] in this group; put all its entries in one reservation.", h, first))
			} else {
				hosts[h] = i
			}
		}
		if len(r.Entries) == 0 {
			add(at+".reservationEntries", "The reservation reserves no feature.")
		}
		for j, e := range r.Entries {
			eat := fmt.Sprintf("%s.reservationEntries[%d]", at, j)
			if m := CheckFeatureName(e.FeatureName); m != "" {
				add(eat+".featureName", m)
			}
			if m := CheckVersion(e.FeatureVersion); m != "" {
				add(eat+".featureVersion", m)
			}
			if m := CheckCount(e.FeatureCount); m != "" {
				add(eat+".featureCount", m)
			}
		}
	}
	return out
}

// repeatedEntries finds entries that reserve a feature and version the same
// host already reserves in g, at locations as Validate's. The server's
// rules do not say whether it refuses them or adds their counts, so they
// are worth a warning, not a refusal.
func repeatedEntries(g Group) []Problem {
	var out []Problem
	for i, r := range g.Reservations {
		seen := map[featureKey]int{}
		for j, e := range r.Entries {
			if CheckFeatureName(e.FeatureName) != "" || CheckVersion(e.FeatureVersion) != "" {
				continue
			}
			k := featureKey{strings.TrimSpace(e.FeatureName), versionKey(e.FeatureVersion)}
			if first, dup := seen[k]; dup {
				out = append(out, Problem{Location: fmt.Sprintf("reservations[%d].reservationEntries[%d]", i, j),
					Message: fmt.Sprintf("%s %s is already reserved for this host by reservationEntries[%d]; make them one entry to be sure what the server reserves.", k.name, strings.TrimSpace(e.FeatureVersion), first)})
				continue
			}
			seen[k] = j
		}
	}
	return out
}
