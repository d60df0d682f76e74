package settings

import (
	"os"
	"slices"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/buildinfo"
	"licenseservermanager/internal/orgpolicy"
)

// TestMachinePoliciesFromTheRegistry reads the policies installer/
// test-installer.sh sets with `wine reg add` under HKLM and HKCU, and
// checks the store obeys them.
func TestMachinePoliciesFromTheRegistry(t *testing.T) {
	if os.Getenv("LSM_WINE_POLICIES") == "" {
		t.Skip("installer/test-installer.sh sets the policies in the registry first")
	}
	raw, err := os.ReadFile("../../wails.json")
	if err != nil {
		t.Fatal(err)
	}
	info, err := buildinfo.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	pol := orgpolicy.Machine(info.CompanyName)
	if len(pol.Problems) > 0 {
		t.Fatalf("problems: %+v", pol.Problems)
	}
	// DisableModelUpload is 0 under HKLM and 1 under HKCU: HKLM wins.
	if !pol.DisableRememberPassword || pol.DisableModelUpload || pol.HistoryRetentionDays != 90 ||
		!slices.Equal(pol.AllowedServers, []string{"lls01.corp.example", "*.lab.corp.example:7070"}) {
		t.Fatalf("read %+v", pol)
	}
	s, err := Open(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	s.Govern(pol)
	p, _ := s.Active()
	if err := s.SetRememberedUser(p.ID, "alice"); apperr.CodeOf(err) != apperr.Policy {
		t.Fatalf("remembered a user: %v", err)
	}
	if err := s.SaveServer(ServerInput{PageSize: 50, Host: "lls02.corp.example", ServerType: ServerLocal, Port: 7070}); apperr.CodeOf(err) != apperr.Policy {
		t.Fatalf("saved a server the policy keeps out: %v", err)
	}
	if err := s.SaveServer(ServerInput{PageSize: 50, Host: "a.lab.corp.example", ServerType: ServerLocal, Port: 7070}); err != nil {
		t.Fatal(err)
	}
	if got := s.Snapshot().Preferences.History.RetentionDays; got != 90 {
		t.Fatalf("retention %d", got)
	}
}
