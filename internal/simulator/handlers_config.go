package simulator

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
)

func (s *Server) configuration(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]wireSetting, len(s.st.settings))
	for i, st := range s.st.settings {
		out[i] = st.wireSetting
	}
	s.writeJSON(w, http.StatusOK, out)
}

// updateConfiguration applies the changed settings all or nothing:
// producer-locked ones need ROLE_PRODUCER (403), unknown names, read-only
// ones and bad values are refused (400), and a CLS refuses every change.
func (s *Server) updateConfiguration(w http.ResponseWriter, r *http.Request, _ params) {
	var changed map[string]json.RawMessage
	if !s.readJSON(w, r, &changed) {
		return
	}
	if s.opts.CLS {
		s.fail(w, failReadOnly, "The policies of a Cloud License Server are read-only.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	names := make([]string, 0, len(changed))
	for n := range changed {
		names = append(names, n)
	}
	sort.Strings(names)
	values := map[*setting]string{}
	for _, n := range names {
		st := s.st.setting(n)
		switch {
		case st == nil:
			s.fail(w, failInvalidValue, "There is no policy setting named "+n+".", n)
			return
		case st.locked:
			s.fail(w, failAccessDenied, n+" is set by the producer; changing it needs the "+roleProducer+" role.", n, roleProducer)
			return
		case st.readOnly:
			s.fail(w, failReadOnly.withStatus(http.StatusBadRequest), n+" is read-only.", n)
			return
		}
		v := rawValue(changed[n])
		if msg := checkValue(st.kind, v); msg != "" {
			s.fail(w, failInvalidValue, n+" "+msg+".", n, v)
			return
		}
		values[st] = v
	}
	for st, v := range values {
		st.Value = v
	}
	w.WriteHeader(http.StatusNoContent)
}

func (st *state) setting(name string) *setting {
	for _, x := range st.settings {
		if x.Name == name {
			return x
		}
	}
	return nil
}

// rawValue turns a JSON string, number or boolean into the setting's text.
func rawValue(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(string(raw))
}
