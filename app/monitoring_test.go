package app

import (
	"context"
	"encoding/csv"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/simulator"
)

type fakeDialogs struct {
	savePath string
	openPath string
	saved    []string
}

func (f *fakeDialogs) OpenFile(string, ...FileFilter) (string, error) { return f.openPath, nil }
func (f *fakeDialogs) SaveFile(title, name string, _ ...FileFilter) (string, error) {
	f.saved = append(f.saved, name)
	return f.savePath, nil
}

func adminEnv(t *testing.T, opts simulator.Options) *sessionEnv {
	t.Helper()
	opts.Security = simulator.SecurityOn
	e := newSessionEnv(t, opts)
	if _, err := e.svc.Login(LoginInput{User: "admin", Password: simulator.AdminPassword}); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestFeaturesSummaryDetailsAndDetail(t *testing.T) {
	e := adminEnv(t, simulator.Options{})
	svc := NewFeaturesService(e.conns, nil, e.clock.now)
	sum, err := svc.Summary(listing.Query{Page: 1, PageSize: 500}, true)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Source != "computed" || sum.Total == 0 || sum.Total != len(sum.Rows) {
		t.Fatalf("summary: source %s total %d rows %d", sum.Source, sum.Total, len(sum.Rows))
	}
	det, err := svc.Details(listing.Query{Page: 1, PageSize: 10, SortBy: "feature"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if det.Total < 30 || len(det.Rows) != 10 || det.Pages != (det.Total+9)/10 || !det.ProductInfo {
		t.Fatalf("details: %+v", det)
	}
	// The summary adds up the records of each name and version.
	all, _ := svc.Details(listing.Query{Page: 1, PageSize: 500}, false)
	type key struct{ n, v string }
	counts := map[key]int64{}
	var uncounted, permanent, soon bool
	for _, r := range all.Rows {
		counts[key{r.Feature, r.Version}] += r.Count
		uncounted = uncounted || r.Uncounted
		permanent = permanent || (r.Permanent && r.Expiry == "permanent" && !r.ExpiringSoon)
		soon = soon || r.ExpiringSoon
		if r.Uncounted && r.Available != 0 {
			t.Fatalf("uncounted record with available %d", r.Available)
		}
	}
	if !uncounted || !permanent || !soon {
		t.Fatalf("the demo data must have uncounted %v, permanent %v and expiring %v records", uncounted, permanent, soon)
	}
	for _, s := range sum.Rows {
		if s.Counted && s.TotalCount != counts[key{s.Name, s.Version}] {
			t.Fatalf("%s %s: summary %d, records %d", s.Name, s.Version, s.TotalCount, counts[key{s.Name, s.Version}])
		}
	}
	// Search is by exact, complete name.
	exact, _ := svc.Details(listing.Query{Page: 1, PageSize: 50, Search: "3D_Rendering"}, false)
	partial, _ := svc.Details(listing.Query{Page: 1, PageSize: 50, Search: "3D_Render"}, false)
	if exact.Total < 2 || partial.Total != 0 {
		t.Fatalf("exact %d, partial %d", exact.Total, partial.Total)
	}
	d, err := svc.Feature(exact.Rows[0].ID)
	if err != nil || d.Feature != "3D_Rendering" {
		t.Fatalf("detail: %+v %v", d, err)
	}
	var served int64
	for _, sd := range d.ServedDevices {
		served += sd.Served
		if sd.DeviceID == "" || sd.DeviceType == "" {
			t.Fatalf("served device %+v", sd)
		}
	}
	if served != d.Used {
		t.Fatalf("served devices hold %d, feature used %d", served, d.Used)
	}
	if _, err := svc.Feature(999999); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("unknown feature: %v", err)
	}
}

func TestFeatureSummariesFromTheServer(t *testing.T) {
	// A Cloud License Server sums up by itself; it is HTTPS only, so the
	// test pins the test server's certificate.
	sim := simulator.New(simulator.Options{CLS: true, Security: simulator.SecurityOff})
	srv := httptest.NewTLSServer(sim)
	defer srv.Close()
	cl := fne.New(fne.Options{
		Target:            fne.Target{Host: srv.Listener.Addr().String(), CLS: true, InstanceID: sim.InstanceID()},
		PinnedFingerprint: fne.Fingerprint(srv.Certificate().Raw),
	})
	svc := NewFeaturesService(nil, nil, nil)
	sums, err := svc.loadSummaries(context.Background(), cl)
	if err != nil {
		t.Fatal(err)
	}
	if svc.sumSource != "server" || len(sums) == 0 {
		t.Fatalf("source %q, %d rows", svc.sumSource, len(sums))
	}
	for _, s := range sums {
		if s.Counted && s.TotalAvailable != max(s.TotalCount-s.TotalUsed, 0) {
			t.Fatalf("available of %s: %+v", s.Name, s)
		}
	}
}

func TestOldServerHasNoProductColumns(t *testing.T) {
	e := adminEnv(t, simulator.Options{Version: "2023.08.0"})
	svc := NewFeaturesService(e.conns, nil, e.clock.now)
	det, err := svc.Details(listing.Query{Page: 1, PageSize: 5}, true)
	if err != nil {
		t.Fatal(err)
	}
	if det.ProductInfo || det.ServerVersion != "2023.08.0" || det.Rows[0].ProductName != "" {
		t.Fatalf("%+v", det)
	}
}

func TestExportWritesTheWholeFilteredList(t *testing.T) {
	e := adminEnv(t, simulator.Options{})
	out := filepath.Join(t.TempDir(), "export")
	dlg := &fakeDialogs{savePath: out}
	svc := NewFeaturesService(e.conns, dlg, e.clock.now)
	q := listing.Query{Page: 1, PageSize: 5, Search: "3D_Rendering", SortBy: "count", SortDesc: true}
	page, err := svc.Details(q, true)
	if err != nil {
		t.Fatal(err)
	}
	path, err := svc.ExportDetails(q, []string{"version", "feature", "count"})
	if err != nil || path != out+".csv" {
		t.Fatalf("export: %q %v", path, err)
	}
	raw, _ := os.ReadFile(path)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], "|") != "Version|Feature|Count" || len(recs)-1 != page.Total {
		t.Fatalf("header %v, %d rows for %d records", recs[0], len(recs)-1, page.Total)
	}
	if recs[1][1] != "3D_Rendering" {
		t.Fatalf("row %v", recs[1])
	}
	dlg.savePath = ""
	if path, err := svc.ExportSummary(listing.Query{}, nil); err != nil || path != "" {
		t.Fatalf("cancel: %q %v", path, err)
	}
}

