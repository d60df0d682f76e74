package connect

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/applog"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

var ctx = context.Background()

func TestLoginRememberRestartLogout(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
	st := e.sessions.Start(ctx)
	if !st.SecurityKnown || !st.SecurityEnabled || st.LoggedIn || st.Problem != "" {
		t.Fatalf("start: %+v", st)
	}
	_, err := e.sessions.Login(ctx, LoginInput{User: "admin", Password: "wrong"})
	wantField(t, err, "password")
	_, err = e.sessions.Login(ctx, LoginInput{})
	wantField(t, err, "user")

	st, err = e.sessions.Login(ctx, LoginInput{User: " admin ", Password: simulator.AdminPassword, Remember: true})
	if err != nil || !st.LoggedIn || st.User != "admin" || st.RememberedUser != "admin" || len(st.Roles) < 4 || st.ExpiresAt == "" {
		t.Fatalf("login: %+v %v", st, err)
	}
	active, _ := e.store.Active()
	if pw, err := e.secrets.Get(active.ID, "admin"); err != nil || pw != simulator.AdminPassword {
		t.Fatalf("keyring: %q %v", pw, err)
	}

	// A new process logs in by itself with the saved password.
	again := e.restart(t)
	st = again.sessions.Start(ctx)
	if !st.LoggedIn || st.User != "admin" {
		t.Fatalf("auto login: %+v", st)
	}
	cl, err := again.conns.Client()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Features(ctx); err != nil {
		t.Fatalf("a read after auto login: %v", err)
	}

	// Logout keeps the saved password; forget removes it.
	st, _ = again.sessions.Logout(false)
	if st.LoggedIn || st.RememberedUser != "admin" {
		t.Fatalf("logout: %+v", st)
	}
	st, _ = again.sessions.Logout(true)
	if st.RememberedUser != "" {
		t.Fatalf("forget: %+v", st)
	}
	if _, err := e.secrets.Get(active.ID, "admin"); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("password still saved: %v", err)
	}
	if st := again.restart(t).sessions.Start(ctx); st.LoggedIn {
		t.Fatalf("logged in after forget: %+v", st)
	}
}

func TestLoginWithoutRememberForgetsEarlierPassword(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
	if _, err := e.sessions.Login(ctx, LoginInput{User: "admin", Password: simulator.AdminPassword, Remember: true}); err != nil {
		t.Fatal(err)
	}
	st, err := e.sessions.Login(ctx, LoginInput{User: "reader", Password: simulator.ReaderPassword})
	if err != nil || st.User != "reader" || st.RememberedUser != "" {
		t.Fatalf("%+v %v", st, err)
	}
	active, _ := e.store.Active()
	if _, err := e.secrets.Get(active.ID, "admin"); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatal("the earlier password must be forgotten")
	}
}

func TestSavedPasswordRefusedIsExplained(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
	active, _ := e.store.Active()
	_ = e.secrets.Set(active.ID, "admin", "Outdated1!")
	_ = e.store.SetRememberedUser(active.ID, "admin")
	st := e.sessions.Start(ctx)
	if st.LoggedIn || !strings.Contains(st.Problem, "was refused") {
		t.Fatalf("%+v", st)
	}
}

func TestSecurityOffNeedsNoLogin(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOff})
	st := e.sessions.Start(ctx)
	if !st.SecurityKnown || st.SecurityEnabled || st.LoggedIn {
		t.Fatalf("%+v", st)
	}
	cl, _ := e.conns.Client()
	if _, err := cl.Features(ctx); err != nil {
		t.Fatalf("read without login: %v", err)
	}
}

func TestIdleTimeoutEndsSession(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
	if _, err := e.sessions.Login(ctx, LoginInput{User: "admin", Password: simulator.AdminPassword}); err != nil {
		t.Fatal(err)
	}
	e.clock.advance(29 * time.Minute)
	e.sessions.Touch()
	e.clock.advance(29 * time.Minute)
	if _, err := e.conns.Client(); err != nil {
		t.Fatalf("activity must keep the session: %v", err)
	}
	if st := e.sessions.State(); !st.LoggedIn {
		t.Fatalf("%+v", st)
	}
	e.clock.advance(2 * time.Minute)
	_, err := e.conns.Client()
	if apperr.CodeOf(err) != apperr.LoginRequired || !strings.Contains(err.Error(), "30 minutes") {
		t.Fatalf("after 31 idle minutes: %v", err)
	}
	st := e.sessions.State()
	if st.LoggedIn || !st.TimedOut {
		t.Fatalf("state after timeout: %+v", st)
	}
	// Changing the password needs a new login first.
	if _, err := e.sessions.ChangePassword(ctx, PasswordInput{User: "admin", New: "NewPass1!", Confirm: "NewPass1!"}); apperr.CodeOf(err) != apperr.LoginRequired {
		t.Fatalf("change after timeout: %v", err)
	}
	st, err = e.sessions.Login(ctx, LoginInput{User: "admin", Password: simulator.AdminPassword})
	if err != nil || !st.LoggedIn || st.TimedOut {
		t.Fatalf("login after timeout: %+v %v", st, err)
	}
}

