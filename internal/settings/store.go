package settings

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/atomicfile"
)

// FileName is the settings file inside the settings folder.
const FileName = "settings.json"

// DemoProfileID is the fixed ID of the in-memory demo profile.
const DemoProfileID = "demo"

// Store is the settings of one user. It is safe for concurrent use.
type Store struct {
	mu     sync.Mutex
	path   string
	data   Settings
	demo   *Profile
	notice string
	// persistedActive is the active profile on disk while the demo is active,
	// so a demo session does not change which real server opens next time.
	persistedActive string
}

// Dir is the default settings folder: the user's configuration folder
// (%APPDATA% on Windows, ~/.config on Linux) plus the product folder.
func Dir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "LicenseServerManager"), nil
}

// Open loads the settings in dir. When there is no file yet it starts from
// the machine-wide defaults at defaultsPath (if that file exists) or from
// built-in defaults. A corrupt file is kept as settings.json.bak and the
// store starts from defaults; Notice tells the user once.
func Open(dir, defaultsPath string) (*Store, error) {
	s := &Store{path: filepath.Join(dir, FileName)}
	raw, err := os.ReadFile(s.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		s.data = initial(defaultsPath)
		return s, nil
	case err != nil:
		return nil, fmt.Errorf("reading %s: %w", s.path, err)
	}
	data, perr := decode(raw)
	if perr != nil {
		bak := s.path + ".bak"
		if rerr := os.Rename(s.path, bak); rerr != nil {
			return nil, fmt.Errorf("setting aside corrupt %s: %w", s.path, rerr)
		}
		s.data = initial(defaultsPath)
		s.notice = fmt.Sprintf("Your settings file could not be read (%v). It was kept as %s and the defaults are in use.", perr, bak)
		return s, nil
	}
	s.data = data
	return s, nil
}

// Path is the settings file.
func (s *Store) Path() string { return s.path }

// TakeNotice returns the pending one-time message and clears it.
func (s *Store) TakeNotice() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.notice
	s.notice = ""
	return n
}

// Snapshot returns a copy of the settings, demo profile first when present.
func (s *Store) Snapshot() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.data
	out.Profiles = nil
	if s.demo != nil {
		out.Profiles = append(out.Profiles, *s.demo)
	}
	out.Profiles = append(out.Profiles, s.data.Profiles...)
	if w := s.data.Preferences.Window; w != nil {
		c := *w
		out.Preferences.Window = &c
	}
	return out
}

// Active returns the active profile.
func (s *Store) Active() (Profile, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.find(s.data.ActiveProfileID)
	if p == nil {
		return Profile{}, false
	}
	return *p, true
}

// UseDemo adds the in-memory demo profile for a simulator on host:port and
// makes it active for this run only. A fingerprint means the simulator
// serves HTTPS with that self-signed certificate, which the profile trusts.
func (s *Store) UseDemo(host string, port int, fingerprint string) Profile {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.demo = &Profile{ID: DemoProfileID, Name: "Demo server", Host: host, ServerType: ServerLocal, Port: port,
		HTTPS: fingerprint != "", PinnedFingerprint: fingerprint, Demo: true}
	if s.persistedActive == "" {
		s.persistedActive = s.data.ActiveProfileID
	}
	s.data.ActiveProfileID = DemoProfileID
	return *s.demo
}

// SaveServer validates in and stores it on the active profile. On the demo
// profile only the page size is stored: its server fields are fixed.
func (s *Store) SaveServer(in ServerInput) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	active := s.find(s.data.ActiveProfileID)
	if active == nil {
		return apperr.New(apperr.NotFound, "There is no active profile; add one first.")
	}
	if active.Demo {
		for _, it := range ValidateServer(in) {
			if it.Field == FieldPageSize {
				return apperr.Invalid(it)
			}
		}
		s.data.Preferences.PageSize = in.PageSize
		return s.write()
	}
	if errs := ValidateServer(in); len(errs) > 0 {
		return apperr.Invalid(errs...)
	}
	before, prefs := *active, s.data.Preferences
	p := ProfileFromInput(in)
	active.Host, active.ServerType, active.Port, active.InstanceID, active.HTTPS = p.Host, p.ServerType, p.Port, p.InstanceID, p.HTTPS
	s.data.Preferences.PageSize = in.PageSize
	if err := s.write(); err != nil {
		*active, s.data.Preferences = before, prefs
		return err
	}
	return nil
}

// AddProfile creates an empty local-server profile and makes it active.
func (s *Store) AddProfile(name string) (Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name = strings.TrimSpace(name)
	if msg := ValidateName(name); msg != "" {
		return Profile{}, apperr.Invalid(apperr.FieldProblem(FieldName, requiredOr(name, apperr.ItemFormat), msg))
	}
	if s.nameTaken(name, "") {
		return Profile{}, apperr.Invalid(apperr.FieldProblem(FieldName, apperr.ItemTaken, fmt.Sprintf("A profile named %q already exists.", name)))
	}
	p := Profile{ID: newID(), Name: name, ServerType: ServerLocal, Port: DefaultPort}
	old := s.snapshotLocked()
	s.data.Profiles = append(s.data.Profiles, p)
	s.activate(p.ID)
	if err := s.write(); err != nil {
		s.restore(old)
		return Profile{}, err
	}
	return p, nil
}

