package app

import (
	"context"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
)

func TestDiagnosticsProbesEveryGET(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn, Version: "2025.10.0"})
	if _, err := e.svc.Login(LoginInput{User: "reader", Password: simulator.ReaderPassword}); err != nil {
		t.Fatal(err)
	}
	d, err := runDiagnostics(context.Background(), e.conns)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Reachable || d.Version != "2025.10.0" || !d.SecurityEnabled || d.LoggedInAs != "reader" || d.Certificate != nil {
		t.Fatalf("summary: %+v", d)
	}
	gets := 0
	for _, ep := range fne.Endpoints {
		if ep.Method == "GET" {
			gets++
		}
	}
	if len(d.Endpoints) != gets {
		t.Fatalf("%d results for %d GET endpoints", len(d.Endpoints), gets)
	}
	outcome := map[fne.Op]string{}
	for _, r := range d.Endpoints {
		outcome[r.Op] = r.Outcome
	}
	want := map[fne.Op]string{
		fne.OpHealth:            fne.ProbeSupported,
		fne.OpFeatures:          fne.ProbeSupported,
		fne.OpClients:           fne.ProbeSupported,
		fne.OpFeatureSummaries:  fne.ProbeNotSupported,
		fne.OpFeature:           fne.ProbeSkipped,
		fne.OpCapabilityRequest: fne.ProbeSkipped,
	}
	for op, w := range want {
		if outcome[op] != w {
			t.Errorf("%s: %s, want %s", op, outcome[op], w)
		}
	}
}

func TestDiagnosticsOfUnreachableServer(t *testing.T) {
	store, _ := settings.Open(t.TempDir(), "")
	conns := NewConnections(store, nil)
	if _, err := runDiagnostics(context.Background(), conns); apperr.CodeOf(err) != apperr.NotConfigured {
		t.Fatalf("incomplete settings: %v", err)
	}
	_ = store.SaveServer(settings.ServerInput{PageSize: 50, Host: "127.0.0.1", ServerType: settings.ServerLocal, Port: 1})
	d, err := runDiagnostics(context.Background(), conns)
	if err != nil || d.Reachable || d.Problem == "" || len(d.Endpoints) != 0 {
		t.Fatalf("%+v %v", d, err)
	}
}
