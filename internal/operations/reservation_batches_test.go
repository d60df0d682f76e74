package operations

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/progress"
	"licenseservermanager/internal/reservations"
)

var ctx = context.Background()

// outcome is a report reduced to what each group's line says.
func submitOutcome(rep SubmitReport) string {
	var out []string
	for _, r := range rep.Results {
		switch {
		case r.OK:
			out = append(out, r.Group+" created")
		case r.NotSent:
			out = append(out, r.Group+" not sent")
		case r.Unknown:
			out = append(out, r.Group+" unknown")
		default:
			out = append(out, r.Group+" failed")
		}
	}
	return strings.Join(out, ", ")
}

func TestSubmitAFailureAtEachStep(t *testing.T) {
	a, b, c := group("A", "H-A", 1), group("B", "H-B", 1), group("C", "H-C", 1)
	tests := []struct {
		name     string
		failAt   int
		err      error
		report   string // the report's lines; "" when the call returns err
		onServer string
		stopped  apperr.Code
	}{
		{"all go through", 0, nil, "A created, B created, C created", "A,B,C", ""},
		{"first group refused", 1, errRefused, "A failed, B created, C created", "B,C", ""},
		{"first request finds the session ended", 1, errLogin, "", "", ""},
		{"middle group refused", 2, errRefused, "A created, B failed, C created", "A,C", ""},
		{"session ends at the middle group", 2, errLogin, "A created, B not sent, C not sent", "A", apperr.LoginRequired},
		{"server gone at the last group", 3, errGone, "A created, B created, C failed", "A,B", apperr.Unreachable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake()
			if tt.failAt > 0 {
				srv.failChange(tt.failAt, tt.err)
			}
			rep, err := newView(t).Submit(ctx, srv, pending(a, b, c))
			if tt.report == "" {
				if apperr.CodeOf(err) != apperr.CodeOf(tt.err) {
					t.Fatalf("want the error %v, got %+v %v", tt.err, rep, err)
				}
			} else if err != nil || submitOutcome(rep) != tt.report {
				t.Fatalf("report %q %v, want %q", submitOutcome(rep), err, tt.report)
			}
			if got := srv.names(); got != tt.onServer {
				t.Fatalf("server holds %q, report says %q", got, tt.onServer)
			}
			if tt.stopped == "" && rep.Stopped != nil || tt.stopped != "" && (rep.Stopped == nil || rep.Stopped.Code != tt.stopped) {
				t.Fatalf("stopped %+v, want %q", rep.Stopped, tt.stopped)
			}
			if rep.Created+rep.Failed != len(rep.Results) {
				t.Fatalf("counts %+v", rep)
			}
		})
	}
}

func TestSubmitRetrySendsOnlyTheRest(t *testing.T) {
	a, b, c := group("A", "H-A", 1), group("B", "H-B", 1), group("C", "H-C", 1)
	srv := newFake().failChange(2, errLogin)
	view := newView(t)
	rep, err := view.Submit(ctx, srv, pending(a, b, c))
	if err != nil || rep.Stopped == nil {
		t.Fatalf("%+v %v", rep, err)
	}
	// The page keeps the rows of the groups not created and sends them.
	var rest []reservations.Group
	for i, r := range rep.Results {
		if !r.OK {
			rest = append(rest, []reservations.Group{a, b, c}[i])
		}
	}
	again, err := view.Submit(ctx, srv, pending(rest...))
	if err != nil || submitOutcome(again) != "B created, C created" || srv.names() != "A,B,C" {
		t.Fatalf("retry: %q %v, server %q", submitOutcome(again), err, srv.names())
	}
	if strings.Count(strings.Join(srv.log, ";"), "add A") != 1 {
		t.Fatalf("A was sent twice: %v", srv.log)
	}
}

// cancelledAfterFirst cancels the batch once its first group is created.
type cancelledAfterFirst struct {
	*fakeServer
	cancel func()
}

func (c cancelledAfterFirst) AddReservationGroup(ctx context.Context, g reservations.Group) (reservations.Group, error) {
	stored, err := c.fakeServer.AddReservationGroup(ctx, g)
	c.cancel()
	return stored, err
}

