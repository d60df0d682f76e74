package app

import (
	"context"
	"errors"
	"net"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
)

func newSettingsService(t *testing.T) *SettingsService {
	t.Helper()
	store, err := settings.Open(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	return NewSettingsService(store, nil, nil)
}

// serverInput points at a simulator served by httptest.
func serverInput(t testing.TB, sim *simulator.Server) settings.ServerInput {
	t.Helper()
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	host, port, _ := net.SplitHostPort(u.Host)
	p, _ := strconv.Atoi(port)
	return settings.ServerInput{PageSize: 50, Host: host, ServerType: settings.ServerLocal, Port: p}
}

func TestSettingsServiceSaveAndView(t *testing.T) {
	svc := newSettingsService(t)
	v := svc.Get()
	if v.Complete || len(v.Profiles) != 1 || v.PageSize != settings.DefaultPageSize {
		t.Fatalf("initial view %+v", v)
	}
	_, err := svc.Save(settings.ServerInput{PageSize: 1, Host: "", ServerType: settings.ServerLocal, Port: 0})
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != apperr.InvalidInput || len(ae.Fields) != 3 {
		t.Fatalf("err = %#v", err)
	}
	// Saving works with nothing listening at the address.
	v, err = svc.Save(settings.ServerInput{PageSize: 20, Host: "127.0.0.1", ServerType: settings.ServerLocal, Port: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !v.Complete || v.PageSize != 20 || v.Active.Port != 1 {
		t.Fatalf("view %+v", v)
	}
	v, err = svc.AddProfile("Lab")
	if err != nil || v.Complete || v.Active.Name != "Lab" || len(v.Profiles) != 2 {
		t.Fatalf("add: %+v %v", v, err)
	}
	v, err = svc.SwitchProfile(v.Profiles[0].ID)
	if err != nil || !v.Complete {
		t.Fatalf("switch: %+v %v", v, err)
	}
	if v, err = svc.SetTheme(settings.ThemeDark); err != nil || v.Theme != settings.ThemeDark {
		t.Fatalf("theme: %+v %v", v, err)
	}
}

func TestTestConnectionReportsServer(t *testing.T) {
	svc := newSettingsService(t)
	tests := []struct {
		sec      simulator.Security
		security bool
	}{
		{simulator.SecurityOn, true},
		{simulator.SecurityOff, false},
	}
	for _, tt := range tests {
		in := serverInput(t, simulator.New(simulator.Options{Security: tt.sec, InstanceID: "DEMO12345678", Version: "2025.10.0"}))
		info, err := svc.TestConnection(in)
		if err != nil {
			t.Fatal(err)
		}
		if info.Version != "2025.10.0" || info.InstanceID != "DEMO12345678" || info.SecurityEnabled != tt.security {
			t.Fatalf("info = %+v", info)
		}
	}
}

func TestTestConnectionErrors(t *testing.T) {
	svc := newSettingsService(t)
	if _, err := svc.TestConnection(settings.ServerInput{PageSize: 50, ServerType: settings.ServerLocal, Port: 7070}); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("empty host: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	_, err = svc.TestConnection(settings.ServerInput{PageSize: 50, Host: "127.0.0.1", ServerType: settings.ServerLocal, Port: port})
	if apperr.CodeOf(err) != apperr.Unreachable {
		t.Fatalf("closed port: %v", err)
	}
	// A web server that is not a license server.
	other := httptest.NewServer(nil)
	defer other.Close()
	u, _ := url.Parse(other.URL)
	_, p, _ := net.SplitHostPort(u.Host)
	pn, _ := strconv.Atoi(p)
	_, err = svc.TestConnection(settings.ServerInput{PageSize: 50, Host: "127.0.0.1", ServerType: settings.ServerLocal, Port: pn})
	if apperr.CodeOf(err) != apperr.NotSupported {
		t.Fatalf("not a license server: %v", err)
	}
}

func TestStatusFollowsActiveProfile(t *testing.T) {
	svc := newSettingsService(t)
	if _, err := svc.Status(); apperr.CodeOf(err) != apperr.NotConfigured {
		t.Fatalf("incomplete settings: %v", err)
	}
	in := serverInput(t, simulator.New(simulator.Options{InstanceID: "STATUS123456"}))
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
	svc.setContext(ctx)
	if _, err := svc.Status(); err == nil {
		t.Fatal("a cancelled context must fail the call")
	}
}
