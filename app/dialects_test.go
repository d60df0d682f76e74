package app

import (
	"testing"

	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

// TestTheFeaturesViewOnEachDialect: a server without feature summaries
// (every local one) gets them added up from its records; a legacy server's
// records, sent with their numbers as strings and without product columns,
// read the same and are said to lack product information.
func TestTheFeaturesViewOnEachDialect(t *testing.T) {
	simtest.EachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		q := listing.Query{Page: 1, PageSize: 500}
		details, err := e.Features.Details(q, true, "")
		if err != nil || details.Total < 30 || details.Total != len(details.Rows) {
			t.Fatalf("details %d of %d, %v", len(details.Rows), details.Total, err)
		}
		if details.ProductInfo != (dialect != simulator.DialectLegacy) {
			t.Fatalf("product info %v on %s (server %s)", details.ProductInfo, dialect, details.ServerVersion)
		}
		type key struct{ name, version string }
		used := map[key]int64{}
		for _, r := range details.Rows {
			used[key{r.Feature, r.Version}] += r.Used
			if dialect == simulator.DialectLegacy && (r.ProductName != "" || r.ActivationID != "" || r.StartDate != "") {
				t.Fatalf("a legacy record with product columns: %+v", r)
			}
		}
		sums, err := e.Features.Summary(q, true, "")
		if err != nil {
			t.Fatal(err)
		}
		want := operations.SummaryComputed
		if dialect == simulator.DialectCLS {
			want = operations.SummaryFromServer
		}
		if sums.Source != want || len(sums.Rows) != len(used) {
			t.Fatalf("%s summaries from %s, %d rows for %d features", dialect, sums.Source, len(sums.Rows), len(used))
		}
		for _, r := range sums.Rows {
			if used[key{r.Name, r.Version}] != r.TotalUsed {
				t.Errorf("%s %s: summary says %d used, the records %d", r.Name, r.Version, r.TotalUsed, used[key{r.Name, r.Version}])
			}
		}
		devices, err := e.Devices.List(listing.Query{Page: 1, PageSize: 50}, true, "")
		if err != nil || devices.Total < 150 {
			t.Fatalf("devices %d %v", devices.Total, err)
		}
	})
}

// TestDiagnosticsOnEachDialect: what Diagnostics reports of the instance,
// the CLS ping and the older server-level device list.
func TestDiagnosticsOnEachDialect(t *testing.T) {
	simtest.EachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		d, err := e.System.Diagnostics()
		if err != nil || !d.Reachable {
			t.Fatalf("%+v %v", d, err)
		}
		outcome := map[fne.Op]fne.ProbeOutcome{}
		for _, r := range d.Endpoints {
			outcome[r.Op] = r.Outcome
		}
		cls, local := fne.ProbeNotSupported, fne.ProbeSupported
		if dialect == simulator.DialectCLS {
			cls, local = fne.ProbeSupported, fne.ProbeNotSupported
		}
		for op, want := range map[fne.Op]fne.ProbeOutcome{
			fne.OpInstance: fne.ProbeSupported, fne.OpPing: cls, fne.OpFeatureSummaries: cls, fne.OpLegacyClients: local,
			fne.OpCapabilityRequest: fne.ProbeSkipped,
		} {
			if outcome[op] != want {
				t.Errorf("%s: %s, want %s", op, outcome[op], want)
			}
		}
	})
}
