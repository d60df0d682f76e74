package app

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

// ids are records of the intact server that views and actions open.
type ids struct {
	feature, device, group int64
	model                  string
	keyFile, responseFile  string
}

// part is a view, or an action of one, as the UI calls it. It returns the
// note it shows in place of a part the server lacks ("" for none).
type part struct {
	name string
	// pools runs it on a server with a model definition instead of
	// reservations.
	pools bool
	// skip says the part does not apply to the dialect (a CLS's policies
	// are read-only; its Settings cannot point at a loopback address).
	skip bool
	// report says a failure comes as a row of its report, with its code
	// and message but without details.
	report bool
	// needs are the operations without which it fails; optional are those
	// without which it still works and says so in a note.
	needs, optional []fne.Op
	run             func(e *env, in ids) (string, error)
}

var q = listing.Query{Page: 1, PageSize: 50}

// parts are every view and action that asks the server something, in the
// navigation's order, with the operations each uses. The needs of a view
// that falls back (summaries, the device list) depend on the dialect.
func parts(dialect simulator.Dialect) []part {
	cls := dialect == simulator.DialectCLS
	health := fne.OpHealth
	summaryNeeds := []fne.Op{fne.OpFeatures}
	var summaryOptional []fne.Op
	// A local server's device list falls back to the server-level one, so
	// the view needs neither alone.
	var devicesNeeds []fne.Op
	if cls {
		health = fne.OpInstanceHealth
		// A CLS sums its features up; without that the app adds the
		// records up, and says so.
		summaryNeeds, summaryOptional = nil, []fne.Op{fne.OpFeatureSummaries}
		devicesNeeds = []fne.Op{fne.OpClients}
	}
	none := func(err error) (string, error) { return "", err }
	return []part{
		{name: "Settings: connection status", skip: cls, needs: []fne.Op{health}, run: func(e *env, _ ids) (string, error) {
			_, err := e.Settings.Status()
			return none(err)
		}},
		{name: "Properties", needs: []fne.Op{health, fne.OpConfiguration}, optional: []fne.Op{fne.OpHostIDs}, run: func(e *env, _ ids) (string, error) {
			v, err := e.Properties.Get()
			return v.HostIDsNote, err
		}},
		{name: "Properties: save", skip: cls, report: true, needs: []fne.Op{fne.OpUpdateConfiguration, fne.OpConfiguration, health}, run: func(e *env, _ ids) (string, error) {
			r, err := e.Properties.Save(map[string]string{"licensing.borrowIntervalMax": "6d"}, "")
			if err == nil && len(r.Failed) > 0 {
				return "", apperr.New(r.Failed[0].Code, "%s", r.Failed[0].Message)
			}
			return none(err)
		}},
		{name: "Features: summary", needs: summaryNeeds, optional: summaryOptional, run: func(e *env, _ ids) (string, error) {
			v, err := e.Features.Summary(q, true, "")
			if err == nil && cls && v.Source == operations.SummaryComputed {
				return "summed up by the app", nil
			}
			return none(err)
		}},
		{name: "Features: details", needs: []fne.Op{fne.OpFeatures}, run: func(e *env, _ ids) (string, error) {
			_, err := e.Features.Details(q, true, "")
			return none(err)
		}},
		{name: "Feature Details", needs: []fne.Op{fne.OpFeature}, optional: []fne.Op{fne.OpFeatureClients}, run: func(e *env, in ids) (string, error) {
			v, err := e.Features.Feature(in.feature)
			return v.ServedNote, err
		}},
		{name: "Devices", needs: devicesNeeds, run: func(e *env, _ ids) (string, error) {
			_, err := e.Devices.List(q, true, "")
			return none(err)
		}},
		{name: "Device Details", needs: []fne.Op{fne.OpClient}, optional: []fne.Op{fne.OpClientFeatures}, run: func(e *env, in ids) (string, error) {
			v, err := e.Devices.Get(in.device)
			return v.ConsumedNote, err
		}},
		{name: "Devices: delete", needs: []fne.Op{fne.OpDeleteClient}, run: func(e *env, in ids) (string, error) {
			return none(e.Devices.Delete(in.device))
		}},
		{name: "Reservations", needs: []fne.Op{fne.OpReservationGroups, fne.OpFeatures}, run: func(e *env, _ ids) (string, error) {
			_, err := e.Reservations.List(q, true, "")
			return none(err)
		}},
		{name: "Reservations: features to reserve", needs: []fne.Op{fne.OpFeatures}, run: func(e *env, _ ids) (string, error) {
			_, err := e.Reservations.Features()
			return none(err)
		}},
		{name: "Reservations: submit", report: true, needs: []fne.Op{fne.OpAddReservationGroup, fne.OpReservationGroups}, run: func(e *env, _ ids) (string, error) {
			r, err := e.Reservations.Submit([]reservations.PendingEntry{{GroupName: "Absence", DeviceID: "ABSENCE-1", IDType: "STRING", FeatureName: "Audio_Sync", Version: "1.2", Count: 1}}, "")
			if err == nil {
				err = failure(r.Results)
			}
			return none(err)
		}},
		{name: "Reservations: delete", report: true, needs: []fne.Op{fne.OpDeleteReservationGroup, fne.OpReservationGroups}, run: func(e *env, in ids) (string, error) {
			r, err := e.Reservations.Delete([]int64{in.group}, "")
			if err == nil {
				err = failure(r.Results)
			}
			return none(err)
		}},
		{name: "Pools", pools: true, needs: []fne.Op{fne.OpPartitions}, run: func(e *env, _ ids) (string, error) {
			_, err := e.Pools.Pools()
			return none(err)
		}},
		{name: "Pools: model", pools: true, needs: []fne.Op{fne.OpModel}, run: func(e *env, _ ids) (string, error) {
			_, err := e.Pools.Model()
			return none(err)
		}},
		{name: "Pools: check", pools: true, optional: []fne.Op{fne.OpFeatures}, run: func(e *env, in ids) (string, error) {
			return e.Pools.Check(in.model, true).PreviewNote, nil
		}},
		{name: "Pools: upload", pools: true, needs: []fne.Op{fne.OpUploadModel}, run: func(e *env, in ids) (string, error) {
			_, err := e.Pools.Upload(in.model, "")
			return none(err)
		}},
		{name: "Pools: delete the model", pools: true, needs: []fne.Op{fne.OpDeleteModel}, run: func(e *env, _ ids) (string, error) {
			return none(e.Pools.DeleteModel())
		}},
		{name: "Back office: activate", needs: []fne.Op{fne.OpActivations}, run: func(e *env, _ ids) (string, error) {
			_, err := e.BackOffice.Activate([]operations.ActivationInput{{ActivationID: "ACT-ABSENCE-1", Count: "1"}})
			return none(err)
		}},
		{name: "Back office: refresh", needs: []fne.Op{fne.OpSync}, run: func(e *env, _ ids) (string, error) {
			_, err := e.BackOffice.Refresh()
			return none(err)
		}},
		{name: "Back office: capability request", needs: []fne.Op{fne.OpCapabilityRequest}, run: func(e *env, _ ids) (string, error) {
			_, err := e.BackOffice.DownloadCapabilityRequest(false)
			return none(err)
		}},
		{name: "Back office: activation request", needs: []fne.Op{fne.OpActivationRequest}, run: func(e *env, _ ids) (string, error) {
			_, err := e.BackOffice.DownloadActivationRequest(operations.ActivationInput{ActivationID: "ACT-ABSENCE-2", Count: "1"})
			return none(err)
		}},
		{name: "Back office: load a response", needs: []fne.Op{fne.OpCapabilityResponse}, run: func(e *env, in ids) (string, error) {
			_, err := e.BackOffice.UploadResponse(in.responseFile)
			if apperr.CodeOf(err) == apperr.InvalidInput {
				// The server read the file and refused it: it has the operation.
				return "", nil
			}
			return none(err)
		}},
		{name: "Back office: client key", needs: []fne.Op{fne.OpUploadRestKey}, run: func(e *env, in ids) (string, error) {
			_, err := e.BackOffice.UploadClientKey(in.keyFile)
			return none(err)
		}},
		// A login the server refuses ends nothing else; a new password comes last.
		{name: "Login", needs: []fne.Op{fne.OpAuthorize}, run: func(e *env, _ ids) (string, error) {
			_, err := e.Session.Login(connect.LoginInput{User: simulator.AdminUser, Password: simulator.AdminPassword})
			return none(err)
		}},
		{name: "Reset Password", needs: []fne.Op{fne.OpChangePassword, fne.OpAuthorize}, run: func(e *env, _ ids) (string, error) {
			_, err := e.Session.ChangePassword(connect.PasswordInput{User: simulator.AdminUser, Current: simulator.AdminPassword, New: "Absence-Pass-42", Confirm: "Absence-Pass-42"})
			return none(err)
		}},
	}
}

