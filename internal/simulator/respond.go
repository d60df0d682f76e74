package simulator

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
)

// wireError is the error body; real servers use "message" too.
type wireError struct {
	Message string `json:"message"`
	Status  int    `json:"status"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "Cannot encode the answer.")
		return
	}
	writeBody(w, status, "application/json", b)
}

// writeBody sends b with its length, so clients can size their buffer once.
func writeBody(w http.ResponseWriter, status int, contentType string, b []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, wireError{Message: msg, Status: status})
}

// readJSON decodes a request body into v, answering 400 itself when it
// cannot.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	body, err := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	if err != nil {
		writeError(w, http.StatusBadRequest, "The request body could not be read.")
		return false
	}
	if err := json.Unmarshal(body, v); err != nil {
		writeError(w, http.StatusBadRequest, "The request body is not valid JSON: "+err.Error())
		return false
	}
	return true
}

// cachedBody is an encoded list kept until the state changes, so that
// serving 100,000 feature records costs a copy, not an encode.
type cachedBody struct {
	gen  uint64
	body []byte
}

// cached returns the encoding of build() for key at the current state
// generation. The caller holds s.mu (read or write).
func (s *Server) cached(key string, build func() any) ([]byte, error) {
	gen := s.st.gen
	s.cacheMu.Lock()
	c, ok := s.cache[key]
	s.cacheMu.Unlock()
	if ok && c.gen == gen {
		return c.body, nil
	}
	b, err := json.Marshal(build())
	if err != nil {
		return nil, err
	}
	s.cacheMu.Lock()
	s.cache[key] = cachedBody{gen: gen, body: b}
	s.cacheMu.Unlock()
	return b, nil
}

func (s *Server) writeCached(w http.ResponseWriter, key string, build func() any) {
	b, err := s.cached(key, build)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "Cannot encode the answer.")
		return
	}
	writeBody(w, http.StatusOK, "application/json", b)
}
