package operations

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/simulator"
)

// importOutcome is a report reduced to its counts and the groups of each line.
func importOutcome(rep ImportReport) string {
	names := func(ms []GroupMessage) string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Group)
		}
		return strings.Join(out, "+")
	}
	return strings.Join([]string{
		"imported " + strconv.Itoa(rep.Imported), "replaced " + strconv.Itoa(rep.Replaced), "skipped " + names(rep.SkippedGroups),
		"failed " + names(rep.Failed), "not sent " + names(rep.NotSent),
	}, "; ")
}

func preview(t *testing.T, view *Reservations, srv *fakeServer, groups ...reservations.Group) string {
	t.Helper()
	p, err := view.PreviewImport(ctx, srv, "groups.json", reservations.Export(groups))
	if err != nil || len(p.Preview.Errors) != 0 || p.Token == "" {
		t.Fatalf("preview %+v %v", p, err)
	}
	return p.Token
}

func TestImportAFailureAtEachStep(t *testing.T) {
	// On the server: Y. In the file: X (new), Y (exists), Z (new).
	server := []reservations.Group{group("Y", "H-Y", 1)}
	file := []reservations.Group{group("X", "H-X", 1), group("Y", "H-Y2", 2), group("Z", "H-Z", 1)}
	tests := []struct {
		name     string
		replace  bool
		fail     map[int]error
		report   string // "" when the call returns the error
		onServer string
		hostOfY  string // who Y reserves afterwards; "" when Y is gone
		lostY    bool   // the report carries Y's definition
	}{
		{"keep: all go", false, nil, "imported 2; replaced 0; skipped Y; failed ; not sent ", "Y,X,Z", "H-Y", false},
		{"keep: first refused", false, map[int]error{1: errRefused}, "imported 1; replaced 0; skipped Y; failed X; not sent ", "Y,Z", "H-Y", false},
		{"keep: session ended at once", false, map[int]error{1: errLogin}, "", "Y", "H-Y", false},
		{"keep: session ends at the second", false, map[int]error{2: errLogin}, "imported 1; replaced 0; skipped Y; failed ; not sent Z", "Y,X", "H-Y", false},
		// With replace, Y goes first: 1 deletes Y, 2 creates its new version
		// (3 restores the old one when 2 fails), then X and Z.
		{"replace: all go", true, nil, "imported 2; replaced 1; skipped ; failed ; not sent ", "Y,X,Z", "H-Y2", false},
		{"replace: delete refused", true, map[int]error{1: errRefused}, "imported 2; replaced 0; skipped ; failed Y; not sent ", "Y,X,Z", "H-Y", false},
		{"replace: new version refused, original restored", true, map[int]error{2: errRefused}, "imported 2; replaced 0; skipped ; failed Y; not sent ", "Y,X,Z", "H-Y", false},
		{"replace: restore refused too", true, map[int]error{2: errRefused, 3: errRefused}, "imported 2; replaced 0; skipped ; failed Y; not sent ", "X,Z", "", true},
		{"replace: session ends after the delete", true, map[int]error{2: errLogin, 3: errLogin}, "imported 0; replaced 0; skipped ; failed Y; not sent X+Z", "", "", true},
		{"replace: session ends at a new group", true, map[int]error{3: errLogin}, "imported 0; replaced 1; skipped ; failed ; not sent X+Z", "Y", "H-Y2", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(server...)
			view := newView(t)
			token := preview(t, view, srv, file...)
			for n, err := range tt.fail {
				srv.failChange(n, err)
			}
			rep, err := view.ApplyImport(ctx, srv, token, tt.replace)
			if tt.report == "" {
				if apperr.CodeOf(err) != apperr.LoginRequired {
					t.Fatalf("want the login error, got %q %v", importOutcome(rep), err)
				}
			} else if err != nil || importOutcome(rep) != tt.report {
				t.Fatalf("report %q %v\n  want %q", importOutcome(rep), err, tt.report)
			}
			if srv.names() != tt.onServer {
				t.Fatalf("server holds %q, want %q", srv.names(), tt.onServer)
			}
			if tt.hostOfY != "" && srv.group(t, "Y").Reservations[0].HostID.Value != tt.hostOfY {
				t.Fatalf("Y reserves %+v", srv.group(t, "Y").Reservations)
			}
			lost := ""
			for _, f := range rep.Failed {
				lost += f.OriginalJSON
			}
			if (lost != "") != tt.lostY {
				t.Fatalf("lost definition %q", lost)
			}
			if tt.lostY {
				back := reservations.Import([]byte(lost), nil)
				if back.GroupCount != 1 || back.Groups[0].Group.Reservations[0].HostID.Value != "H-Y" {
					t.Fatalf("the report's JSON is not the original Y: %s", lost)
				}
			}
			if (len(rep.NotSent) > 0) != (rep.Stopped != nil) {
				t.Fatalf("not sent %+v, stopped %+v", rep.NotSent, rep.Stopped)
			}
		})
	}
}

