package settings

import (
	"os"
	"path/filepath"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/orgpolicy"
)

// refusedBy fails t unless err is a policy refusal naming field.
func refusedBy(t *testing.T, err error, field string) {
	t.Helper()
	items := apperr.ItemsOf(err)
	if apperr.CodeOf(err) != apperr.Policy || len(items) != 1 || items[0].Field != field || items[0].Code != apperr.ItemLocked {
		t.Fatalf("want a policy refusal of %s, got %v %+v", field, err, items)
	}
}

func TestDisableRememberPassword(t *testing.T) {
	s, _ := openTemp(t)
	p, _ := s.Active()
	s.Govern(orgpolicy.Policies{DisableRememberPassword: true})
	refusedBy(t, s.SetRememberedUser(p.ID, "alice"), "remember")
	if err := s.SetRememberedUser(p.ID, ""); err != nil {
		t.Fatalf("forgetting must stay possible: %v", err)
	}
	s.Govern(orgpolicy.Policies{})
	if err := s.SetRememberedUser(p.ID, "alice"); err != nil {
		t.Fatal(err)
	}
}

func TestAllowedServers(t *testing.T) {
	s, _ := openTemp(t)
	s.Govern(orgpolicy.Load(orgpolicy.Source{Where: "HKLM", Values: map[string]orgpolicy.Value{
		orgpolicy.NameAllowedServers: {Text: []string{"*.corp.example:7070", "site1.compliance.flexnetoperations.com"}},
	}}))
	tests := []struct {
		name string
		in   ServerInput
		ok   bool
	}{
		{"an allowed host and port", ServerInput{PageSize: 50, Host: "lls01.corp.example", ServerType: ServerLocal, Port: 7070}, true},
		{"an allowed host, another port", ServerInput{PageSize: 50, Host: "lls01.corp.example", ServerType: ServerLocal, Port: 7071}, false},
		{"another host", ServerInput{PageSize: 50, Host: "lls01.elsewhere.example", ServerType: ServerLocal, Port: 7070}, false},
		{"an allowed CLS", ServerInput{PageSize: 50, Host: "site1.compliance.flexnetoperations.com", ServerType: ServerCLS, InstanceID: "ABCDEF123456"}, true},
		{"another CLS", ServerInput{PageSize: 50, Host: "site2.compliance.flexnetoperations.com", ServerType: ServerCLS, InstanceID: "ABCDEF123456"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := s.Active()
			err := s.SaveServer(tt.in)
			if tt.ok {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			refusedBy(t, err, FieldHost)
			if after, _ := s.Active(); after.Host != before.Host || after.Port != before.Port {
				t.Fatalf("a refused server was stored: %+v", after)
			}
		})
	}
	if err := Allowed(s.Policies(), Profile{Demo: true, Host: "127.0.0.1", Port: 40000}); err != nil {
		t.Fatalf("the built-in demo server is always allowed: %v", err)
	}
}

func TestLockedProfiles(t *testing.T) {
	defaults := filepath.Join(t.TempDir(), "defaults.json")
	if err := os.WriteFile(defaults, []byte(`{"host":"lls01.corp.example","port":7071,"https":true}`), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(t.TempDir(), defaults)
	if err != nil {
		t.Fatal(err)
	}
	managed, _ := s.Active()
	own, err := s.AddProfile("My lab")
	if err != nil {
		t.Fatal(err)
	}
	s.Govern(orgpolicy.Policies{LockedProfiles: true})
	for _, p := range s.Snapshot().Profiles {
		if p.Managed != (p.ID == managed.ID) {
			t.Fatalf("%s: managed %t", p.Name, p.Managed)
		}
	}
	// The user's own profile stays theirs.
	if err := s.SaveServer(ServerInput{PageSize: 50, Host: "lab.example", ServerType: ServerLocal, Port: 7070}); err != nil {
		t.Fatal(err)
	}
	if err := s.RenameProfile(own.ID, "Lab"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetActive(managed.ID); err != nil {
		t.Fatal(err)
	}
	refusedBy(t, s.SaveServer(ServerInput{PageSize: 50, Host: "lls02.corp.example", ServerType: ServerLocal, Port: 7071, HTTPS: true}), FieldHost)
	refusedBy(t, s.SaveServer(ServerInput{PageSize: 50, Host: "lls01.corp.example", ServerType: ServerLocal, Port: 7071}), FieldHost)
	// The page size is the user's preference, not the profile's.
	if err := s.SaveServer(ServerInput{PageSize: 100, Host: "lls01.corp.example", ServerType: ServerLocal, Port: 7071, HTTPS: true}); err != nil {
		t.Fatalf("saving the managed server unchanged: %v", err)
	}
	refusedBy(t, s.RenameProfile(managed.ID, "Mine"), FieldName)
	refusedBy(t, s.DeleteProfile(managed.ID), FieldName)
	if err := s.DeleteProfile(own.ID); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Active(); p.Host != "lls01.corp.example" || p.Port != 7071 || !p.HTTPS || p.Name != managed.Name {
		t.Fatalf("the managed profile changed: %+v", p)
	}
	// Without the policy it is an ordinary profile again.
	s.Govern(orgpolicy.Policies{})
	if err := s.RenameProfile(managed.ID, "Mine"); err != nil {
		t.Fatal(err)
	}
}

func TestDisableHistoryCollection(t *testing.T) {
	s, _ := openTemp(t)
	p, _ := s.Active()
	if err := s.SetRecordHistory(p.ID, false); err != nil {
		t.Fatal(err)
	}
	s.Govern(orgpolicy.Policies{DisableHistoryCollection: true})
	refusedBy(t, s.SetRecordHistory(p.ID, true), "recordHistory")
	if err := s.SetRecordHistory(p.ID, false); err != nil {
		t.Fatalf("turning it off stays possible: %v", err)
	}
}

func TestHistoryRetentionDays(t *testing.T) {
	tests := []struct{ policy, want int }{{90, 90}, {5, MinRetentionDays}, {100000, MaxRetentionDays}}
	for _, tt := range tests {
		s, _ := openTemp(t)
		in := HistoryInput{History: s.Snapshot().Preferences.History, StartView: StartAbout}
		in.History.RetentionDays = 200
		if err := s.SetHistory(in); err != nil {
			t.Fatal(err)
		}
		s.Govern(orgpolicy.Policies{HistoryRetentionDays: tt.policy})
		if got := s.Snapshot().Preferences.History.RetentionDays; got != tt.want {
			t.Fatalf("policy %d: retention %d, want %d", tt.policy, got, tt.want)
		}
		in.History.RetentionDays = 300
		refusedBy(t, s.SetHistory(in), "retentionDays")
		in.History.RetentionDays, in.History.IntervalMinutes = tt.want, 15
		if err := s.SetHistory(in); err != nil {
			t.Fatalf("the other history settings stay the user's: %v", err)
		}
		s.Govern(orgpolicy.Policies{})
		if h := s.Snapshot().Preferences.History; h.RetentionDays != 200 || h.IntervalMinutes != 15 {
			t.Fatalf("without the policy the user's own retention is back: %+v", h)
		}
	}
}
