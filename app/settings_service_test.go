package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

func TestSettingsServiceSaveAndView(t *testing.T) {
	store, err := settings.Open(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	dialogs := &fakeDialogs{}
	svc := NewSettingsService(store, connect.Network{Secrets: secrets.NewMemory()}, dialogs)
	v := svc.Get()
	if v.Complete || len(v.Profiles) != 1 || v.PageSize != settings.DefaultPageSize || v.ConnectionKey == "" {
		t.Fatalf("initial view %+v", v)
	}
	_, err = svc.Save(settings.ServerInput{PageSize: 1, Host: "", ServerType: settings.ServerLocal, Port: 0})
	if apperr.CodeOf(err) != apperr.InvalidInput || len(apperr.ItemsOf(err)) != 3 {
		t.Fatalf("err = %#v", err)
	}
	// Saving works with nothing listening at the address.
	key := v.ConnectionKey
	v, err = svc.Save(settings.ServerInput{PageSize: 20, Host: "127.0.0.1", ServerType: settings.ServerLocal, Port: 1})
	if err != nil || !v.Complete || v.PageSize != 20 || v.Active.Port != 1 || v.ConnectionKey == key {
		t.Fatalf("view %+v %v", v, err)
	}
	v, err = svc.AddProfile("Lab")
	if err != nil || v.Complete || v.Active.Name != "Lab" || len(v.Profiles) != 2 {
		t.Fatalf("add: %+v %v", v, err)
	}
	if _, err := svc.AddProfile("lab"); apperr.CodeOf(err) != apperr.InvalidInput || apperr.ItemsOf(err)[0].Code != apperr.ItemTaken {
		t.Fatalf("duplicate name: %v", err)
	}
	v, err = svc.SwitchProfile(v.Profiles[0].ID)
	if err != nil || !v.Complete {
		t.Fatalf("switch: %+v %v", v, err)
	}
	if v, err = svc.SetTheme(settings.ThemeDark); err != nil || v.Theme != settings.ThemeDark {
		t.Fatalf("theme: %+v %v", v, err)
	}
	if v, err = svc.SetNavCollapsed(true); err != nil || !v.NavCollapsed {
		t.Fatalf("nav: %+v %v", v, err)
	}
	// Trust: a pinned certificate and a CA file, each cleared on its own.
	ca := filepath.Join(t.TempDir(), "ca.pem")
	_ = os.WriteFile(ca, []byte("-----BEGIN CERTIFICATE-----\n"), 0o600)
	dialogs.openPath = ca
	if v, err = svc.ChooseCAFile(); err != nil || v.Active.CAFile != ca {
		t.Fatalf("CA file: %+v %v", v, err)
	}
	if v, err = svc.TrustCertificate("AB:CD"); err != nil || v.Active.PinnedFingerprint != "AB:CD" || v.Active.CAFile != ca {
		t.Fatalf("pin: %+v %v", v, err)
	}
	if v, err = svc.SetCAFile(""); err != nil || v.Active.CAFile != "" || v.Active.PinnedFingerprint != "AB:CD" {
		t.Fatalf("clear CA: %+v %v", v, err)
	}
}

func TestStatusFollowsTheActiveProfile(t *testing.T) {
	simtest.EachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		if dialect == simulator.DialectCLS {
			t.Skip("the Settings view takes a CLS only at siteID.compliance.flexnetoperations.com, never on loopback")
		}
		store, _ := settings.Open(t.TempDir(), "")
		svc := NewSettingsService(store, connect.Network{Secrets: secrets.NewMemory()}, nil)
		if _, err := svc.Status(); apperr.CodeOf(err) != apperr.NotConfigured {
			t.Fatalf("incomplete settings: %v", err)
		}
		in := simtest.ServerInput(t, simulator.New(simulator.Options{Dialect: dialect, InstanceID: "STATUS123456"}))
		if info, err := svc.TestConnection(in); err != nil || info.InstanceID != "STATUS123456" {
			t.Fatalf("test before saving: %+v %v", info, err)
		}
		if _, err := svc.Save(in); err != nil {
			t.Fatal(err)
		}
		info, err := svc.Status()
		if err != nil || info.InstanceID != "STATUS123456" {
			t.Fatalf("status %+v %v", info, err)
		}
		// A cancelled lifecycle context cancels the call.
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		svc.setContext(ctx, nil, nil)
		if _, err := svc.Status(); err == nil {
			t.Fatal("a cancelled context must fail the call")
		}
	})
}
