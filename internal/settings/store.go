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
	"licenseservermanager/internal/orgpolicy"
)

// FileName is the settings file inside the settings folder.
const FileName = "settings.json"

// LockName is the lock file beside the settings file. Every process that
// changes the settings holds it while it reads, changes and writes them.
const LockName = "settings.lock"

// DemoProfileID is the fixed ID of the in-memory demo profile.
const DemoProfileID = "demo"

// Store is the settings of one user. It is safe for concurrent use, and
// other processes (the console tool) may change the same file: every change
// is made to what is on disk at that moment, under the settings lock, and
// readers pick up the other process's changes.
type Store struct {
	mu       sync.Mutex
	path     string
	lockPath string
	defaults string
	// data is the file as last read or written; its active profile is the
	// one a new start opens.
	data Settings
	// active is this process's active profile, which may be the demo. It
	// follows the file only when its profile disappears, so another
	// process's choice does not switch this window to another server.
	active string
	demo   *Profile
	notice string
	disk   diskState
	// policies are the organisation's machine policies, which the store
	// enforces on the changes it is asked to make.
	policies orgpolicy.Policies
	// managed is the installer's defaults.json when LockedProfiles keeps
	// its profile as installed, else nil.
	managed *MachineDefaults
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
// built-in defaults. A corrupt file is kept as settings.json.bak.1 (older
// backups move up to .bak.5) and the store starts from defaults; parts of a
// file that cannot be used are left out and the file is kept the same way.
// TakeNotice tells the user once.
func Open(dir, defaultsPath string) (*Store, error) {
	s := &Store{path: filepath.Join(dir, FileName), lockPath: filepath.Join(dir, LockName), defaults: defaultsPath}
	if _, err := os.Stat(s.path); errors.Is(err, os.ErrNotExist) {
		s.data = initial(defaultsPath)
		s.active = s.data.ActiveProfileID
		return s, nil
	}
	// Without the lock (a folder this user cannot write in) the file can
	// still be read; saving will report the problem.
	if lock, err := atomicfile.Acquire(s.lockPath); err == nil {
		defer lock.Release()
	}
	if err := s.syncLocked(); err != nil {
		return nil, err
	}
	if s.data.Profiles == nil {
		s.data = initial(defaultsPath)
	}
	s.active = s.data.ActiveProfileID
	return s, nil
}

// Govern puts the store under the organisation's machine policies.
func (s *Store) Govern(p orgpolicy.Policies) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.policies, s.managed = p, nil
	if d, ok := readMachineDefaults(s.defaults); ok && p.LockedProfiles && d.Host != "" {
		s.managed = &d
	}
}

// Policies are the machine policies the store is under.
func (s *Store) Policies() orgpolicy.Policies {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.policies
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
	s.refresh()
	out := s.data.clone()
	out.ActiveProfileID = s.active
	for i := range out.Profiles {
		out.Profiles[i].Managed = managedBy(s.managed, out.Profiles[i])
	}
	if days, fixed := RetentionOf(s.policies); fixed {
		out.Preferences.History.RetentionDays = days
	}
	if s.demo != nil {
		out.Profiles = append([]Profile{*s.demo}, out.Profiles...)
	}
	return out
}

// Active returns the active profile.
func (s *Store) Active() (Profile, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refresh()
	p := s.find(s.active)
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
	s.active = DemoProfileID
	return *s.demo
}

// SaveServer validates in and stores it on the active profile. On the demo
// profile only the page size is stored: its server fields are fixed.
func (s *Store) SaveServer(in ServerInput) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.active == DemoProfileID && s.demo != nil {
		for _, it := range ValidateServer(in) {
			if it.Field == FieldPageSize {
				return apperr.Invalid(it)
			}
		}
		return s.update(func(d *Settings) error {
			d.Preferences.PageSize = in.PageSize
			return nil
		})
	}
	if errs := ValidateServer(in); len(errs) > 0 {
		return apperr.Invalid(errs...)
	}
	p := ProfileFromInput(in)
	if err := Allowed(s.policies, p); err != nil {
		return err
	}
	id := s.active
	return s.update(func(d *Settings) error {
		active := d.profile(id)
		if active == nil {
			return apperr.New(apperr.NotFound, "There is no active profile; add one first.")
		}
		if managedBy(s.managed, *active) {
			if q := *active; q.Host != p.Host || q.ServerType != p.ServerType || q.Port != p.Port || q.InstanceID != p.InstanceID || q.HTTPS != p.HTTPS {
				return policyRefusal(FieldHost, "Your organisation manages the server of the profile "+q.Name+": it cannot be changed.")
			}
		}
		active.Host, active.ServerType, active.Port, active.InstanceID, active.HTTPS = p.Host, p.ServerType, p.Port, p.InstanceID, p.HTTPS
		d.Preferences.PageSize = in.PageSize
		return nil
	})
}

// AddProfile creates an empty local-server profile and makes it active.
func (s *Store) AddProfile(name string) (Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name = strings.TrimSpace(name)
	if msg := ValidateName(name); msg != "" {
		return Profile{}, apperr.Invalid(apperr.FieldProblem(FieldName, requiredOr(name, apperr.ItemFormat), msg))
	}
	p := Profile{ID: newID(), Name: name, ServerType: ServerLocal, Port: DefaultPort}
	err := s.update(func(d *Settings) error {
		if d.nameTaken(name, "") {
			return apperr.Invalid(apperr.FieldProblem(FieldName, apperr.ItemTaken, fmt.Sprintf("A profile named %q already exists.", name)))
		}
		d.Profiles = append(d.Profiles, p)
		d.ActiveProfileID = p.ID
		return nil
	})
	if err != nil {
		return Profile{}, err
	}
	s.active = p.ID
	return p, nil
}

