package simulator

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// Fault is a misbehaviour injected into matching requests, to test how the
// app copes with slow, failing or broken servers.
type Fault struct {
	// Target selects requests: an operation name ("features"), a path
	// pattern starting with "/" matched with path.Match against the full
	// path or the path below the instance base or API root, or "" / "*" for
	// every request.
	Target string
	// Latency delays the answer (the request's context still cancels it).
	Latency time.Duration
	// Status answers with this HTTP status and a JSON message instead.
	Status int
	// Drop closes the connection without answering.
	Drop bool
	// Malformed answers 200 with a body that is not valid JSON.
	Malformed bool
	// UnauthorizedAfter answers 401 once this many matching requests have
	// been served, as a server whose session ends mid-way does.
	UnauthorizedAfter int
	// Times limits the fault to the first Times matching requests (0: all).
	Times int
}

type activeFault struct {
	Fault
	hits int
}

// SetFault adds a fault, replacing an earlier one with the same Target.
func (s *Server) SetFault(f Fault) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	for i, af := range s.faults {
		if af.Target == f.Target {
			s.faults[i] = &activeFault{Fault: f}
			return
		}
	}
	s.faults = append(s.faults, &activeFault{Fault: f})
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.faultMu.Lock()
	s.faults = nil
	s.faultMu.Unlock()
}

// ParseFault reads a fault from its flag form TARGET:SPEC[,SPEC...], where
// SPEC is latency=DURATION, status=CODE, drop, malformed,
// unauthorized-after=N or times=N. Examples: "features:status=503",
// "*:latency=2s", "clients:drop,times=1".
func ParseFault(s string) (Fault, error) {
	target, specs, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || specs == "" {
		return Fault{}, fmt.Errorf("fault %q: want TARGET:SPEC, e.g. features:status=503", s)
	}
	f := Fault{Target: strings.TrimSpace(target)}
	for _, spec := range strings.Split(specs, ",") {
		key, val, _ := strings.Cut(strings.TrimSpace(spec), "=")
		var err error
		switch key {
		case "latency":
			f.Latency, err = time.ParseDuration(val)
		case "status":
			f.Status, err = strconv.Atoi(val)
			if err == nil && (f.Status < 100 || f.Status > 599) {
				err = fmt.Errorf("not an HTTP status")
			}
		case "drop":
			f.Drop = true
		case "malformed":
			f.Malformed = true
		case "unauthorized-after":
			f.UnauthorizedAfter, err = strconv.Atoi(val)
			if err == nil && f.UnauthorizedAfter < 0 {
				err = fmt.Errorf("negative")
			}
		case "times":
			f.Times, err = strconv.Atoi(val)
			if err == nil && f.Times < 0 {
				err = fmt.Errorf("negative")
			}
		default:
			return Fault{}, fmt.Errorf("fault %q: unknown setting %q (use latency, status, drop, malformed, unauthorized-after or times)", s, key)
		}
		if err != nil {
			return Fault{}, fmt.Errorf("fault %q: bad %s value %q: %v", s, key, val, err)
		}
	}
	return f, nil
}

func (f Fault) matches(op, fullPath, subPath string) bool {
	switch {
	case f.Target == "" || f.Target == "*":
		return true
	case strings.HasPrefix(f.Target, "/"):
		for _, p := range []string{fullPath, subPath} {
			if ok, _ := path.Match(f.Target, strings.TrimSuffix(p, "/")); ok {
				return true
			}
		}
		return false
	default:
		return f.Target == op
	}
}

// applyFaults counts the request and plays the matching faults; it returns
// true when it has answered (or dropped) the request itself.
func (s *Server) applyFaults(w http.ResponseWriter, r *http.Request, rt *route, sub string) bool {
	s.faultMu.Lock()
	s.requests[rt.Op]++
	type trip struct {
		Fault
		expired bool // the UnauthorizedAfter budget is spent
	}
	var hit []trip
	for _, af := range s.faults {
		if !af.matches(rt.Op, r.URL.Path, "/"+sub) {
			continue
		}
		af.hits++
		if af.Times > 0 && af.hits > af.Times {
			continue
		}
		hit = append(hit, trip{af.Fault, af.UnauthorizedAfter > 0 && af.hits > af.UnauthorizedAfter})
	}
	s.faultMu.Unlock()

	for _, f := range hit {
		if f.Latency > 0 && !sleep(r.Context(), f.Latency) {
			return true
		}
	}
	for _, f := range hit {
		switch {
		case f.Drop:
			dropConnection(w)
			return true
		case f.expired:
			writeError(w, http.StatusUnauthorized, "The session has expired; log in again.")
			return true
		case f.Status != 0:
			writeError(w, f.Status, "Injected fault: status "+strconv.Itoa(f.Status)+".")
			return true
		case f.Malformed:
			writeBody(w, http.StatusOK, "application/json", []byte(`{"features": [{"id": 1, "featureName": "trunc`))
			return true
		}
	}
	return false
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// dropConnection closes the connection without an answer; where the
// connection cannot be taken over (HTTP/2, recorders) it aborts the handler,
// which net/http turns into a reset.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}
