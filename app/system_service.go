package app

import (
	"context"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/buildinfo"
)

// AboutInfo is the About view: build, system and browser information.
type AboutInfo struct {
	Build         buildinfo.Info `json:"build"`
	WebViewEngine string         `json:"webViewEngine"`
	WebViewVer    string         `json:"webViewVersion"`
	LogFolder     string         `json:"logFolder"`
	SettingsFile  string         `json:"settingsFile"`
	DemoMode      bool           `json:"demoMode"`
}

// Opener opens a folder in the desktop's file manager.
type Opener interface {
	OpenFolder(path string) error
}

// WebViewProbe tells which web engine renders the UI and its version.
type WebViewProbe func() (engine, version string)

// SystemService is bound to the UI for the About view and app-level actions.
type SystemService struct {
	base
	info         buildinfo.Info
	logFolder    string
	settingsFile string
	demo         bool
	opener       Opener
	webview      WebViewProbe
	settings     *SettingsService
	conns        *Connections
}

// SystemDeps are the pieces SystemService needs.
type SystemDeps struct {
	Info         buildinfo.Info
	LogFolder    string
	SettingsFile string
	Demo         bool
	Opener       Opener
	WebView      WebViewProbe
	Settings     *SettingsService
	Conns        *Connections
}

// NewSystemService builds the service.
func NewSystemService(d SystemDeps) *SystemService {
	return &SystemService{
		info: d.Info, logFolder: d.LogFolder, settingsFile: d.SettingsFile, demo: d.Demo,
		opener: d.Opener, webview: d.WebView, settings: d.Settings, conns: d.Conns,
	}
}

// About returns build, system and web engine information.
func (s *SystemService) About() AboutInfo {
	a := AboutInfo{Build: s.info, LogFolder: s.logFolder, SettingsFile: s.settingsFile, DemoMode: s.demo}
	if s.webview != nil {
		a.WebViewEngine, a.WebViewVer = s.webview()
	}
	return a
}

// ServerInfo reports the active server's version and instance ID.
func (s *SystemService) ServerInfo() (ConnectionInfo, error) {
	return s.settings.Status()
}

// Diagnostics checks the active server endpoint by endpoint, so an
// administrator with a real server can tell where an assumed path is wrong.
func (s *SystemService) Diagnostics() (Diagnostics, error) {
	ctx, cancel := context.WithTimeout(s.context(), 60*time.Second)
	defer cancel()
	return runDiagnostics(ctx, s.conns)
}

// OpenLogFolder shows the log folder in the file manager.
func (s *SystemService) OpenLogFolder() error {
	if s.opener == nil {
		return apperr.New(apperr.NotSupported, "Opening folders is not available here. The logs are in %s.", s.logFolder)
	}
	if err := s.opener.OpenFolder(s.logFolder); err != nil {
		return apperr.Wrap(err, apperr.Internal, "Could not open %s: %v", s.logFolder, err)
	}
	return nil
}
