package operations

import (
	"context"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/settings"
)

// Diagnostics is what a server answered, endpoint by endpoint.
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

// notProbed are GETs that change server state.
var notProbed = map[fne.Op]string{
	fne.OpCapabilityRequest: "Not probed: it makes the server generate a capability request.",
}

// Diagnose checks the server of profile p through cl: its certificate,
// its health (asked through health, which remembers the answer), the login,
// and each GET endpoint of the API table. A server that cannot be reached
// is reported in Problem, not as an error.
func Diagnose(ctx context.Context, cl *fne.Client, p settings.Profile, health func(context.Context) (fne.Health, error)) Diagnostics {
	d := Diagnostics{ProfileName: p.Name, URL: cl.RootURL(), CheckedAt: time.Now().UTC().Format(time.RFC3339), Roles: []string{}, Endpoints: []fne.ProbeResult{}}
	if p.HTTPS || p.ServerType == settings.ServerCLS {
		port := p.Port
		if p.ServerType == settings.ServerCLS {
			port = 443
		}
		if ci, err := fne.FetchCertificate(ctx, p.Host, port); err == nil {
			d.Certificate = &ci
		}
	}
	h, err := health(ctx)
	if err != nil {
		d.Problem = apperr.From(err).Message
		return d
	}
	d.Reachable, d.Version, d.InstanceID, d.SecurityEnabled = true, h.Version, h.InstanceID, h.SecurityEnabled
	if s, ok := cl.Session(); ok {
		d.LoggedInAs, d.Roles = s.User, append(d.Roles, s.Roles...)
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
	return d
}
