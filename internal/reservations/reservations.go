// Package reservations holds the rules of the Reservations view: what a
// valid reservation group is, how the Add page's pending entries become
// groups, whether the server's licenses can satisfy the reservations, and
// the JSON file format of import and export. It does no I/O.
package reservations

import "strings"

// HostID names the device or user a reservation is for.
type HostID struct {
	Value string `json:"value"`
	Type  string `json:"type"`
}

// Entry reserves FeatureCount licenses of a feature at or above
// FeatureVersion.
type Entry struct {
	ID             int64  `json:"id,omitempty"`
	FeatureName    string `json:"featureName"`
	FeatureVersion string `json:"featureVersion"`
	FeatureCount   int64  `json:"featureCount"`
}

// Reservation is what one host ID reserves; a host has at most one
// reservation across all groups.
type Reservation struct {
	ID      int64   `json:"id,omitempty"`
	HostID  HostID  `json:"hostId"`
	Entries []Entry `json:"reservationEntries"`
}

// Group is a set of reservations, created whole and never edited. ID is 0
// for a group not yet on the server. Name is "" for a group the server is
// to name: the format's name is optional, and the server generates one
// when it is omitted, so an empty name is left out rather than sent. The
// JSON form is the import/export file format (IDs left out when 0).
type Group struct {
	ID           int64         `json:"id,omitempty"`
	Name         string        `json:"name,omitempty"`
	Reservations []Reservation `json:"reservations"`
}

// Normalize returns h as the server stores it: trimmed, the type in upper
// case, and USER values in upper case. Comparing normalised host IDs is
// how a conflict is found before the server finds it.
func (h HostID) Normalize() HostID {
	h.Type = strings.ToUpper(strings.TrimSpace(h.Type))
	h.Value = strings.TrimSpace(h.Value)
	if h.Type == "USER" {
		h.Value = strings.ToUpper(h.Value)
	}
	return h
}

// String is the VALUE/TYPE form administrators know from model definitions.
func (h HostID) String() string { return h.Value + "/" + h.Type }

// Normalize returns g as the server would store it: names and versions
// trimmed, host IDs normalised. It never changes what g reserves.
func (g Group) Normalize() Group {
	out := Group{ID: g.ID, Name: strings.TrimSpace(g.Name), Reservations: make([]Reservation, len(g.Reservations))}
	for i, r := range g.Reservations {
		nr := Reservation{ID: r.ID, HostID: r.HostID.Normalize(), Entries: make([]Entry, len(r.Entries))}
		for j, e := range r.Entries {
			e.FeatureName = strings.TrimSpace(e.FeatureName)
			e.FeatureVersion = strings.TrimSpace(e.FeatureVersion)
			nr.Entries[j] = e
		}
		out.Reservations[i] = nr
	}
	return out
}

// WithoutIDs returns a copy of g as a new group: the form to send when
// re-creating or importing it.
func (g Group) WithoutIDs() Group {
	out := Group{Name: g.Name, Reservations: make([]Reservation, len(g.Reservations))}
	for i, r := range g.Reservations {
		nr := Reservation{HostID: r.HostID, Entries: make([]Entry, len(r.Entries))}
		for j, e := range r.Entries {
			e.ID = 0
			nr.Entries[j] = e
		}
		out.Reservations[i] = nr
	}
	return out
}

// nameKey is how group names compare: the server refuses a name that
// differs from an existing one only in case.
func nameKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// SameName tells whether two group names name the same group on a server.
func SameName(a, b string) bool { return nameKey(a) == nameKey(b) }

// StoredAs tells whether stored, a group read from the server, is g after
// the server stored it: the group of the same name or, when g has no name
// (the server chose one), the group that holds every host ID of g. A host
// ID is in one group only, so that group can be no other.
func (g Group) StoredAs(stored Group) bool {
	if strings.TrimSpace(g.Name) != "" {
		return SameName(g.Name, stored.Name)
	}
	if len(g.Reservations) == 0 {
		return false
	}
	have := hostOwners([]Group{stored})
	for _, r := range g.Reservations {
		if _, ok := have[r.HostID.Normalize()]; !ok {
			return false
		}
	}
	return true
}

// hostOwners maps each host ID reserved in groups to its group's name.
func hostOwners(groups []Group) map[HostID]string {
	owners := map[HostID]string{}
	for _, g := range groups {
		for _, r := range g.Reservations {
			owners[r.HostID.Normalize()] = g.Name
		}
	}
	return owners
}
