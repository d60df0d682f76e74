package simulator

import "net/http"

// wireInstance is what GET {base} answers. Public client code calls the
// path; the body is not known, so it carries what a client would look for.
type wireInstance struct {
	ID       string `json:"id"`
	HostName string `json:"hostName"`
	Version  string `json:"version"`
}

// Host names the demo servers report as their own.
const (
	demoLocalHost = "lls-demo.example.com"
	demoCLSHost   = "demo.compliance.flexnetoperations.com"
)

func (s *Server) instance(w http.ResponseWriter, r *http.Request, _ params) {
	host := demoLocalHost
	if s.opts.CLS {
		host = demoCLSHost
	}
	s.writeJSON(w, http.StatusOK, wireInstance{ID: s.opts.InstanceID, HostName: host, Version: s.opts.Version})
}

// ping is the liveness check of a CLS: 200 without a body of note.
func (s *Server) ping(w http.ResponseWriter, r *http.Request, _ params) {
	w.WriteHeader(http.StatusOK)
}
