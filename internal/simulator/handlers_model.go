package simulator

import (
	"io"
	"net/http"
	"strings"
)

func (s *Server) partitions(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	s.writeJSON(w, http.StatusOK, s.st.partitionList())
}

func (s *Server) model(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.st.model == nil {
		s.fail(w, failNotFound, "No model definition is loaded.")
		return
	}
	writeBody(w, http.StatusOK, "text/plain; charset=utf-8", []byte(s.st.modelText))
}

// uploadModel replaces the model definition. A failed upload keeps the
// previous model; reservations and named pools cannot coexist.
func (s *Server) uploadModel(w http.ResponseWriter, r *http.Request, _ params) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxModelSize+1))
	if err != nil {
		s.fail(w, failBadRequest, "The model definition could not be read.")
		return
	}
	if len(body) > maxModelSize {
		s.fail(w, failModelTooLarge, "The model definition is larger than 900 KB.")
		return
	}
	def, err := checkModel(string(body))
	if err != nil {
		s.refuseModel(w, err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.st.groups) > 0 {
		s.fail(w, failPoolsOrReservation, "A model definition cannot be loaded while reservation groups exist; delete the reservations first.")
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
		s.fail(w, failNotFound, "No model definition is loaded.")
		return
	}
	s.st.model, s.st.modelText = nil, ""
	s.st.touch()
	w.WriteHeader(http.StatusNoContent)
}

// refuseModel answers a model definition that does not parse as real
// servers do: "Invalid model posted, …", with the parser's messages as the
// arguments (one each when the check joins them with errors.Join).
func (s *Server) refuseModel(w http.ResponseWriter, err error) {
	var msgs []string
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			msgs = append(msgs, e.Error())
		}
	} else {
		msgs = []string{err.Error()}
	}
	s.fail(w, failInvalidModel, "Invalid model posted, "+strings.Join(msgs, "; "), msgs...)
}
