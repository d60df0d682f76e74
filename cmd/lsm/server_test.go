package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/simulator"
)

func TestExitStatuses(t *testing.T) {
	tests := []struct {
		name  string
		opts  simulator.Options
		setup func(h *harness) []string
		code  int
		say   string // on stderr
	}{
		{"a list", simulator.Options{Security: simulator.SecurityOff}, func(*harness) []string { return []string{"features", "list"} }, exitOK, ""},
		{"a login with no password at hand", simulator.Options{}, func(*harness) []string { return []string{"features", "list"} }, exitLogin, "LSM_PASSWORD"},
		{"a wrong password", simulator.Options{}, func(h *harness) []string {
			h.env["LSM_PASSWORD"] = "wrong"
			return []string{"features", "list"}
		}, exitLogin, "not correct"},
		{"a role the login lacks", simulator.Options{}, func(h *harness) []string {
			h.env["LSM_PASSWORD"] = simulator.ReaderPassword
			return []string{"--user", simulator.ReaderUser, "devices", "delete", firstDevice(h, simulator.ReaderUser), "--yes"}
		}, exitLogin, "ROLE_DROPCLIENT"},
		{"a server that is not there", simulator.Options{}, func(*harness) []string {
			return []string{"--server", "http://127.0.0.1:1", "status"}
		}, exitConnection, "127.0.0.1:1"},
		{"an operation the server lacks", simulator.Options{Security: simulator.SecurityOff, Without: []string{"features"}}, func(*harness) []string {
			return []string{"features", "list"}
		}, exitNotSupported, "does not offer a feature list (server version"},
		{"a record that is not there", simulator.Options{Security: simulator.SecurityOff}, func(*harness) []string {
			return []string{"devices", "show", "999999"}
		}, exitProblems, "not found"},
		{"an unknown output format", simulator.Options{}, func(*harness) []string { return []string{"status", "-o", "yaml"} }, exitUsage, "yaml"},
		{"an ID that is no number", simulator.Options{}, func(*harness) []string { return []string{"features", "show", "VR_MODE"} }, exitUsage, "not a feature ID"},
		{"an empty password on stdin", simulator.Options{}, func(*harness) []string { return []string{"--password-stdin", "features", "list"} }, exitUsage, "holds no password"},
		{"a deletion nobody confirms", simulator.Options{Security: simulator.SecurityOff}, func(h *harness) []string {
			return []string{"devices", "delete", firstDevice(h, "")}
		}, exitUsage, "add --yes"},
		{"an unknown profile", simulator.Options{}, func(*harness) []string { return []string{"--profile", "Nowhere", "status"} }, exitUsage, `no profile "Nowhere"`},
		{"an unknown command", simulator.Options{}, func(*harness) []string { return []string{"featurez"} }, exitUsage, "unknown command"},
		{"--profile with --server", simulator.Options{}, func(*harness) []string {
			return []string{"--profile", "x", "--server", "http://h:7070", "status"}
		}, exitUsage, "none of the others"},
		{"a bad server address", simulator.Options{}, func(*harness) []string { return []string{"--server", "lls01:7070", "status"} }, exitUsage, "needs http"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.opts)
			code, _, stderr := h.run(tt.setup(h)...)
			if code != tt.code || !strings.Contains(stderr, tt.say) {
				t.Fatalf("status %d, want %d; stderr %q, want %q", code, tt.code, stderr, tt.say)
			}
		})
	}
}

// firstDevice is the ID of the first device the server lists.
func firstDevice(h *harness, user string) string {
	h.t.Helper()
	args := []string{"devices", "list", "-o", "json"}
	if user != "" {
		args = append([]string{"--user", user}, args...)
	}
	code, out, stderr := h.run(args...)
	var rows []operations.DeviceRow
	if code != exitOK || json.Unmarshal([]byte(out), &rows) != nil || len(rows) == 0 {
		h.t.Fatalf("devices %d %s", code, stderr)
	}
	return fmt.Sprint(rows[0].ID)
}

func TestNoServerConfigured(t *testing.T) {
	h := newHarness(t, simulator.Options{})
	h.dir = t.TempDir()
	if code, _, stderr := h.run("status"); code != exitUsage || !strings.Contains(stderr, "No server is configured") {
		t.Fatalf("%d %q", code, stderr)
	}
}