func TestSubmitCancelledReportsWhatWasDone(t *testing.T) {
	c, cancel := context.WithCancel(ctx)
	srv := newFake()
	var steps []progress.Step
	c = progress.With(c, func(s progress.Step) { steps = append(steps, s) })
	rep, err := newView(t).Submit(c, cancelledAfterFirst{srv, cancel}, pending(group("A", "H-A", 1), group("B", "H-B", 1), group("C", "H-C", 1)))
	// A went out before the cancel took effect; B and C were not sent.
	if err != nil || submitOutcome(rep) != "A created, B not sent, C not sent" || rep.Stopped.Code != apperr.Cancelled || srv.names() != "A" {
		t.Fatalf("%q %+v %v, server %q", submitOutcome(rep), rep.Stopped, err, srv.names())
	}
	if len(steps) < 2 || steps[0].Unit != "groups" || steps[0].Total != 3 || !strings.Contains(steps[0].Message, "A") {
		t.Fatalf("progress %+v", steps)
	}
}

func TestDeleteAFailureAtEachStep(t *testing.T) {
	tests := []struct {
		name     string
		failAt   int
		err      error
		deleted  int
		onServer string
		wantErr  bool
	}{
		{"all deleted", 0, nil, 3, "", false},
		{"first refused", 1, apperr.New(apperr.ServerError, "The server failed."), 2, "A", false},
		{"session ended at once", 1, errLogin, 0, "A,B,C", true},
		{"session ends in the middle", 2, errLogin, 1, "B,C", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(group("A", "H-A", 1), group("B", "H-B", 1), group("C", "H-C", 1))
			if tt.failAt > 0 {
				srv.failChange(tt.failAt, tt.err)
			}
			var ids []int64
			for _, n := range []string{"A", "B", "C"} {
				ids = append(ids, srv.group(t, n).ID)
			}
			rep, err := newView(t).Delete(ctx, srv, ids)
			if (err != nil) != tt.wantErr || rep.Deleted != tt.deleted || srv.names() != tt.onServer {
				t.Fatalf("%+v %v, server %q", rep, err, srv.names())
			}
			for i, r := range rep.Results {
				if r.OK == strings.Contains(srv.names(), []string{"A", "B", "C"}[i]) {
					t.Fatalf("result %+v disagrees with the server %q", r, srv.names())
				}
			}
		})
	}
}

func TestEditInPlaceAFailureAtEachStep(t *testing.T) {
	orig := group("Support", "JOE", 2)
	next := group("Support", "ANN", 5)
	tests := []struct {
		name    string
		fail    map[int]error // 1 delete, 2 create the new version, 3 restore
		outcome Outcome
		wantErr apperr.Code
		host    string // the host of "Support" on the server afterwards, "" if gone
	}{
		{"replaced", nil, OutcomeReplaced, "", "ANN"},
		{"delete refused: nothing changed", map[int]error{1: apperr.New(apperr.ServerError, "The server failed.")}, "", apperr.ServerError, "JOE"},
		{"new version refused: the original is restored", map[int]error{2: errRefused}, OutcomeRestored, "", "JOE"},
		{"restore refused too: the original is in the report", map[int]error{2: errRefused, 3: errRefused}, OutcomeLost, "", ""},
		{"session ends after the delete: the original is kept as JSON", map[int]error{2: errLogin, 3: errLogin}, OutcomeLost, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(orig, group("Sales", "SAL", 1))
			for n, err := range tt.fail {
				srv.failChange(n, err)
			}
			id := srv.group(t, "Support").ID
			rep, err := newView(t).Edit(ctx, srv, id, pending(next))
			if apperr.CodeOf(err) != tt.wantErr || rep.Outcome != tt.outcome || (err == nil) != (rep.OriginalJSON != "") {
				t.Fatalf("%+v %v", rep, err)
			}
			host := ""
			if strings.Contains(srv.names(), "Support") {
				host = srv.group(t, "Support").Reservations[0].HostID.Value
			}
			if host != tt.host {
				t.Fatalf("Support reserves %q on the server, want %q", host, tt.host)
			}
			if tt.outcome == OutcomeLost {
				back := reservations.Import([]byte(rep.OriginalJSON), nil)
				if len(back.Errors) != 0 || back.GroupCount != 1 || back.Groups[0].Group.Reservations[0].HostID.Value != "JOE" {
					t.Fatalf("the report's JSON is not the original: %s", rep.OriginalJSON)
				}
				if !strings.Contains(rep.Message, "import it to restore it") {
					t.Fatalf("message %q", rep.Message)
				}
			}
		})
	}
}

