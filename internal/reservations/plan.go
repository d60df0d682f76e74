package reservations

import "fmt"

// Action is what importing does with one group of the file.
type Action string

const (
	ActionCreate  Action = "create"
	ActionReplace Action = "replace"
	ActionSkip    Action = "skip"
)

// GroupAction is the plan for one group of the file. Name is "" for a
// group the server is to name; Label names every group to the user (see
// ImportGroup.Label). Replaces is the ID of the server's group of the same
// name that a replace deletes first.
type GroupAction struct {
	Index    int    `json:"index"`
	Name     string `json:"name"`
	Label    string `json:"label"`
	Action   Action `json:"action"`
	Reason   string `json:"reason"`
	Replaces int64  `json:"replaces"`
}

// Summary counts a plan's actions, as the import dialog shows them.
type Summary struct {
	ToImport  int `json:"toImport"`
	ToReplace int `json:"toReplace"`
	Skipped   int `json:"skipped"`
}

// ImportPlan is one action per group of the file, in file order.
type ImportPlan struct {
	Actions []GroupAction `json:"actions"`
	Summary Summary       `json:"summary"`
}

// Plan decides what importing groups onto a server holding existing does.
// A group with errors is skipped. A group whose name exists on the server
// is skipped, or replaced when replace is set; a group without a name is
// always created, since the server names it. A group is also skipped
// when one of its host IDs is reserved in a server group that is still
// there when the group is sent. Replacements are sent first, in file
// order, then new groups, in file order: that is the order to carry the
// plan out in, and the order the host checks assume (a host freed by a
// replacement is free for the groups sent after it).
func Plan(groups []ImportGroup, existing []Group, replace bool) ImportPlan {
	onServer := map[string]int{}
	for i, g := range existing {
		onServer[nameKey(g.Name)] = i
	}
	acts := make([]GroupAction, len(groups))
	for i, ig := range groups {
		a := GroupAction{Index: i, Name: ig.Group.Name, Label: ig.Label(), Action: ActionCreate}
		si, exists := onServer[nameKey(ig.Group.Name)]
		exists = exists && ig.Group.Name != ""
		switch {
		case !ig.Valid:
			a.Action, a.Reason = ActionSkip, "It has errors (see the list of problems)."
		case exists && !replace:
			a.Action, a.Reason = ActionSkip, fmt.Sprintf("A group named %q already exists on the server; choose Replace to overwrite it.", existing[si].Name)
		case exists:
			a.Action, a.Replaces = ActionReplace, existing[si].ID
		}
		acts[i] = a
	}
	// Skipping a replacement keeps its server group, whose hosts may then
	// block another group: repeat until nothing changes.
	owners := map[HostID]Group{}
	for _, g := range existing {
		for _, r := range g.Reservations {
			owners[r.HostID.Normalize()] = g
		}
	}
	replacedBy := map[int64]int{} // a server group's ID → the action replacing it
	for j, a := range acts {
		if a.Action == ActionReplace {
			replacedBy[a.Replaces] = j
		}
	}
	for changed := true; changed; {
		changed = false
		for i := range acts {
			if acts[i].Action == ActionSkip {
				continue
			}
			// Deleted when group i is sent: the replacements sent before
			// it, and its own.
			freed := func(id int64) bool {
				j, ok := replacedBy[id]
				return ok && (acts[i].Action == ActionCreate || j <= i)
			}
			if reason := hostConflict(groups[i], owners, freed); reason != "" {
				if acts[i].Action == ActionReplace {
					delete(replacedBy, acts[i].Replaces)
				}
				acts[i].Action, acts[i].Reason, acts[i].Replaces = ActionSkip, reason, 0
				changed = true
			}
		}
	}
	p := ImportPlan{Actions: acts}
	for _, a := range acts {
		switch a.Action {
		case ActionCreate:
			p.Summary.ToImport++
		case ActionReplace:
			p.Summary.ToReplace++
		default:
			p.Summary.Skipped++
		}
	}
	return p
}

// hostConflict names the first host ID of ig that a server group reserves
// (owners maps host IDs to the server's groups) unless that group is freed
// by then, or returns "".
func hostConflict(ig ImportGroup, owners map[HostID]Group, freed func(id int64) bool) string {
	for j, r := range ig.Group.Reservations {
		if other, ok := owners[r.HostID.Normalize()]; ok && !freed(other.ID) {
			return fmt.Sprintf("%s[%d].hostId: host ID %s is already reserved in group %q on the server.", join(ig.Location, "reservations"), j, r.HostID, other.Name)
		}
	}
	return ""
}
