package simulator

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"licenseservermanager/internal/hostid"
)

func (s *Server) reservationGroups(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]*wireGroup, len(s.st.groups))
	copy(out, s.st.groups)
	s.writeJSON(w, http.StatusOK, out)
}

// addReservationGroup stores a new group. Any error rejects the whole group,
// and reservations cannot be added while a model definition is active.
func (s *Server) addReservationGroup(w http.ResponseWriter, r *http.Request, _ params) {
	var g wireGroup
	if !s.readJSON(w, r, &g) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.model != nil {
		s.fail(w, failPoolsOrReservation, "Reservations cannot be added while a model definition (named license pools) is active; delete the model definition first.")
		return
	}
	if msg := s.st.checkGroup(&g); msg != "" {
		s.fail(w, failInvalidReservation, "The reservation group was rejected: "+msg, g.Name)
		return
	}
	g.ID = s.st.newID()
	if g.Name == "" {
		g.Name = s.st.generatedGroupName(g.ID)
	}
	for i := range g.Reservations {
		res := &g.Reservations[i]
		res.ID = s.st.newID()
		for j := range res.Entries {
			res.Entries[j].ID = s.st.newID()
		}
	}
	s.st.groups = append(s.st.groups, &g)
	s.st.recomputeReserved()
	s.st.touch()
	s.writeJSON(w, http.StatusCreated, g)
}

// checkGroup applies the documented reservation rules and normalises USER
// host IDs to upper case; it returns the first problem found. A group
// without a name is valid: the server names it.
func (st *state) checkGroup(g *wireGroup) string {
	g.Name = strings.TrimSpace(g.Name)
	taken := map[string]string{} // type/value → group name
	for _, other := range st.groups {
		if g.Name != "" && strings.EqualFold(other.Name, g.Name) {
			return fmt.Sprintf("a reservation group named %q already exists.", other.Name)
		}
		for _, res := range other.Reservations {
			taken[hostKey(res.HostID)] = other.Name
		}
	}
	if len(g.Reservations) == 0 {
		return "the group has no reservations."
	}
	for i := range g.Reservations {
		res := &g.Reservations[i]
		at := fmt.Sprintf("reservation %d", i+1)
		res.HostID.Type = strings.ToUpper(strings.TrimSpace(res.HostID.Type))
		res.HostID.Value = strings.TrimSpace(res.HostID.Value)
		if res.HostID.Value == "" {
			return at + ": the host ID is empty."
		}
		if !hostid.Known(res.HostID.Type) {
			return fmt.Sprintf("%s: host ID type %q is not known.", at, res.HostID.Type)
		}
		if res.HostID.Type == "USER" {
			res.HostID.Value = strings.ToUpper(res.HostID.Value)
		}
		at = fmt.Sprintf("reservation %d (%s/%s)", i+1, res.HostID.Value, res.HostID.Type)
		if other, ok := taken[hostKey(res.HostID)]; ok {
			if other == g.Name {
				return at + ": the host ID appears twice in this group."
			}
			return fmt.Sprintf("%s: the host ID already has a reservation in group %q.", at, other)
		}
		taken[hostKey(res.HostID)] = g.Name
		if len(res.Entries) == 0 {
			return at + ": it reserves no feature."
		}
		for j, e := range res.Entries {
			where := fmt.Sprintf("%s, entry %d", at, j+1)
			switch {
			case strings.TrimSpace(e.FeatureName) == "":
				return where + ": the feature name is empty."
			case !validVersion(e.FeatureVersion):
				return fmt.Sprintf("%s: version %q is not in numeric a.b form.", where, e.FeatureVersion)
			case e.FeatureCount <= 0:
				return fmt.Sprintf("%s: the count must be a positive number, not %d.", where, e.FeatureCount)
			}
		}
	}
	return ""
}

// generatedGroupName names a group posted without a name. The vendor's
// documentation says only that the server then generates one; the form
// "Group <ID>" is assumed, after the names the guide's own screenshot of
// the Reservations view shows ("Group 45"). A group the user already
// named so keeps its name: the new one gets a number more.
func (st *state) generatedGroupName(id int64) string {
	name := fmt.Sprintf("Group %d", id)
	for n := 2; slices.ContainsFunc(st.groups, func(g *wireGroup) bool { return strings.EqualFold(g.Name, name) }); n++ {
		name = fmt.Sprintf("Group %d (%d)", id, n)
	}
	return name
}

func validVersion(v string) bool {
	_, _, ok := splitVersion(v)
	return ok
}

func hostKey(h wireResHost) string { return h.Type + "/" + h.Value }

func (s *Server) deleteReservationGroup(w http.ResponseWriter, r *http.Request, p params) {
	id, err := strconv.ParseInt(p["id"], 10, 64)
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, g := range s.st.groups {
		if err == nil && g.ID == id {
			s.st.groups = append(s.st.groups[:i], s.st.groups[i+1:]...)
			s.st.recomputeReserved()
			s.st.touch()
			w.WriteHeader(http.StatusNoContent)
			return
		}
	}
	s.fail(w, failNotFound, "There is no reservation group with ID "+p["id"]+".", p["id"])
}
