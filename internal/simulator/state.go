package simulator

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// state is everything the server knows; guarded by Server.mu.
type state struct {
	gen uint64 // bumped on every change that alters a cached list

	features    []*wireFeature
	featureByID map[int64]*wireFeature
	devices     []*wireClient
	deviceByID  map[int64]*wireClient
	serves      map[int64][]*serve // by feature ID
	servesOf    map[int64][]*serve // by device ID
	nextID      int64              // feature, serve, group, reservation and entry IDs

	groups []*wireGroup

	model       *modelDef // nil when no model definition is loaded
	modelText   string
	modelLoaded time.Time

	settings []*setting
	hostIDs  []wireServerHostID
	restKey  []byte

	entitlements map[string]entitlement // the demo back office
	held         map[string]int64       // activation ID → feature record ID
	issued       map[string]bool        // nonces of offline requests made here
	loaded       map[string]bool        // nonces of offline responses loaded

	lastSync time.Time
}

// serve is count of one feature record held by one device.
type serve struct {
	id        int64
	featureID int64
	deviceID  int64
	useCount  int64
	kind      string
	reserved  int64
}

// entitlement is what the simulated back office has for an activation ID.
type entitlement struct {
	feature   string
	version   string
	available int64
	product   string
}

func newState() *state {
	return &state{
		featureByID:  map[int64]*wireFeature{},
		deviceByID:   map[int64]*wireClient{},
		serves:       map[int64][]*serve{},
		servesOf:     map[int64][]*serve{},
		entitlements: map[string]entitlement{},
		held:         map[string]int64{},
		issued:       map[string]bool{},
		loaded:       map[string]bool{},
		nextID:       1,
	}
}

func (st *state) touch() { st.gen++ }

func (st *state) newID() int64 {
	id := st.nextID
	st.nextID++
	return id
}

func (st *state) addFeature(f *wireFeature) {
	st.features = append(st.features, f)
	st.featureByID[f.ID] = f
}

func (st *state) addDevice(d *wireClient) {
	st.devices = append(st.devices, d)
	st.deviceByID[d.ID] = d
}

// serveTo gives count of feature f to device d, merging with what d holds.
func (st *state) serveTo(f *wireFeature, d *wireClient, count int64) {
	for _, sv := range st.servesOf[d.ID] {
		if sv.featureID == f.ID {
			sv.useCount += count
			f.Used += count
			return
		}
	}
	kind := "CONCURRENT"
	if f.Metered {
		kind = "METERED"
	}
	sv := &serve{id: st.newID(), featureID: f.ID, deviceID: d.ID, useCount: count, kind: kind}
	st.serves[f.ID] = append(st.serves[f.ID], sv)
	st.servesOf[d.ID] = append(st.servesOf[d.ID], sv)
	f.Used += count
}

// removeDevice drops a device record and returns its count to the pool.
func (st *state) removeDevice(id int64) bool {
	d := st.deviceByID[id]
	if d == nil {
		return false
	}
	for _, sv := range st.servesOf[id] {
		if f := st.featureByID[sv.featureID]; f != nil {
			f.Used -= sv.useCount
			st.serves[f.ID] = slices.DeleteFunc(st.serves[f.ID], func(x *serve) bool { return x == sv })
		}
	}
	delete(st.servesOf, id)
	delete(st.deviceByID, id)
	st.devices = slices.DeleteFunc(st.devices, func(x *wireClient) bool { return x.ID == id })
	st.recomputeReserved()
	st.touch()
	return true
}

// recomputeReserved spreads the reservation entries over the feature
// records they can draw from (same name, version at or above) and derives
// the reserved, shared and overdraft counters from them.
func (st *state) recomputeReserved() {
	for _, f := range st.features {
		f.Reserved = 0
	}
	for _, g := range st.groups {
		for _, r := range g.Reservations {
			for _, e := range r.Entries {
				if f := st.reservableRecord(e.FeatureName, e.FeatureVersion); f != nil {
					f.Reserved += e.FeatureCount
				}
			}
		}
	}
	for _, f := range st.features {
		deriveCounters(f)
	}
}

func (st *state) reservableRecord(name, version string) *wireFeature {
	for _, f := range st.features {
		if f.FeatureName == name && !f.Uncounted && !f.Metered && versionCovers(f.FeatureVersion, version) {
			return f
		}
	}
	return nil
}

// deriveCounters keeps the dependent counters of a record consistent with
// its count, used and reserved numbers.
func deriveCounters(f *wireFeature) {
	f.AssignedReserved = min(f.Reserved, f.Used)
	f.UnassignedReserved = f.Reserved - f.AssignedReserved
	f.SharedUsed = f.Used - f.AssignedReserved
	f.OverdraftUsedCount = 0
	if !f.Uncounted && f.Used > f.FeatureCount {
		f.OverdraftUsedCount = f.Used - f.FeatureCount
	}
}

// versionCovers tells whether a feature of version have satisfies a request
// for version want: 2.0 satisfies 1.0, not the other way round.
func versionCovers(have, want string) bool {
	ha, hb, ok1 := splitVersion(have)
	wa, wb, ok2 := splitVersion(want)
	if !ok1 || !ok2 {
		return have == want
	}
	return ha > wa || ha == wa && hb >= wb
}

// splitVersion parses the numeric a.b form.
func splitVersion(v string) (int, int, bool) {
	a, b, ok := strings.Cut(v, ".")
	if !ok || a == "" || b == "" || !allDigits(a) || !allDigits(b) {
		return 0, 0, false
	}
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	return x, y, err1 == nil && err2 == nil
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