// failure is the first group a report says failed, as the error its row
// shows.
func failure(results []operations.GroupResult) error {
	for _, r := range results {
		if !r.OK {
			return apperr.New(r.Code, "%s", r.Message)
		}
	}
	return nil
}

// unusedByViews are operations no view needs alone: only Diagnostics (or
// the console tool) calls them, or a view falls back from one to another.
func unusedByViews(dialect simulator.Dialect) []fne.Op {
	if dialect == simulator.DialectCLS {
		// A CLS has no server-level device list and is asked its
		// instance's health.
		// Its policies are read-only, so no save is sent.
		return []fne.Op{fne.OpInstance, fne.OpPing, fne.OpRevokeRestKey, fne.OpLegacyClients, fne.OpHealth, fne.OpUpdateConfiguration}
	}
	// A local server has no summaries and no ping, is asked its root
	// health, and gives its devices by either list.
	return []fne.Op{fne.OpInstance, fne.OpPing, fne.OpRevokeRestKey, fne.OpFeatureSummaries, fne.OpInstanceHealth, fne.OpClients, fne.OpLegacyClients}
}

// TestEveryViewExplainsAMissingOperation removes each operation of the API
// table from a running server in turn, on every dialect. Each view and
// action that needs it says "This server does not offer …" with the
// server's version; one that can do without shows its note; every other
// one works; and Diagnostics lists the operation as not offered.
func TestEveryViewExplainsAMissingOperation(t *testing.T) {
	simtest.EachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		ps := parts(dialect)
		for _, ep := range fne.Endpoints {
			byParts := false
			for _, p := range ps {
				byParts = byParts || !p.skip && (slices.Contains(p.needs, ep.Op) || slices.Contains(p.optional, ep.Op))
			}
			if !byParts && !slices.Contains(unusedByViews(dialect), ep.Op) {
				t.Fatalf("no view uses %s on %s: add it to parts or unusedByViews", ep.Op, dialect)
			}
			t.Run(string(ep.Op), func(t *testing.T) {
				demo, pools := newAbsenceEnv(t, dialect, simulator.DatasetDemo), newAbsenceEnv(t, dialect, simulator.DatasetPools)
				in := intact(t, demo, pools)
				demo.sim.Remove(string(ep.Op))
				pools.sim.Remove(string(ep.Op))
				for _, p := range ps {
					if p.skip {
						continue
					}
					e := demo
					if p.pools {
						e = pools
					}
					note, err := p.run(e, in)
					switch {
					case slices.Contains(p.needs, ep.Op):
						explains(t, p, ep, e.sim.Version(), err)
					case slices.Contains(p.optional, ep.Op):
						if err != nil || note == "" {
							t.Errorf("%s: note %q, %v", p.name, note, err)
						}
					case err != nil || note != "":
						t.Errorf("%s works without %s, but: note %q, %v", p.name, ep.Op, note, err)
					}
				}
				// Diagnostics probe plain reads; the rest they know from use.
				if probed := ep.Method == "GET" && ep.NotProbed == "" && !strings.Contains(ep.Path, "{"); probed || byParts {
					listed(t, ep, demo, pools)
				}
			})
		}
	})
}

