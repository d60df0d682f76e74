package simulator

import (
	"net/http"
	"strconv"
)

func (s *Server) clients(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	s.writeCached(w, "clients", func() any { return s.st.devices })
}

func (s *Server) lookupDevice(w http.ResponseWriter, p params) *wireClient {
	id, err := strconv.ParseInt(p["id"], 10, 64)
	if d := s.st.deviceByID[id]; err == nil && d != nil {
		return d
	}
	s.fail(w, failNotFound, "There is no device with ID "+p["id"]+".", p["id"])
	return nil
}

func (s *Server) client(w http.ResponseWriter, r *http.Request, p params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if d := s.lookupDevice(w, p); d != nil {
		s.writeJSON(w, http.StatusOK, d)
	}
}

func (s *Server) clientFeatures(w http.ResponseWriter, r *http.Request, p params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	d := s.lookupDevice(w, p)
	if d == nil {
		return
	}
	out := []wireClientFeature{}
	for _, sv := range s.st.servesOf[d.ID] {
		out = append(out, wireClientFeature{wireFeature: *s.st.featureByID[sv.featureID], ServedCount: sv.useCount, UsageKind: sv.kind})
	}
	s.writeJSON(w, http.StatusOK, out)
}

func (s *Server) deleteClient(w http.ResponseWriter, r *http.Request, p params) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.lookupDevice(w, p); d != nil {
		s.st.removeDevice(d.ID)
		w.WriteHeader(http.StatusNoContent)
	}
}
