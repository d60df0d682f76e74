package simulator

import (
	"fmt"
	"io"
	"net/http"
)

func (s *Server) partitions(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	writeJSON(w, http.StatusOK, s.st.partitionList())
}

func (s *Server) model(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.st.model == nil {
		writeError(w, http.StatusNotFound, "No model definition is loaded.")
		return
	}
	writeBody(w, http.StatusOK, "text/plain; charset=utf-8", []byte(s.st.modelText))
}

// uploadModel replaces the model definition. A failed upload keeps the
// previous model; reservations and named pools cannot coexist.
func (s *Server) uploadModel(w http.ResponseWriter, r *http.Request, _ params) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxModelSize+1))
	if err != nil {
		writeError(w, http.StatusBadRequest, "The model definition could not be read.")
		return
	}
	if len(body) > maxModelSize {
		writeError(w, http.StatusRequestEntityTooLarge, "The model definition is larger than 900 KB.")
		return
	}
	def, err := checkModel(string(body))
	if err != nil {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("The model definition is not valid: %v", err))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.st.groups) > 0 {
		writeError(w, http.StatusConflict, "A model definition cannot be loaded while reservation groups exist; delete the reservations first.")
		return
	}
	s.st.model, s.st.modelText, s.st.modelLoaded = def, string(body), s.now()
	s.st.touch()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) deleteModel(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.model == nil {
		writeError(w, http.StatusNotFound, "No model definition is loaded.")
		return
	}
	s.st.model, s.st.modelText = nil, ""
	s.st.touch()
	w.WriteHeader(http.StatusNoContent)
}