// TestOutputsForScripts decodes the JSON of each list back into the
// operations layer's records, and holds the CSV to the app's export.
func TestOutputsForScripts(t *testing.T) {
	h := newHarness(t, simulator.Options{Security: simulator.SecurityOff})
	code, out, stderr := h.run("features", "list", "-o", "json")
	var rows []operations.FeatureRow
	if code != exitOK || json.Unmarshal([]byte(out), &rows) != nil || len(rows) < 30 {
		t.Fatalf("%d %d rows %q", code, len(rows), stderr)
	}
	code, out, _ = h.run("features", "list", "-o", "csv", "--search", rows[0].Feature)
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(out, "\ufeff")), "\n")
	if code != exitOK || !strings.HasPrefix(lines[0], "Feature,Version,Count,") || len(lines) < 2 || !strings.Contains(lines[1], rows[0].Feature) {
		t.Fatalf("csv %d:\n%s", code, out)
	}
	for _, args := range [][]string{{"devices", "list"}, {"reservations", "list"}, {"features", "summary"}} {
		code, out, _ := h.run(append(args, "-o", "json")...)
		var records []map[string]any
		if code != exitOK || json.Unmarshal([]byte(out), &records) != nil || len(records) == 0 {
			t.Fatalf("%v: %d %.200s", args, code, out)
		}
	}
	code, out, _ = h.run("status", "-o", "json")
	var st statusView
	if code != exitOK || json.Unmarshal([]byte(out), &st) != nil || st.Version != h.sim.Version() || st.SecurityEnabled || st.Roles == nil {
		t.Fatalf("status %d %s", code, out)
	}
}