func TestDevicesListDetailDelete(t *testing.T) {
	e := newSessionEnv(t, simulator.Options{Security: simulator.SecurityOn})
	if _, err := e.svc.Login(LoginInput{User: "reader", Password: simulator.ReaderPassword}); err != nil {
		t.Fatal(err)
	}
	svc := NewDevicesService(e.conns, nil, e.clock.now)
	page, err := svc.List(listing.Query{Page: 1, PageSize: 50, SortBy: "deviceId"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if page.Total < 150 || len(page.Rows) != 50 {
		t.Fatalf("devices: %d", page.Total)
	}
	types := map[string]bool{}
	all, _ := svc.List(listing.Query{Page: 1, PageSize: 500}, false)
	for _, r := range all.Rows {
		types[r.DeviceType] = true
	}
	if !types["physical"] || !types["virtual"] || !types["unknown"] {
		t.Fatalf("device types %v", types)
	}
	first := page.Rows[0]
	if first.Alias != "" {
		byAlias, _ := svc.List(listing.Query{Page: 1, PageSize: 50, Search: strings.ToUpper(first.Alias)}, false)
		if byAlias.Total == 0 {
			t.Fatal("search by alias found nothing")
		}
	}
	d, err := svc.Get(first.ID)
	if err != nil || d.DeviceID != first.DeviceID {
		t.Fatalf("detail: %+v %v", d, err)
	}
	if err := svc.Delete(first.ID); apperr.CodeOf(err) != apperr.AccessDenied || !strings.Contains(err.Error(), "ROLE_DROPCLIENT") {
		t.Fatalf("reader deleting: %v", err)
	}
	e.svc.Logout(false)
	if _, err := e.svc.Login(LoginInput{User: "admin", Password: simulator.AdminPassword}); err != nil {
		t.Fatal(err)
	}
	if err := svc.Delete(first.ID); err != nil {
		t.Fatal(err)
	}
	after, _ := svc.List(listing.Query{Page: 1, PageSize: 50}, false)
	if after.Total != page.Total-1 {
		t.Fatalf("after delete %d, before %d", after.Total, page.Total)
	}
}

func TestPropertiesGetAndSave(t *testing.T) {
	e := adminEnv(t, simulator.Options{})
	svc := NewPropertiesService(e.conns, e.store)
	v, err := svc.Get()
	if err != nil {
		t.Fatal(err)
	}
	if len(v.HostIDs) < 2 || v.SelectedHostID == "" || v.ServerVersion == "" || v.DeviceUUID == "" || v.ReadOnly {
		t.Fatalf("general: %+v", v)
	}
	if v.Sections[0].Name != "Secure REST API" || len(v.Sections) != 7 {
		t.Fatalf("sections: %d, first %q", len(v.Sections), v.Sections[0].Name)
	}
	locked := ""
	for _, s := range v.Sections {
		for _, st := range s.Settings {
			if st.Name == "licensing.responseLifetime" {
				locked = st.LockedReason
			}
		}
	}
	if locked == "" {
		t.Fatal("licensing.responseLifetime must be locked")
	}
	_, err = svc.Save(map[string]string{"licensing.renewInterval": "soon", "licensing.responseLifetime": "2d", "nope": "1"})
	var ae *apperr.Error
	if !errors.As(err, &ae) || len(ae.Fields) != 3 {
		t.Fatalf("invalid save: %#v", err)
	}
	rep, err := svc.Save(map[string]string{"licensing.renewInterval": "20", "security.token.duration": "1d", "server.hostid": v.HostIDs[1].Setting})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rep.Saved, ",") != "licensing.renewInterval,server.hostid" || len(rep.Failed) != 0 {
		t.Fatalf("report %+v (unchanged values must not be sent)", rep)
	}
	again, _ := svc.Get()
	if again.SelectedHostID != v.HostIDs[1].Setting {
		t.Fatalf("host ID not changed: %s", again.SelectedHostID)
	}
}
