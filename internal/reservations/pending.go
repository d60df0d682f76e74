package reservations

import (
	"fmt"
	"strconv"
	"strings"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/hostid"
)

// PendingEntry is one row of the Add Reservation page's pending table.
type PendingEntry struct {
	GroupName   string `json:"groupName"`
	DeviceID    string `json:"deviceId"`
	IDType      string `json:"idType"`
	FeatureName string `json:"featureName"`
	Version     string `json:"version"`
	Count       int64  `json:"count"`
}

// Pending field names, as the UI keys its inputs.
const (
	FieldGroupName   = "groupName"
	FieldDeviceID    = "deviceId"
	FieldIDType      = "idType"
	FieldFeatureName = "featureName"
	FieldVersion     = "version"
	FieldCount       = "count"
)

// Problem codes of pending entries, besides apperr's required and format.
const (
	// CodeNameTaken: a group of that name is on the server.
	CodeNameTaken = "name_taken"
	// CodeHostTaken: the host ID is reserved in a group on the server.
	CodeHostTaken = "host_taken"
	// CodeHostInOtherGroup: another pending group reserves the host ID.
	CodeHostInOtherGroup = "host_in_other_group"
	// CodeDuplicate: an earlier row reserves the same feature and version
	// for the host.
	CodeDuplicate = "duplicate"
	// CodeOtherGroup: an edited group's entry names another group.
	CodeOtherGroup = "other_group"
)

// PendingItem names pending row i in a problem (apperr.Item.Item): its
// position in the list checked, counted from 0.
func PendingItem(i int) string { return strconv.Itoa(i) }

// pendingProblem is a problem with field of pending row i.
func pendingProblem(i int, field, code, msg string) apperr.Item {
	return apperr.Item{Item: PendingItem(i), Field: field, Code: code, Message: msg}
}

// checkCode is the code of a Check* message about value: required when the
// value is empty, a format problem otherwise.
func checkCode(value string) string {
	if strings.TrimSpace(value) == "" {
		return apperr.ItemRequired
	}
	return apperr.ItemFormat
}

// FromPending turns the pending table into groups. Entries with the same
// group name (ignoring case and surrounding space) form one group, named as
// first written; entries of one host within a group merge into one
// reservation; groups, reservations and entries keep the order they were
// first seen in. Every entry is checked by the server's rules, against the
// other entries and against existing (the groups on the server), so a
// conflict shows on the entry that causes it before anything is sent.
// Problems name their row with PendingItem and the input with a Field*
// name, at most one per input; messages name rows 1-based as the table
// shows them. The groups are built from every entry, valid or not, so the
// page can show what would be created next to what must be fixed.
func FromPending(pending []PendingEntry, existing []Group) ([]Group, []apperr.Item) {
	var problems []apperr.Item
	seen := map[[2]string]bool{}
	set := func(i int, field, code, msg string) {
		k := [2]string{PendingItem(i), field}
		if msg != "" && !seen[k] {
			seen[k] = true
			problems = append(problems, pendingProblem(i, field, code, msg))
		}
	}
	onServer := map[string]string{}
	for _, g := range existing {
		onServer[nameKey(g.Name)] = g.Name
	}
	owners := hostOwners(existing)

	type hostRow struct {
		group string // name key
		row   int
	}
	type entryKey struct {
		host HostID
		featureKey
	}
	var groups []Group
	groupAt := map[string]int{}
	resAt := map[string]map[HostID]int{}
	hostFirst := map[HostID]hostRow{}
	entryFirst := map[entryKey]int{}

	for i, p := range pending {
		name := strings.TrimSpace(p.GroupName)
		host := HostID{Value: p.DeviceID, Type: p.IDType}.Normalize()
		gk := nameKey(name)
		set(i, FieldGroupName, checkCode(name), CheckGroupName(name))
		set(i, FieldDeviceID, checkCode(host.Value), CheckHostValue(host.Value))
		set(i, FieldIDType, checkCode(host.Type), CheckHostType(host.Type))
		set(i, FieldFeatureName, checkCode(p.FeatureName), CheckFeatureName(p.FeatureName))
		set(i, FieldVersion, checkCode(p.Version), CheckVersion(p.Version))
		set(i, FieldCount, apperr.ItemFormat, CheckCount(p.Count))

		if name != "" {
			if other, ok := onServer[gk]; ok {
				set(i, FieldGroupName, CodeNameTaken, fmt.Sprintf("A reservation group named %q already exists on the server; choose another name.", other))
			}
		}
		if host.Value != "" && hostid.Known(host.Type) {
			if other, ok := owners[host]; ok {
				set(i, FieldDeviceID, CodeHostTaken, fmt.Sprintf("%s already has a reservation in group %q on the server; a host ID can be reserved in only one group.", host, other))
			}
			if first, ok := hostFirst[host]; ok && first.group != gk {
				set(i, FieldDeviceID, CodeHostInOtherGroup, fmt.Sprintf("%s is already reserved in group %q (row %d); a host ID can be reserved in only one group.", host, pending[first.row].GroupName, first.row+1))
			} else if !ok {
				hostFirst[host] = hostRow{gk, i}
			}
			if CheckFeatureName(p.FeatureName) == "" && CheckVersion(p.Version) == "" {
				k := entryKey{host, featureKey{strings.TrimSpace(p.FeatureName), versionKey(p.Version)}}
				if first, ok := entryFirst[k]; ok && nameKey(pending[first].GroupName) == gk {
					set(i, FieldFeatureName, CodeDuplicate, fmt.Sprintf("Row %d already reserves %s %s for %s.", first+1, k.name, strings.TrimSpace(p.Version), host))
				} else if !ok {
					entryFirst[k] = i
				}
			}
		}

		gi, ok := groupAt[gk]
		if !ok {
			gi = len(groups)
			groupAt[gk] = gi
			resAt[gk] = map[HostID]int{}
			groups = append(groups, Group{Name: name})
		}
		g := &groups[gi]
		ri, ok := resAt[gk][host]
		if !ok {
			ri = len(g.Reservations)
			resAt[gk][host] = ri
			g.Reservations = append(g.Reservations, Reservation{HostID: host})
		}
		g.Reservations[ri].Entries = append(g.Reservations[ri].Entries, Entry{
			FeatureName: strings.TrimSpace(p.FeatureName), FeatureVersion: strings.TrimSpace(p.Version), FeatureCount: p.Count,
		})
	}
	return groups, problems
}

// RowGroups tells, for each pending row, the index of its group in what
// FromPending returns: rows whose group names are the same but for case
// and surrounding space are one group, in the order first seen.
func RowGroups(pending []PendingEntry) []int {
	at := map[string]int{}
	out := make([]int, len(pending))
	for i, p := range pending {
		k := nameKey(p.GroupName)
		g, ok := at[k]
		if !ok {
			g = len(at)
			at[k] = g
		}
		out[i] = g
	}
	return out
}

// ToPending lists g's entries as rows of the Add page's pending table, in
// the group's order: the form in which a group is edited.
func ToPending(g Group) []PendingEntry {
	var out []PendingEntry
	for _, r := range g.Reservations {
		for _, e := range r.Entries {
			out = append(out, PendingEntry{GroupName: g.Name, DeviceID: r.HostID.Value, IDType: r.HostID.Type,
				FeatureName: e.FeatureName, Version: e.FeatureVersion, Count: e.FeatureCount})
		}
	}
	return out
}
