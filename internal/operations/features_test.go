package operations

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http/httptest"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/progress"
	"licenseservermanager/internal/simulator"
)

func TestFeaturesSummaryDetailsAndDetail(t *testing.T) {
	_, cl := admin(t, simulator.Options{})
	view := NewFeatures(demoNow)
	sum, err := view.Summary(ctx, cl, listing.Query{Page: 1, PageSize: 500}, true)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Source != SummaryComputed || sum.Total == 0 || sum.Total != len(sum.Rows) {
		t.Fatalf("summary: source %s total %d rows %d", sum.Source, sum.Total, len(sum.Rows))
	}
	det, err := view.Details(ctx, cl, "2025.10", listing.Query{Page: 1, PageSize: 10, SortBy: "feature"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if det.Total < 30 || len(det.Rows) != 10 || det.Pages != (det.Total+9)/10 || !det.ProductInfo {
		t.Fatalf("details: %+v", det)
	}
	// The summary adds up the records of each name and version.
	all, _ := view.Details(ctx, cl, "", listing.Query{Page: 1, PageSize: 500}, false)
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
	exact, _ := view.Details(ctx, cl, "", listing.Query{Page: 1, PageSize: 50, Search: "3D_Rendering"}, false)
	partial, _ := view.Details(ctx, cl, "", listing.Query{Page: 1, PageSize: 50, Search: "3D_Render"}, false)
	if exact.Total < 2 || partial.Total != 0 {
		t.Fatalf("exact %d, partial %d", exact.Total, partial.Total)
	}
	d, err := view.Feature(ctx, cl, exact.Rows[0].ID)
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
	if _, err := view.Feature(ctx, cl, 999999); apperr.CodeOf(err) != apperr.NotFound {
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
	sum, err := NewFeatures(nil).Summary(ctx, cl, listing.Query{Page: 1, PageSize: 500}, true)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Source != SummaryFromServer || len(sum.Rows) == 0 {
		t.Fatalf("source %q, %d rows", sum.Source, len(sum.Rows))
	}
	for _, s := range sum.Rows {
		if s.Counted && s.TotalAvailable != max(s.TotalCount-s.TotalUsed, 0) {
			t.Fatalf("available of %s: %+v", s.Name, s)
		}
	}
}

func TestOldServerHasNoProductColumns(t *testing.T) {
	_, cl := admin(t, simulator.Options{Version: "2023.08.0"})
	det, err := NewFeatures(demoNow).Details(ctx, cl, "2023.08.0", listing.Query{Page: 1, PageSize: 5}, true)
	if err != nil {
		t.Fatal(err)
	}
	if det.ProductInfo || det.ServerVersion != "2023.08.0" || det.Rows[0].ProductName != "" {
		t.Fatalf("%+v", det)
	}
}

func TestExportRendersTheWholeFilteredList(t *testing.T) {
	_, cl := admin(t, simulator.Options{})
	view := NewFeatures(demoNow)
	q := listing.Query{Page: 1, PageSize: 5, Search: "3D_Rendering", SortBy: "count", SortDesc: true}
	page, err := view.Details(ctx, cl, "", q, true)
	if err != nil {
		t.Fatal(err)
	}
	table, err := view.ExportDetails(ctx, cl, q, []string{"version", "feature", "count"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := table.Write(&buf); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], "|") != "Version|Feature|Count" || len(recs)-1 != page.Total || recs[1][1] != "3D_Rendering" {
		t.Fatalf("header %v, %d rows for %d records, first %v", recs[0], len(recs)-1, page.Total, recs[1])
	}
	sums, err := view.ExportSummary(ctx, cl, listing.Query{}, nil)
	if err != nil || len(sums.Header) != 10 || sums.Header[8] != "Metered" || (sums.Rows[0][8] != "true" && sums.Rows[0][8] != "false") {
		t.Fatalf("summary export %v %v", sums.Header, err)
	}
}

func TestALargeListReportsProgressAndCanBeCancelled(t *testing.T) {
	_, cl := admin(t, simulator.Options{Dataset: simulator.DatasetLarge})
	view := NewFeatures(demoNow)
	var steps []progress.Step
	c, cancel := context.WithCancel(progress.With(ctx, func(s progress.Step) { steps = append(steps, s) }))
	defer cancel()
	page, err := view.Details(c, cl, "", listing.Query{Page: 1, PageSize: 50}, true)
	if err != nil || page.Total != 100000 {
		t.Fatalf("%d %v", page.Total, err)
	}
	last := steps[len(steps)-1]
	if len(steps) < 10 || steps[0].Unit != "bytes" || last.Unit != "records" || last.Done != 100000 {
		t.Fatalf("%d steps, first %+v, last %+v", len(steps), steps[0], last)
	}
	// Cancelled while the list arrives, the read ends with cancelled and
	// the list read before stays.
	var stop context.CancelFunc
	c2, stop := context.WithCancel(progress.With(ctx, func(s progress.Step) {
		if s.Unit == "bytes" && s.Done > 1<<20 {
			stop()
		}
	}))
	defer stop()
	if _, err := view.Details(c2, cl, "", listing.Query{Page: 1, PageSize: 50}, true); apperr.CodeOf(err) != apperr.Cancelled {
		t.Fatalf("cancelled read: %v", err)
	}
	if again, err := view.Details(ctx, cl, "", listing.Query{Page: 2, PageSize: 50}, false); err != nil || again.Total != 100000 {
		t.Fatalf("the earlier read must stay: %d %v", again.Total, err)
	}
}
