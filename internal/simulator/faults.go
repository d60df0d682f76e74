package simulator

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
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
	// DropAfter lets the request through, then closes the connection
	// without its answer: the server did the work, the client never hears.
	DropAfter bool
	// LatencyAfter lets the request through, then holds its answer back
	// this long, so a client that gives up first does not know the outcome.
	LatencyAfter time.Duration
	// Redirect answers RedirectStatus (307 when 0) with a Location of
	// Redirect followed by the request's path and query.
	Redirect       string
	RedirectStatus int
	// ClaimLength answers 200 with this Content-Length and a body that
	// stops after a few bytes, as a broken or hostile server might.
	ClaimLength int64
	// Endless answers 200 with a JSON body that never ends.
	Endless bool
	// HTML answers Status (502 when 0) with an HTML page, as a proxy does.
	HTML bool
	// Times limits the fault to the first Times matching requests (0: all).
	Times int
}

// after reports whether f acts once the handler has run.
func (f Fault) after() bool { return f.DropAfter || f.LatencyAfter > 0 }

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
// unauthorized-after=N, drop-after, latency-after=DURATION, redirect=URL,
// redirect-status=CODE, claim-length=BYTES, endless, html or times=N.
// Examples: "features:status=503", "*:latency=2s", "clients:drop,times=1",
// "addReservationGroup:drop-after,times=1".
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
		case "drop-after":
			f.DropAfter = true
		case "latency-after":
			f.LatencyAfter, err = time.ParseDuration(val)
		case "redirect":
			f.Redirect = val
			if val == "" {
				err = fmt.Errorf("no URL")
			}
		case "redirect-status":
			f.RedirectStatus, err = strconv.Atoi(val)
			if err == nil && (f.RedirectStatus < 300 || f.RedirectStatus > 399) {
				err = fmt.Errorf("not a redirect status")
			}
		case "claim-length":
			f.ClaimLength, err = strconv.ParseInt(val, 10, 64)
			if err == nil && f.ClaimLength <= 0 {
				err = fmt.Errorf("not positive")
			}
		case "endless":
			f.Endless = true
		case "html":
			f.HTML = true
		case "times":
			f.Times, err = strconv.Atoi(val)
			if err == nil && f.Times < 0 {
				err = fmt.Errorf("negative")
			}
		default:
			return Fault{}, fmt.Errorf("fault %q: unknown setting %q (use latency, status, drop, malformed, unauthorized-after, drop-after, latency-after, redirect, redirect-status, claim-length, endless, html or times)", s, key)
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
// true when it has answered (or dropped) the request itself, and the faults
// to play once the handler has run (see answerAfter).
func (s *Server) applyFaults(w http.ResponseWriter, r *http.Request, rt *route, sub string) (bool, []Fault) {
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
			return true, nil
		}
	}
	var later []Fault
	for _, f := range hit {
		switch {
		case f.after():
			later = append(later, f.Fault)
		case f.Drop:
			dropConnection(w)
			return true, nil
		case f.expired:
			s.fail(w, failTokenExpired, "The session has expired; log in again.")
			return true, nil
		case f.Redirect != "":
			status := f.RedirectStatus
			if status == 0 {
				status = http.StatusTemporaryRedirect
			}
			w.Header().Set("Location", strings.TrimSuffix(f.Redirect, "/")+r.URL.RequestURI())
			w.WriteHeader(status)
			return true, nil
		case f.ClaimLength > 0:
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", strconv.FormatInt(f.ClaimLength, 10))
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte(`[{"id": 1`))
			// Fewer bytes than promised: net/http closes the connection.
			return true, nil
		case f.Endless:
			writeEndless(w, r)
			return true, nil
		case f.HTML:
			status := f.Status
			if status == 0 {
				status = http.StatusBadGateway
			}
			writeBody(w, status, "text/html; charset=utf-8", []byte("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p></body></html>\n"))
			return true, nil
		case f.Status != 0:
			s.fail(w, failInjected.withStatus(f.Status), "Injected fault: status "+strconv.Itoa(f.Status)+".", strconv.Itoa(f.Status))
			return true, nil
		case f.Malformed:
			writeBody(w, http.StatusOK, "application/json", []byte(`{"features": [{"id": 1, "featureName": "trunc`))
			return true, nil
		}
	}
	return false, later
}

// answerAfter runs the request's handler, then plays the faults that act
// after it: the work is done on the server whatever the client hears.
func answerAfter(w http.ResponseWriter, r *http.Request, faults []Fault, handle func(http.ResponseWriter)) {
	rec := httptest.NewRecorder()
	handle(rec)
	for _, f := range faults {
		if f.LatencyAfter > 0 && !sleep(r.Context(), f.LatencyAfter) {
			return
		}
	}
	for _, f := range faults {
		if f.DropAfter {
			dropConnection(w)
			return
		}
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// writeEndless streams a feature list that never closes, until the client
// goes away.
func writeEndless(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
	chunk := []byte(strings.Repeat(`{"id": 1, "featureName": "endless", "featureVersion": "1.0", "featureCount": 1},`, 400))
	if _, err := w.Write([]byte("[")); err != nil {
		return
	}
	for r.Context().Err() == nil {
		if _, err := w.Write(chunk); err != nil {
			return
		}
		if flusher != nil {
			flusher.Flush()
		}
	}
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