// newAbsenceEnv is the app on a dialect's server of dataset, logged in.
func newAbsenceEnv(t *testing.T, dialect simulator.Dialect, dataset string) *env {
	return loggedIn(t, simulator.Options{Dialect: dialect, Dataset: dataset})
}

// intact reads the records the parts open before anything is removed.
func intact(t *testing.T, demo, pools *env) ids {
	t.Helper()
	var in ids
	f, err := demo.Features.Details(q, true, "")
	if err != nil || len(f.Rows) == 0 {
		t.Fatalf("features %v", err)
	}
	d, err := demo.Devices.List(q, true, "")
	if err != nil || len(d.Rows) == 0 {
		t.Fatalf("devices %v", err)
	}
	g, err := demo.Reservations.List(q, true, "")
	if err != nil || len(g.Rows) == 0 {
		t.Fatalf("reservations %v", err)
	}
	m, err := pools.Pools.Model()
	if err != nil || !m.Active {
		t.Fatalf("model %v", err)
	}
	in.feature, in.device, in.group, in.model = f.Rows[0].ID, d.Rows[0].ID, g.Rows[0].GroupID, m.Text
	dir := t.TempDir()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	in.keyFile, in.responseFile = filepath.Join(dir, "client.der"), filepath.Join(dir, "response.bin")
	if err := os.WriteFile(in.keyFile, der, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in.responseFile, []byte("not a response from any back office"), 0o600); err != nil {
		t.Fatal(err)
	}
	demo.dialogs.savePath = filepath.Join(dir, "request.bin")
	return in
}

