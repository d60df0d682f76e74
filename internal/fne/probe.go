package fne

import (
	"context"

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
	Outcome  ProbeOutcome `json:"outcome"`
	Message  string       `json:"message"`
}

// Probe sends one GET of the table and reports how the server answered,
// without decoding the body. It is how an administrator with a real server
// tells us where an assumed path is wrong. params fills {placeholders}.
func (c *Client) Probe(ctx context.Context, op Op, params ...string) ProbeResult {
	e := EndpointFor(op)
	res := ProbeResult{Op: op, Label: e.Label, Path: e.Path, Evidence: e.Evidence}
	if e.Method != "GET" {
		res.Outcome, res.Message = ProbeSkipped, "Only reads are probed."
		return res
	}
	_, err := c.do(ctx, call{op: op, params: params, accept: "*/*"})
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
