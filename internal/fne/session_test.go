package fne

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/simulator"
)

func TestLogin(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := newEnv(t, simulator.Options{Dialect: dialect, Security: simulator.SecurityOn, InstanceID: "ABCDEF123456", TokenLifetime: time.Hour})
		c := e.client
		if _, ok := c.Session(); ok {
			t.Fatal("a new client is logged in")
		}
		_, err := c.Features(ctx)
		wantCode(t, err, apperr.LoginRequired)

		_, err = c.Login(ctx, simulator.AdminUser, "wrong")
		ae := wantCode(t, err, apperr.LoginRequired)
		if ae.Message != "The user name or password is not correct." {
			t.Fatalf("message %q", ae.Message)
		}
		s, err := c.Login(ctx, simulator.AdminUser, simulator.AdminPassword)
		if err != nil {
			t.Fatal(err)
		}
		// ROLE_OFFLINE came with releases after the legacy one.
		if s.User != "admin" || s.Instance != "ABCDEF123456" || !s.HasRole(RoleAdmin) || s.HasRole(RoleOffline) != (dialect != simulator.DialectLegacy) ||
			s.HasRole(RoleProducer) || !s.Expires.Equal(e.clock.Now().Add(time.Hour)) || s.PasswordChangeRequired {
			t.Fatalf("session %+v", s)
		}
		if got, ok := c.Session(); !ok || got.User != "admin" {
			t.Fatal("session not kept")
		}
		if _, err := c.Features(ctx); err != nil {
			t.Fatal(err)
		}

		e.clock.Advance(time.Hour)
		_, err = c.Features(ctx)
		wantCode(t, err, apperr.LoginRequired)
		if _, ok := c.Session(); ok {
			t.Fatal("the expired session is still held")
		}
		if _, err := c.Login(ctx, simulator.AdminUser, simulator.AdminPassword); err != nil {
			t.Fatal(err)
		}
		c.Logout()
		_, err = c.Features(ctx)
		wantCode(t, err, apperr.LoginRequired)

		// The producer's account: the producer role and reads, no more.
		p, err := c.Login(ctx, simulator.ProducerUser, simulator.ProducerPassword)
		if err != nil || !reflect.DeepEqual(p.Roles, []string{"ROLE_PRODUCER", "ROLE_READ"}) {
			t.Fatalf("producer %+v %v", p, err)
		}
		if _, err := c.Features(ctx); err != nil {
			t.Fatal(err)
		}
		wantCode(t, c.Sync(ctx), apperr.AccessDenied)
	})
}

