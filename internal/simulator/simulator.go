// Package simulator is an in-memory FlexNet Embedded license server that
// speaks the REST API of FNE-API.md. It is the app's demo mode and the
// backbone of the tests; it has its own wire types on purpose, so a field-name
// slip in the client is caught here and by the shared fixtures.
package simulator

import (
	"encoding/json"
	"net/http"
	"time"
)

// Security is the server's administrative security mode.
type Security string

const (
	SecurityOff       Security = "off"
	SecurityOn        Security = "on"
	SecurityAnonymous Security = "anonymous" // reads without a token, writes need one
)

// Options configures a simulated server.
type Options struct {
	Security   Security
	InstanceID string // 12 characters; generated when empty
	Version    string // server version reported by health
	Now        func() time.Time
}

// Server is the simulated license server; it is an http.Handler.
type Server struct {
	opts Options
	mux  *http.ServeMux
}

// New builds a simulator with defaults filled in.
func New(opts Options) *Server {
	if opts.Security == "" {
		opts.Security = SecurityOn
	}
	if opts.InstanceID == "" {
		opts.InstanceID = "QX7K2M9PLT4R"
	}
	if opts.Version == "" {
		opts.Version = "2025.10.0"
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{opts: opts, mux: http.NewServeMux()}
	s.routes()
	return s
}

// InstanceID is the server's instance ID, usable in place of "~" in paths.
func (s *Server) InstanceID() string { return s.opts.InstanceID }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) routes() {
	s.mux.HandleFunc("GET /api/1.0/health", s.health)
	s.mux.HandleFunc("HEAD /api/1.0/health", s.health)
	s.mux.HandleFunc("GET /api/1.0/instances/{instance}/health", s.health)
}

type wireHealth struct {
	LLS wireLLS `json:"LLS"`
}

type wireLLS struct {
	Version          string            `json:"version"`
	BuildDate        string            `json:"buildDate"`
	BuildVersion     string            `json:"buildVersion"`
	ServerInstanceID string            `json:"serverInstanceID"`
	Database         map[string]string `json:"database"`
	Security         string            `json:"security"`
	HTTPAuth         string            `json:"httpAuth"`
	Diskspace        string            `json:"diskspace"`
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	sec := "enabled"
	if s.opts.Security == SecurityOff {
		sec = "disabled"
	}
	writeJSON(w, http.StatusOK, wireHealth{LLS: wireLLS{
		Version:          s.opts.Version,
		BuildDate:        "2025-10-14T08:12:40Z",
		BuildVersion:     "301877",
		ServerInstanceID: s.opts.InstanceID,
		Database:         map[string]string{"connectionCheck": "success"},
		Security:         sec,
		HTTPAuth:         "disabled",
		Diskspace:        "ok",
	}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