func TestEditRestoresEvenWhenCancelled(t *testing.T) {
	c, cancel := context.WithCancel(ctx)
	srv := newFake(group("Support", "JOE", 2))
	srv.onChange = func(n int) {
		if n == 2 {
			cancel() // the user cancels while the new version is on its way
		}
	}
	rep, err := newView(t).Edit(c, srv, srv.group(t, "Support").ID, pending(group("Support", "ANN", 5)))
	if err != nil || rep.Outcome != OutcomeRestored || srv.group(t, "Support").Reservations[0].HostID.Value != "JOE" {
		t.Fatalf("%+v %v, server %q", rep, err, srv.names())
	}
}

func TestEditChecksBeforeDeleting(t *testing.T) {
	srv := newFake(group("Support", "JOE", 2), group("Sales", "SAL", 1))
	id := srv.group(t, "Support").ID
	view := newView(t)
	// Its own name and host are the edited group's own, not a conflict.
	if rep, err := view.Edit(ctx, srv, id, pending(group("Support", "JOE", 3))); err != nil || rep.Outcome != OutcomeReplaced {
		t.Fatalf("same name and host: %+v %v", rep, err)
	}
	id = srv.group(t, "Support").ID
	for name, entries := range map[string][]reservations.PendingEntry{
		"two groups":           pending(group("Support", "X-1", 1), group("Other", "X-2", 1)),
		"another group's host": pending(group("Support", "SAL", 1)),
		"no entries":           nil,
	} {
		before := len(srv.log)
		if _, err := view.Edit(ctx, srv, id, entries); apperr.CodeOf(err) != apperr.InvalidInput {
			t.Errorf("%s: %v", name, err)
		}
		if len(srv.log) != before {
			t.Errorf("%s: something was sent: %v", name, srv.log[before:])
		}
	}
	srv.model = true
	if _, err := view.Edit(ctx, srv, id, pending(group("Support", "Y", 1))); apperr.CodeOf(err) != apperr.Conflict || srv.names() != "Sales,Support" {
		t.Fatalf("model active: %v, server %q", err, srv.names())
	}
	if _, err := view.Edit(ctx, srv, 999, pending(group("Support", "Y", 1))); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("unknown group: %v", err)
	}
}

func TestValidateLeavesTheEditedGroupOut(t *testing.T) {
	srv := newFake(group("Support", "JOE", 2))
	id := srv.group(t, "Support").ID
	rows := pending(group("Support", "JOE", 3))
	adding, err := Validate(ctx, srv, rows, 0)
	if err != nil || adding.Valid || len(adding.Problems) != 2 {
		t.Fatalf("on the Add page the name and host are taken: %+v %v", adding, err)
	}
	codes := map[string]bool{}
	for _, p := range adding.Problems {
		codes[p.Code] = p.Item == "0"
	}
	if !codes[reservations.CodeNameTaken] || !codes[reservations.CodeHostTaken] {
		t.Fatalf("problems %+v", adding.Problems)
	}
	editing, err := Validate(ctx, srv, rows, id)
	if err != nil || !editing.Valid || len(editing.Problems) != 0 {
		t.Fatalf("while editing the group they are its own: %+v %v", editing, err)
	}
	g, err := GroupForEdit(ctx, srv, id)
	if err != nil || g.Name != "Support" || len(g.Entries) != 1 || g.Entries[0].DeviceID != "JOE" || g.Entries[0].Count != 2 {
		t.Fatalf("group for edit: %+v %v", g, err)
	}
}

func TestSubmitSaysWhichRowsMadeEachGroup(t *testing.T) {
	rows := pending(group("A", "H-A", 1), group("B", "H-B", 1))
	rows = append(rows, reservations.PendingEntry{GroupName: " a ", DeviceID: "H-A2", IDType: "STRING", FeatureName: "F", Version: "1.0", Count: 1})
	srv := newFake().failChange(2, errRefused)
	rep, err := newView(t).Submit(ctx, srv, rows)
	if err != nil || len(rep.Results) != 2 {
		t.Fatalf("%+v %v", rep, err)
	}
	if a, b := rep.Results[0], rep.Results[1]; !a.OK || fmt.Sprint(a.Rows) != "[0 2]" || b.OK || fmt.Sprint(b.Rows) != "[1]" {
		t.Fatalf("results %+v", rep.Results)
	}
	v, err := Validate(ctx, srv, rows, 0)
	if err != nil || fmt.Sprint(v.GroupOf) != "[0 1 0]" {
		t.Fatalf("validation %+v %v", v, err)
	}
}
