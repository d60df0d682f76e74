package app

import (
	"context"
	"sync"
	"testing"

	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/safekeeping"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

// fakeDialogs answers the file dialogs with fixed paths ("" = cancelled).
type fakeDialogs struct {
	savePath string
	openPath string
	saved    []string // default names offered
}

func (f *fakeDialogs) OpenFile(string, ...FileFilter) (string, error) { return f.openPath, nil }
func (f *fakeDialogs) SaveFile(_, name string, _ ...FileFilter) (string, error) {
	f.saved = append(f.saved, name)
	return f.savePath, nil
}

// fakeEvents records the events sent to the UI.
type fakeEvents struct {
	mu     sync.Mutex
	events []ProgressEvent
}

func (f *fakeEvents) Emit(name string, data any) {
	if e, ok := data.(ProgressEvent); ok && name == progressEvent {
		f.mu.Lock()
		f.events = append(f.events, e)
		f.mu.Unlock()
	}
}

// env is the whole app on a temp settings folder and an in-memory keyring,
// its active profile pointed at a simulator, started as Wails would.
type env struct {
	*App
	sim     *simulator.Server
	store   *settings.Store
	dialogs *fakeDialogs
	events  *fakeEvents
	conns   *connect.Connections
	secrets *secrets.Memory
}

func newEnv(t *testing.T, opts simulator.Options) *env {
	t.Helper()
	sim := simulator.New(opts)
	store, err := settings.Open(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	server := simtest.Profile(t, sim)
	if server.ServerType == settings.ServerLocal {
		if err := store.SaveServer(settings.ServerInput{PageSize: settings.DefaultPageSize, Host: server.Host, ServerType: server.ServerType, Port: server.Port}); err != nil {
			t.Fatal(err)
		}
	}
	e := &env{sim: sim, store: store, dialogs: &fakeDialogs{}, events: &fakeEvents{}}
	// The active profile reaches the simulator as simtest addresses it:
	// the Settings view cannot save a CLS at a loopback address.
	conns := connect.New(func() (settings.Profile, bool) {
		p, ok := store.Active()
		p.Host, p.ServerType, p.Port, p.InstanceID, p.HTTPS, p.PinnedFingerprint = server.Host, server.ServerType, server.Port, server.InstanceID, server.HTTPS, server.PinnedFingerprint
		return p, ok
	}, connect.Network{}, nil)
	e.conns, e.secrets = conns, secrets.NewMemory()
	e.App = &App{
		Settings:     NewSettingsService(store, connect.Network{}, e.dialogs),
		Session:      NewSessionService(connect.NewSessions(conns, store, e.secrets, nil)),
		System:       NewSystemService(SystemDeps{Conns: conns, Dialogs: e.dialogs}),
		Features:     NewFeaturesService(conns, e.dialogs, nil),
		Devices:      NewDevicesService(conns, e.dialogs, nil),
		Properties:   NewPropertiesService(conns, store),
		BackOffice:   NewBackOfficeService(conns, store, e.dialogs, t.TempDir(), nil),
		Reservations: NewReservationsService(conns, e.dialogs, safekeeping.New(t.TempDir())),
		Pools:        NewPoolsService(conns, e.dialogs),
		Branding:     NewBrandingService(t.TempDir()),
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	e.start(ctx, e.events)
	return e
}

// loggedIn is newEnv with the demo admin logged in.
func loggedIn(t *testing.T, opts simulator.Options) *env {
	t.Helper()
	e := newEnv(t, opts)
	if _, err := e.Session.Login(connect.LoginInput{User: simulator.AdminUser, Password: simulator.AdminPassword}); err != nil {
		t.Fatal(err)
	}
	return e
}
