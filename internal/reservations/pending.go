package reservations

import (
	"fmt"
	"slices"
	"strings"
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

// PendingField is the key of a problem with entry i's field:
// "entries.2.version".
func PendingField(i int, field string) string { return fmt.Sprintf("entries.%d.%s", i, field) }

// FromPending turns the pending table into groups. Entries with the same
// group name (ignoring case and surrounding space) form one group, named as
// first written; entries of one host within a group merge into one
// reservation; groups, reservations and entries keep the order they were
// first seen in. Every entry is checked by the server's rules, against the
// other entries and against existing (the groups on the server), so a
// conflict shows on the entry that causes it before anything is sent.
// Problems are keyed by PendingField, and messages name rows 1-based as the
// table shows them. The groups are built from every entry, valid or not, so
// the page can show what would be created next to what must be fixed.
func FromPending(pending []PendingEntry, existing []Group) ([]Group, map[string]string) {
	fields := map[string]string{}
	set := func(i int, field, msg string) {
		if msg != "" && fields[PendingField(i, field)] == "" {
			fields[PendingField(i, field)] = msg
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
		set(i, FieldGroupName, CheckGroupName(name))
		set(i, FieldDeviceID, CheckHostValue(host.Value))
		set(i, FieldIDType, CheckHostType(host.Type))
		set(i, FieldFeatureName, CheckFeatureName(p.FeatureName))
		set(i, FieldVersion, CheckVersion(p.Version))
		set(i, FieldCount, CheckCount(p.Count))

		if name != "" {
			if other, ok := onServer[gk]; ok {
				set(i, FieldGroupName, fmt.Sprintf("A reservation group named %q already exists on the server; choose another name.", other))
			}
		}
		if host.Value != "" && slices.Contains(HostIDTypes, host.Type) {
			if other, ok := owners[host]; ok {
				set(i, FieldDeviceID, fmt.Sprintf("%s already has a reservation in group %q on the server; a host ID can be reserved in only one group.", host, other))
			}
			if first, ok := hostFirst[host]; ok && first.group != gk {
				set(i, FieldDeviceID, fmt.Sprintf("%s is already reserved in group %q (row %d); a host ID can be reserved in only one group.", host, pending[first.row].GroupName, first.row+1))
			} else if !ok {
				hostFirst[host] = hostRow{gk, i}
			}
			if CheckFeatureName(p.FeatureName) == "" && CheckVersion(p.Version) == "" {
				k := entryKey{host, featureKey{strings.TrimSpace(p.FeatureName), versionKey(p.Version)}}
				if first, ok := entryFirst[k]; ok && nameKey(pending[first].GroupName) == gk {
					set(i, FieldFeatureName, fmt.Sprintf("Row %d already reserves %s %s for %s.", first+1, k.name, strings.TrimSpace(p.Version), host))
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
	return groups, fields
}
