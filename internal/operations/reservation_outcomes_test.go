package operations

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/safekeeping"
)

// trouble is what goes wrong on a fake server, by change number: refused
// before acting, answered but the answer lost, and the change after which
// the server is gone.
type trouble struct {
	fail map[int]error
	lose []int
	down int
}

func (tr trouble) on(f *fakeServer) *fakeServer {
	for n, err := range tr.fail {
		f.failChange(n, err)
	}
	for _, n := range tr.lose {
		f.loseAnswer(n)
	}
	f.downAfter = tr.down
	return f
}

// wantKept fails unless the shelf holds exactly the file path (with the
// definition def, when given) or, when not kept, nothing.
func wantKept(t *testing.T, view *Reservations, path string, kept bool, def string) {
	t.Helper()
	files, _ := os.ReadDir(view.shelf.Dir())
	if !kept {
		if path != "" || len(files) != 0 {
			t.Fatalf("kept %q, shelf %v: the original is safe, nothing should stay", path, files)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil || len(files) != 1 || def != "" && string(got) != def {
		t.Fatalf("kept %q (%v), shelf %v: %q", path, err, files, got)
	}
}

// wantOriginal fails unless js is the original group "Support" reserving JOE.
func wantOriginal(t *testing.T, js string) {
	t.Helper()
	back := reservations.Import([]byte(js), nil)
	if len(back.Errors) != 0 || back.GroupCount != 1 || back.Groups[0].Group.Name != "Support" || back.Groups[0].Group.Reservations[0].HostID.Value != "JOE" {
		t.Fatalf("the kept definition is not the original: %q", js)
	}
}

func TestEditWhenAnswersAreLost(t *testing.T) {
	// Changes: 1 deletes the original, 2 creates the new version, 3
	// restores the original when 2 did not go through.
	tests := []struct {
		name    string
		trouble trouble
		outcome Outcome
		host    string // who "Support" reserves on the server afterwards
	}{
		{"the delete's answer is lost after it was done", trouble{lose: []int{1}}, OutcomeReplaced, "ANN"},
		{"the delete's answer is lost before it was done", trouble{fail: map[int]error{1: errLost}}, OutcomeUnchanged, "JOE"},
		{"the delete's answer is lost and the server is gone", trouble{lose: []int{1}, down: 1}, OutcomeUnknown, ""},
		{"the new version's answer is lost after it was created", trouble{lose: []int{2}}, OutcomeReplaced, "ANN"},
		{"the new version's answer is lost before it was created", trouble{fail: map[int]error{2: errLost}}, OutcomeRestored, "JOE"},
		{"the new version's answer is lost and the server is gone", trouble{lose: []int{2}, down: 2}, OutcomeUnknown, "ANN"},
		{"the restore's answer is lost after it was done", trouble{fail: map[int]error{2: errRefused}, lose: []int{3}}, OutcomeRestored, "JOE"},
		{"the restore's answer is lost before it was done", trouble{fail: map[int]error{2: errRefused, 3: errLost}}, OutcomeLost, ""},
		{"the restore's answer is lost and the server is gone", trouble{fail: map[int]error{2: errRefused}, lose: []int{3}, down: 3}, OutcomeUnknown, "JOE"},
		{"the session ends between the steps", trouble{fail: map[int]error{2: errLogin, 3: errLogin}}, OutcomeLost, ""},
		{"the new version times out before it is sent", trouble{fail: map[int]error{2: errTimeout}}, OutcomeRestored, "JOE"},
		{"the server goes down after the delete", trouble{down: 1}, OutcomeLost, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := tt.trouble.on(newFake(group("Support", "JOE", 2), group("Sales", "SAL", 1)))
			orig := srv.group(t, "Support")
			view := newView(t)
			rep, err := view.Edit(ctx, srv, orig.ID, pending(group("Support", "ANN", 5)))
			if err != nil || rep.Outcome != tt.outcome {
				t.Fatalf("outcome %q (%s) %v, want %q", rep.Outcome, rep.Message, err, tt.outcome)
			}
			if got := srv.hostOn("Support"); got != tt.host {
				t.Fatalf("Support reserves %q on the server, want %q (%s)", got, tt.host, rep.Message)
			}
			if srv.hostOn("Sales") != "SAL" {
				t.Fatalf("another group changed: %q", srv.names())
			}
			// The report says what the server holds.
			switch rep.Outcome {
			case OutcomeReplaced, OutcomeRestored:
				if srv.group(t, "Support").ID != rep.Group.ID {
					t.Fatalf("the report names group %d, the server holds %d", rep.Group.ID, srv.group(t, "Support").ID)
				}
			case OutcomeUnchanged:
				if srv.group(t, "Support").ID != orig.ID {
					t.Fatalf("unchanged, but the server's group is %+v", srv.group(t, "Support"))
				}
			case OutcomeLost, OutcomeUnknown:
				if !strings.Contains(rep.Message, "JSON") {
					t.Fatalf("the message does not point at the kept definition: %q", rep.Message)
				}
			}
			// Whatever happened, the original can be had back, and from a
			// file when the server may not have it.
			wantOriginal(t, rep.OriginalJSON)
			wantKept(t, view, rep.KeptIn, rep.Outcome.mayBeLost(), rep.OriginalJSON)
		})
	}
}

func TestSubmitWhenAnAnswerIsLost(t *testing.T) {
	tests := []struct {
		name     string
		trouble  trouble
		report   string
		onServer string
	}{
		{"the first answer is lost after the group was created", trouble{lose: []int{1}}, "A created, B not sent, C not sent", "A"},
		{"an answer is lost after the group was created", trouble{lose: []int{2}}, "A created, B created, C not sent", "A,B"},
		{"an answer is lost before the group was created", trouble{fail: map[int]error{2: errLost}}, "A created, B failed, C not sent", "A"},
		{"an answer is lost and the server is gone", trouble{lose: []int{2}, down: 2}, "A created, B unknown, C not sent", "A,B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := tt.trouble.on(newFake())
			rep, err := newView(t).Submit(ctx, srv, pending(group("A", "H-A", 1), group("B", "H-B", 1), group("C", "H-C", 1)))
			if err != nil || submitOutcome(rep) != tt.report || srv.names() != tt.onServer {
				t.Fatalf("report %q %v, server %q; want %q, server %q", submitOutcome(rep), err, srv.names(), tt.report, tt.onServer)
			}
			if rep.Stopped == nil || rep.Stopped.Code != apperr.OutcomeUnknown {
				t.Fatalf("stopped %+v", rep.Stopped)
			}
			for _, r := range rep.Results {
				if !r.Unknown && r.OK != strings.Contains(srv.names(), r.Group) {
					t.Fatalf("result %+v disagrees with the server %q", r, srv.names())
				}
			}
			if rep.Created+rep.Failed != len(rep.Results) {
				t.Fatalf("counts %+v", rep)
			}
		})
	}
}

