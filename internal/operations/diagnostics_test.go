package operations

import (
	"testing"

	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

func TestDiagnosticsListEveryEndpoint(t *testing.T) {
	sim := simulator.New(simulator.Options{Version: "2025.10.0"})
	host, port := simtest.Serve(t, sim)
	cl := fneClient(host, port)
	if _, err := cl.Login(ctx, simulator.ReaderUser, simulator.ReaderPassword); err != nil {
		t.Fatal(err)
	}
	d := Diagnose(ctx, cl, settings.Profile{Name: "Lab", Host: host, Port: port}, cl.Health)
	if !d.Reachable || d.Version != "2025.10.0" || !d.SecurityEnabled || d.LoggedInAs != "reader" || d.Certificate != nil || d.ProfileName != "Lab" {
		t.Fatalf("summary: %+v", d)
	}
	if len(d.Endpoints) != len(fne.Endpoints) {
		t.Fatalf("%d results for %d endpoints", len(d.Endpoints), len(fne.Endpoints))
	}
	outcome := map[fne.Op]fne.ProbeOutcome{}
	for _, r := range d.Endpoints {
		outcome[r.Op] = r.Outcome
	}
	for op, w := range map[fne.Op]fne.ProbeOutcome{
		fne.OpHealth: fne.ProbeSupported, fne.OpFeatures: fne.ProbeSupported, fne.OpClients: fne.ProbeSupported,
		fne.OpFeatureSummaries: fne.ProbeNotSupported, fne.OpFeature: fne.ProbeSkipped, fne.OpCapabilityRequest: fne.ProbeSkipped,
		fne.OpAuthorize: fne.ProbeSupported, fne.OpSync: fne.ProbeSkipped,
	} {
		if outcome[op] != w {
			t.Errorf("%s: %s, want %s", op, outcome[op], w)
		}
	}
}

func TestDiagnosticsOfAnUnreachableServer(t *testing.T) {
	cl := fneClient("127.0.0.1", 1)
	d := Diagnose(ctx, cl, settings.Profile{Host: "127.0.0.1", Port: 1}, cl.Health)
	if d.Reachable || d.Problem == "" || len(d.Endpoints) != 0 {
		t.Fatalf("%+v", d)
	}
}
