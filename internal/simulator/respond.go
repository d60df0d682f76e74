package simulator

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
)

// wireError is the error body of real servers (FNE-API.md, Error bodies):
// a stable key, the human message and the values the message was made of.
type wireError struct {
	Key       string   `json:"key"`
	Message   string   `json:"message"`
	Arguments []string `json:"arguments"`
}

// encode marshals v as the server's dialect writes JSON.
func (s *Server) encode(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || s.opts.Dialect != DialectLegacy {
		return b, err
	}
	return legacyJSON(b), nil
}

// legacyJSON rewrites compact JSON the way a 2018-era server sent it: every
// number as a string ("featureCount": "5") and the whole body indented by
// two spaces. b is json.Marshal output: no white space, and outside strings
// a '-' or a digit always starts a number. One pass, as a feature list of
// the large dataset is tens of megabytes.
func legacyJSON(b []byte) []byte {
	out := make([]byte, 0, len(b)*3/2)
	depth := 0
	newline := func() {
		out = append(out, '\n')
		for range depth {
			out = append(out, ' ', ' ')
		}
	}
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			j := i + 1
			for b[j] != '"' {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			out = append(out, b[i:j+1]...)
			i = j
		case c == '-' || c >= '0' && c <= '9':
			j := i + 1
			for j < len(b) && inNumber(b[j]) {
				j++
			}
			out = append(append(append(out, '"'), b[i:j]...), '"')
			i = j - 1
		case c == '{' || c == '[':
			out = append(out, c)
			if i+1 < len(b) && (b[i+1] == '}' || b[i+1] == ']') {
				out = append(out, b[i+1])
				i++
				continue
			}
			depth++
			newline()
		case c == '}' || c == ']':
			depth--
			newline()
			out = append(out, c)
		case c == ',':
			out = append(out, c)
			newline()
		case c == ':':
			out = append(out, ':', ' ')
		default:
			out = append(out, c)
		}
	}
	return out
}

// inNumber tells whether c may continue a JSON number.
func inNumber(c byte) bool {
	return c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'
}

func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := s.encode(v)
	if err != nil {
		s.fail(w, failInternal, "Cannot encode the answer.")
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

// fail answers a refusal with its status and the error body of real
// servers; args are the values msg names, in order.
func (s *Server) fail(w http.ResponseWriter, f failure, msg string, args ...string) {
	if args == nil {
		args = []string{}
	}
	b, err := s.encode(wireError{Key: f.key, Message: msg, Arguments: args})
	if err != nil {
		// A struct of strings always encodes.
		panic("simulator: cannot encode an error body: " + err.Error())
	}
	writeBody(w, f.status, "application/json", b)
}

// readJSON decodes a request body into v, answering 400 itself when it
// cannot.
func (s *Server) readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	body, err := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	if err != nil {
		s.fail(w, failBadRequest, "The request body could not be read.")
		return false
	}
	if err := json.Unmarshal(body, v); err != nil {
		s.fail(w, failBadRequest, "The request body is not valid JSON: "+err.Error(), err.Error())
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
	b, err := s.encode(build())
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
		s.fail(w, failInternal, "Cannot encode the answer.")
		return
	}
	writeBody(w, http.StatusOK, "application/json", b)
}
