package connect

import (
	"net"
	"net/http/httptest"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

func TestTestServerReportsTheServer(t *testing.T) {
	for _, tt := range []struct {
		sec      simulator.Security
		security bool
	}{{simulator.SecurityOn, true}, {simulator.SecurityOff, false}} {
		in := simtest.ServerInput(t, simulator.New(simulator.Options{Security: tt.sec, InstanceID: "DEMO12345678", Version: "2025.10.0"}))
		info, err := TestServer(ctx, in, settings.Profile{}, Network{})
		if err != nil {
			t.Fatal(err)
		}
		if info.Version != "2025.10.0" || info.InstanceID != "DEMO12345678" || info.SecurityEnabled != tt.security || info.URL == "" {
			t.Fatalf("info = %+v", info)
		}
	}
}

func TestTestServerErrors(t *testing.T) {
	_, err := TestServer(ctx, settings.ServerInput{PageSize: 50, ServerType: settings.ServerLocal, Port: 7070}, settings.Profile{}, Network{})
	if apperr.CodeOf(err) != apperr.InvalidInput || apperr.ItemsOf(err)[0].Field != settings.FieldHost {
		t.Fatalf("empty host: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	_, err = TestServer(ctx, settings.ServerInput{PageSize: 50, Host: "127.0.0.1", ServerType: settings.ServerLocal, Port: port}, settings.Profile{}, Network{})
	if apperr.CodeOf(err) != apperr.Unreachable {
		t.Fatalf("closed port: %v", err)
	}
	// A web server that is not a license server.
	other := httptest.NewServer(nil)
	defer other.Close()
	in := settings.ServerInput{PageSize: 50, Host: "127.0.0.1", ServerType: settings.ServerLocal, Port: other.Listener.Addr().(*net.TCPAddr).Port}
	if _, err := TestServer(ctx, in, settings.Profile{}, Network{}); apperr.CodeOf(err) != apperr.NotSupported {
		t.Fatalf("not a license server: %v", err)
	}
	if _, err := Check(ctx, settings.Profile{}, Network{}); apperr.CodeOf(err) != apperr.NotConfigured {
		t.Fatalf("incomplete profile: %v", err)
	}
}

func TestKeyChangesWithWhereAndHowTheAppConnects(t *testing.T) {
	base := settings.Profile{ID: "p1", Name: "Prod", Host: "lls", ServerType: settings.ServerLocal, Port: 7070}
	same := base
	same.Name, same.RememberedUser = "Renamed", "admin"
	if Key(base) != Key(same) {
		t.Fatal("a name or remembered user does not change the connection")
	}
	for name, change := range map[string]func(*settings.Profile){
		"host": func(p *settings.Profile) { p.Host = "other" }, "port": func(p *settings.Profile) { p.Port = 7071 },
		"https": func(p *settings.Profile) { p.HTTPS = true }, "pin": func(p *settings.Profile) { p.PinnedFingerprint = "AB" },
		"ca": func(p *settings.Profile) { p.CAFile = "/ca.pem" }, "type": func(p *settings.Profile) { p.ServerType = settings.ServerCLS },
		"instance": func(p *settings.Profile) { p.InstanceID = "X" }, "profile": func(p *settings.Profile) { p.ID = "p2" },
	} {
		p := base
		change(&p)
		if Key(p) == Key(base) {
			t.Errorf("changing the %s must change the key", name)
		}
	}
}
