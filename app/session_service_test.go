package app

import (
	"errors"
	"log/slog"
	"net"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/applog"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
)

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// sessionEnv is a session service on a temp settings folder and an
// in-memory keyring, pointed at a simulator.
type sessionEnv struct {
	sim     *simulator.Server
	store   *settings.Store
	secrets *secrets.Memory
	conns   *Connections
	svc     *SessionService
	clock   *testClock
	dir     string
}

func newSessionEnv(t testing.TB, opts simulator.Options) *sessionEnv {
	t.Helper()
	clock := &testClock{t: time.Now()}
	opts.Now = clock.now
	sim := simulator.New(opts)
	dir := t.TempDir()
	store, err := settings.Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := store.SaveServer(serverInput(t, sim)); err != nil {
		t.Fatal(err)
	}
	sec := secrets.NewMemory()
	conns := NewConnections(store, clock.now)
	return &sessionEnv{sim: sim, store: store, secrets: sec, conns: conns, svc: NewSessionService(conns, store, sec), clock: clock, dir: dir}
}

// restart is a new app process on the same settings and keyring.
func (e *sessionEnv) restart(t *testing.T) *sessionEnv {
	t.Helper()
	store, err := settings.Open(e.dir, "")
	if err != nil {
		t.Fatal(err)
	}
	conns := NewConnections(store, e.clock.now)
	return &sessionEnv{sim: e.sim, store: store, secrets: e.secrets, conns: conns, svc: NewSessionService(conns, store, e.secrets), clock: e.clock, dir: e.dir}
}

func fieldErr(t *testing.T, err error, field string) {
	t.Helper()
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != apperr.InvalidInput || ae.Fields[field] == "" {
		t.Fatalf("want a field error on %q, got %#v", field, err)
	}
}

func TestLoginRememberRestartLogout(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
	st := e.svc.Start()
	if !st.SecurityKnown || !st.SecurityEnabled || st.LoggedIn || st.Problem != "" {
		t.Fatalf("start: %+v", st)
	}
	_, err := e.svc.Login(LoginInput{User: "admin", Password: "wrong"})
	fieldErr(t, err, "password")
	_, err = e.svc.Login(LoginInput{})
	fieldErr(t, err, "user")

	st, err = e.svc.Login(LoginInput{User: " admin ", Password: simulator.AdminPassword, Remember: true})
	if err != nil || !st.LoggedIn || st.User != "admin" || st.RememberedUser != "admin" || len(st.Roles) < 4 || st.ExpiresAt == "" {
		t.Fatalf("login: %+v %v", st, err)
	}
	active, _ := e.store.Active()
	if pw, err := e.secrets.Get(active.ID, "admin"); err != nil || pw != simulator.AdminPassword {
		t.Fatalf("keyring: %q %v", pw, err)
	}

	// A new process logs in by itself with the saved password.
	again := e.restart(t)
	st = again.svc.Start()
	if !st.LoggedIn || st.User != "admin" {
		t.Fatalf("auto login: %+v", st)
	}
	cl, err := again.conns.Client()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Features(again.svc.context()); err != nil {
		t.Fatalf("a read after auto login: %v", err)
	}

	// Logout keeps the saved password; forget removes it.
	st, _ = again.svc.Logout(false)
	if st.LoggedIn || st.RememberedUser != "admin" {
		t.Fatalf("logout: %+v", st)
	}
	st, _ = again.svc.Logout(true)
	if st.RememberedUser != "" {
		t.Fatalf("forget: %+v", st)
	}
	if _, err := e.secrets.Get(active.ID, "admin"); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("password still saved: %v", err)
	}
	if st := again.restart(t).svc.Start(); st.LoggedIn {
		t.Fatalf("logged in after forget: %+v", st)
	}
}

func TestLoginWithoutRememberForgetsEarlierPassword(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
	if _, err := e.svc.Login(LoginInput{User: "admin", Password: simulator.AdminPassword, Remember: true}); err != nil {
		t.Fatal(err)
	}
	st, err := e.svc.Login(LoginInput{User: "reader", Password: simulator.ReaderPassword})
	if err != nil || st.User != "reader" || st.RememberedUser != "" {
		t.Fatalf("%+v %v", st, err)
	}
	active, _ := e.store.Active()
	if _, err := e.secrets.Get(active.ID, "admin"); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatal("the earlier password must be forgotten")
	}
}

