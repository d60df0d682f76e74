// Package connect connects to the license server of a profile: the client
// options (TLS trust and every timeout, in one place), the client of the
// profile in use with its inactivity clock, and the login session with its
// password remembered in the OS keyring. The desktop app and the console
// tool both reach servers through it.
package connect

import (
	"fmt"
	"time"

	"licenseservermanager/internal/fne"
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

// ClientOptions maps a profile onto the client's target and trust.
func ClientOptions(p settings.Profile) fne.Options {
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
	}
}

// Key changes whenever anything that decides where and how the app
// connects to a profile's server changes; a new key means a new client,
// so a token never crosses from one server to another.
func Key(p settings.Profile) string {
	return fmt.Sprintf("%s|%s|%s|%d|%s|%t|%s|%s", p.ID, p.Host, p.ServerType, p.Port, p.InstanceID, p.HTTPS, p.PinnedFingerprint, p.CAFile)
}
