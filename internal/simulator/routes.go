package simulator

import (
	"net/http"
	"strings"
)

// Route is one endpoint the simulator serves. Op names match the client's
// endpoint table so that faults can be aimed by operation.
type Route struct {
	Op     string
	Method string
	Root   bool   // under {root}/api/1.0 rather than the instance base
	Path   string // relative, with {name} placeholders
	Role   string // needed role; empty for endpoints open to anyone
}

type handler func(s *Server, w http.ResponseWriter, r *http.Request, p params)

type params map[string]string

type route struct {
	Route
	segs []string
	h    handler
}

const (
	roleRead         = "ROLE_READ"
	roleReservations = "ROLE_RESERVATIONS"
	roleDropClient   = "ROLE_DROPCLIENT"
	roleAdmin        = "ROLE_ADMIN"
	roleOffline      = "ROLE_OFFLINE"
	roleProducer     = "ROLE_PRODUCER"
)

var routes = buildRoutes([]route{
	{Route{"health", "GET", true, "/health", ""}, nil, (*Server).health},
	{Route{"instanceHealth", "GET", false, "/health", ""}, nil, (*Server).health},
	{Route{"hostids", "GET", true, "/hostids", roleRead}, nil, (*Server).hostIDs},
	{Route{"authorize", "POST", false, "/authorize", ""}, nil, (*Server).authorize},
	{Route{"changePassword", "POST", false, "/users/{user}/password", ""}, nil, (*Server).changePassword},
	{Route{"features", "GET", false, "/features", roleRead}, nil, (*Server).features},
	{Route{"featureSummaries", "GET", false, "/features/summaries", roleRead}, nil, (*Server).featureSummaries},
	{Route{"feature", "GET", false, "/features/{id}", roleRead}, nil, (*Server).feature},
	{Route{"featureClients", "GET", false, "/features/{id}/clients/", roleRead}, nil, (*Server).featureClients},
	{Route{"clients", "GET", false, "/clients", roleRead}, nil, (*Server).clients},
	{Route{"client", "GET", false, "/clients/{id}", roleRead}, nil, (*Server).client},
	{Route{"clientFeatures", "GET", false, "/clients/{id}/features", roleRead}, nil, (*Server).clientFeatures},
	{Route{"deleteClient", "DELETE", false, "/clients/{id}", roleDropClient}, nil, (*Server).deleteClient},
	{Route{"reservationGroups", "GET", false, "/reservationgroups", roleRead}, nil, (*Server).reservationGroups},
	{Route{"addReservationGroup", "POST", false, "/reservationgroups", roleReservations}, nil, (*Server).addReservationGroup},
	{Route{"deleteReservationGroup", "DELETE", false, "/reservationgroups/{id}", roleReservations}, nil, (*Server).deleteReservationGroup},
	{Route{"partitions", "GET", false, "/partitions", roleRead}, nil, (*Server).partitions},
	{Route{"model", "GET", false, "/model", roleRead}, nil, (*Server).model},
	{Route{"uploadModel", "POST", false, "/model", roleAdmin}, nil, (*Server).uploadModel},
	{Route{"deleteModel", "DELETE", false, "/model", roleAdmin}, nil, (*Server).deleteModel},
	{Route{"configuration", "GET", false, "/configuration", roleRead}, nil, (*Server).configuration},
	{Route{"updateConfiguration", "POST", false, "/configuration", roleAdmin}, nil, (*Server).updateConfiguration},
	{Route{"activations", "POST", false, "/activations", roleAdmin}, nil, (*Server).activations},
	{Route{"sync", "POST", false, "/sync", roleAdmin}, nil, (*Server).sync},
	{Route{"capabilityRequest", "GET", false, "/capability_request", roleOffline}, nil, (*Server).capabilityRequest},
	{Route{"activationRequest", "POST", false, "/activation_request", roleOffline}, nil, (*Server).activationRequest},
	{Route{"capabilityResponse", "POST", true, "/capability_response", roleOffline}, nil, (*Server).capabilityResponse},
	{Route{"uploadRestLicensingKey", "POST", false, "/rest_licensing_keys", roleAdmin}, nil, (*Server).uploadRestKey},
	{Route{"revokeRestLicensingKey", "DELETE", false, "/rest_licensing_keys", roleAdmin}, nil, (*Server).revokeRestKey},
})

func buildRoutes(rs []route) []route {
	for i := range rs {
		rs[i].segs = splitPath(rs[i].Path)
	}
	return rs
}

// Routes lists every endpoint the simulator serves, for tests that hold it
// against the client's table.
func Routes() []Route {
	out := make([]Route, len(routes))
	for i, r := range routes {
		out[i] = r.Route
	}
	return out
}

func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// ServeHTTP routes a request: instance check, route match, faults,
// authentication and roles, then the handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/api/1.0/")
	if !ok {
		writeError(w, http.StatusNotFound, "No such endpoint.")
		return
	}
	root := true
	if inst, ok := strings.CutPrefix(rest, "instances/"); ok {
		id, sub, _ := strings.Cut(inst, "/")
		switch {
		case id == "~" && s.opts.CLS:
			writeError(w, http.StatusNotFound, "A Cloud License Server is addressed by its instance ID, not by \"~\".")
			return
		case id != "~" && id != s.opts.InstanceID:
			writeError(w, http.StatusNotFound, "Unknown instance ID "+id+".")
			return
		}
		root, rest = false, sub
	}
	rt, p, allowed := match(root, splitPath(rest), r.Method)
	if rt == nil {
		if allowed != "" {
			w.Header().Set("Allow", allowed)
			writeError(w, http.StatusMethodNotAllowed, "Method "+r.Method+" is not allowed here.")
			return
		}
		writeError(w, http.StatusNotFound, "No such endpoint.")
		return
	}
	if !s.offers(rt.Op) {
		writeError(w, http.StatusNotFound, "No such endpoint.")
		return
	}
	answered, later := s.applyFaults(w, r, rt, rest)
	if answered {
		return
	}
	handle := func(w http.ResponseWriter) {
		if s.authorized(w, r, rt.Route) {
			rt.h(s, w, r, p)
		}
	}
	if len(later) > 0 {
		answerAfter(w, r, later, handle)
		return
	}
	handle(w)
}

// offers tells whether this kind of server has the operation at all:
// feature summaries have only been seen on a CLS.
func (s *Server) offers(op string) bool {
	return op != "featureSummaries" || s.opts.CLS
}

// match finds the route for a path; when only the method differs it
// returns the allowed methods instead.
func match(root bool, segs []string, method string) (*route, params, string) {
	if method == http.MethodHead {
		method = http.MethodGet
	}
	var allowed []string
	for i := range routes {
		rt := &routes[i]
		if rt.Root != root || len(rt.segs) != len(segs) {
			continue
		}
		p, ok := matchSegs(rt.segs, segs)
		if !ok {
			continue
		}
		if rt.Method != method {
			allowed = append(allowed, rt.Method)
			continue
		}
		return rt, p, ""
	}
	return nil, nil, strings.Join(allowed, ", ")
}

func matchSegs(pattern, segs []string) (params, bool) {
	var p params
	for i, ps := range pattern {
		if strings.HasPrefix(ps, "{") {
			if p == nil {
				p = params{}
			}
			p[strings.Trim(ps, "{}")] = segs[i]
			continue
		}
		if ps != segs[i] {
			return nil, false
		}
	}
	return p, true
}
