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
	{Route{"ping", "GET", true, "/instances/ping", ""}, nil, (*Server).ping},
	{Route{"legacyClients", "GET", true, "/clients", roleRead}, nil, (*Server).clients},
	{Route{"instance", "GET", false, "", roleRead}, nil, (*Server).instance},
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
		s.fail(w, failNotFound, "No such endpoint.")
		return
	}
	root, segs := true, splitPath(rest)
	rt, p, allowed, removed := s.match(root, segs, r.Method)
	// {root}/api/1.0/instances/ping is a root endpoint, not an instance.
	if inst, ok := strings.CutPrefix(rest, "instances/"); ok && rt == nil && allowed == "" && !removed {
		id, sub, _ := strings.Cut(inst, "/")
		switch {
		case id == "~" && s.opts.CLS:
			s.fail(w, failUnknownInstance, "A Cloud License Server is addressed by its instance ID, not by \"~\".", id)
			return
		case id != "~" && id != s.opts.InstanceID:
			s.fail(w, failUnknownInstance, "Unknown instance ID "+id+".", id)
			return
		}
		rest, root, segs = sub, false, splitPath(sub)
		rt, p, allowed, removed = s.match(root, segs, r.Method)
	}
	if rt == nil {
		if removed {
			unmapped(w, allowed)
			return
		}
		if allowed != "" {
			w.Header().Set("Allow", allowed)
			s.fail(w, failMethodNotAllowed, "Method "+r.Method+" is not allowed here.", r.Method)
			return
		}
		s.fail(w, failNotFound, "No such endpoint.")
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
// feature summaries and the liveness ping have only been seen on a CLS, the
// server-level device list only on local servers.
func (s *Server) offers(op string) bool {
	switch op {
	case "featureSummaries", "ping":
		return s.opts.CLS
	case "legacyClients":
		return !s.opts.CLS
	}
	return true
}

// unmapped answers a request for a removed operation as the web container
// of a release without it does: its own 404 page, or 405 when the path
// has other methods, never the license server's JSON error.
func unmapped(w http.ResponseWriter, allowed string) {
	status, title := http.StatusNotFound, "404 Not Found"
	if allowed != "" {
		w.Header().Set("Allow", allowed)
		status, title = http.StatusMethodNotAllowed, "405 Method Not Allowed"
	}
	writeBody(w, status, "text/html; charset=utf-8", []byte("<!DOCTYPE html>\n<html><head><title>"+title+"</title></head><body><h1>"+title+"</h1></body></html>\n"))
}

// match finds the route for a path among those the server offers; when
// only the method differs it returns the allowed methods instead, and
// removed when the route is one Options.Without took away.
func (s *Server) match(root bool, segs []string, method string) (rt *route, p params, allowed string, removed bool) {
	if method == http.MethodHead {
		method = http.MethodGet
	}
	var methods []string
	for i := range routes {
		r := &routes[i]
		if r.Root != root || len(r.segs) != len(segs) {
			continue
		}
		p, ok := matchSegs(r.segs, segs)
		if !ok {
			continue
		}
		if s.lacks(r.Op) {
			removed = removed || r.Method == method
			continue
		}
		if !s.offers(r.Op) {
			continue
		}
		if r.Method != method {
			methods = append(methods, r.Method)
			continue
		}
		if removed {
			// A removed route listed first owns the path (/features/summaries
			// before /features/{id}).
			return nil, nil, strings.Join(methods, ", "), true
		}
		return r, p, "", false
	}
	return nil, nil, strings.Join(methods, ", "), removed
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