// explains checks that a part failed because the server lacks ep, in words
// an administrator can pass on. Without its health a server is no license
// server, or on a CLS whose ping answers, not the instance named.
func explains(t *testing.T, p part, ep fne.Endpoint, version string, err error) {
	t.Helper()
	name, ae := p.name, apperr.From(err)
	if ep.Op == fne.OpHealth || ep.Op == fne.OpInstanceHealth {
		if err == nil || !strings.Contains(ae.Message, "not a FlexNet license server") && !strings.Contains(ae.Message, "has no instance") {
			t.Errorf("%s without health: %v", name, err)
		}
		return
	}
	if err == nil || ae.Code != apperr.NotSupported || !p.report && ae.Details["operation"] != string(ep.Op) {
		t.Errorf("%s without %s: %v, want not_supported", name, ep.Op, err)
		return
	}
	want := "This server does not offer " + ep.Label + " (server version " + version + ")"
	if !strings.HasPrefix(ae.Message, want) {
		t.Errorf("%s: %q, want %q", name, ae.Message, want)
	}
}

// listed checks that Diagnostics name the removed operation as not offered
// on one of the servers: probed when it is a read they may send, otherwise
// as the parts above met it. A server without its health cannot be
// diagnosed beyond saying so.
func listed(t *testing.T, ep fne.Endpoint, envs ...*env) {
	t.Helper()
	var seen []string
	for _, e := range envs {
		d, err := e.System.Diagnostics()
		if err != nil {
			t.Fatal(err)
		}
		if !d.Reachable {
			if ep.Op != fne.OpHealth && ep.Op != fne.OpInstanceHealth || d.Problem == "" {
				t.Errorf("diagnostics without %s: %+v", ep.Op, d)
			}
			return
		}
		for _, r := range d.Endpoints {
			if r.Op == ep.Op {
				if r.Outcome == fne.ProbeNotSupported {
					return
				}
				seen = append(seen, string(r.Outcome)+": "+r.Message)
			}
		}
	}
	t.Errorf("diagnostics list %s as %q", ep.Op, seen)
}
