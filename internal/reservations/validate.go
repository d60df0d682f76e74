package reservations

import (
	"fmt"
	"regexp"
	"strings"

	"licenseservermanager/internal/hostid"
)

// Problem is one thing wrong with a group or a file, at a location such as
// "reservations[0].reservationEntries[2].featureVersion".
type Problem struct {
	Location string `json:"location"`
	Message  string `json:"message"`
}

// versionForm is FlexNet's numeric a.b; the server refuses anything else
// in a reservation, so "3" and "6.1.3" are refused here first.
var versionForm = regexp.MustCompile(`^\d+\.\d+$`)

// CheckGroupName returns why name cannot name a group, or "".
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
// locations relative to the group ("name", "reservations[1].hostId.type").
// Host IDs are compared as the server stores them (see Normalize).
func Validate(g Group) []Problem {
	var out []Problem
	add := func(at, msg string) { out = append(out, Problem{Location: at, Message: msg}) }
	if m := CheckGroupName(g.Name); m != "" {
		add("name", m)
	}
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
		seen := map[featureKey]int{}
		for j, e := range r.Entries {
			eat := fmt.Sprintf("%s.reservationEntries[%d]", at, j)
			mn, mver := CheckFeatureName(e.FeatureName), CheckVersion(e.FeatureVersion)
			if mn != "" {
				add(eat+".featureName", mn)
			}
			if mver != "" {
				add(eat+".featureVersion", mver)
			}
			if m := CheckCount(e.FeatureCount); m != "" {
				add(eat+".featureCount", m)
			}
			if mn != "" || mver != "" {
				continue
			}
			k := featureKey{strings.TrimSpace(e.FeatureName), versionKey(e.FeatureVersion)}
			if first, dup := seen[k]; dup {
				add(eat, fmt.Sprintf("%s %s is already reserved for this host by reservationEntries[%d].", k.name, strings.TrimSpace(e.FeatureVersion), first))
				continue
			}
			seen[k] = j
		}
	}
	return out
}
