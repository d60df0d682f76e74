// Package connect connects to the license server of a profile: the client
// options (TLS trust and every timeout, in one place), the client of the
// profile in use with its inactivity clock, and the login session with its
// password remembered in the OS keyring. The desktop app and the console
// tool both reach servers through it.
package connect

import (
	"errors"
	"fmt"
	"time"

	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/netproxy"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
)

// The timeouts of server calls. A request has its own timeout per attempt;
// an action the user waits for (a check, a login, the diagnostics) has one
// overall deadline, retries included.
const (
	// ConnectTimeout bounds a dial and a TLS handshake.
	ConnectTimeout = 4 * time.Second
	// RequestTimeout bounds one attempt of one request, its body included.
	RequestTimeout = 10 * time.Second
	// CheckDeadline bounds a health check or a connection test.
	CheckDeadline = 15 * time.Second
	// LoginDeadline bounds a login or a password change.
	LoginDeadline = 20 * time.Second
	// DiagnosticsDeadline bounds the endpoint-by-endpoint check.
	DiagnosticsDeadline = 60 * time.Second
)

// Network is what, beside a profile, decides how its server is reached:
// the machine's policies (the ProxyServer one) and the credential store
// that holds proxy passwords. The zero value has neither.
type Network struct {
	Policies func() orgpolicy.Policies
	Secrets  secrets.Store
}

// policies are the machine policies in force, none without a source.
func (n Network) policies() orgpolicy.Policies {
	if n.Policies == nil {
		return orgpolicy.Policies{}
	}
	return n.Policies()
}

// ClientOptions maps a profile onto the client's target, trust and proxy.
func ClientOptions(p settings.Profile, n Network) fne.Options {
	pol := n.policies()
	route := netproxy.Config{
		Policy: pol.ProxyServer,
		// The demo server runs on this computer, where no proxy leads.
		ProfileDirect: p.Proxy == settings.ProxyNone || p.Demo,
		Env:           netproxy.FromEnvironment(),
	}
	switch {
	case pol.ProxyServer != "":
	case p.Proxy == settings.ProxyManual:
		route.ProfileProxy = p.ProxyURL
	case !route.ProfileDirect:
		route.System = netproxy.SystemConfig()
	}
	return fne.Options{
		Target: fne.Target{
			Host:       p.Host,
			Port:       p.Port,
			HTTPS:      p.HTTPS || p.ServerType == settings.ServerCLS,
			CLS:        p.ServerType == settings.ServerCLS,
			InstanceID: p.InstanceID,
		},
		ConnectTimeout:    ConnectTimeout,
		RequestTimeout:    RequestTimeout,
		PinnedFingerprint: p.PinnedFingerprint,
		CAFile:            p.CAFile,
		Proxy:             route.Choose,
		ProxyCredentials:  proxyCredentials(p, n.Secrets),
	}
}

// proxyCredentials reads the profile's proxy password from the keyring
// when a request goes through a proxy, so a password changed with the
// client in use applies to its next connection.
func proxyCredentials(p settings.Profile, store secrets.Store) fne.ProxyCredentials {
	if p.ProxyUser == "" || store == nil {
		return nil
	}
	return func() (string, string, bool, error) {
		pw, err := store.Get(secrets.ProxyProfile(p.ID), p.ProxyUser)
		switch {
		case errors.Is(err, secrets.ErrNotFound):
			return "", "", false, fmt.Errorf("no password is saved for the proxy user %s: enter it in Settings or with lsm profiles proxy-login", p.ProxyUser)
		case err != nil:
			return "", "", false, fmt.Errorf("the proxy password of %s could not be read from the credential store: %w", p.ProxyUser, err)
		}
		return p.ProxyUser, pw, true, nil
	}
}

// Key changes whenever anything that decides where and how the app
// connects to a profile's server changes; a new key means a new client,
// so a token never crosses from one server to another.
func Key(p settings.Profile) string {
	return fmt.Sprintf("%s|%s|%s|%d|%s|%t|%s|%s|%s|%s|%s", p.ID, p.Host, p.ServerType, p.Port, p.InstanceID, p.HTTPS, p.PinnedFingerprint, p.CAFile,
		p.Proxy, p.ProxyURL, p.ProxyUser)
}