func TestSavedPasswordRefusedIsExplained(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
	active, _ := e.store.Active()
	_ = e.secrets.Set(active.ID, "admin", "Outdated1!")
	_ = e.store.SetRememberedUser(active.ID, "admin")
	st := e.svc.Start()
	if st.LoggedIn || !strings.Contains(st.Problem, "was refused") {
		t.Fatalf("%+v", st)
	}
}

func TestSecurityOffNeedsNoLogin(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOff})
	st := e.svc.Start()
	if !st.SecurityKnown || st.SecurityEnabled || st.LoggedIn {
		t.Fatalf("%+v", st)
	}
	cl, _ := e.conns.Client()
	if _, err := cl.Features(e.svc.context()); err != nil {
		t.Fatalf("read without login: %v", err)
	}
}

func TestIdleTimeoutEndsSession(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
	if _, err := e.svc.Login(LoginInput{User: "admin", Password: simulator.AdminPassword}); err != nil {
		t.Fatal(err)
	}
	e.clock.advance(29 * time.Minute)
	e.svc.Touch()
	e.clock.advance(29 * time.Minute)
	if _, err := e.conns.Client(); err != nil {
		t.Fatalf("activity must keep the session: %v", err)
	}
	if st := e.svc.State(); !st.LoggedIn {
		t.Fatalf("%+v", st)
	}
	e.clock.advance(2 * time.Minute)
	_, err := e.conns.Client()
	if apperr.CodeOf(err) != apperr.LoginRequired || !strings.Contains(err.Error(), "30 minutes") {
		t.Fatalf("after 31 idle minutes: %v", err)
	}
	st := e.svc.State()
	if st.LoggedIn || !st.TimedOut {
		t.Fatalf("state after timeout: %+v", st)
	}
	// Changing the password needs a new login first.
	if _, err := e.svc.ChangePassword(PasswordInput{User: "admin", New: "NewPass1!", Confirm: "NewPass1!"}); apperr.CodeOf(err) != apperr.LoginRequired {
		t.Fatalf("change after timeout: %v", err)
	}
	st, err = e.svc.Login(LoginInput{User: "admin", Password: simulator.AdminPassword})
	if err != nil || !st.LoggedIn || st.TimedOut {
		t.Fatalf("login after timeout: %+v %v", st, err)
	}
}

func TestTokenExpiryNeedsNewLogin(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn, TokenLifetime: time.Hour})
	if _, err := e.svc.Login(LoginInput{User: "admin", Password: simulator.AdminPassword}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ { // stay active while the token ages
		e.clock.advance(25 * time.Minute)
		e.svc.Touch()
	}
	cl, err := e.conns.Client()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Features(e.svc.context()); apperr.CodeOf(err) != apperr.LoginRequired {
		t.Fatalf("expired token: %v", err)
	}
}

func TestChangePasswordModes(t *testing.T) {
	t.Run("first login needs the current password", func(t *testing.T) {
		e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn, FirstLogin: true})
		st, err := e.svc.Login(LoginInput{User: "admin", Password: simulator.AdminPassword, Remember: true})
		if err != nil || !st.PasswordChangeRequired {
			t.Fatalf("%+v %v", st, err)
		}
		_, err = e.svc.ChangePassword(PasswordInput{User: "admin", New: "Changed1!", Confirm: "Changed1!"})
		fieldErr(t, err, "current")
		_, err = e.svc.ChangePassword(PasswordInput{User: "admin", Current: simulator.AdminPassword, New: "Changed1!", Confirm: "Changed2!"})
		fieldErr(t, err, "confirm")
		_, err = e.svc.ChangePassword(PasswordInput{User: "admin", Current: simulator.AdminPassword, New: "weak", Confirm: "weak"})
		fieldErr(t, err, "new")
		st, err = e.svc.ChangePassword(PasswordInput{User: "admin", Current: simulator.AdminPassword, New: "Changed1!", Confirm: "Changed1!"})
		if err != nil || st.PasswordChangeRequired {
			t.Fatalf("%+v %v", st, err)
		}
		active, _ := e.store.Active()
		if pw, _ := e.secrets.Get(active.ID, "admin"); pw != "Changed1!" {
			t.Fatalf("saved password not updated: %q", pw)
		}
		if _, err := e.svc.Login(LoginInput{User: "admin", Password: "Changed1!"}); err != nil {
			t.Fatalf("login with the new password: %v", err)
		}
	})
	t.Run("logged in needs no current password", func(t *testing.T) {
		e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
		if _, err := e.svc.Login(LoginInput{User: "admin", Password: simulator.AdminPassword}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.ChangePassword(PasswordInput{User: "reader", New: "Reader456!", Confirm: "Reader456!"}); err != nil {
			t.Fatal(err)
		}
		e.svc.Logout(false)
		if _, err := e.svc.Login(LoginInput{User: "reader", Password: "Reader456!"}); err != nil {
			t.Fatalf("reader's new password: %v", err)
		}
	})
	t.Run("not logged in logs in with the current password", func(t *testing.T) {
		e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
		_, err := e.svc.ChangePassword(PasswordInput{User: "admin", Current: "wrong", New: "Another1!", Confirm: "Another1!"})
		fieldErr(t, err, "current")
		st, err := e.svc.ChangePassword(PasswordInput{User: "admin", Current: simulator.AdminPassword, New: "Another1!", Confirm: "Another1!"})
		if err != nil || !st.LoggedIn {
			t.Fatalf("%+v %v", st, err)
		}
	})
}

