package connect

import (
	"context"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/settings"
)

// ConnectionInfo is what a successful connection check learned.
type ConnectionInfo struct {
	URL             string `json:"url"`
	Version         string `json:"version"`
	InstanceID      string `json:"instanceId"`
	SecurityEnabled bool   `json:"securityEnabled"`
	CheckedAt       string `json:"checkedAt"`
	// Proxy is the way to the server: the proxy (or direct) and why.
	Proxy string `json:"proxy"`
}

// Check asks the server of p, reached as n says, for its health, within
// CheckDeadline.
func Check(ctx context.Context, p settings.Profile, n Network) (ConnectionInfo, error) {
	if !p.Complete() {
		return ConnectionInfo{}, apperr.New(apperr.NotConfigured, "Fill in the Settings to connect to a license server.")
	}
	if err := settings.Allowed(n.policies(), p); err != nil {
		return ConnectionInfo{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, CheckDeadline)
	defer cancel()
	c := fne.New(ClientOptions(p, n))
	h, err := c.Health(ctx)
	if err != nil {
		return ConnectionInfo{}, err
	}
	return ConnectionInfo{URL: c.RootURL(), Version: h.Version, InstanceID: h.InstanceID, SecurityEnabled: h.SecurityEnabled,
		CheckedAt: time.Now().UTC().Format(time.RFC3339), Proxy: c.RouteSummary()}, nil
}

// TestServer checks the Settings view's unsaved fields: they are validated
// first, then the server they describe is asked, trusted as trust is (the
// certificate and CA file the user chose for the profile being edited).
func TestServer(ctx context.Context, in settings.ServerInput, trust settings.Profile, n Network) (ConnectionInfo, error) {
	if problems := settings.ValidateServer(in); len(problems) > 0 {
		return ConnectionInfo{}, apperr.Invalid(problems...)
	}
	p := settings.ProfileFromInput(in)
	p.ID, p.PinnedFingerprint, p.CAFile = trust.ID, trust.PinnedFingerprint, trust.CAFile
	p.Proxy, p.ProxyURL, p.ProxyUser = trust.Proxy, trust.ProxyURL, trust.ProxyUser
	return Check(ctx, p, n)
}
