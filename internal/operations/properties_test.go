package operations

import (
	"context"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/simulator"
)

func TestPropertiesGetAndSave(t *testing.T) {
	_, cl := admin(t, simulator.Options{})
	v, err := Properties(ctx, cl, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.HostIDs) < 2 || v.SelectedHostID == "" || v.ServerVersion == "" || v.DeviceUUID == "" || v.ReadOnly {
		t.Fatalf("general: %+v", v)
	}
	if v.Sections[0].Name != "Secure REST API" || len(v.Sections) != 7 {
		t.Fatalf("sections: %d, first %q", len(v.Sections), v.Sections[0].Name)
	}
	_, err = SaveProperties(ctx, cl, false, map[string]string{"licensing.renewInterval": "soon", "licensing.responseLifetime": "2d", "nope": "1"}, orgpolicy.Policies{})
	codes := map[string]string{}
	for _, it := range apperr.ItemsOf(err) {
		codes[it.Item] = it.Code
	}
	if codes["licensing.renewInterval"] != apperr.ItemFormat || codes["licensing.responseLifetime"] != apperr.ItemLocked || codes["nope"] != apperr.ItemUnknown {
		t.Fatalf("invalid save: %v %+v", err, apperr.ItemsOf(err))
	}
	rep, err := SaveProperties(ctx, cl, false, map[string]string{"licensing.renewInterval": "20", "security.token.duration": "1d", "server.hostid": v.HostIDs[1].Setting}, orgpolicy.Policies{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rep.Saved, ",") != "licensing.renewInterval,server.hostid" || len(rep.Failed) != 0 || len(rep.NotSent) != 0 || rep.Stopped != nil {
		t.Fatalf("report %+v (unchanged values must not be sent)", rep)
	}
	again, _ := Properties(ctx, cl, false)
	if again.SelectedHostID != v.HostIDs[1].Setting {
		t.Fatalf("host ID not changed: %s", again.SelectedHostID)
	}
	if _, err := SaveProperties(ctx, cl, true, map[string]string{"licensing.renewInterval": "30"}, orgpolicy.Policies{}); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("a CLS is read-only: %v", err)
	}
	cls, _ := Properties(ctx, cl, true)
	if !cls.ReadOnly || cls.Sections[0].Settings[0].LockedReason == "" {
		t.Fatalf("CLS view: %+v", cls)
	}
}

func TestPropertiesSaveStoppedBySessionEndThenRetried(t *testing.T) {
	sim, cl := admin(t, simulator.Options{})
	changes := map[string]string{"licensing.renewInterval": "21", "failover.syncInterval": "7m", "security.token.duration": "2d"}
	// The server ends the session after one change has been saved.
	sim.SetFault(simulator.Fault{Target: "updateConfiguration", UnauthorizedAfter: 1})
	rep, err := SaveProperties(ctx, cl, false, changes, orgpolicy.Policies{})
	if err != nil || len(rep.Saved) != 1 || len(rep.NotSent) != 2 || rep.Stopped == nil || rep.Stopped.Code != apperr.LoginRequired {
		t.Fatalf("first save: %+v %v", rep, err)
	}
	sim.ClearFaults()
	if _, err := cl.Login(ctx, simulator.AdminUser, simulator.AdminPassword); err != nil {
		t.Fatal(err)
	}
	before := sim.Requests("updateConfiguration")
	// The page sends every change again; what was saved is unchanged now.
	again, err := SaveProperties(ctx, cl, false, changes, orgpolicy.Policies{})
	if err != nil || len(again.Saved) != 2 || rep.Saved[0] == again.Saved[0] || again.Stopped != nil {
		t.Fatalf("retry: %+v %v", again, err)
	}
	if sent := sim.Requests("updateConfiguration") - before; sent != 2 {
		t.Fatalf("the retry sent %d settings, want the 2 not saved", sent)
	}
}

// settingsServer refuses its nth update with err.
type settingsServer struct {
	PropertiesServer
	n    int
	err  error
	sent []string
}

func (s *settingsServer) UpdateConfiguration(ctx context.Context, changed map[string]string) error {
	for k := range changed {
		s.sent = append(s.sent, k)
	}
	if len(s.sent) == s.n {
		return s.err
	}
	return s.PropertiesServer.UpdateConfiguration(ctx, changed)
}

func TestPropertiesSaveAFailureAtEachStep(t *testing.T) {
	changes := map[string]string{"licensing.renewInterval": "22", "failover.syncInterval": "7m", "security.token.duration": "3d"}
	tests := []struct {
		name                   string
		n                      int
		err                    error
		saved, failed, notSent int
		wantErr                bool
	}{
		{"first refused", 1, apperr.New(apperr.InvalidInput, "The server refused changing policy settings."), 2, 1, 0, false},
		{"first finds the session ended", 1, errLogin, 0, 0, 0, true},
		{"middle refused", 2, apperr.New(apperr.ServerError, "The server failed."), 2, 1, 0, false},
		{"session ends at the last", 3, errLogin, 2, 0, 1, false},
		{"server gone at the middle", 2, errGone, 1, 1, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, cl := admin(t, simulator.Options{})
			srv := &settingsServer{PropertiesServer: cl, n: tt.n, err: tt.err}
			rep, err := SaveProperties(ctx, srv, false, changes, orgpolicy.Policies{})
			if (err != nil) != tt.wantErr || len(rep.Saved) != tt.saved || len(rep.Failed) != tt.failed || len(rep.NotSent) != tt.notSent {
				t.Fatalf("%+v %v", rep, err)
			}
			// What the report calls saved is on the server, and nothing else.
			now, _ := Properties(ctx, cl, false)
			for _, sec := range now.Sections {
				for _, st := range sec.Settings {
					want, changed := changes[st.Name]
					if !changed {
						continue
					}
					saved := contains(rep.Saved, st.Name)
					if (st.Value == want) != saved {
						t.Errorf("%s is %q on the server; the report says saved=%v", st.Name, st.Value, saved)
					}
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
