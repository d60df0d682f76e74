package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/buildinfo"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/orgpolicy"
)

// AboutInfo is the About view: build, system and browser information.
type AboutInfo struct {
	Build         buildinfo.Info `json:"build"`
	WebViewEngine string         `json:"webViewEngine"`
	WebViewVer    string         `json:"webViewVersion"`
	LogFolder     string         `json:"logFolder"`
	KeptFolder    string         `json:"keptFolder"`
	SettingsFile  string         `json:"settingsFile"`
	DemoMode      bool           `json:"demoMode"`
}

// Opener opens a folder in the desktop's file manager.
type Opener interface {
	OpenFolder(path string) error
}

// WebViewProbe tells which web engine renders the UI and its version.
type WebViewProbe func() (engine, version string)

// SystemService is bound to the UI for the About view and app-level
// actions, such as cancelling a long operation.
type SystemService struct {
	base
	about  AboutInfo
	opener Opener
	probe  WebViewProbe
	conns  *connect.Connections
	files  files
	// firstPaint hears of the first view painted; painted makes it once.
	firstPaint func(view string)
	painted    sync.Once

	// last is the latest diagnostics, of the profile keyed lastKey: the
	// compatibility report is made of what the administrator saw.
	last    *operations.Diagnostics
	lastKey string
}

// SystemDeps are the pieces SystemService needs.
type SystemDeps struct {
	Info         buildinfo.Info
	LogFolder    string
	KeptFolder   string
	SettingsFile string
	Demo         bool
	Opener       Opener
	WebView      WebViewProbe
	Conns        *connect.Connections
	Dialogs      Dialogs
	// FirstPaint is told the view the window painted first, once per run.
	FirstPaint func(view string)
}

// NewSystemService builds the service.
func NewSystemService(d SystemDeps) *SystemService {
	return &SystemService{about: AboutInfo{Build: d.Info, LogFolder: d.LogFolder, KeptFolder: d.KeptFolder, SettingsFile: d.SettingsFile, DemoMode: d.Demo},
		opener: d.Opener, probe: d.WebView, conns: d.Conns, files: files{d.Dialogs}, firstPaint: d.FirstPaint}
}

// About returns build, system and web engine information.
func (s *SystemService) About() AboutInfo {
	a := s.about
	if s.probe != nil {
		a.WebViewEngine, a.WebViewVer = s.probe()
	}
	return a
}

// Diagnostics checks the active server endpoint by endpoint, so an
// administrator with a real server can tell where an assumed path is wrong.
func (s *SystemService) Diagnostics() (operations.Diagnostics, error) {
	cl, p, err := s.conns.Current()
	if err != nil {
		return operations.Diagnostics{}, err
	}
	ctx, cancel := context.WithTimeout(s.context(), connect.DiagnosticsDeadline)
	defer cancel()
	d := operations.Diagnose(ctx, cl, p, s.conns.Health)
	s.mu.Lock()
	s.last, s.lastKey = &d, connect.Key(p)
	s.mu.Unlock()
	return d, nil
}

var reportFilters = []FileFilter{{DisplayName: "Text report (*.txt)", Pattern: "*.txt"}, {DisplayName: "JSON report (*.json)", Pattern: "*.json"}}

// SaveCompatibilityReport writes the latest diagnostics of the active
// server as a compatibility report, as JSON when the chosen name ends in
// .json and as text otherwise; "" when the user cancelled.
func (s *SystemService) SaveCompatibilityReport() (string, error) {
	_, p, err := s.conns.Current()
	if err != nil {
		return "", err
	}
	s.mu.RLock()
	d, key := s.last, s.lastKey
	s.mu.RUnlock()
	if d == nil || key != connect.Key(p) {
		return "", apperr.New(apperr.InvalidInput, "Run diagnostics on this server first: the report is made of their results.")
	}
	path, err := s.files.save("Save the compatibility report", "compatibility-report.txt", "", reportFilters...)
	if err != nil || path == "" {
		return "", err
	}
	r := operations.Compatibility(*d, s.about.Build.ProductName+" "+s.about.Build.Version)
	data := []byte(r.Text())
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		data = r.JSON()
	case "":
		path += ".txt"
	}
	if err := operations.WriteFile(path, data); err != nil {
		return "", err
	}
	return path, nil
}

// Painted is the frontend saying it has drawn view with its content; the
// first one of a run is the start-up time the log records.
func (s *SystemService) Painted(view string) {
	if s.firstPaint != nil {
		s.painted.Do(func() { s.firstPaint(view) })
	}
}

// PolicyView is the organisation's machine policies, with the words the
// views show beside a control one locks (Go refuses the change either way).
type PolicyView struct {
	Policies orgpolicy.Policies `json:"policies"`
	Notice   string             `json:"notice"`
}

// Policies are the machine policies in force.
func (s *SystemService) Policies() PolicyView {
	return PolicyView{Policies: s.conns.Policies(), Notice: orgpolicy.Notice}
}

// Cancel stops the long operation the UI started under op; it reports
// whether one was running.
func (s *SystemService) Cancel(op string) bool {
	s.mu.RLock()
	tasks := s.tasks
	s.mu.RUnlock()
	return tasks != nil && tasks.Cancel(op)
}

// Progress is the last step of the long operation op, for a view that
// opens while it runs (the same payload as the "progress" events).
func (s *SystemService) Progress(op string) ProgressEvent {
	s.mu.RLock()
	tasks := s.tasks
	s.mu.RUnlock()
	if tasks == nil {
		return ProgressEvent{Op: op}
	}
	step, running := tasks.Last(op)
	return ProgressEvent{Op: op, Running: running, Step: step}
}

// OpenLogFolder shows the log folder in the file manager.
func (s *SystemService) OpenLogFolder() error { return s.openFolder(s.about.LogFolder, "The logs are") }

// OpenKeptFolder shows the folder of reservation groups kept during
// changes in the file manager.
func (s *SystemService) OpenKeptFolder() error {
	if err := os.MkdirAll(s.about.KeptFolder, 0o700); err != nil {
		return apperr.Wrap(err, apperr.Internal, "Could not create %s: %v", s.about.KeptFolder, err)
	}
	return s.openFolder(s.about.KeptFolder, "Kept reservation groups are")
}

func (s *SystemService) openFolder(path, what string) error {
	if s.opener == nil {
		return apperr.New(apperr.NotSupported, "Opening folders is not available here. %s in %s.", what, path)
	}
	if err := s.opener.OpenFolder(path); err != nil {
		return apperr.Wrap(err, apperr.Internal, "Could not open %s: %v", path, err)
	}
	return nil
}
