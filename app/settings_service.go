package app

import (
	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/settings"
)

// SettingsView is everything the Settings view and the header need.
type SettingsView struct {
	Profiles        []settings.Profile `json:"profiles"`
	ActiveProfileID string             `json:"activeProfileId"`
	Active          settings.Profile   `json:"active"`
	// ConnectionKey changes whenever the active profile's server or trust
	// changes, which gives a new client and so ends its login: the UI
	// starts the session again when it changes.
	ConnectionKey string         `json:"connectionKey"`
	PageSize      int            `json:"pageSize"`
	Theme         settings.Theme `json:"theme"`
	NavCollapsed  bool           `json:"navCollapsed"`
	// Complete is the guide's rule: until it is true, every other view sends
	// the user to Settings.
	Complete bool `json:"complete"`
	// Notice is a one-time message, for example after a corrupt settings file
	// was set aside.
	Notice string `json:"notice"`
}

// SettingsService is bound to the UI for server profiles and preferences.
type SettingsService struct {
	base
	store *settings.Store
	net   connect.Network
	files files
}

// NewSettingsService builds the service over a store; net is how servers
// are reached, with the keyring of proxy passwords.
func NewSettingsService(store *settings.Store, net connect.Network, dialogs Dialogs) *SettingsService {
	return &SettingsService{store: store, net: net, files: files{dialogs}}
}

func (s *SettingsService) view() SettingsView {
	snap := s.store.Snapshot()
	active, _ := s.store.Active()
	return SettingsView{
		Profiles:        snap.Profiles,
		ActiveProfileID: snap.ActiveProfileID,
		Active:          active,
		ConnectionKey:   connect.Key(active),
		PageSize:        snap.Preferences.PageSize,
		Theme:           snap.Preferences.Theme,
		NavCollapsed:    snap.Preferences.NavCollapsed,
		Complete:        active.Complete(),
	}
}

// changed returns the view after a change of the store, or its error.
func (s *SettingsService) changed(err error) (SettingsView, error) {
	if err != nil {
		return SettingsView{}, err
	}
	return s.view(), nil
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
	return s.changed(s.store.SaveServer(in))
}

// AddProfile creates an empty profile and makes it active.
func (s *SettingsService) AddProfile(name string) (SettingsView, error) {
	_, err := s.store.AddProfile(name)
	return s.changed(err)
}

// RenameProfile gives a profile a new name.
func (s *SettingsService) RenameProfile(id, name string) (SettingsView, error) {
	return s.changed(s.store.RenameProfile(id, name))
}

// DeleteProfile removes a profile; the store refuses the last one and the demo.
func (s *SettingsService) DeleteProfile(id string) (SettingsView, error) {
	return s.changed(s.store.DeleteProfile(id))
}

// SwitchProfile makes another profile active.
func (s *SettingsService) SwitchProfile(id string) (SettingsView, error) {
	return s.changed(s.store.SetActive(id))
}

// SetTheme stores the theme preference: system, light or dark.
func (s *SettingsService) SetTheme(theme settings.Theme) (SettingsView, error) {
	return s.changed(s.store.SetTheme(theme))
}

// SetNavCollapsed remembers whether the navigation drawer shows icons only.
func (s *SettingsService) SetNavCollapsed(collapsed bool) (SettingsView, error) {
	return s.changed(s.store.SetNavCollapsed(collapsed))
}

func (s *SettingsService) active() (settings.Profile, error) {
	p, ok := s.store.Active()
	if !ok {
		return settings.Profile{}, apperr.New(apperr.NotFound, "There is no active profile.")
	}
	return p, nil
}

// TrustCertificate pins the server certificate with this SHA-256
// fingerprint for the active profile, after the user saw it and agreed
// ("" forgets it).
func (s *SettingsService) TrustCertificate(fingerprint string) (SettingsView, error) {
	p, err := s.active()
	if err != nil {
		return SettingsView{}, err
	}
	return s.changed(s.store.SetTLSTrust(p.ID, fingerprint, p.CAFile))
}

// ChooseCAFile asks for a PEM file of CA certificates to trust for the
// active profile; cancelling changes nothing.
func (s *SettingsService) ChooseCAFile() (SettingsView, error) {
	path, err := s.files.open("Trusted CA certificates (PEM)", FileFilter{"PEM certificates (*.pem, *.crt, *.cer)", "*.pem;*.crt;*.cer"}, FileFilter{"All files", "*"})
	switch {
	case err != nil:
		return SettingsView{}, err
	case path == "":
		return s.view(), nil
	}
	return s.SetCAFile(path)
}

// SetCAFile trusts the CA certificates in a PEM file for the active profile
// ("" removes it).
func (s *SettingsService) SetCAFile(path string) (SettingsView, error) {
	p, err := s.active()
	if err != nil {
		return SettingsView{}, err
	}
	return s.changed(s.store.SetTLSTrust(p.ID, p.PinnedFingerprint, path))
}

// TestConnection checks the server described by in (not yet saved), with
// the certificate trust of the active profile.
func (s *SettingsService) TestConnection(in settings.ServerInput) (connect.ConnectionInfo, error) {
	p, _ := s.store.Active()
	return connect.TestServer(s.context(), in, p, s.net)
}

// Status checks the active profile's server; the header shows the result.
func (s *SettingsService) Status() (connect.ConnectionInfo, error) {
	p, _ := s.store.Active()
	return connect.Check(s.context(), p, s.net)
}

// SetProxy stores the active profile's proxy choice and proxy user.
func (s *SettingsService) SetProxy(in settings.ProxyInput) (SettingsView, error) {
	p, err := s.active()
	if err != nil {
		return SettingsView{}, err
	}
	return s.changed(connect.SetProxy(s.store, s.net.Secrets, p.ID, in))
}

// SetProxyPassword keeps the password of the active profile's proxy user
// in the OS keyring ("" forgets it).
func (s *SettingsService) SetProxyPassword(password string) error {
	p, err := s.active()
	if err != nil {
		return err
	}
	return connect.SaveProxyPassword(s.net.Secrets, p, password)
}
