package operations

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

var allReservations = listing.Query{Page: 1, PageSize: 500}

func resPending(group, device, idType, feature, version string, count int64) reservations.PendingEntry {
	return reservations.PendingEntry{GroupName: group, DeviceID: device, IDType: idType, FeatureName: feature, Version: version, Count: count}
}

func rowsOf(t *testing.T, view *Reservations, cl *fne.Client, group string) []reservations.Row {
	t.Helper()
	page, err := view.List(ctx, cl, allReservations, true)
	if err != nil {
		t.Fatal(err)
	}
	var out []reservations.Row
	for _, r := range page.Rows {
		if r.Group == group {
			out = append(out, r)
		}
	}
	return out
}

func groupID(t *testing.T, view *Reservations, cl *fne.Client, name string) int64 {
	t.Helper()
	page, err := view.List(ctx, cl, allReservations, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range page.Groups {
		if g.Name == name {
			return g.ID
		}
	}
	t.Fatalf("no group %q in %+v", name, page.Groups)
	return 0
}

func TestReservationsListWithStatuses(t *testing.T) {
	_, cl := admin(t, simulator.Options{})
	view := newView(t)
	page, err := view.List(ctx, cl, listing.Query{Page: 1, PageSize: 5, SortBy: "version", SortDesc: true}, true)
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 7 || len(page.Rows) != 5 || page.Pages != 2 || page.ModelActive || len(page.Groups) != 3 || page.Rows[0].Version != "2022.1" {
		t.Fatalf("page %+v", page)
	}
	for _, r := range page.Rows {
		if r.Status != reservations.StatusOK {
			t.Fatalf("the demo reservations are all satisfiable: %+v", r)
		}
	}
	joe, _ := view.List(ctx, cl, listing.Query{Page: 1, PageSize: 5, Search: "joe"}, false)
	if joe.Total != 1 || joe.Rows[0].Group != "Support" || joe.Rows[0].IDType != "USER" {
		t.Fatalf("search: %+v", joe)
	}
	// A reservation for more than the server has, and one for a version
	// the server does not have, are short and say why.
	rep, err := view.Submit(ctx, cl, []reservations.PendingEntry{
		resPending("Lab", "LAB-1", "STRING", "3D_Rendering", "3.0", 100000),
		resPending("Lab", "LAB-1", "STRING", "VR_MODE", "9.0", 1),
	})
	if err != nil || rep.Created != 1 {
		t.Fatalf("submit: %+v %v", rep, err)
	}
	lab := rowsOf(t, view, cl, "Lab")
	if len(lab) != 2 || lab[0].Status != reservations.StatusShort || !strings.Contains(lab[0].Reason, "Needs 100000 of 3D_Rendering ≥ 3.0") ||
		lab[1].Reason != "No feature VR_MODE of version 9.0 or later on the server." {
		t.Fatalf("lab rows %+v", lab)
	}
	short, _ := view.List(ctx, cl, listing.Query{Page: 1, PageSize: 50, SortBy: "status", SortDesc: true}, false)
	if short.Rows[0].Status != reservations.StatusShort {
		t.Fatalf("sort by status: %+v", short.Rows[0])
	}
	csv, err := view.ExportCSV(ctx, cl, listing.Query{Search: "Lab"}, []string{"group", "feature", "status"})
	if err != nil || strings.Join(csv.Header, ",") != "Reservation Group,Feature Name,Status" || len(csv.Rows) != 2 {
		t.Fatalf("csv %+v %v", csv, err)
	}
}

func TestFeatureOptionsForThePicker(t *testing.T) {
	_, cl := admin(t, simulator.Options{})
	opts, err := FeatureOptions(ctx, cl)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range opts {
		if o.Name == "3D_Rendering" {
			if strings.Join(o.Versions, ",") != "3.0,3.2" {
				t.Fatalf("versions %v", o.Versions)
			}
			return
		}
	}
	t.Fatalf("no 3D_Rendering in %+v", opts)
}

// raceReservationAdd lets the next add reach the server, holds it there,
// and creates g directly meanwhile: the server then refuses the batch's
// group although its own checks passed.
func raceReservationAdd(t *testing.T, sim *simulator.Server, cl *fne.Client, g reservations.Group, call func()) {
	t.Helper()
	before := sim.Requests("addReservationGroup")
	sim.SetFault(simulator.Fault{Target: "addReservationGroup", Latency: time.Second, Times: 1})
	done := make(chan struct{})
	go func() { call(); close(done) }()
	for sim.Requests("addReservationGroup") == before {
		time.Sleep(5 * time.Millisecond)
	}
	if _, err := cl.AddReservationGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	<-done
	sim.ClearFaults()
}

func TestSubmitReportsTheServersRefusal(t *testing.T) {
	sim, cl := admin(t, simulator.Options{})
	view := newView(t)
	var rep SubmitReport
	var err error
	raceReservationAdd(t, sim, cl, group("Race", "R-1", 1), func() {
		rep, err = view.Submit(ctx, cl, []reservations.PendingEntry{
			resPending("Race", "R-2", "STRING", "Audio_Sync", "1.2", 1),
			resPending("Calm", "C-1", "STRING", "Audio_Sync", "1.2", 1),
		})
	})
	if err != nil || rep.Created != 1 || rep.Failed != 1 || rep.Results[0].OK || !rep.Results[1].OK {
		t.Fatalf("report %+v %v", rep, err)
	}
	if r := rep.Results[0]; r.Code != apperr.InvalidInput || !strings.Contains(r.Message, `a reservation group named "Race" already exists`) {
		t.Fatalf("duplicate name: %+v", r)
	}
	raceReservationAdd(t, sim, cl, group("Holder", "H-1", 1), func() {
		rep, err = view.Submit(ctx, cl, []reservations.PendingEntry{resPending("Wants", "H-1", "STRING", "Audio_Sync", "1.2", 1)})
	})
	if err != nil || rep.Failed != 1 || !strings.Contains(rep.Results[0].Message, `the host ID already has a reservation in group "Holder"`) {
		t.Fatalf("host taken: %+v %v", rep, err)
	}
}

func TestEditRestoresWhenAHostIsTakenMeanwhile(t *testing.T) {
	sim, cl := admin(t, simulator.Options{})
	view := newView(t)
	id := groupID(t, view, cl, "Support")
	var rep EditReport
	var err error
	raceReservationAdd(t, sim, cl, group("Sneaky", "NEW-HOST", 1), func() {
		rep, err = view.Edit(ctx, cl, id, []reservations.PendingEntry{resPending("Support", "NEW-HOST", "STRING", "Audio_Sync", "1.2", 1)})
	})
	if err != nil || rep.Outcome != OutcomeRestored || !strings.Contains(rep.Message, `the host ID already has a reservation in group "Sneaky"`) {
		t.Fatalf("%+v %v", rep, err)
	}
	if rows := rowsOf(t, view, cl, "Support"); len(rows) != 1 || rows[0].DeviceID != "JOE" {
		t.Fatalf("support %+v", rows)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	_, cl := admin(t, simulator.Options{})
	view := newView(t)
	exported, err := Export(ctx, cl, nil)
	if err != nil {
		t.Fatal(err)
	}
	var file []map[string]any
	if err := json.Unmarshal(exported, &file); err != nil || len(file) != 3 || strings.Contains(string(exported), `"id"`) {
		t.Fatalf("exported file: %v\n%s", err, exported)
	}
	if _, err := view.Delete(ctx, cl, []int64{groupID(t, view, cl, "Support")}); err != nil {
		t.Fatal(err)
	}
	pv, err := view.PreviewImport(ctx, cl, "all.json", exported)
	if err != nil || pv.Token == "" || pv.Preview.GroupCount != 3 || pv.Preview.ReservationCount != 5 || pv.Preview.EntryCount != 7 || len(pv.Preview.Errors) != 0 {
		t.Fatalf("preview: %+v %v", pv, err)
	}
	if pv.Preview.Keep.Summary != (reservations.Summary{ToImport: 1, Skipped: 2}) || pv.Preview.Replace.Summary != (reservations.Summary{ToImport: 1, ToReplace: 2}) {
		t.Fatalf("summaries: keep %+v, replace %+v", pv.Preview.Keep.Summary, pv.Preview.Replace.Summary)
	}
	rep, err := view.ApplyImport(ctx, cl, pv.Token, false)
	if err != nil || rep.Imported != 1 || rep.Skipped != 2 || len(rep.Failed) != 0 || !strings.Contains(rep.SkippedGroups[0].Message, "already exists") {
		t.Fatalf("apply: %+v %v", rep, err)
	}
	// Lossless: exporting again gives the same groups.
	again, err := Export(ctx, cl, nil)
	if err != nil || !sameExportedGroups(t, exported, again) {
		t.Fatalf("round trip changed the groups:\n%s\n---\n%s", exported, again)
	}
	// A new preview of the same file replaces them all.
	pv, _ = view.PreviewImport(ctx, cl, "all.json", exported)
	rep, err = view.ApplyImport(ctx, cl, pv.Token, true)
	if err != nil || rep.Replaced != 3 || rep.Imported != 0 || len(rep.Failed) != 0 {
		t.Fatalf("replace all: %+v %v", rep, err)
	}
	one, err := Export(ctx, cl, []int64{groupID(t, view, cl, "Sales")})
	if p := reservations.Import(one, nil); err != nil || p.GroupCount != 1 || p.Groups[0].Group.Name != "Sales" {
		t.Fatalf("selected export %s %v", one, err)
	}
	if _, err := Export(ctx, cl, []int64{999999}); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("unknown group: %v", err)
	}
}

// sameExportedGroups compares two export files group by group, in any order.
func sameExportedGroups(t *testing.T, a, b []byte) bool {
	t.Helper()
	byName := func(data []byte) map[string]string {
		var groups []json.RawMessage
		if err := json.Unmarshal(data, &groups); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, g := range groups {
			var n struct{ Name string }
			_ = json.Unmarshal(g, &n)
			out[n.Name] = string(g)
		}
		return out
	}
	ma, mb := byName(a), byName(b)
	if len(ma) != len(mb) {
		return false
	}
	for k, v := range ma {
		if mb[k] != v {
			return false
		}
	}
	return true
}

func TestReservationsRefusedWhileAModelIsActive(t *testing.T) {
	_, cl := admin(t, simulator.Options{Dataset: "pools"})
	view := newView(t)
	page, err := view.List(ctx, cl, allReservations, true)
	if err != nil || !page.ModelActive || page.Total != 0 || !strings.Contains(page.ModelMessage, "cannot coexist") {
		t.Fatalf("list: %+v %v", page, err)
	}
	v, err := Validate(ctx, cl, []reservations.PendingEntry{resPending("Lab", "L-1", "STRING", "3D_Rendering", "3.0", 1)}, 0)
	if err != nil || !v.ModelActive {
		t.Fatalf("validate: %+v %v", v, err)
	}
	_, err = view.Submit(ctx, cl, []reservations.PendingEntry{resPending("Lab", "L-1", "STRING", "3D_Rendering", "3.0", 1)})
	if apperr.CodeOf(err) != apperr.Conflict || !strings.Contains(err.Error(), "cannot coexist") {
		t.Fatalf("submit: %v", err)
	}
}

func TestReservationsReaderIsDenied(t *testing.T) {
	sim, _ := admin(t, simulator.Options{})
	host, port := simtest.Serve(t, sim)
	reader := fneClient(host, port)
	if _, err := reader.Login(ctx, simulator.ReaderUser, simulator.ReaderPassword); err != nil {
		t.Fatal(err)
	}
	view := newView(t)
	page, err := view.List(ctx, reader, allReservations, true)
	if err != nil || page.Total != 7 {
		t.Fatalf("a reader reads: %+v %v", page, err)
	}
	for name, call := range map[string]func() error{
		"submit": func() error {
			_, err := view.Submit(ctx, reader, []reservations.PendingEntry{resPending("Lab", "L-1", "STRING", "3D_Rendering", "3.0", 1)})
			return err
		},
		"delete": func() error { _, err := view.Delete(ctx, reader, []int64{page.Groups[0].ID}); return err },
		"edit": func() error {
			_, err := view.Edit(ctx, reader, page.Groups[0].ID, []reservations.PendingEntry{resPending(page.Groups[0].Name, "L-1", "STRING", "A", "1.0", 1)})
			return err
		},
	} {
		if err := call(); apperr.CodeOf(err) != apperr.AccessDenied || !strings.Contains(err.Error(), "ROLE_RESERVATIONS") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if after, _ := view.List(ctx, reader, allReservations, true); after.Total != 7 {
		t.Fatalf("a denied change changed something: %d rows", after.Total)
	}
}
