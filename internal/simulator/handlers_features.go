package simulator

import (
	"net/http"
	"strconv"
)

func (s *Server) features(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	s.writeCached(w, "features", func() any { return s.st.features })
}

// lookupFeature finds the record of the {id} parameter, answering 404 itself.
func (s *Server) lookupFeature(w http.ResponseWriter, p params) *wireFeature {
	id, err := strconv.ParseInt(p["id"], 10, 64)
	if f := s.st.featureByID[id]; err == nil && f != nil {
		return f
	}
	s.fail(w, failNotFound, "There is no feature with ID "+p["id"]+".", p["id"])
	return nil
}

func (s *Server) feature(w http.ResponseWriter, r *http.Request, p params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if f := s.lookupFeature(w, p); f != nil {
		s.writeJSON(w, http.StatusOK, f)
	}
}

func (s *Server) featureClients(w http.ResponseWriter, r *http.Request, p params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	f := s.lookupFeature(w, p)
	if f == nil {
		return
	}
	out := []wireFeatureClient{}
	for _, sv := range s.st.serves[f.ID] {
		out = append(out, wireFeatureClient{
			ID: sv.id, UseCount: sv.useCount, UsageKind: sv.kind, ReservedCount: sv.reserved,
			Client: *s.st.deviceByID[sv.deviceID],
		})
	}
	s.writeJSON(w, http.StatusOK, out)
}

// featureSummaries sums the records per feature name and version, in the
// shape seen on a CLS: name → version → totals.
func (s *Server) featureSummaries(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := map[string]map[string]*wireSummary{}
	for _, f := range s.st.features {
		byVersion := out[f.FeatureName]
		if byVersion == nil {
			byVersion = map[string]*wireSummary{}
			out[f.FeatureName] = byVersion
		}
		sum := byVersion[f.FeatureVersion]
		if sum == nil {
			sum = &wireSummary{FirstExpiry: f.Expiry, LastExpiry: f.Expiry}
			byVersion[f.FeatureVersion] = sum
		}
		sum.TotalCount += f.FeatureCount
		sum.TotalUsed += f.Used
		sum.TotalOverdraft += f.OverdraftUsedCount
		sum.Metered = sum.Metered || f.Metered
		sum.Uncounted = sum.Uncounted || f.Uncounted
		if expiryBefore(f.Expiry, sum.FirstExpiry) {
			sum.FirstExpiry = f.Expiry
		}
		if expiryBefore(sum.LastExpiry, f.Expiry) {
			sum.LastExpiry = f.Expiry
		}
	}
	s.writeJSON(w, http.StatusOK, out)
}

// expiryBefore orders expiry dates with "permanent" last.
func expiryBefore(a, b string) bool {
	switch {
	case a == b:
		return false
	case a == "permanent":
		return false
	case b == "permanent":
		return true
	}
	return a < b
}