func TestTokenExpiryNeedsNewLogin(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn, TokenLifetime: time.Hour})
	if _, err := e.sessions.Login(ctx, LoginInput{User: "admin", Password: simulator.AdminPassword}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ { // stay active while the token ages
		e.clock.advance(25 * time.Minute)
		e.sessions.Touch()
	}
	cl, err := e.conns.Client()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Features(ctx); apperr.CodeOf(err) != apperr.LoginRequired {
		t.Fatalf("expired token: %v", err)
	}
}

func TestChangePasswordModes(t *testing.T) {
	t.Run("first login needs the current password", func(t *testing.T) {
		e := newEnv(t, simulator.Options{Security: simulator.SecurityOn, FirstLogin: true})
		st, err := e.sessions.Login(ctx, LoginInput{User: "admin", Password: simulator.AdminPassword, Remember: true})
		if err != nil || !st.PasswordChangeRequired {
			t.Fatalf("%+v %v", st, err)
		}
		_, err = e.sessions.ChangePassword(ctx, PasswordInput{User: "admin", New: "Changed1!", Confirm: "Changed1!"})
		wantField(t, err, "current")
		_, err = e.sessions.ChangePassword(ctx, PasswordInput{User: "admin", Current: simulator.AdminPassword, New: "Changed1!", Confirm: "Changed2!"})
		wantField(t, err, "confirm")
		_, err = e.sessions.ChangePassword(ctx, PasswordInput{User: "admin", Current: simulator.AdminPassword, New: "weak", Confirm: "weak"})
		wantField(t, err, "new")
		st, err = e.sessions.ChangePassword(ctx, PasswordInput{User: "admin", Current: simulator.AdminPassword, New: "Changed1!", Confirm: "Changed1!"})
		if err != nil || st.PasswordChangeRequired {
			t.Fatalf("%+v %v", st, err)
		}
		active, _ := e.store.Active()
		if pw, _ := e.secrets.Get(active.ID, "admin"); pw != "Changed1!" {
			t.Fatalf("saved password not updated: %q", pw)
		}
		if _, err := e.sessions.Login(ctx, LoginInput{User: "admin", Password: "Changed1!"}); err != nil {
			t.Fatalf("login with the new password: %v", err)
		}
	})
	t.Run("logged in needs no current password", func(t *testing.T) {
		e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
		if _, err := e.sessions.Login(ctx, LoginInput{User: "admin", Password: simulator.AdminPassword}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.sessions.ChangePassword(ctx, PasswordInput{User: "reader", New: "Reader456!", Confirm: "Reader456!"}); err != nil {
			t.Fatal(err)
		}
		e.sessions.Logout(false)
		if _, err := e.sessions.Login(ctx, LoginInput{User: "reader", Password: "Reader456!"}); err != nil {
			t.Fatalf("reader's new password: %v", err)
		}
	})
	t.Run("not logged in logs in with the current password", func(t *testing.T) {
		e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
		_, err := e.sessions.ChangePassword(ctx, PasswordInput{User: "admin", Current: "wrong", New: "Another1!", Confirm: "Another1!"})
		wantField(t, err, "current")
		st, err := e.sessions.ChangePassword(ctx, PasswordInput{User: "admin", Current: simulator.AdminPassword, New: "Another1!", Confirm: "Another1!"})
		if err != nil || !st.LoggedIn {
			t.Fatalf("%+v %v", st, err)
		}
	})
}

func TestReaderIsDeniedAdminActions(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
	if _, err := e.sessions.Login(ctx, LoginInput{User: "reader", Password: simulator.ReaderPassword}); err != nil {
		t.Fatal(err)
	}
	cl, _ := e.conns.Client()
	err := cl.UpdateConfiguration(ctx, map[string]string{"licensing.renewInterval": "5m"})
	if apperr.CodeOf(err) != apperr.AccessDenied || !strings.Contains(err.Error(), "ROLE_ADMIN") {
		t.Fatalf("reader changing policies: %v", err)
	}
}

func TestSwitchingProfileDropsTheToken(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
	first, _ := e.store.Active()
	if _, err := e.sessions.Login(ctx, LoginInput{User: "admin", Password: simulator.AdminPassword}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.AddProfile("Other"); err != nil {
		t.Fatal(err)
	}
	if err := e.store.SaveServer(simtest.ServerInput(t, simulator.New(simulator.Options{Security: simulator.SecurityOn}))); err != nil {
		t.Fatal(err)
	}
	if st := e.sessions.State(); st.LoggedIn {
		t.Fatalf("a token must not follow the user to another server: %+v", st)
	}
	_ = e.store.SetActive(first.ID)
	if st := e.sessions.State(); st.LoggedIn {
		t.Fatalf("switching back needs a new login (tokens are in memory per client): %+v", st)
	}
}

// TestNoSecretOnDisk drives a login with a remembered password and checks
// that neither the password nor the token reaches the settings file or the
// log.
func TestNoSecretOnDisk(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
	logDir := t.TempDir()
	log, closer, err := applog.Open(logDir, slog.LevelDebug)
	if err != nil {
		t.Fatal(err)
	}
	prev := slog.Default()
	slog.SetDefault(log)
	defer slog.SetDefault(prev)
	if _, err := e.sessions.Login(ctx, LoginInput{User: "admin", Password: simulator.AdminPassword, Remember: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.sessions.ChangePassword(ctx, PasswordInput{User: "admin", New: "Secret99!", Confirm: "Secret99!"}); err != nil {
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
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
	host, port := simtest.Serve(t, e.sim)
	e.store.UseDemo(host, port, "")
	st, err := e.sessions.Login(ctx, LoginInput{User: "admin", Password: simulator.AdminPassword, Remember: true})
	if err != nil || st.RememberedUser != "admin" || len(st.DemoAccounts) != 1 {
		t.Fatalf("%+v %v", st, err)
	}
	if _, err := e.secrets.Get(settings.DemoProfileID, "admin"); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatal("the demo password must not reach the OS keyring")
	}
	// Within the run it still logs in again by itself.
	e.sessions.Logout(false)
	if st := e.sessions.Start(ctx); !st.LoggedIn {
		t.Fatalf("demo auto login: %+v", st)
	}
}

// TestSavedForACollector: a collector logs in with the remembered user's
// saved password; the demo server, whose accounts are public, with its
// first account when nothing is remembered; any other profile not at all.
func TestSavedForACollector(t *testing.T) {
	sec := secrets.NewMemory()
	if err := sec.Set("p1", "alice", "s3cret"); err != nil {
		t.Fatal(err)
	}
	demo := []DemoAccount{{User: "admin", Password: "demo-pw"}, {User: "reader", Password: "r"}}
	var pol orgpolicy.Policies
	conns := New(func() (settings.Profile, bool) { return settings.Profile{}, false }, Network{Policies: func() orgpolicy.Policies { return pol }}, nil)
	s := NewSessions(conns, nil, sec, demo)
	if err := s.demoSecrets.Set("demo", "bob", "changed"); err != nil {
		t.Fatal(err)
	}
	noSaving := orgpolicy.Policies{DisableRememberPassword: true}
	tests := []struct {
		name       string
		p          settings.Profile
		pol        orgpolicy.Policies
		user, pass string
		ok         bool
	}{
		{"remembered and saved", settings.Profile{ID: "p1", RememberedUser: "alice"}, orgpolicy.Policies{}, "alice", "s3cret", true},
		{"remembered, nothing saved", settings.Profile{ID: "p1", RememberedUser: "carol"}, orgpolicy.Policies{}, "", "", false},
		{"nothing remembered", settings.Profile{ID: "p1"}, orgpolicy.Policies{}, "", "", false},
		{"saved before DisableRememberPassword: not used", settings.Profile{ID: "p1", RememberedUser: "alice"}, noSaving, "", "", false},
		{"demo, nothing remembered", settings.Profile{ID: "demo", Demo: true}, orgpolicy.Policies{}, "admin", "demo-pw", true},
		{"demo, a remembered login wins", settings.Profile{ID: "demo", Demo: true, RememberedUser: "bob"}, orgpolicy.Policies{}, "bob", "changed", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pol = tt.pol
			user, pass, ok, err := s.Saved(tt.p)
			if err != nil || user != tt.user || pass != tt.pass || ok != tt.ok {
				t.Fatalf("Saved = %q, %q, %v, %v; want %q, %q, %v", user, pass, ok, err, tt.user, tt.pass, tt.ok)
			}
		})
	}
}
