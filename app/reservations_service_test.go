package app

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/simulator"
)

func reservationsEnv(t *testing.T, opts simulator.Options) (*sessionEnv, *ReservationsService, *fakeDialogs) {
	t.Helper()
	e := adminEnv(t, opts)
	dlg := &fakeDialogs{}
	return e, NewReservationsService(e.conns, dlg), dlg
}

func resPending(group, device, idType, feature, version string, count int64) reservations.PendingEntry {
	return reservations.PendingEntry{GroupName: group, DeviceID: device, IDType: idType, FeatureName: feature, Version: version, Count: count}
}

var allReservations = listing.Query{Page: 1, PageSize: 500}

func reservationRows(t *testing.T, svc *ReservationsService, group string) []reservations.Row {
	t.Helper()
	page, err := svc.List(allReservations, true)
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

func reservationGroupID(t *testing.T, svc *ReservationsService, name string) int64 {
	t.Helper()
	page, err := svc.List(allReservations, true)
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

func wantReservationErr(t *testing.T, err error, code apperr.Code, words string) {
	t.Helper()
	if apperr.CodeOf(err) != code || !strings.Contains(err.Error(), words) {
		t.Fatalf("want %s saying %q, got %v (%v)", code, words, apperr.CodeOf(err), err)
	}
}

func TestReservationsListWithStatuses(t *testing.T) {
	_, svc, _ := reservationsEnv(t, simulator.Options{})
	page, err := svc.List(listing.Query{Page: 1, PageSize: 5, SortBy: "version", SortDesc: true}, true)
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
	joe, _ := svc.List(listing.Query{Page: 1, PageSize: 5, Search: "joe"}, false)
	if joe.Total != 1 || joe.Rows[0].Group != "Support" || joe.Rows[0].IDType != "USER" {
		t.Fatalf("search: %+v", joe)
	}
	// A reservation for more than the server has, and one for a version
	// the server does not have, are short and say why.
	rep, err := svc.Submit([]reservations.PendingEntry{
		resPending("Lab", "LAB-1", "STRING", "3D_Rendering", "3.0", 100000),
		resPending("Lab", "LAB-1", "STRING", "VR_MODE", "9.0", 1),
	})
	if err != nil || rep.Created != 1 {
		t.Fatalf("submit: %+v %v", rep, err)
	}
	lab := reservationRows(t, svc, "Lab")
	if len(lab) != 2 || lab[0].Status != reservations.StatusShort || !strings.Contains(lab[0].Reason, "Needs 100000 of 3D_Rendering ≥ 3.0") ||
		lab[1].Reason != "No feature VR_MODE of version 9.0 or later on the server." {
		t.Fatalf("lab rows %+v", lab)
	}
	short, _ := svc.List(listing.Query{Page: 1, PageSize: 50, SortBy: "status", SortDesc: true}, false)
	if short.Rows[0].Status != reservations.StatusShort {
		t.Fatalf("sort by status: %+v", short.Rows[0])
	}
}

func TestReservationsFeaturesForThePicker(t *testing.T) {
	_, svc, _ := reservationsEnv(t, simulator.Options{})
	opts, err := svc.Features()
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

func TestReservationsSubmitAndValidate(t *testing.T) {
	_, svc, _ := reservationsEnv(t, simulator.Options{})
	pending := []reservations.PendingEntry{
		resPending("Lab", "ann", "user", "3D_Rendering", "3.0", 2),
		resPending("Lab", "ANN", "USER", "Mesh_Repair", "1.5", 1),
	}
	v, err := svc.Validate(pending)
	if err != nil || !v.Valid || len(v.Groups) != 1 || len(v.Groups[0].Reservations) != 1 || len(v.Groups[0].Reservations[0].Entries) != 2 {
		t.Fatalf("validate: %+v %v", v, err)
	}
	rep, err := svc.Submit(pending)
	if err != nil || rep.Created != 1 || rep.Failed != 0 || !rep.Results[0].OK || rep.Results[0].ID == 0 {
		t.Fatalf("submit: %+v %v", rep, err)
	}
	lab := reservationRows(t, svc, "Lab")
	if len(lab) != 2 || lab[0].DeviceID != "ANN" || lab[1].Feature != "Mesh_Repair" || lab[0].Status != reservations.StatusOK {
		t.Fatalf("rows %+v", lab)
	}

	// Checked before sending: the name and the host are taken now.
	v, _ = svc.Validate([]reservations.PendingEntry{resPending("lab", "Ann", "USER", "3D_Rendering", "3", 0)})
	if v.Valid || !strings.Contains(v.Fields["entries.0.groupName"], `"Lab" already exists`) ||
		!strings.Contains(v.Fields["entries.0.deviceId"], `ANN/USER already has a reservation in group "Lab"`) ||
		v.Fields["entries.0.version"] == "" || v.Fields["entries.0.count"] == "" {
		t.Fatalf("validate conflicts: %+v", v.Fields)
	}
	_, err = svc.Submit([]reservations.PendingEntry{resPending("Other", "x", "STRING", "A", "1.0", 1), resPending("Lab", "y", "STRING", "A", "1.0", 1)})
	fieldErr(t, err, "entries.1.groupName")
	_, err = svc.Submit(nil)
	fieldErr(t, err, "entries")
}

// raceReservationAdd lets the service's next add reach the server, holds it there,
// and creates g directly meanwhile: the server then refuses the service's
// group although the service's own checks passed.
func raceReservationAdd(t *testing.T, e *sessionEnv, g fne.ReservationGroup, call func()) {
	t.Helper()
	before := e.sim.Requests("addReservationGroup")
	e.sim.SetFault(simulator.Fault{Target: "addReservationGroup", Latency: time.Second, Times: 1})
	done := make(chan struct{})
	go func() { call(); close(done) }()
	for e.sim.Requests("addReservationGroup") == before {
		time.Sleep(5 * time.Millisecond)
	}
	cl, err := e.conns.Client()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.AddReservationGroup(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	<-done
	e.sim.ClearFaults()
}

func resWireGroup(name, host, typ string) fne.ReservationGroup {
	return fne.ReservationGroup{Name: name, Reservations: []fne.Reservation{{HostID: fne.ReservationHostID{Value: host, Type: typ},
		Entries: []fne.ReservationEntry{{FeatureName: "Audio_Sync", FeatureVersion: "1.2", FeatureCount: 1}}}}}
}

func TestReservationsSubmitReportsTheServersRefusal(t *testing.T) {
	e, svc, _ := reservationsEnv(t, simulator.Options{})
	var rep SubmitReport
	var err error
	raceReservationAdd(t, e, resWireGroup("Race", "R-1", "STRING"), func() {
		rep, err = svc.Submit([]reservations.PendingEntry{
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

	raceReservationAdd(t, e, resWireGroup("Holder", "H-1", "STRING"), func() {
		rep, err = svc.Submit([]reservations.PendingEntry{resPending("Wants", "H-1", "STRING", "Audio_Sync", "1.2", 1)})
	})
	if err != nil || rep.Failed != 1 || !strings.Contains(rep.Results[0].Message, `the host ID already has a reservation in group "Holder"`) {
		t.Fatalf("host taken: %+v %v", rep, err)
	}
}

func TestReservationsDelete(t *testing.T) {
	_, svc, _ := reservationsEnv(t, simulator.Options{})
	support := reservationGroupID(t, svc, "Support")
	rep, err := svc.Delete([]int64{support, 999999})
	if err != nil || rep.Deleted != 1 || rep.Failed != 1 || rep.Results[0].Group != "Support" || rep.Results[1].Code != apperr.NotFound {
		t.Fatalf("delete: %+v %v", rep, err)
	}
	page, _ := svc.List(allReservations, false)
	if page.Total != 6 || len(page.Groups) != 2 {
		t.Fatalf("after delete: %d rows, groups %+v", page.Total, page.Groups)
	}
}

func TestReservationsEditGroup(t *testing.T) {
	e, svc, _ := reservationsEnv(t, simulator.Options{})
	id := reservationGroupID(t, svc, "Support")
	edited := []reservations.PendingEntry{
		resPending("Support", "JOE", "USER", "Export_to_CSV", "4.8", 3),
		resPending("Support", "ann", "USER", "Rotation", "6.1", 1),
	}
	rep, err := svc.EditGroup(id, edited)
	if err != nil || !rep.Replaced || rep.Group.Name != "Support" || len(rep.Group.Reservations) != 2 {
		t.Fatalf("edit: %+v %v", rep, err)
	}
	if rows := reservationRows(t, svc, "Support"); len(rows) != 2 || rows[0].Count != 3 || rows[1].DeviceID != "ANN" {
		t.Fatalf("edited rows %+v", rows)
	}

	// The server refuses the new version: the original comes back.
	id = rep.Group.ID
	before := reservationRows(t, svc, "Support")
	e.sim.SetFault(simulator.Fault{Target: "addReservationGroup", Status: 500, Times: 1})
	rep, err = svc.EditGroup(id, []reservations.PendingEntry{resPending("Support", "JOE", "USER", "Export_to_CSV", "4.8", 9)})
	if err != nil || rep.Replaced || !rep.Restored || !strings.Contains(rep.Message, "re-created as it was") || rep.OriginalJSON != "" {
		t.Fatalf("restore: %+v %v", rep, err)
	}
	after := reservationRows(t, svc, "Support")
	if len(after) != len(before) || after[0].Count != before[0].Count || after[1].Feature != before[1].Feature {
		t.Fatalf("restored %+v, before %+v", after, before)
	}

	// Even the restore fails: the original is handed back as JSON.
	id = rep.Group.ID
	e.sim.SetFault(simulator.Fault{Target: "addReservationGroup", Status: 500, Times: 2})
	rep, err = svc.EditGroup(id, []reservations.PendingEntry{resPending("Support", "JOE", "USER", "Export_to_CSV", "4.8", 9)})
	if err != nil || rep.Replaced || rep.Restored || !strings.Contains(rep.Message, "import it to restore it") {
		t.Fatalf("lost: %+v %v", rep, err)
	}
	lost := reservations.Import([]byte(rep.OriginalJSON), nil)
	if len(lost.Errors) != 0 || lost.GroupCount != 1 || lost.EntryCount != 2 || lost.Groups[0].Group.Name != "Support" {
		t.Fatalf("original JSON %s: %+v", rep.OriginalJSON, lost)
	}

	// Entries for two groups, or a host another group holds, are refused
	// before anything is deleted.
	id = reservationGroupID(t, svc, "Sales")
	_, err = svc.EditGroup(id, []reservations.PendingEntry{resPending("Sales", "S-1", "STRING", "A", "1.0", 1), resPending("Other", "S-2", "STRING", "A", "1.0", 1)})
	fieldErr(t, err, "entries.1.groupName")
	_, err = svc.EditGroup(id, []reservations.PendingEntry{resPending("Sales", reservationRows(t, svc, "Engineering")[0].DeviceID, "ETHERNET", "A", "1.0", 1)})
	fieldErr(t, err, "entries.0.deviceId")
	_, err = svc.EditGroup(999999, edited)
	wantReservationErr(t, err, apperr.NotFound, "refresh the list")
}

func TestReservationsEditRestoresWhenAHostIsTakenMeanwhile(t *testing.T) {
	e, svc, _ := reservationsEnv(t, simulator.Options{})
	id := reservationGroupID(t, svc, "Support")
	var rep EditReport
	var err error
	raceReservationAdd(t, e, resWireGroup("Sneaky", "NEW-HOST", "STRING"), func() {
		rep, err = svc.EditGroup(id, []reservations.PendingEntry{resPending("Support", "NEW-HOST", "STRING", "Audio_Sync", "1.2", 1)})
	})
	if err != nil || !rep.Restored || !strings.Contains(rep.Message, `the host ID already has a reservation in group "Sneaky"`) {
		t.Fatalf("%+v %v", rep, err)
	}
	if rows := reservationRows(t, svc, "Support"); len(rows) != 1 || rows[0].DeviceID != "JOE" {
		t.Fatalf("support %+v", rows)
	}
}

func TestReservationsExportImportRoundTrip(t *testing.T) {
	_, svc, dlg := reservationsEnv(t, simulator.Options{})
	dir := t.TempDir()
	dlg.savePath = filepath.Join(dir, "all")
	path, err := svc.Export(nil)
	if err != nil || path != dlg.savePath+".json" {
		t.Fatalf("export: %q %v", path, err)
	}
	exported, _ := os.ReadFile(path)
	var file []map[string]any
	if err := json.Unmarshal(exported, &file); err != nil || len(file) != 3 || strings.Contains(string(exported), `"id"`) {
		t.Fatalf("exported file: %v\n%s", err, exported)
	}

	if _, err := svc.Delete([]int64{reservationGroupID(t, svc, "Support")}); err != nil {
		t.Fatal(err)
	}
	dlg.openPath = path
	pv, err := svc.PreviewImport()
	if err != nil || pv.Token == "" || pv.FileName != "all.json" || pv.Preview.GroupCount != 3 || pv.Preview.ReservationCount != 5 || pv.Preview.EntryCount != 7 || len(pv.Preview.Errors) != 0 {
		t.Fatalf("preview: %+v %v", pv, err)
	}
	if pv.Preview.Keep.Summary != (reservations.Summary{ToImport: 1, Skipped: 2}) || pv.Preview.Replace.Summary != (reservations.Summary{ToImport: 1, ToReplace: 2}) {
		t.Fatalf("summaries: keep %+v, replace %+v", pv.Preview.Keep.Summary, pv.Preview.Replace.Summary)
	}
	rep, err := svc.ApplyImport(pv.Token, false)
	if err != nil || rep.Imported != 1 || rep.Skipped != 2 || len(rep.Failed) != 0 || !strings.Contains(rep.SkippedGroups[0].Message, "already exists") {
		t.Fatalf("apply: %+v %v", rep, err)
	}
	// Lossless: exporting again gives the same groups.
	dlg.savePath = filepath.Join(dir, "again.json")
	if _, err := svc.Export(nil); err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(dlg.savePath)
	if !sameExportedGroups(t, exported, again) {
		t.Fatalf("round trip changed the groups:\n%s\n---\n%s", exported, again)
	}

	rep, err = svc.ApplyImport(pv.Token, true)
	if err != nil || rep.Replaced != 3 || rep.Imported != 0 || len(rep.Failed) != 0 {
		t.Fatalf("replace all: %+v %v", rep, err)
	}
	if _, err := svc.ApplyImport("stale", false); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("stale token: %v", err)
	}

	// Export of selected groups; cancelling saves nothing.
	dlg.savePath = filepath.Join(dir, "one.json")
	if _, err := svc.Export([]int64{reservationGroupID(t, svc, "Sales")}); err != nil {
		t.Fatal(err)
	}
	one, _ := os.ReadFile(dlg.savePath)
	if p := reservations.Import(one, nil); p.GroupCount != 1 || p.Groups[0].Group.Name != "Sales" {
		t.Fatalf("selected export %s", one)
	}
	dlg.savePath = ""
	if path, err := svc.Export(nil); err != nil || path != "" {
		t.Fatalf("cancelled export: %q %v", path, err)
	}
	dlg.savePath = filepath.Join(dir, "rows.csv")
	if path, err := svc.ExportCSV(listing.Query{Search: "Sales"}, []string{"group", "feature", "status"}); err != nil || path != dlg.savePath {
		t.Fatalf("csv: %q %v", path, err)
	}
	csv, _ := os.ReadFile(dlg.savePath)
	if !strings.Contains(string(csv), "Reservation Group,Feature Name,Status") || strings.Count(string(csv), "Sales,") != 3 {
		t.Fatalf("csv:\n%s", csv)
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

func TestReservationsImportPreviewProblems(t *testing.T) {
	_, svc, dlg := reservationsEnv(t, simulator.Options{})
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`[{"name": "New", "reservations": [{"hostId": {"value": "JOE", "type": "USER"},
  "reservationEntries": [{"featureName": "A", "featureVersion": "3", "featureCount": 1}]}]},
 {"name": "Sales", "reservations": [{"hostId": {"value": "Q", "type": "STRING"}, "reservationEntries": [{"featureName": "A", "featureVersion": "1.0", "featureCount": 1}]}]}]`), 0o644)
	dlg.openPath = bad
	pv, err := svc.PreviewImport()
	if err != nil {
		t.Fatal(err)
	}
	if len(pv.Preview.Errors) != 1 || pv.Preview.Errors[0].Location != "groups[0].reservations[0].reservationEntries[0].featureVersion" ||
		pv.Preview.Keep.Summary != (reservations.Summary{Skipped: 2}) || pv.Preview.Replace.Summary != (reservations.Summary{ToReplace: 1, Skipped: 1}) {
		t.Fatalf("preview %+v", pv)
	}

	big := filepath.Join(dir, "big.json")
	os.WriteFile(big, make([]byte, MaxReservationsFile+1), 0o644)
	dlg.openPath = big
	_, err = svc.PreviewImport()
	wantReservationErr(t, err, apperr.InvalidInput, "big.json")

	dlg.openPath = ""
	pv, err = svc.PreviewImport()
	if err != nil || !pv.Cancelled || pv.Preview.GroupCount != 0 || pv.Token != "" {
		t.Fatalf("cancelled: %+v %v", pv, err)
	}
}

func TestReservationsRefusedWhileAModelIsActive(t *testing.T) {
	_, svc, dlg := reservationsEnv(t, simulator.Options{Dataset: "pools"})
	page, err := svc.List(allReservations, true)
	if err != nil || !page.ModelActive || page.Total != 0 || !strings.Contains(page.ModelMessage, "cannot coexist") {
		t.Fatalf("list: %+v %v", page, err)
	}
	v, err := svc.Validate([]reservations.PendingEntry{resPending("Lab", "L-1", "STRING", "3D_Rendering", "3.0", 1)})
	if err != nil || !v.ModelActive {
		t.Fatalf("validate: %+v %v", v, err)
	}
	_, err = svc.Submit([]reservations.PendingEntry{resPending("Lab", "L-1", "STRING", "3D_Rendering", "3.0", 1)})
	wantReservationErr(t, err, apperr.Conflict, "Reservations and named license pools cannot coexist")

	file := filepath.Join(t.TempDir(), "g.json")
	os.WriteFile(file, reservations.Export([]reservations.Group{{Name: "Lab", Reservations: []reservations.Reservation{
		{HostID: reservations.HostID{Value: "L-1", Type: "STRING"}, Entries: []reservations.Entry{{FeatureName: "A", FeatureVersion: "1.0", FeatureCount: 1}}}}}}), 0o644)
	dlg.openPath = file
	pv, err := svc.PreviewImport()
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.ApplyImport(pv.Token, false)
	wantReservationErr(t, err, apperr.Conflict, "cannot coexist")
}

func TestReservationsReaderIsDenied(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
	if _, err := e.svc.Login(LoginInput{User: "reader", Password: simulator.ReaderPassword}); err != nil {
		t.Fatal(err)
	}
	svc := NewReservationsService(e.conns, &fakeDialogs{})
	page, err := svc.List(allReservations, true)
	if err != nil || page.Total != 7 {
		t.Fatalf("a reader reads: %+v %v", page, err)
	}
	_, err = svc.Submit([]reservations.PendingEntry{resPending("Lab", "L-1", "STRING", "3D_Rendering", "3.0", 1)})
	wantReservationErr(t, err, apperr.AccessDenied, "ROLE_RESERVATIONS")
	_, err = svc.Delete([]int64{page.Groups[0].ID})
	wantReservationErr(t, err, apperr.AccessDenied, "ROLE_RESERVATIONS")
	_, err = svc.EditGroup(page.Groups[0].ID, []reservations.PendingEntry{resPending(page.Groups[0].Name, "L-1", "STRING", "A", "1.0", 1)})
	wantReservationErr(t, err, apperr.AccessDenied, "ROLE_RESERVATIONS")
	if after, _ := svc.List(allReservations, true); after.Total != 7 {
		t.Fatalf("a denied edit changed something: %d rows", after.Total)
	}
}
