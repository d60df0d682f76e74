package fne

import (
	"context"
	"strings"

	"licenseservermanager/internal/apperr"
)

// ProbeOutcome is how a server answered one probed endpoint.
type ProbeOutcome string

// Probe outcomes reported by Diagnostics.
const (
	ProbeSupported     ProbeOutcome = "supported"
	ProbeNotSupported  ProbeOutcome = "not_supported"
	ProbeAccessDenied  ProbeOutcome = "access_denied"
	ProbeLoginRequired ProbeOutcome = "login_required"
	ProbeNotFound      ProbeOutcome = "not_found"
	ProbeError         ProbeOutcome = "error"
	ProbeSkipped       ProbeOutcome = "skipped"
)

// ProbeResult is what one GET endpoint answered.
type ProbeResult struct {
	Op       Op           `json:"op"`
	Label    string       `json:"label"`
	Path     string       `json:"path"`
	Evidence Evidence     `json:"evidence"`
	Method   string       `json:"method"`
	Outcome  ProbeOutcome `json:"outcome"`
	Message  string       `json:"message"`
	// Answer is how the server answered; nil when it was not asked or
	// nothing came back.
	Answer *Observation `json:"answer"`
}

func resultOf(e Endpoint) ProbeResult {
	return ProbeResult{Op: e.Op, Label: e.Label, Path: e.Path, Method: e.Method, Evidence: e.Evidence}
}

// Probe sends one GET of the table and reports how the server answered,
// without decoding the body. It is how an administrator with a real server
// tells us where an assumed path is wrong. params fills {placeholders}.
func (c *Client) Probe(ctx context.Context, op Op, params ...string) ProbeResult {
	e := EndpointFor(op)
	res := resultOf(e)
	if e.Method != "GET" {
		res.Outcome, res.Message = ProbeSkipped, "Only reads are probed."
		return res
	}
	c.forget(op)
	_, err := c.do(ctx, call{op: op, params: params})
	if o, ok := c.Observed(op); ok {
		res.Answer = &o
	}
	switch apperr.CodeOf(err) {
	case "":
		res.Outcome = ProbeSupported
	case apperr.NotSupported:
		res.Outcome = ProbeNotSupported
	case apperr.AccessDenied:
		res.Outcome = ProbeAccessDenied
	case apperr.LoginRequired:
		res.Outcome = ProbeLoginRequired
	case apperr.NotFound:
		// The endpoint exists; the thing it names does not (e.g. no model).
		res.Outcome = ProbeNotFound
	default:
		res.Outcome = ProbeError
	}
	if err != nil {
		res.Message = apperr.From(err).Message
	}
	return res
}

// ProbeAll lists every endpoint of the table, in its order. Each GET is
// probed, except those that change the server's state or need a record ID;
// those and the changes are reported as the app last saw them answer in
// this session, or as skipped with the reason.
func (c *Client) ProbeAll(ctx context.Context) []ProbeResult {
	out := []ProbeResult{}
	for _, e := range Endpoints {
		var why string
		switch {
		case e.Method != "GET":
			why = "Not probed: it changes the server; it is checked when you use it."
		case e.NotProbed != "":
			why = e.NotProbed
		case strings.Contains(e.Path, "{"):
			why = "Not probed: it needs a record ID; it is checked when you open a record."
		default:
			out = append(out, c.Probe(ctx, e.Op))
			continue
		}
		res := resultOf(e)
		if o, ok := c.Observed(e.Op); ok {
			res.Outcome, res.Message, res.Answer = o.Outcome, "Not probed: this is how it answered when the app last used it.", &o
		} else {
			res.Outcome, res.Message = ProbeSkipped, why
		}
		out = append(out, res)
	}
	return out
}
