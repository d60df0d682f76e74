package collect

import (
	"slices"

	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/usage"
)

// PlanOf is the collection the settings ask for: every saved profile, and
// the demo profile of this run while it is the active one.
func PlanOf(snap settings.Settings, active settings.Profile) Plan {
	profiles := snap.Profiles
	if active.Demo && !slices.ContainsFunc(profiles, func(p settings.Profile) bool { return p.ID == active.ID }) {
		profiles = append([]settings.Profile{active}, profiles...)
	}
	h := snap.Preferences.History
	rules := usage.DefaultRules()
	if h.Rules != nil {
		rules = *h.Rules
	}
	return Plan{Profiles: profiles, Interval: h.Interval(), Rules: rules, RetentionDays: h.RetentionDays}
}