func TestDeleteWhenAnAnswerIsLost(t *testing.T) {
	tests := []struct {
		name     string
		trouble  trouble
		deleted  int
		onServer string
		unknown  string // the group whose fate the report cannot tell
	}{
		{"an answer is lost after the group was deleted", trouble{lose: []int{2}}, 2, "C", ""},
		{"an answer is lost before the group was deleted", trouble{fail: map[int]error{2: errLost}}, 1, "B,C", ""},
		{"an answer is lost and the server is gone", trouble{lose: []int{2}, down: 2}, 1, "C", "B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := tt.trouble.on(newFake(group("A", "H-A", 1), group("B", "H-B", 1), group("C", "H-C", 1)))
			var ids []int64
			for _, n := range []string{"A", "B", "C"} {
				ids = append(ids, srv.group(t, n).ID)
			}
			rep, err := newView(t).Delete(ctx, srv, ids)
			if err != nil || rep.Deleted != tt.deleted || srv.names() != tt.onServer || rep.Stopped == nil || rep.Stopped.Code != apperr.OutcomeUnknown {
				t.Fatalf("%+v %v, server %q", rep, err, srv.names())
			}
			for _, r := range rep.Results {
				if r.Unknown != (r.Group == tt.unknown) {
					t.Fatalf("result %+v, want %q unknown", r, tt.unknown)
				}
				if !r.Unknown && r.OK == strings.Contains(srv.names(), r.Group) {
					t.Fatalf("result %+v disagrees with the server %q", r, srv.names())
				}
			}
			if last := rep.Results[2]; !last.NotSent {
				t.Fatalf("C was sent after a lost answer: %+v", last)
			}
		})
	}
}

