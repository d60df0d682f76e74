package collect

import (
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/usage"
)

// PlanOf is the collection the settings ask for: every profile, the demo
// profile of this run (which the settings list first) included.
func PlanOf(snap settings.Settings, pol orgpolicy.Policies) Plan {
	profiles := snap.Profiles
	h := snap.Preferences.History
	rules := usage.DefaultRules()
	if h.Rules != nil {
		rules = *h.Rules
	}
	return Plan{Profiles: profiles, Interval: h.Interval(), Rules: rules, RetentionDays: h.RetentionDays, Policies: pol}
}
