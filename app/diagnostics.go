package app

import (
	"context"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
)

// Diagnostics is what the active server answered, endpoint by endpoint.
type Diagnostics struct {
	ProfileName     string               `json:"profileName"`
	URL             string               `json:"url"`
	Reachable       bool                 `json:"reachable"`
	Problem         string               `json:"problem"`
	Version         string               `json:"version"`
	InstanceID      string               `json:"instanceId"`
	SecurityEnabled bool                 `json:"securityEnabled"`
	LoggedInAs      string               `json:"loggedInAs"`
	Roles           []string             `json:"roles"`
	Certificate     *fne.CertificateInfo `json:"certificate"`
	Endpoints       []fne.ProbeResult    `json:"endpoints"`
	CheckedAt       string               `json:"checkedAt"`
}

// notProbed are GETs that change server state or need a record ID.
var notProbed = map[fne.Op]string{
	fne.OpCapabilityRequest: "Not probed: it makes the server generate a capability request.",
}

// runDiagnostics checks the active profile's server: health, certificate,
// login, and each GET endpoint of the API table.
func runDiagnostics(ctx context.Context, conns *Connections) (Diagnostics, error) {
	d := Diagnostics{CheckedAt: time.Now().UTC().Format(time.RFC3339)}
	cl, p, err := conns.current()
	if err != nil {
		return d, err
	}
	d.ProfileName, d.URL = p.Name, cl.RootURL()
	if p.HTTPS || p.ServerType == "cls" {
		port := p.Port
		if p.ServerType == "cls" {
			port = 443
		}
		if ci, err := fne.FetchCertificate(ctx, p.Host, port); err == nil {
			d.Certificate = &ci
		}
	}
	h, err := conns.Health(ctx)
	if err != nil {
		d.Problem = apperr.From(err).Message
		return d, nil
	}
	d.Reachable, d.Version, d.InstanceID, d.SecurityEnabled = true, h.Version, h.InstanceID, h.SecurityEnabled
	if s, ok := cl.Session(); ok {
		d.LoggedInAs, d.Roles = s.User, s.Roles
	}
	for _, e := range fne.Endpoints {
		if e.Method != "GET" {
			continue
		}
		switch reason, skip := notProbed[e.Op]; {
		case skip:
			d.Endpoints = append(d.Endpoints, fne.ProbeResult{Op: e.Op, Label: e.Label, Path: e.Path, Evidence: e.Evidence, Outcome: fne.ProbeSkipped, Message: reason})
		case strings.Contains(e.Path, "{"):
			d.Endpoints = append(d.Endpoints, fne.ProbeResult{Op: e.Op, Label: e.Label, Path: e.Path, Evidence: e.Evidence, Outcome: fne.ProbeSkipped,
				Message: "Not probed: it needs a record ID; it is used when you open a record."})
		default:
			d.Endpoints = append(d.Endpoints, cl.Probe(ctx, e.Op))
		}
	}
	return d, nil
}
