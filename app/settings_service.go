package app

import (
	"context"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/settings"
)

// SettingsView is everything the Settings view and the header need.
type SettingsView struct {
	Profiles        []settings.Profile `json:"profiles"`
	ActiveProfileID string             `json:"activeProfileId"`
	Active          settings.Profile   `json:"active"`
	PageSize        int                `json:"pageSize"`
	Theme           string             `json:"theme"`
	NavCollapsed    bool               `json:"navCollapsed"`
	// Complete is the guide's rule: until it is true, every other view sends
	// the user to Settings.
	Complete bool `json:"complete"`
	// Notice is a one-time message, for example after a corrupt settings file
	// was set aside.
	Notice string `json:"notice"`
}

// ConnectionInfo is what a successful connection test learned.
type ConnectionInfo struct {
	URL             string `json:"url"`
	Version         string `json:"version"`
	InstanceID      string `json:"instanceId"`
	SecurityEnabled bool   `json:"securityEnabled"`
	CheckedAt       string `json:"checkedAt"`
}

// SettingsService is bound to the UI for server profiles and preferences.
type SettingsService struct {
	base
	store   *settings.Store
	probe   Prober
	dialogs Dialogs
}

// Prober checks a server's health; the real one is an fne client, tests may
// use the simulator behind it.
type Prober func(ctx context.Context, p settings.Profile) (fne.Health, string, error)

// NewSettingsService builds the service over a store.
func NewSettingsService(store *settings.Store, probe Prober, dialogs Dialogs) *SettingsService {
	if probe == nil {
		probe = ProbeHealth
	}
	return &SettingsService{store: store, probe: probe, dialogs: dialogs}
}

// ProbeHealth asks the server of p for its health with short timeouts.
func ProbeHealth(ctx context.Context, p settings.Profile) (fne.Health, string, error) {
	c := fne.New(ClientOptions(p))
	h, err := c.Health(ctx)
	return h, c.RootURL(), err
}

// ClientOptions maps a profile onto the client's target.
func ClientOptions(p settings.Profile) fne.Options {
	return fne.Options{
		Target: fne.Target{
			Host:       p.Host,
			Port:       p.Port,
			HTTPS:      p.HTTPS || p.ServerType == settings.ServerCLS,
			CLS:        p.ServerType == settings.ServerCLS,
			InstanceID: p.InstanceID,
		},
		ConnectTimeout:    4 * time.Second,
		RequestTimeout:    10 * time.Second,
		PinnedFingerprint: p.PinnedFingerprint,
		CAFile:            p.CAFile,
	}
}

func (s *SettingsService) view() SettingsView {
	snap := s.store.Snapshot()
	active, _ := s.store.Active()
	return SettingsView{
		Profiles:        snap.Profiles,
		ActiveProfileID: snap.ActiveProfileID,
		Active:          active,
		PageSize:        snap.Preferences.PageSize,
		Theme:           snap.Preferences.Theme,
		NavCollapsed:    snap.Preferences.NavCollapsed,
		Complete:        active.Complete(),
	}
}

// Get returns the settings, with the one-time notice if there is one.
func (s *SettingsService) Get() SettingsView {
	v := s.view()
	v.Notice = s.store.TakeNotice()
	return v
}

// Save validates and stores the Settings view's fields for the active
// profile. It never contacts the server: settings can be saved while the
// server is unreachable.
func (s *SettingsService) Save(in settings.ServerInput) (SettingsView, error) {
	if err := s.store.SaveServer(in); err != nil {
		return SettingsView{}, err
	}
	return s.view(), nil
}

// AddProfile creates an empty profile and makes it active.
func (s *SettingsService) AddProfile(name string) (SettingsView, error) {
	if _, err := s.store.AddProfile(name); err != nil {
		return SettingsView{}, err
	}
	return s.view(), nil
}

// RenameProfile gives a profile a new name.
func (s *SettingsService) RenameProfile(id, name string) (SettingsView, error) {
	if err := s.store.RenameProfile(id, name); err != nil {
		return SettingsView{}, err
	}
	return s.view(), nil
}

// DeleteProfile removes a profile; the store refuses the last one and the demo.
func (s *SettingsService) DeleteProfile(id string) (SettingsView, error) {
	if err := s.store.DeleteProfile(id); err != nil {
		return SettingsView{}, err
	}
	return s.view(), nil
}