// RenameProfile renames profile id.
func (s *Store) RenameProfile(id, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	name = strings.TrimSpace(name)
	p := s.find(id)
	switch {
	case p == nil:
		return apperr.New(apperr.NotFound, "That profile no longer exists.")
	case p.Demo:
		return apperr.New(apperr.InvalidInput, "The demo profile cannot be renamed.")
	}
	if msg := ValidateName(name); msg != "" {
		return apperr.Invalid(apperr.FieldProblem(FieldName, requiredOr(name, apperr.ItemFormat), msg))
	}
	if s.nameTaken(name, id) {
		return apperr.Invalid(apperr.FieldProblem(FieldName, apperr.ItemTaken, fmt.Sprintf("A profile named %q already exists.", name)))
	}
	old := p.Name
	p.Name = name
	if err := s.write(); err != nil {
		p.Name = old
		return err
	}
	return nil
}

// DeleteProfile removes profile id. The last saved profile and the demo
// profile cannot be deleted. If id was active, the first remaining one is.
func (s *Store) DeleteProfile(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.find(id)
	switch {
	case p == nil:
		return apperr.New(apperr.NotFound, "That profile no longer exists.")
	case p.Demo:
		return apperr.New(apperr.InvalidInput, "The demo profile exists while the app runs with --demo and cannot be deleted.")
	case len(s.data.Profiles) == 1:
		return apperr.New(apperr.InvalidInput, "This is the only profile; add another before deleting it.")
	}
	old := s.snapshotLocked()
	s.data.Profiles = slices.DeleteFunc(s.data.Profiles, func(q Profile) bool { return q.ID == id })
	if s.data.ActiveProfileID == id {
		s.activate(s.data.Profiles[0].ID)
	}
	if s.persistedActive == id {
		s.persistedActive = s.data.Profiles[0].ID
	}
	if err := s.write(); err != nil {
		s.restore(old)
		return err
	}
	return nil
}

// SetActive makes profile id active.
func (s *Store) SetActive(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.find(id) == nil {
		return apperr.New(apperr.NotFound, "That profile no longer exists.")
	}
	old := s.snapshotLocked()
	s.activate(id)
	if err := s.write(); err != nil {
		s.restore(old)
		return err
	}
	return nil
}

// SetRememberedUser records which user's password is saved for profile id
// ("" when none is). It works for the demo profile too, in memory only.
func (s *Store) SetRememberedUser(id, user string) error {
	return s.updateProfile(id, func(p *Profile) { p.RememberedUser = user })
}

// SetTLSTrust stores the certificate fingerprint the user trusts and the
// extra CA bundle for profile id; empty strings clear them.
func (s *Store) SetTLSTrust(id, fingerprint, caFile string) error {
	if caFile != "" {
		if st, err := os.Stat(caFile); err != nil || st.IsDir() {
			return apperr.Invalid(apperr.FieldProblem(FieldCAFile, apperr.ItemRefused, fmt.Sprintf("Cannot read the CA file %s.", caFile)))
		}
	}
	return s.updateProfile(id, func(p *Profile) { p.PinnedFingerprint, p.CAFile = fingerprint, caFile })
}

func (s *Store) updateProfile(id string, change func(*Profile)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.find(id)
	if p == nil {
		return apperr.New(apperr.NotFound, "That profile no longer exists.")
	}
	before := *p
	change(p)
	if p.Demo {
		return nil
	}
	if err := s.write(); err != nil {
		*p = before
		return err
	}
	return nil
}

// SetTheme stores the theme preference.
func (s *Store) SetTheme(theme Theme) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if theme != ThemeSystem && theme != ThemeLight && theme != ThemeDark {
		return apperr.Invalid(apperr.FieldProblem(FieldTheme, apperr.ItemUnknown, "Theme must be system, light or dark."))
	}
	old := s.data.Preferences.Theme
	s.data.Preferences.Theme = theme
	if err := s.write(); err != nil {
		s.data.Preferences.Theme = old
		return err
	}
	return nil
}

// SetNavCollapsed stores whether the navigation drawer shows icons only.
func (s *Store) SetNavCollapsed(collapsed bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.data.Preferences.NavCollapsed
	s.data.Preferences.NavCollapsed = collapsed
	if err := s.write(); err != nil {
		s.data.Preferences.NavCollapsed = old
		return err
	}
	return nil
}

// SetWindow stores the main window's geometry; sizes below a usable minimum
// are ignored so a glitch cannot make the window unusable next time.
func (s *Store) SetWindow(w WindowGeometry) error {
	if w.Width < 400 || w.Height < 300 {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data.Preferences.Window = &w
	return s.write()
}

func (s *Store) find(id string) *Profile {
	if s.demo != nil && id == DemoProfileID {
		return s.demo
	}
	for i := range s.data.Profiles {
		if s.data.Profiles[i].ID == id {
			return &s.data.Profiles[i]
		}
	}
	return nil
}

func (s *Store) nameTaken(name, exceptID string) bool {
	for _, p := range s.data.Profiles {
		if p.ID != exceptID && strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// activate switches profiles; leaving the demo makes the choice persistent.
func (s *Store) activate(id string) {
	s.data.ActiveProfileID = id
	if id != DemoProfileID {
		s.persistedActive = ""
	}
}

type undo struct {
	data            Settings
	persistedActive string
}

func (s *Store) snapshotLocked() undo {
	d := s.data
	d.Profiles = slices.Clone(s.data.Profiles)
	return undo{data: d, persistedActive: s.persistedActive}
}

func (s *Store) restore(u undo) {
	s.data, s.persistedActive = u.data, u.persistedActive
}

// write persists the settings without the demo profile.
func (s *Store) write() error {
	out := s.data
	out.SchemaVersion = SchemaVersion
	if out.ActiveProfileID == DemoProfileID {
		out.ActiveProfileID = s.persistedActive
	}
	if err := atomicfile.WriteJSON(s.path, out); err != nil {
		return apperr.Wrap(err, apperr.Internal, "Could not save the settings to %s: %v", s.path, err)
	}
	return nil
}

func newID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return "p-" + hex.EncodeToString(b[:])
}