func TestTablesFitTheTerminal(t *testing.T) {
	h := newHarness(t, simulator.Options{Security: simulator.SecurityOff})
	var stdout, stderr strings.Builder
	d := deps{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }, secrets: h.secrets,
		settingsDir: func() (string, error) { return h.dir, nil }, width: 80}
	if code := run(t.Context(), d, []string{"features", "list"}); code != exitOK {
		t.Fatalf("%d %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimRight(stdout.String(), "\n"), "\n")
	if len(lines) < 31 || !strings.Contains(stdout.String(), "…") || !strings.Contains(stderr.String(), "columns do not fit the terminal (") {
		t.Fatalf("%d lines, nothing cut:\n%s", len(lines), stdout.String())
	}
	for _, line := range lines {
		if n := utf8.RuneCountInString(line); n > 80 || strings.HasSuffix(line, " ") {
			t.Fatalf("a line of %d characters, or with trailing blanks: %q", n, line)
		}
	}
}

// TestLoginIsSharedWithTheApp: a password lsm login --remember saves is the
// one the app's sessions log in with, and the other way round.
func TestLoginIsSharedWithTheApp(t *testing.T) {
	h := newHarness(t, simulator.Options{})
	h.stdin = simulator.AdminPassword + "\n"
	if code, out, stderr := h.run("login", "--password-stdin", "--remember"); code != exitOK || !strings.Contains(out, "saved for the profile") {
		t.Fatalf("%d %q %q", code, out, stderr)
	}
	p := h.profile()
	if pw, err := h.secrets.Get(p.ID, "admin"); err != nil || pw != simulator.AdminPassword || p.RememberedUser != "admin" {
		t.Fatalf("saved %q %v, remembered %q", pw, err, p.RememberedUser)
	}
	// The app finds it.
	sessions := connect.NewSessions(connect.New(h.store.Active, connect.Network{}, nil), h.store, h.secrets, nil)
	if st := sessions.Start(t.Context()); !st.LoggedIn || st.User != "admin" {
		t.Fatalf("the app: %+v", st)
	}
	// A later command needs no password.
	h.stdin = ""
	if code, _, stderr := h.run("devices", "list"); code != exitOK {
		t.Fatalf("%d %s", code, stderr)
	}
	if code, out, _ := h.run("logout"); code != exitOK || !strings.Contains(out, "forgotten") {
		t.Fatalf("logout %d %s", code, out)
	}
	if _, err := h.secrets.Get(p.ID, "admin"); err == nil {
		t.Fatal("the password is still saved")
	}
	if code, _, _ := h.run("devices", "list"); code != exitLogin {
		t.Fatalf("after logout: %d", code)
	}
	// A login without --remember saves nothing.
	h.env["LSM_PASSWORD"] = simulator.AdminPassword
	if code, out, _ := h.run("login"); code != exitOK || strings.Contains(out, "saved") || h.profile().RememberedUser != "" {
		t.Fatalf("%d %s", code, out)
	}
}

func TestThePasswordIsAskedAtTheTerminal(t *testing.T) {
	h := newHarness(t, simulator.Options{})
	h.terminal, h.typed = true, simulator.AdminPassword
	code, out, stderr := h.run("status")
	if code != exitOK || !strings.Contains(out, "not logged in") || strings.Contains(stderr, "Password for") {
		t.Fatalf("status must not ask: %d %q %q", code, out, stderr)
	}
	code, out, stderr = h.run("features", "summary", "-o", "json")
	if code != exitOK || !strings.Contains(stderr, "Password for admin: ") || strings.Contains(stderr+out, simulator.AdminPassword) {
		t.Fatalf("%d %q", code, stderr)
	}
}

// TestAOneLinerForScripts: a server by address, the password in the
// environment, nothing configured.
func TestAOneLinerForScripts(t *testing.T) {
	h := newHarness(t, simulator.Options{})
	p := h.profile()
	h.dir = t.TempDir()
	h.env["LSM_PASSWORD"] = simulator.AdminPassword
	code, out, stderr := h.run("--server", "http://"+p.Host+":"+strconv.Itoa(p.Port), "--user", "admin", "features", "list", "-o", "csv")
	if code != exitOK || strings.Count(out, "\n") < 31 {
		t.Fatalf("%d %q", code, stderr)
	}
	if code, _, stderr := h.run("--server", "http://"+p.Host+":"+strconv.Itoa(p.Port), "login", "--remember"); code != exitUsage || !strings.Contains(stderr, "only saved for a profile") {
		t.Fatalf("%d %q", code, stderr)
	}
}

// TestBackupAndRestore is the README's round trip: export every group,
// delete them, import the file: the server holds the same groups.
func TestBackupAndRestore(t *testing.T) {
	h := newHarness(t, simulator.Options{Security: simulator.SecurityOff})
	before := groups(t, h)
	code, backup, stderr := h.run("reservations", "export")
	if code != exitOK || len(before) < 3 {
		t.Fatalf("%d %d groups %s", code, len(before), stderr)
	}
	file := filepath.Join(t.TempDir(), "groups.json")
	if err := os.WriteFile(file, []byte(backup), 0o600); err != nil {
		t.Fatal(err)
	}
	ids := []string{"reservations", "delete", "--yes"}
	code, list, _ := h.run("reservations", "list", "-o", "json")
	var rows []reservations.Row
	if code != exitOK || json.Unmarshal([]byte(list), &rows) != nil {
		t.Fatalf("list %d", code)
	}
	for _, r := range rows {
		if id := fmt.Sprint(r.GroupID); !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if code, out, stderr := h.run(ids...); code != exitOK || len(groups(t, h)) != 0 {
		t.Fatalf("delete %d %s %s", code, out, stderr)
	}
	// A dry run sends nothing.
	if code, out, _ := h.run("reservations", "import", file, "--dry-run"); code != exitOK || strings.Count(out, "create") != len(before) || len(groups(t, h)) != 0 {
		t.Fatalf("dry run %d %s", code, out)
	}
	if code, _, stderr := h.run("reservations", "import", file); code != exitOK || !strings.Contains(stderr, fmt.Sprintf("%d imported", len(before))) {
		t.Fatalf("import %d %s", code, stderr)
	}
	after := groups(t, h)
	if !slices.EqualFunc(before, after, sameGroup) {
		t.Fatalf("before %+v\nafter %+v", before, after)
	}
	// Again: every group is there, so each is skipped and nothing fails.
	if code, _, stderr := h.run("reservations", "import", file); code != exitOK || !strings.Contains(stderr, fmt.Sprintf("%d skipped", len(before))) {
		t.Fatalf("again %d %s", code, stderr)
	}
}

// groups are the server's groups, as lsm exports them, in name order.
func groups(t *testing.T, h *harness) []reservations.Group {
	t.Helper()
	code, out, stderr := h.run("reservations", "export")
	var gs []reservations.Group
	if code != exitOK || json.Unmarshal([]byte(out), &gs) != nil {
		t.Fatalf("export %d %s", code, stderr)
	}
	slices.SortFunc(gs, func(a, b reservations.Group) int { return strings.Compare(a.Name, b.Name) })
	return gs
}

// sameGroup compares two groups but for the IDs the server gives.
func sameGroup(a, b reservations.Group) bool {
	a.ID, b.ID = 0, 0
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// TestNoPasswordLeaks: the password given on standard input is in no output
// and no file the run leaves.
func TestNoPasswordLeaks(t *testing.T) {
	h := newHarness(t, simulator.Options{})
	const secret = "Admin123!"
	for _, args := range [][]string{{"status"}, {"features", "list"}, {"reservations", "export"}, {"diagnose", "--report", filepath.Join(h.dir, "report.txt")}, {"login"}} {
		h.stdin = secret + "\n"
		code, out, stderr := h.run(append([]string{"--password-stdin"}, args...)...)
		if code != exitOK || strings.Contains(out, secret) || strings.Contains(stderr, secret) {
			t.Fatalf("%v: %d, the password in the output: %v", args, code, strings.Contains(out+stderr, secret))
		}
	}
	err := filepath.Walk(h.dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err == nil && strings.Contains(string(b), secret) {
			t.Errorf("%s holds the password", path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestProfiles(t *testing.T) {
	h := newHarness(t, simulator.Options{Security: simulator.SecurityOff})
	first := h.profile()
	second, err := h.store.AddProfile("Lab")
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := h.run("profiles", "list", "-o", "json")
	var views []profileView
	if code != exitOK || json.Unmarshal([]byte(out), &views) != nil || len(views) != 2 || views[0].Active == views[1].Active {
		t.Fatalf("%d %s", code, out)
	}
	if code, _, _ := h.run("profiles", "use", "lab"); code != exitOK || h.profile().ID != second.ID {
		t.Fatalf("use: %d", code)
	}
	// The new profile has no server yet; the first still answers by name.
	if code, _, stderr := h.run("status"); code != exitUsage || !strings.Contains(stderr, "No server is configured") {
		t.Fatalf("%d %s", code, stderr)
	}
	if code, out, _ := h.run("--profile", first.Name, "status"); code != exitOK || !strings.Contains(out, h.sim.Version()) {
		t.Fatalf("%d %s", code, out)
	}
}

// brokenKeyring is a credential store that cannot save.
type brokenKeyring struct{ secrets.Store }

func (brokenKeyring) Set(string, string, string) error {
	return errors.New("the credential store is locked")
}

func TestALoginThatCannotBeSavedFails(t *testing.T) {
	h := newHarness(t, simulator.Options{})
	h.stdin = simulator.AdminPassword + "\n"
	var stdout, stderr strings.Builder
	d := deps{stdin: strings.NewReader(h.stdin), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" },
		secrets: brokenKeyring{h.secrets}, settingsDir: func() (string, error) { return h.dir, nil }}
	code := run(t.Context(), d, []string{"login", "--password-stdin", "--remember"})
	if code != exitProblems || !strings.Contains(stderr.String(), "the credential store is locked") || strings.Contains(stdout.String(), "is saved") {
		t.Fatalf("%d %q %q", code, stdout.String(), stderr.String())
	}
}

func TestProfileCommands(t *testing.T) {
	h := newHarness(t, simulator.Options{Security: simulator.SecurityOff})
	steps := []struct {
		args []string
		code int
		say  string
	}{
		{[]string{"profiles", "add", "Lab", "--server", "https://lab.corp.example:7443"}, exitOK, "added"},
		{[]string{"profiles", "add", "Lab", "--server", "https://lab.corp.example:7443"}, exitUsage, "already exists"},
		{[]string{"profiles", "add", "Bad", "--server", "lab.corp.example"}, exitUsage, "needs http"},
		{[]string{"profiles", "rename", "lab", "Lab 2"}, exitOK, "now Lab 2"},
		{[]string{"profiles", "trust", "Lab 2", "--fingerprint", strings.Repeat("AB", 32)}, exitOK, "trusts"},
		{[]string{"profiles", "trust", "Lab 2", "--fingerprint", "not-hex"}, exitUsage, "64 hex digits"},
		{[]string{"profiles", "remove", "Lab 2"}, exitUsage, "add --yes"},
		{[]string{"profiles", "remove", "Lab 2", "--yes"}, exitOK, "removed"},
		{[]string{"profiles", "remove", "Lab 2", "--yes"}, exitUsage, "no profile"},
	}
	for _, s := range steps {
		code, out, stderr := h.run(s.args...)
		if code != s.code || !strings.Contains(out+stderr, s.say) {
			t.Fatalf("%v: %d %q %q", s.args, code, out, stderr)
		}
	}
	// The active profile stayed the one it was; adding one did not switch.
	if code, out, _ := h.run("status"); code != exitOK || !strings.Contains(out, h.sim.Version()) {
		t.Fatalf("%d %s", code, out)
	}
	code, out, _ := h.run("profiles", "list", "-o", "json")
	var views []profileView
	if code != exitOK || json.Unmarshal([]byte(out), &views) != nil || len(views) != 1 {
		t.Fatalf("%d %s", code, out)
	}
}