// SwitchProfile makes another profile active.
func (s *SettingsService) SwitchProfile(id string) (SettingsView, error) {
	if err := s.store.SetActive(id); err != nil {
		return SettingsView{}, err
	}
	return s.view(), nil
}

// SetTheme stores the theme preference: system, light or dark.
func (s *SettingsService) SetTheme(theme string) (SettingsView, error) {
	if err := s.store.SetTheme(theme); err != nil {
		return SettingsView{}, err
	}
	return s.view(), nil
}

// SetNavCollapsed remembers whether the navigation drawer shows icons only.
func (s *SettingsService) SetNavCollapsed(collapsed bool) (SettingsView, error) {
	if err := s.store.SetNavCollapsed(collapsed); err != nil {
		return SettingsView{}, err
	}
	return s.view(), nil
}

// TrustCertificate pins the server certificate with this SHA-256
// fingerprint for the active profile, after the user saw it and agreed.
func (s *SettingsService) TrustCertificate(fingerprint string) (SettingsView, error) {
	active, ok := s.store.Active()
	if !ok {
		return SettingsView{}, apperr.New(apperr.NotFound, "There is no active profile.")
	}
	if err := s.store.SetTLSTrust(active.ID, fingerprint, active.CAFile); err != nil {
		return SettingsView{}, err
	}
	return s.view(), nil
}

// ChooseCAFile asks for a PEM file of CA certificates to trust for the
// active profile; cancelling changes nothing.
func (s *SettingsService) ChooseCAFile() (SettingsView, error) {
	if s.dialogs == nil {
		return SettingsView{}, apperr.New(apperr.NotSupported, "File dialogs are not available here.")
	}
	path, err := s.dialogs.OpenFile("Trusted CA certificates (PEM)", FileFilter{"PEM certificates (*.pem, *.crt, *.cer)", "*.pem;*.crt;*.cer"}, FileFilter{"All files", "*"})
	if err != nil {
		return SettingsView{}, apperr.Wrap(err, apperr.Internal, "The file dialog failed: %v", err)
	}
	if path == "" {
		return s.view(), nil
	}
	return s.SetCAFile(path)
}

// SetCAFile trusts the CA certificates in a PEM file for the active profile
// ("" removes it).
func (s *SettingsService) SetCAFile(path string) (SettingsView, error) {
	active, ok := s.store.Active()
	if !ok {
		return SettingsView{}, apperr.New(apperr.NotFound, "There is no active profile.")
	}
	if err := s.store.SetTLSTrust(active.ID, active.PinnedFingerprint, path); err != nil {
		return SettingsView{}, err
	}
	return s.view(), nil
}

// TestConnection checks the server described by in (not yet saved) and
// reports its version, instance ID and security mode.
func (s *SettingsService) TestConnection(in settings.ServerInput) (ConnectionInfo, error) {
	if fields := settings.ValidateServer(in); len(fields) > 0 {
		return ConnectionInfo{}, apperr.Invalid(fields)
	}
	p := settings.ProfileFromInput(in)
	// The certificate the user trusts for this profile applies to the test.
	if active, ok := s.store.Active(); ok {
		p.PinnedFingerprint, p.CAFile = active.PinnedFingerprint, active.CAFile
	}
	ctx, cancel := context.WithTimeout(s.context(), 15*time.Second)
	defer cancel()
	h, url, err := s.probe(ctx, p)
	if err != nil {
		return ConnectionInfo{}, err
	}
	return ConnectionInfo{
		URL:             url,
		Version:         h.Version,
		InstanceID:      h.InstanceID,
		SecurityEnabled: h.SecurityEnabled,
		CheckedAt:       time.Now().UTC().Format(time.RFC3339),
	}, nil
}

// Status checks the active profile's server; the header shows the result.
func (s *SettingsService) Status() (ConnectionInfo, error) {
	active, _ := s.store.Active()
	if !active.Complete() {
		return ConnectionInfo{}, apperr.New(apperr.NotConfigured, "Fill in the Settings to connect to a license server.")
	}
	ctx, cancel := context.WithTimeout(s.context(), 15*time.Second)
	defer cancel()
	h, url, err := s.probe(ctx, active)
	if err != nil {
		return ConnectionInfo{URL: url}, err
	}
	return ConnectionInfo{
		URL:             url,
		Version:         h.Version,
		InstanceID:      h.InstanceID,
		SecurityEnabled: h.SecurityEnabled,
		CheckedAt:       time.Now().UTC().Format(time.RFC3339),
	}, nil
}
