package fne

import "net/http"

// Evidence says how sure we are that a real server has an endpoint (FNE-API.md).
type Evidence string

const (
	Documented Evidence = "documented"
	Observed   Evidence = "observed"
	Assumed    Evidence = "assumed"
)

// Scope tells whether a path hangs off {root}/api/1.0 or off the instance base.
type Scope int

const (
	ScopeRoot Scope = iota
	ScopeInstance
)

// Op names one operation of the license-server API.
type Op string

// Endpoint is one row of the API table: the only place a path is written.
type Endpoint struct {
	Op       Op
	Label    string // human name, used in "this server does not offer <Label>"
	Method   string
	Scope    Scope
	Path     string // relative to the scope; {name} placeholders
	Evidence Evidence
}

const (
	OpHealth Op = "health"
)

// Endpoints is the API table. A correction against a real server is a
// one-line change here; the simulator serves the same table.
var Endpoints = []Endpoint{
	{OpHealth, "health check", http.MethodGet, ScopeRoot, "/health", Observed},
}

// EndpointFor returns the table row of op; it panics on an unknown op because
// that is a programming error caught by the tests.
func EndpointFor(op Op) Endpoint {
	for _, e := range Endpoints {
		if e.Op == op {
			return e
		}
	}
	panic("fne: unknown operation " + string(op))
}
