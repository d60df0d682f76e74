package reservations

import (
	"fmt"
	"slices"

	"licenseservermanager/internal/features"
)

// Status says whether the server's licenses satisfy a reservation entry:
// the Status column's green circle and red exclamation mark.
type Status string

// Row statuses.
const (
	StatusOK    Status = "ok"
	StatusShort Status = "short"
)

// Row is one reservation entry as the Reservations table shows it.
type Row struct {
	Group    string `json:"group"`
	GroupID  int64  `json:"groupId"`
	EntryID  int64  `json:"entryId"`
	DeviceID string `json:"deviceId"`
	IDType   string `json:"idType"`
	Feature  string `json:"feature"`
	Version  string `json:"version"`
	Count    int64  `json:"count"`
	Status   Status `json:"status"`
	Reason   string `json:"reason"`
}

// lot is a stock record with what is still unreserved of it.
type lot struct {
	features.Stock
	left int64
}

// Satisfy flattens groups into rows (in the server's order) and tells for
// each entry whether the server's licenses can satisfy it.
//
// An entry for feature F version v can draw on every record of F whose
// version is v or later (numerically: 10.0 > 9.9). A record's whole count
// is reservable: the server holds reserved licenses back from shared use,
// so what is in use right now does not matter. An uncounted record
// satisfies every entry and is not used up.
//
// The counts are shared: entries compete for the same records. Our
// allocation rule, chosen to be deterministic and to waste no stock:
//   - entries are served highest required version first, because a
//     high-version entry can use fewer records than a low-version one;
//     entries asking for the same version keep the server's order (group,
//     then host, then entry);
//   - each entry draws from its lowest eligible versions first, keeping the
//     newer stock for later entries that may need it;
//   - an entry is satisfied whole or not at all; a short entry takes
//     nothing, so what it could not use stays for the others.
func Satisfy(groups []Group, stock []features.Stock) []Row {
	var rows []Row
	for _, g := range groups {
		for _, r := range g.Reservations {
			for _, e := range r.Entries {
				rows = append(rows, Row{Group: g.Name, GroupID: g.ID, EntryID: e.ID, DeviceID: r.HostID.Value, IDType: r.HostID.Type,
					Feature: e.FeatureName, Version: e.FeatureVersion, Count: e.FeatureCount, Status: StatusOK})
			}
		}
	}
	pools := map[string][]*lot{}
	for _, s := range stock {
		pools[s.Name] = append(pools[s.Name], &lot{Stock: s, left: max(s.Count, 0)})
	}
	for _, p := range pools {
		slices.SortStableFunc(p, func(a, b *lot) int { return features.CompareVersions(a.Version, b.Version) })
	}
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return features.CompareVersions(rows[b].Version, rows[a].Version) })
	for _, i := range order {
		allocate(&rows[i], pools[rows[i].Feature])
	}
	return rows
}

// allocate serves one row from the records of its feature (sorted by
// version), as Status describes.
func allocate(r *Row, pool []*lot) {
	from, _ := slices.BinarySearchFunc(pool, r.Version, func(l *lot, v string) int { return features.CompareVersions(l.Version, v) })
	eligible := pool[from:]
	if len(eligible) == 0 {
		r.Status, r.Reason = StatusShort, fmt.Sprintf("No feature %s of version %s or later on the server.", r.Feature, r.Version)
		return
	}
	var left, total int64
	for _, l := range eligible {
		if l.Uncounted {
			return
		}
		left += l.left
		total += max(l.Count, 0)
	}
	if left < r.Count {
		r.Status = StatusShort
		if total < r.Count {
			r.Reason = fmt.Sprintf("Needs %d of %s ≥ %s; the server has %d.", r.Count, r.Feature, r.Version, total)
		} else {
			r.Reason = fmt.Sprintf("Needs %d of %s ≥ %s; %d left after other reservations.", r.Count, r.Feature, r.Version, left)
		}
		return
	}
	need := r.Count
	for _, l := range eligible {
		take := min(l.left, need)
		l.left -= take
		need -= take
	}
}