// RenameProfile renames profile id.
func (s *Store) RenameProfile(id, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id == DemoProfileID && s.demo != nil {
		return apperr.New(apperr.InvalidInput, "The demo profile cannot be renamed.")
	}
	name = strings.TrimSpace(name)
	return s.update(func(d *Settings) error {
		p := d.profile(id)
		if p == nil {
			return apperr.New(apperr.NotFound, "That profile no longer exists.")
		}
		if err := s.lockedProfile(d, id, "renamed"); err != nil {
			return err
		}
		if msg := ValidateName(name); msg != "" {
			return apperr.Invalid(apperr.FieldProblem(FieldName, requiredOr(name, apperr.ItemFormat), msg))
		}
		if d.nameTaken(name, id) {
			return apperr.Invalid(apperr.FieldProblem(FieldName, apperr.ItemTaken, fmt.Sprintf("A profile named %q already exists.", name)))
		}
		p.Name = name
		return nil
	})
}

// DeleteProfile removes profile id. The last saved profile and the demo
// profile cannot be deleted. If id was active, the first remaining one is.
func (s *Store) DeleteProfile(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id == DemoProfileID && s.demo != nil {
		return apperr.New(apperr.InvalidInput, "The demo profile exists while the app runs with --demo and cannot be deleted.")
	}
	err := s.update(func(d *Settings) error {
		switch {
		case d.profile(id) == nil:
			return apperr.New(apperr.NotFound, "That profile no longer exists.")
		case len(d.Profiles) == 1:
			return apperr.New(apperr.InvalidInput, "This is the only profile; add another before deleting it.")
		}
		if err := s.lockedProfile(d, id, "deleted"); err != nil {
			return err
		}
		d.Profiles = slices.DeleteFunc(d.Profiles, func(q Profile) bool { return q.ID == id })
		if d.ActiveProfileID == id {
			d.ActiveProfileID = d.Profiles[0].ID
		}
		return nil
	})
	if err != nil {
		return err
	}
	if s.active == id {
		s.active = s.data.Profiles[0].ID
	}
	return nil
}

// SetActive makes profile id active.
func (s *Store) SetActive(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id == DemoProfileID && s.demo != nil {
		s.active = id
		return nil
	}
	err := s.update(func(d *Settings) error {
		if d.profile(id) == nil {
			return apperr.New(apperr.NotFound, "That profile no longer exists.")
		}
		d.ActiveProfileID = id
		return nil
	})
	if err != nil {
		return err
	}
	s.active = id
	return nil
}

// SetRememberedUser records which user's password is saved for profile id
// ("" when none is). It works for the demo profile too, in memory only.
func (s *Store) SetRememberedUser(id, user string) error {
	if user != "" && s.Policies().DisableRememberPassword {
		return RememberRefused()
	}
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
	if id == DemoProfileID && s.demo != nil {
		change(s.demo)
		return nil
	}
	return s.update(func(d *Settings) error {
		p := d.profile(id)
		if p == nil {
			return apperr.New(apperr.NotFound, "That profile no longer exists.")
		}
		change(p)
		return nil
	})
}

// SetTheme stores the theme preference.
func (s *Store) SetTheme(theme Theme) error {
	if theme != ThemeSystem && theme != ThemeLight && theme != ThemeDark {
		return apperr.Invalid(apperr.FieldProblem(FieldTheme, apperr.ItemUnknown, "Theme must be system, light or dark."))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.update(func(d *Settings) error {
		d.Preferences.Theme = theme
		return nil
	})
}

// SetNavCollapsed stores whether the navigation drawer shows icons only.
func (s *Store) SetNavCollapsed(collapsed bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.update(func(d *Settings) error {
		d.Preferences.NavCollapsed = collapsed
		return nil
	})
}

// SetWindow stores the main window's geometry; sizes below a usable minimum
// are ignored so a glitch cannot make the window unusable next time.
func (s *Store) SetWindow(w WindowGeometry) error {
	if w.Width < 400 || w.Height < 300 {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.update(func(d *Settings) error {
		d.Preferences.Window = &w
		return nil
	})
}

func (s *Store) find(id string) *Profile {
	if s.demo != nil && id == DemoProfileID {
		return s.demo
	}
	return s.data.profile(id)
}

func (d *Settings) profile(id string) *Profile {
	for i := range d.Profiles {
		if d.Profiles[i].ID == id {
			return &d.Profiles[i]
		}
	}
	return nil
}

func (d *Settings) nameTaken(name, exceptID string) bool {
	for _, p := range d.Profiles {
		if p.ID != exceptID && strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// clone is a copy that shares nothing with d.
func (d *Settings) clone() Settings {
	c := *d
	c.Profiles = slices.Clone(d.Profiles)
	if w := d.Preferences.Window; w != nil {
		cw := *w
		c.Preferences.Window = &cw
	}
	return c
}

func newID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return "p-" + hex.EncodeToString(b[:])
}