func TestImportAppliedAgainSendsOnlyTheRest(t *testing.T) {
	for _, replace := range []bool{false, true} {
		srv := newFake(group("Y", "H-Y", 1))
		view := newView(t)
		token := preview(t, view, srv, group("X", "H-X", 1), group("Y", "H-Y2", 2), group("Z", "H-Z", 1))
		// The session ends at the last change of the first run.
		last := 2
		if replace {
			last = 4
		}
		srv.failChange(last, errLogin)
		first, err := view.ApplyImport(ctx, srv, token, replace)
		if err != nil || first.Stopped == nil || first.Stopped.Code != apperr.LoginRequired || len(first.NotSent) != 1 || first.NotSent[0].Group != "Z" {
			t.Fatalf("replace=%v first run: %q %v", replace, importOutcome(first), err)
		}
		if _, err := view.ApplyImport(ctx, srv, token, !replace); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("continuing with the other choice: %v", err)
		}
		sentBefore := strings.Join(srv.log, ";")
		again, err := view.ApplyImport(ctx, srv, token, replace)
		if err != nil || again.Stopped != nil || len(again.NotSent) != 0 || again.Imported != 2 || len(again.Failed) != 0 {
			t.Fatalf("replace=%v retry: %q %v", replace, importOutcome(again), err)
		}
		sent := strings.TrimPrefix(strings.Join(srv.log, ";"), sentBefore+";")
		if sent != "add Z" {
			t.Fatalf("replace=%v: the retry sent %q, want only Z", replace, sent)
		}
		if srv.names() != "Y,X,Z" || (replace && again.Replaced != 1) || (!replace && again.Skipped != 1) {
			t.Fatalf("replace=%v: server %q, report %q", replace, srv.names(), importOutcome(again))
		}
	}
}

func TestImportOfAnUnknownPreview(t *testing.T) {
	srv := newFake()
	view := newView(t)
	if _, err := view.ApplyImport(ctx, srv, "stale", false); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("stale token: %v", err)
	}
	token := preview(t, view, srv, group("X", "H-X", 1))
	srv.model = true
	if _, err := view.ApplyImport(ctx, srv, token, false); apperr.CodeOf(err) != apperr.Conflict || len(srv.log) != 0 {
		t.Fatalf("model active: %v, sent %v", err, srv.log)
	}
}

// unnamed builds a group without a name, which the server names.
func unnamed(host string) reservations.Group {
	g := group("", host, 1)
	g.Name = ""
	return g
}

// named lists a report's Named entries as "label: message".
func named(rep ImportReport) string {
	var out []string
	for _, m := range rep.Named {
		out = append(out, m.Group+": "+m.Message)
	}
	return strings.Join(out, "; ")
}

func TestImportGroupsWithoutNames(t *testing.T) {
	// Y is on the server and reserves H-Y. Of the file's groups without a
	// name, none clashes by name with Y or with each other; the third
	// reserves H-Y and is skipped by the host rule.
	for _, replace := range []bool{false, true} {
		srv := newFake(group("Y", "H-Y", 1))
		view := newView(t)
		p, err := view.PreviewImport(ctx, srv, "groups.json", reservations.Export([]reservations.Group{unnamed("H-1"), unnamed("H-2"), unnamed("H-Y"), group("X", "H-X", 1)}))
		if err != nil || len(p.Preview.Errors)+len(p.Preview.Warnings) != 0 {
			t.Fatalf("preview %+v %v", p.Preview, err)
		}
		var labels []string
		for _, a := range p.Preview.Keep.Actions {
			labels = append(labels, a.Label)
		}
		if strings.Join(labels, ",") != "unnamed group (line 2),unnamed group (line 19),unnamed group (line 36),X" {
			t.Fatalf("labels %v", labels)
		}
		rep, err := view.ApplyImport(ctx, srv, p.Token, replace)
		if err != nil || importOutcome(rep) != "imported 3; replaced 0; skipped unnamed group (line 36); failed ; not sent " {
			t.Fatalf("replace=%v: report %q %v", replace, importOutcome(rep), err)
		}
		if !strings.Contains(rep.SkippedGroups[0].Message, `host ID H-Y/STRING is already reserved in group "Y" on the server`) {
			t.Fatalf("skipped %+v", rep.SkippedGroups)
		}
		if got := named(rep); got != `unnamed group (line 2): The server named it "Group 104".; unnamed group (line 19): The server named it "Group 107".` {
			t.Fatalf("named %q", got)
		}
		if srv.names() != "Y,Group 104,Group 107,X" || srv.hostOn("Group 107") != "H-2" {
			t.Fatalf("server holds %q", srv.names())
		}
		if sent := strings.Join(srv.log, ";"); sent != "add ;add ;add X" {
			t.Fatalf("sent %q", sent)
		}
	}
}

func TestImportWithoutANameOnTheSimulator(t *testing.T) {
	// The client leaves the empty name out; the server names the group.
	_, cl := admin(t, simulator.Options{})
	view := newView(t)
	file := []byte(`{"name": "", "reservations": [{"hostId": {"value": "kiosk-9", "type": "STRING"},
  "reservationEntries": [{"featureName": "3D_RENDERING", "featureVersion": "1.0", "featureCount": "1"}]}]}`)
	pv, err := view.PreviewImport(ctx, cl, "kiosk.json", file)
	if err != nil || len(pv.Preview.Errors) != 0 || pv.Preview.Keep.Actions[0].Label != "unnamed group (line 1)" {
		t.Fatalf("preview %+v %v", pv.Preview, err)
	}
	rep, err := view.ApplyImport(ctx, cl, pv.Token, false)
	if err != nil || rep.Imported != 1 || len(rep.Named) != 1 || !strings.HasPrefix(rep.Named[0].Message, `The server named it "Group `) {
		t.Fatalf("apply %+v %v", rep, err)
	}
	groups, err := cl.ReservationGroups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(groups, func(g reservations.Group) bool { return g.Reservations[0].HostID.Value == "kiosk-9" })
	if i < 0 || rep.Named[0].Message != `The server named it "`+groups[i].Name+`".` {
		t.Fatalf("the server holds %+v, the report says %q", groups, rep.Named[0].Message)
	}
}
