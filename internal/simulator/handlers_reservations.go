package simulator

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"licenseservermanager/internal/hostid"
)

func (s *Server) reservationGroups(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]*wireGroup, len(s.st.groups))
	copy(out, s.st.groups)
	writeJSON(w, http.StatusOK, out)
}

// addReservationGroup stores a new group. Any error rejects the whole group,
// and reservations cannot be added while a model definition is active.
func (s *Server) addReservationGroup(w http.ResponseWriter, r *http.Request, _ params) {
	var g wireGroup
	if !readJSON(w, r, &g) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.model != nil {
		writeError(w, http.StatusConflict, "Reservations cannot be added while a model definition (named license pools) is active; delete the model definition first.")
		return
	}
	if msg := s.st.checkGroup(&g); msg != "" {
		writeError(w, http.StatusBadRequest, "The reservation group was rejected: "+msg)
		return
	}
	g.ID = s.st.newID()
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
	writeJSON(w, http.StatusCreated, g)
}

// checkGroup applies the documented reservation rules and normalises USER
// host IDs to upper case; it returns the first problem found.
func (st *state) checkGroup(g *wireGroup) string {
	g.Name = strings.TrimSpace(g.Name)
	if g.Name == "" {
		return "the group needs a name."
	}
	taken := map[string]string{} // type/value → group name
	for _, other := range st.groups {
		if strings.EqualFold(other.Name, g.Name) {
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
	writeError(w, http.StatusNotFound, "There is no reservation group with ID "+p["id"]+".")
}