func TestReaderIsDeniedAdminActions(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
	if _, err := e.svc.Login(LoginInput{User: "reader", Password: simulator.ReaderPassword}); err != nil {
		t.Fatal(err)
	}
	cl, _ := e.conns.Client()
	err := cl.UpdateConfiguration(e.svc.context(), map[string]string{"licensing.renewInterval": "5m"})
	if apperr.CodeOf(err) != apperr.AccessDenied || !strings.Contains(err.Error(), "ROLE_ADMIN") {
		t.Fatalf("reader changing policies: %v", err)
	}
}

func TestSwitchingProfileDropsTheToken(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
	first, _ := e.store.Active()
	if _, err := e.svc.Login(LoginInput{User: "admin", Password: simulator.AdminPassword}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.AddProfile("Other"); err != nil {
		t.Fatal(err)
	}
	if err := e.store.SaveServer(serverInput(t, simulator.New(simulator.Options{Security: simulator.SecurityOn}))); err != nil {
		t.Fatal(err)
	}
	if st := e.svc.State(); st.LoggedIn {
		t.Fatalf("a token must not follow the user to another server: %+v", st)
	}
	_ = e.store.SetActive(first.ID)
	if st := e.svc.State(); st.LoggedIn {
		t.Fatalf("switching back needs a new login (tokens are in memory per client): %+v", st)
	}
}

// TestNoSecretOnDisk drives a login with a remembered password and checks
// that neither the password nor the token reaches the settings file or the
// log.
func TestNoSecretOnDisk(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
	logDir := t.TempDir()
	log, closer, err := applog.Open(logDir, slog.LevelDebug)
	if err != nil {
		t.Fatal(err)
	}
	prev := slog.Default()
	slog.SetDefault(log)
	defer slog.SetDefault(prev)
	if _, err := e.svc.Login(LoginInput{User: "admin", Password: simulator.AdminPassword, Remember: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.ChangePassword(PasswordInput{User: "admin", New: "Secret99!", Confirm: "Secret99!"}); err != nil {
		t.Fatal(err)
	}
	slog.Info("login", "user", "admin", "password", simulator.AdminPassword)
	closer.Close()
	// Every JWT starts with the base64 of `{"`, so this finds any token.
	const token = "eyJ"
	var files []string
	for _, dir := range []string{e.dir, logDir} {
		_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) < 2 {
		t.Fatalf("expected a settings file and a log, got %v", files)
	}
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		for _, secret := range []string{simulator.AdminPassword, "Secret99!", token} {
			if strings.Contains(string(raw), secret) {
				t.Fatalf("%s contains a secret", f)
			}
		}
	}
}

func TestDemoProfileNeverTouchesTheKeyring(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
	srv := httptest.NewServer(e.sim)
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	host, port, _ := net.SplitHostPort(u.Host)
	p, _ := strconv.Atoi(port)
	e.store.UseDemo(host, p, "")
	st, err := e.svc.Login(LoginInput{User: "admin", Password: simulator.AdminPassword, Remember: true})
	if err != nil || st.RememberedUser != "admin" {
		t.Fatalf("%+v %v", st, err)
	}
	if _, err := e.secrets.Get(settings.DemoProfileID, "admin"); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatal("the demo password must not reach the OS keyring")
	}
	// Within the run it still logs in again by itself.
	e.svc.Logout(false)
	if st := e.svc.Start(); !st.LoggedIn {
		t.Fatalf("demo auto login: %+v", st)
	}
}