func TestImportWhenAnAnswerIsLost(t *testing.T) {
	// On the server: Y. In the file: X (new), Y (exists, replaced), Z (new).
	// Changes: 1 deletes Y, 2 creates its new version, 3 X, 4 Z.
	tests := []struct {
		name    string
		trouble trouble
		report  string
		// The second run, once the server is back, sends only these.
		again string
	}{
		{"the delete's answer is lost after it was done", trouble{lose: []int{1}}, "imported 0; replaced 1; skipped ; failed ; not sent X+Z", "add X;add Z"},
		{"the delete's answer is lost before it was done", trouble{fail: map[int]error{1: errLost}}, "imported 0; replaced 0; skipped ; failed ; not sent Y+X+Z", "delete 101;add Y;add X;add Z"},
		{"the delete's answer is lost and the server is gone", trouble{lose: []int{1}, down: 1}, "imported 0; replaced 0; skipped ; failed Y; not sent X+Z", "add X;add Z"},
		{"a create's answer is lost after it was done", trouble{lose: []int{3}}, "imported 1; replaced 1; skipped ; failed ; not sent Z", "add Z"},
		{"a create's answer is lost before it was done", trouble{fail: map[int]error{3: errLost}}, "imported 0; replaced 1; skipped ; failed ; not sent X+Z", "add X;add Z"},
		{"a create's answer is lost and the server is gone", trouble{lose: []int{3}, down: 3}, "imported 0; replaced 1; skipped ; failed X; not sent Z", "add Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(group("Y", "H-Y", 1))
			view := newView(t)
			token := preview(t, view, srv, group("X", "H-X", 1), group("Y", "H-Y2", 2), group("Z", "H-Z", 1))
			tt.trouble.on(srv)
			rep, err := view.ApplyImport(ctx, srv, token, true)
			if err != nil || importOutcome(rep) != tt.report || rep.Stopped == nil {
				t.Fatalf("report %q %+v %v\n  want %q", importOutcome(rep), rep.Stopped, err, tt.report)
			}
			keptY := ""
			for _, f := range rep.Failed {
				if f.Group == "Y" {
					if !strings.Contains(f.OriginalJSON, "H-Y") {
						t.Fatalf("Y's definition may be lost and is not in the report: %+v", f)
					}
					keptY = f.KeptIn
				}
			}
			wantKept(t, view, keptY, tt.trouble.down == 1, "")
			// The server comes back; the import goes on where it stands.
			srv.downAfter = 0
			before := len(srv.log)
			again, err := view.ApplyImport(ctx, srv, token, true)
			if err != nil || again.Stopped != nil || len(again.NotSent) != 0 {
				t.Fatalf("second run %q %v", importOutcome(again), err)
			}
			if sent := strings.Join(srv.log[before:], ";"); sent != tt.again {
				t.Fatalf("the second run sent %q, want %q", sent, tt.again)
			}
			// Every group of the file is on the server once, except Y when
			// the first run could not tell what became of it.
			want := map[string]bool{"X": true, "Z": true, "Y": tt.trouble.down != 1}
			for name, there := range want {
				if (srv.hostOn(name) != "") != there {
					t.Fatalf("%s on the server: %v, want %v (%q)", name, !there, there, srv.names())
				}
			}
		})
	}
}

func TestNothingIsDeletedWhenTheDefinitionCannotBeKept(t *testing.T) {
	notAFolder := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notAFolder, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	srv := newFake(group("Support", "JOE", 2))
	view := NewReservations(safekeeping.New(filepath.Join(notAFolder, "shelf")))
	_, err := view.Edit(ctx, srv, srv.group(t, "Support").ID, pending(group("Support", "ANN", 5)))
	if apperr.CodeOf(err) != apperr.Internal || len(srv.log) != 0 || srv.hostOn("Support") != "JOE" {
		t.Fatalf("%v, sent %v", err, srv.log)
	}
}

func TestImportWithoutANameWhenAnAnswerIsLost(t *testing.T) {
	// On the server: Y. In the file: two groups without a name, each sent
	// as change 1 and 2; after a lost answer the server is asked again, and
	// a group it named is found by its host IDs.
	tests := []struct {
		name     string
		trouble  trouble
		report   string
		named    string
		onServer string
		again    string // what the second run sends
	}{
		{"the answer is lost after the group was created", trouble{lose: []int{1}},
			"imported 1; replaced 0; skipped ; failed ; not sent unnamed group (line 19)", `unnamed group (line 2): The server named it "Group 104".`,
			"Y,Group 104", "add "},
		{"the answer is lost before the group was created", trouble{fail: map[int]error{1: errLost}},
			"imported 0; replaced 0; skipped ; failed ; not sent unnamed group (line 2)+unnamed group (line 19)", "",
			"Y", "add ;add "},
		{"the answer is lost and the server is gone", trouble{lose: []int{1}, down: 1},
			"imported 0; replaced 0; skipped ; failed unnamed group (line 2); not sent unnamed group (line 19)", "",
			"Y,Group 104", "add "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(group("Y", "H-Y", 1))
			view := newView(t)
			token := preview(t, view, srv, unnamed("H-1"), unnamed("H-2"))
			tt.trouble.on(srv)
			rep, err := view.ApplyImport(ctx, srv, token, false)
			if err != nil || importOutcome(rep) != tt.report || named(rep) != tt.named || srv.names() != tt.onServer || rep.Stopped == nil {
				t.Fatalf("report %q, named %q, server %q, %v\n  want %q, named %q, server %q", importOutcome(rep), named(rep), srv.names(), err, tt.report, tt.named, tt.onServer)
			}
			srv.downAfter = 0
			before := len(srv.log)
			again, err := view.ApplyImport(ctx, srv, token, false)
			if err != nil || again.Stopped != nil || len(again.NotSent) != 0 {
				t.Fatalf("second run %q %v", importOutcome(again), err)
			}
			if sent := strings.Join(srv.log[before:], ";"); sent != tt.again {
				t.Fatalf("the second run sent %q, want %q", sent, tt.again)
			}
			// No host of the file is reserved twice: nothing was sent again
			// that the server already had.
			for _, host := range []string{"H-1", "H-2"} {
				n := 0
				for _, g := range srv.groups {
					if g.Reservations[0].HostID.Value == host {
						n++
					}
				}
				if n != 1 {
					t.Fatalf("%s is in %d groups on the server (%q)", host, n, srv.names())
				}
			}
		})
	}
}
