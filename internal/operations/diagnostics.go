package operations

import (
	"context"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/settings"
)

// Diagnostics is what a server answered, endpoint by endpoint.
type Diagnostics struct {
	ProfileName string `json:"profileName"`
	URL         string `json:"url"`
	// Proxy is the way to the server: the proxy (or direct) and why.
	Proxy           string               `json:"proxy"`
	ServerType      settings.ServerType  `json:"serverType"`
	Reachable       bool                 `json:"reachable"`
	Problem         string               `json:"problem"`
	Version         string               `json:"version"`
	InstanceID      string               `json:"instanceId"`
	SecurityEnabled bool                 `json:"securityEnabled"`
	LoggedInAs      string               `json:"loggedInAs"`
	Roles           []string             `json:"roles"`
	Certificate     *fne.CertificateInfo `json:"certificate"`
	Endpoints       []fne.ProbeResult    `json:"endpoints"`
	// Traits are the dialect's differences the answers showed.
	Traits    []string `json:"traits"`
	CheckedAt string   `json:"checkedAt"`
}

// Diagnose checks the server of profile p through cl: its certificate,
// its health (asked through health, which remembers the answer), the login,
// and each GET endpoint of the API table (fne.Client.ProbeAll). A server
// that cannot be reached is reported in Problem, not as an error.
func Diagnose(ctx context.Context, cl *fne.Client, p settings.Profile, health func(context.Context) (fne.Health, error)) Diagnostics {
	d := Diagnostics{ProfileName: p.Name, URL: cl.RootURL(), Proxy: cl.RouteSummary(), ServerType: p.ServerType, CheckedAt: time.Now().UTC().Format(time.RFC3339), Roles: []string{}, Endpoints: []fne.ProbeResult{}, Traits: []string{}}
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
	d.Endpoints = cl.ProbeAll(ctx)
	d.Traits = Traits(d)
	return d
}
