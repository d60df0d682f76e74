package simulator

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// activations plays online activation against the simulated back office.
// Each ID gets its own result: unknown IDs, counts above the entitlement and
// counts below what the server already holds fail; the others add or resize
// a feature record.
func (s *Server) activations(w http.ResponseWriter, r *http.Request, _ params) {
	var body struct {
		Activations []wireActivation `json:"activations"`
	}
	if !s.readJSON(w, r, &body) {
		return
	}
	if len(body.Activations) == 0 {
		s.fail(w, failInvalidActivation, "The request lists no activation ID.")
		return
	}
	for _, a := range body.Activations {
		if strings.TrimSpace(a.ActivationID) == "" {
			s.fail(w, failInvalidActivation, "An activation ID is empty.")
			return
		}
		if a.Count <= 0 {
			s.fail(w, failInvalidActivation, fmt.Sprintf("The count of %s must be above zero.", a.ActivationID), a.ActivationID)
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]wireActivationResult, 0, len(body.Activations))
	for _, a := range body.Activations {
		msg, err := s.st.activate(s, a.ActivationID, a.Count)
		res := wireActivationResult{ActivationID: a.ActivationID, Status: "SUCCESS", Message: msg}
		if err != "" {
			res.Status, res.Message = "FAILED", err
		}
		out = append(out, res)
	}
	s.writeJSON(w, http.StatusOK, out)
}

// activate sets the held count of an activation ID, returning a success
// message or a failure reason.
func (st *state) activate(s *Server, id string, count int64) (string, string) {
	ent, ok := st.entitlements[id]
	if !ok {
		return "", "Activation ID " + id + " is not known to the back office."
	}
	if count > ent.available {
		return "", fmt.Sprintf("Not enough entitlement: %s has %d units available, %d were requested.", id, ent.available, count)
	}
	if fid, held := st.held[id]; held {
		f := st.featureByID[fid]
		if count < f.FeatureCount {
			return "", fmt.Sprintf("The server already holds %d units of %s; the count cannot be lowered to %d.", f.FeatureCount, id, count)
		}
		f.FeatureCount = count
		deriveCounters(f)
		st.touch()
		return fmt.Sprintf("%s now provides %d units of %s %s.", id, count, ent.feature, ent.version), ""
	}
	now := s.now()
	f := &wireFeature{
		ID: st.newID(), FeatureName: ent.feature, FeatureVersion: ent.version, FeatureCount: count,
		Type: "CONCURRENT", FeatureKind: "FEATURE", Vendor: "demovendor", Expiry: "permanent",
		ReceivedTime: now.Format("2006-01-02T15:04:05Z"), Concurrent: true,
	}
	f.FeatureID = "FID_" + ent.feature + "_" + strconv.FormatInt(f.ID, 10)
	if s.productFields {
		f.StartDate, f.ProductName, f.ProductVersion = now.Format("2006-01-02"), ent.product, "2025.1"
		f.ActivationID, f.EntitlementID = id, "ENT-"+strconv.FormatInt(500000+f.ID, 10)
	}
	st.addFeature(f)
	st.held[id] = f.ID
	st.touch()
	return fmt.Sprintf("%s activated: %d units of %s %s.", id, count, ent.feature, ent.version), ""
}

// sync records the request; a real server syncs in the background.
func (s *Server) sync(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.Lock()
	s.st.lastSync = s.now()
	s.mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
}
