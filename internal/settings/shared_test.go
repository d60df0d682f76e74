package settings

import (
	"fmt"
	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/atomicfile"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// helperEnv makes the test binary another process writing the settings in
// the folder the variable names: it adds profiles named helperEnv_PREFIX-0
// to -(helperEnv_COUNT-1).
const helperEnv = "LSM_SETTINGS_HELPER"

func TestMain(m *testing.M) {
	if dir := os.Getenv(helperEnv); dir != "" {
		n, _ := strconv.Atoi(os.Getenv(helperEnv + "_COUNT"))
		if err := addProfiles(dir, os.Getenv(helperEnv+"_PREFIX"), n); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func addProfiles(dir, prefix string, n int) error {
	s, err := Open(dir, "")
	if err != nil {
		return err
	}
	for i := range n {
		if _, err := s.AddProfile(fmt.Sprintf("%s-%d", prefix, i)); err != nil {
			return err
		}
	}
	return nil
}

func names(ps []Profile) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	slices.Sort(out)
	return out
}

// wantNames is the new user's profile plus prefix-0 .. prefix-(n-1) of each
// prefix, sorted.
func wantNames(n int, prefixes ...string) []string {
	out := []string{"License server"}
	for _, p := range prefixes {
		for i := range n {
			out = append(out, fmt.Sprintf("%s-%d", p, i))
		}
	}
	slices.Sort(out)
	return out
}

// requireAll checks the file and every store after a refresh.
func requireAll(t *testing.T, dir string, want []string, stores ...*Store) {
	t.Helper()
	if got := names(readFile(t, dir).Profiles); !slices.Equal(got, want) {
		t.Fatalf("file has %v, want %v", got, want)
	}
	for i, s := range stores {
		if got := names(s.Snapshot().Profiles); !slices.Equal(got, want) {
			t.Fatalf("store %d has %v, want %v", i, got, want)
		}
	}
}

func TestTwoStoresAddingInTurnKeepEveryProfile(t *testing.T) {
	dir := t.TempDir()
	a, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	stores := []*Store{a, b}
	var added []string
	for i := range 8 {
		s := stores[i%2]
		name := fmt.Sprintf("P-%d", i)
		if _, err := s.AddProfile(name); err != nil {
			t.Fatal(err)
		}
		added = append(added, name)
		// The writer has everything written so far, not only its own.
		if got := names(s.Snapshot().Profiles); len(got) != len(added)+1 {
			t.Fatalf("after adding %s the store has %v", name, got)
		}
	}
	requireAll(t, dir, wantNames(8, "P"), a, b)
}

func TestTwoStoresAddingAtOnceKeepEveryProfile(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	stores := make([]*Store, 2)
	for i, prefix := range []string{"A", "B"} {
		s, err := Open(dir, "")
		if err != nil {
			t.Fatal(err)
		}
		stores[i] = s
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 8 {
				if _, err := s.AddProfile(fmt.Sprintf("%s-%d", prefix, j)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	requireAll(t, dir, wantNames(8, "A", "B"), stores...)
}

func TestTwoProcessesAddingAtOnceKeepEveryProfile(t *testing.T) {
	const n = 20
	dir := t.TempDir()
	var cmds []*exec.Cmd
	for _, prefix := range []string{"A", "B"} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), helperEnv+"="+dir, helperEnv+"_PREFIX="+prefix, helperEnv+"_COUNT="+strconv.Itoa(n))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer process: %v", err)
		}
	}
	s, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	requireAll(t, dir, wantNames(n, "A", "B"), s)
}

func TestEachChangeKeepsTheOtherStoresChanges(t *testing.T) {
	a, dir := openTemp(t)
	if err := a.SaveServer(validLocal()); err != nil {
		t.Fatal(err)
	}
	first, _ := a.Active()
	b, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	// b changes everything a has in memory, then a changes other things.
	if err := b.RenameProfile(first.ID, "Main"); err != nil {
		t.Fatal(err)
	}
	if err := b.SetTheme(ThemeDark); err != nil {
		t.Fatal(err)
	}
	if err := b.SetRememberedUser(first.ID, "ops"); err != nil {
		t.Fatal(err)
	}
	lab, err := b.AddProfile("Lab")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetWindow(WindowGeometry{Width: 1300, Height: 900}); err != nil {
		t.Fatal(err)
	}
	if err := a.SetNavCollapsed(true); err != nil {
		t.Fatal(err)
	}
	in := validLocal()
	in.Port = 7443
	if err := a.SaveServer(in); err != nil {
		t.Fatal(err)
	}
	f := readFile(t, dir)
	if len(f.Profiles) != 2 || f.Profiles[1].ID != lab.ID {
		t.Fatalf("profiles = %+v", f.Profiles)
	}
	p := f.Profiles[0]
	if p.Name != "Main" || p.RememberedUser != "ops" || p.Port != 7443 || p.Host != "lls01.corp.example" {
		t.Fatalf("profile = %+v", p)
	}
	if f.Preferences.Theme != ThemeDark || !f.Preferences.NavCollapsed || f.Preferences.Window == nil || f.Preferences.Window.Width != 1300 {
		t.Fatalf("preferences = %+v", f.Preferences)
	}
	// b's choice of Lab is the one a new start opens; a stays on its server.
	if f.ActiveProfileID != lab.ID {
		t.Fatalf("active on disk %q, want %q", f.ActiveProfileID, lab.ID)
	}
	if act, _ := a.Active(); act.ID != first.ID || act.Name != "Main" {
		t.Fatalf("a's active = %+v", act)
	}
}

func TestAnotherStoresChangesShowWithoutAChange(t *testing.T) {
	a, dir := openTemp(t)
	if err := a.SaveServer(validLocal()); err != nil {
		t.Fatal(err)
	}
	mine, _ := a.Active()
	b, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	other, err := b.AddProfile("Other")
	if err != nil {
		t.Fatal(err)
	}
	snap := a.Snapshot()
	if got := names(snap.Profiles); !slices.Equal(got, []string{"License server", "Other"}) {
		t.Fatalf("a sees %v", got)
	}
	if snap.ActiveProfileID != mine.ID {
		t.Fatalf("a's active switched to %q", snap.ActiveProfileID)
	}
	// When b deletes a's active profile, a follows the file's.
	if err := b.DeleteProfile(mine.ID); err != nil {
		t.Fatal(err)
	}
	if act, ok := a.Active(); !ok || act.ID != other.ID {
		t.Fatalf("a's active = %+v, %v; want %q", act, ok, other.ID)
	}
	if err := a.SaveServer(validLocal()); err != nil {
		t.Fatal(err)
	}
	if f := readFile(t, dir); len(f.Profiles) != 1 || f.Profiles[0].ID != other.ID || f.Profiles[0].Host != "lls01.corp.example" {
		t.Fatalf("file = %+v", f.Profiles)
	}
}

func TestAChangeGivesUpOnAHolderThatStays(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	before := s.Snapshot()
	held, err := atomicfile.Acquire(filepath.Join(dir, LockName))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release()
	wait := lockWait
	lockWait = 20 * time.Millisecond
	defer func() { lockWait = wait }()
	if _, err := s.AddProfile("Blocked"); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("add while another holds the lock: %v", err)
	}
	if got := s.Snapshot(); len(got.Profiles) != len(before.Profiles) {
		t.Fatalf("the refused change shows: %+v", got.Profiles)
	}
}
