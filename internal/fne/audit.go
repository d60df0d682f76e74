package fne

import (
	"fmt"
	"slices"
	"strings"

	"licenseservermanager/internal/reservations"
)

// The summaries the audit log keeps of changes: what was changed, never a
// password or a value that could be one.

func activationSummary(items []Activation) string {
	ids := make([]string, 0, len(items))
	for _, it := range items {
		ids = append(ids, fmt.Sprintf("%s ×%d", it.ActivationID, it.Count))
	}
	return "Activation of " + strings.Join(ids, ", ")
}

// settingsSummary names the settings changed, in order; their values stay
// out (a setting may hold a credential for the back office).
func settingsSummary(changed map[string]string) string {
	names := make([]string, 0, len(changed))
	for k := range changed {
		names = append(names, k)
	}
	slices.Sort(names)
	return "Policy settings saved: " + strings.Join(names, ", ")
}

func groupSummary(g reservations.Group) string {
	name := g.Name
	if name == "" {
		name = "(unnamed)"
	}
	return fmt.Sprintf("Reservation group %s created with %d reservations", name, len(g.Reservations))
}