func TestRolesAndSecurityModes(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := newEnv(t, simulator.Options{Dialect: dialect, Security: simulator.SecurityOn})
		c := e.client
		if _, err := c.Login(ctx, simulator.ReaderUser, simulator.ReaderPassword); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Devices(ctx); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			call func() error
			role Role
		}{
			{"delete device", func() error { return c.DeleteDevice(ctx, 7700) }, RoleDropClient},
			{"add reservations", func() error { _, err := c.AddReservationGroup(ctx, reservations.Group{Name: "x"}); return err }, RoleReservations},
			{"sync", func() error { return c.Sync(ctx) }, RoleAdmin},
			{"offline request", func() error { _, err := c.CapabilityRequest(ctx); return err }, RoleOffline},
		}
		for _, tt := range tests {
			// A legacy server guards offline operations with ROLE_ADMIN and
			// says so; the error names the role it checked.
			if dialect == simulator.DialectLegacy && tt.role == RoleOffline {
				tt.role = RoleAdmin
			}
			ae := wantCode(t, tt.call(), apperr.AccessDenied)
			if ae.Details["role"] != string(tt.role) || !strings.Contains(ae.Message, string(tt.role)) {
				t.Errorf("%s: %q %v, want role %s", tt.name, ae.Message, ae.Details, tt.role)
			}
			// The message says what the login has, so the user sees what is missing.
			if !strings.Contains(ae.Message, "logged in as reader with the roles: ROLE_READ.") || strings.Contains(ae.Message, "although") {
				t.Errorf("%s: %q does not name the login's roles", tt.name, ae.Message)
			}
		}

		off := newEnv(t, simulator.Options{Dialect: dialect, Security: simulator.SecurityOff})
		if err := off.client.Sync(ctx); err != nil {
			t.Fatalf("security off needs no login: %v", err)
		}
		anon := newEnv(t, simulator.Options{Dialect: dialect, Security: simulator.SecurityAnonymous})
		if _, err := anon.client.Features(ctx); err != nil {
			t.Fatalf("anonymous reads: %v", err)
		}
		wantCode(t, anon.client.Sync(ctx), apperr.LoginRequired)
		if _, err := anon.client.Login(ctx, simulator.AdminUser, simulator.AdminPassword); err != nil {
			t.Fatal(err)
		}
		if err := anon.client.Sync(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

func TestFirstLoginAndPasswordRules(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := newEnv(t, simulator.Options{Dialect: dialect, Security: simulator.SecurityOn, FirstLogin: true})
		c := e.client
		s, err := c.Login(ctx, simulator.AdminUser, simulator.AdminPassword)
		if err != nil || !s.PasswordChangeRequired {
			t.Fatalf("%+v %v", s, err)
		}
		_, err = c.Features(ctx)
		ae := wantCode(t, err, apperr.AccessDenied)
		if ae.Details["passwordChangeRequired"] != true || !strings.Contains(ae.Message, "must be changed") || strings.Contains(ae.Message, "ROLE_") {
			t.Fatalf("%q %v", ae.Message, ae.Details)
		}
		tests := []struct {
			current, next string
			want          string
		}{
			{"", "NewSecret1!", "current password"},
			{"wrong", "NewSecret1!", "not correct"},
			{simulator.AdminPassword, "Short1!", "8 to 30"},
			{simulator.AdminPassword, "Abcdefghijklmnopqrstuvwxyz12345!", "8 to 30"},
			{simulator.AdminPassword, "nouppercase1!", "upper-case"},
			{simulator.AdminPassword, "NOLOWERCASE1!", "lower-case"},
			{simulator.AdminPassword, "NoSpecial123", "one of"},
			{simulator.AdminPassword, simulator.AdminPassword, "differ"},
		}
		for _, tt := range tests {
			ae := wantCode(t, c.ChangePassword(ctx, "admin", tt.current, tt.next), apperr.InvalidInput)
			if !strings.Contains(ae.Message, tt.want) {
				t.Errorf("%q → %q: %q, want %q", tt.current, tt.next, ae.Message, tt.want)
			}
		}
		if err := c.ChangePassword(ctx, "admin", simulator.AdminPassword, "NewSecret1!"); err != nil {
			t.Fatal(err)
		}
		if s, _ := c.Session(); s.PasswordChangeRequired {
			t.Fatal("the session still asks for a password change")
		}
		if _, err := c.Features(ctx); err != nil {
			t.Fatal(err)
		}
		// A logged-in admin may omit the current password; a reader may not.
		if err := c.ChangePassword(ctx, "reader", "", "Reader456!"); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Login(ctx, "reader", "Reader456!"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, c.ChangePassword(ctx, "admin", "", "Another1!"), apperr.AccessDenied)
		wantCode(t, c.ChangePassword(ctx, "nobody", "x", "Another1!"), apperr.NotFound)
	})
}

func TestTokenNeverInErrors(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		e.sim.SetFault(simulator.Fault{Target: "features", Status: 500})
		_, err := e.client.Features(ctx)
		tok := e.client.currentToken()
		if tok == "" || strings.Contains(err.Error(), tok) || strings.Contains(apperr.From(err).Message, tok[:20]) {
			t.Fatal("the token leaked into an error")
		}
	})
}
