// Package settings keeps the user's server profiles and preferences: a
// versioned JSON file written atomically, validated input, recovery from a
// corrupt file, and machine-wide defaults written by the installer.
package settings

import (
	"strings"
	"time"

	"licenseservermanager/internal/usage"
)

// SchemaVersion is the version written into settings.json. Bump it and add a
// migration in load.go when the shape changes.
const SchemaVersion = 1

// ServerType is the kind of license server a profile points at.
type ServerType string

// Server types of a profile.
const (
	ServerLocal ServerType = "local"
	ServerCLS   ServerType = "cls"
)

// Theme is the colour scheme the UI uses.
type Theme string

// Themes the UI can use.
const (
	ThemeSystem Theme = "system"
	ThemeLight  Theme = "light"
	ThemeDark   Theme = "dark"
)

// Defaults and bounds.
const (
	DefaultPort     = 7070
	DefaultPageSize = 50
	MinPageSize     = 5
	MaxPageSize     = 500
)

// Profile is one license server the user administers. ID is stable for the
// life of the profile: saved passwords in the OS keyring are filed under it.
type Profile struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	Host       string     `json:"host"`
	ServerType ServerType `json:"serverType"`
	Port       int        `json:"port"`
	InstanceID string     `json:"instanceId"`
	HTTPS      bool       `json:"https"`
	// RememberedUser is the user whose password is saved in the OS keyring
	// under this profile's ID; the password itself is never in this file.
	RememberedUser string `json:"rememberedUser"`
	// PinnedFingerprint is the SHA-256 fingerprint of a server certificate
	// the user chose to trust; CAFile is an extra PEM bundle of trusted CAs.
	PinnedFingerprint string `json:"pinnedFingerprint"`
	CAFile            string `json:"caFile"`
	// Proxy is how the server is reached: through the system's proxy
	// (empty), none, or ProxyURL. The ProxyServer machine policy overrides
	// it.
	Proxy    ProxyMode `json:"proxy,omitempty"`
	ProxyURL string    `json:"proxyUrl,omitempty"`
	// ProxyUser is the proxy user name whose password is in the OS keyring
	// (secrets.ProxyProfile of this ID); "" sends no proxy credentials.
	ProxyUser string `json:"proxyUser,omitempty"`
	// NoHistory turns usage history collection off for this profile (it
	// is on unless turned off).
	NoHistory bool `json:"noHistory,omitempty"`
	// Demo marks the in-memory profile of the built-in demo server; it is
	// never written to disk because its port changes on every start.
	Demo bool `json:"demo,omitempty"`
	// Managed marks, in a snapshot only, the installer's profile that the
	// LockedProfiles policy keeps as installed; it is never stored.
	Managed bool `json:"managed,omitempty"`
}

// Complete reports whether the profile has everything needed to reach a server
// (the guide's rule: every other view needs complete settings).
func (p Profile) Complete() bool {
	if p.Host == "" {
		return false
	}
	if p.ServerType == ServerCLS {
		return p.InstanceID != ""
	}
	return p.Port > 0
}

// ProxyMode is a profile's choice of proxy.
type ProxyMode string

// Proxy modes of a profile.
const (
	ProxySystem ProxyMode = "system"
	ProxyNone   ProxyMode = "none"
	ProxyManual ProxyMode = "manual"
)

// ProxyInput is the Settings view's proxy section for a profile.
type ProxyInput struct {
	Mode ProxyMode `json:"mode"`
	URL  string    `json:"url"`
	User string    `json:"user"`
}

// WindowGeometry is the main window's last size and position.
type WindowGeometry struct {
	Width     int  `json:"width"`
	Height    int  `json:"height"`
	X         int  `json:"x"`
	Y         int  `json:"y"`
	Maximised bool `json:"maximised,omitempty"`
}

// Preferences apply to every profile.
type Preferences struct {
	PageSize int             `json:"pageSize"`
	Theme    Theme           `json:"theme"`
	Window   *WindowGeometry `json:"window,omitempty"`
	// NavCollapsed shows the navigation drawer as a rail of icons, which
	// leaves the lists their full width at the default window size.
	NavCollapsed bool `json:"navCollapsed,omitempty"`
	// History is how usage history is collected and kept.
	History HistoryPrefs `json:"history"`
	// StartView is the view the app opens on: "about" (the guide's) or
	// "dashboard".
	StartView string `json:"startView,omitempty"`
}

// Start views.
const (
	StartAbout     = "about"
	StartDashboard = "dashboard"
)

// HistoryPrefs are the usage history settings: the sampling interval, how
// long the hourly history is kept, and the alert rules.
type HistoryPrefs struct {
	IntervalMinutes int `json:"intervalMinutes"`
	RetentionDays   int `json:"retentionDays"`
	// Rules are the alert rules; nil in a file that predates them, which
	// loading turns into the defaults.
	Rules *usage.Rules `json:"rules"`
}

// Bounds and defaults of the history settings.
const (
	DefaultIntervalMinutes = 5
	MinIntervalMinutes     = 1
	MaxIntervalMinutes     = 60
	DefaultRetentionDays   = 400
	// MinRetentionDays keeps at least the raw samples' 30 days.
	MinRetentionDays = 30
	MaxRetentionDays = 3650
)

// Interval is the sampling interval.
func (h HistoryPrefs) Interval() time.Duration {
	return time.Duration(h.IntervalMinutes) * time.Minute
}

// Settings is the whole persisted document.
type Settings struct {
	SchemaVersion   int         `json:"schemaVersion"`
	ActiveProfileID string      `json:"activeProfileId"`
	Profiles        []Profile   `json:"profiles"`
	Preferences     Preferences `json:"preferences"`
}

// ServerInput is what the Settings view submits for the active profile.
type ServerInput struct {
	PageSize   int        `json:"pageSize"`
	Host       string     `json:"host"`
	ServerType ServerType `json:"serverType"`
	Port       int        `json:"port"`
	InstanceID string     `json:"instanceId"`
	HTTPS      bool       `json:"https"`
}

// Field names used as keys of per-field validation errors; the UI highlights
// the inputs with the same names.
const (
	FieldPageSize   = "pageSize"
	FieldHost       = "host"
	FieldServerType = "serverType"
	FieldPort       = "port"
	FieldInstanceID = "instanceId"
	FieldName       = "name"
	FieldTheme      = "theme"
	FieldCAFile     = "caFile"
	FieldProxy      = "proxy"
	FieldProxyURL   = "proxyUrl"
	FieldProxyUser  = "proxyUser"
)

// Named finds the profile called name (letter case aside), or with that ID.
func (s Settings) Named(name string) (Profile, bool) {
	for _, p := range s.Profiles {
		if strings.EqualFold(p.Name, strings.TrimSpace(name)) || p.ID == name {
			return p, true
		}
	}
	return Profile{}, false
}
