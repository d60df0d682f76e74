package operations

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

// TestTheCompatibilityReportOfEachDialect: the traits a report names are the
// ones the dialect has, the endpoints are all there with what they answered,
// and nothing the server holds or the login is made of leaves in it.
func TestTheCompatibilityReportOfEachDialect(t *testing.T) {
	simtest.EachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		sim := simulator.New(simulator.Options{Dialect: dialect, Without: []string{"sync"}})
		p, cl := simtest.Connect(t, sim)
		// A change the app tried: the server lacks it.
		if err := cl.Sync(ctx); err == nil {
			t.Fatal("sync was removed")
		}
		d := Diagnose(ctx, cl, p, cl.Health)
		r := Compatibility(d, "License Server Manager 1.2.3")

		want := map[simulator.Dialect][]string{
			simulator.DialectCurrent: {"Counts are sent as JSON numbers.", "Feature records carry product columns (release 2024.10 or later).",
				"No feature summaries: the app adds the feature records up.", "The older server-level device list (GET /api/1.0/clients) answers.",
				"Error bodies carry a key (glsErr.*), a message and arguments."},
			simulator.DialectLegacy: {"Counts are sent as JSON strings, as 2018-era servers do.", "Feature records carry no product columns (a release before 2024.10).",
				"No feature summaries: the app adds the feature records up.", "JSON comes pretty-printed."},
			simulator.DialectCLS: {"A Cloud License Server, addressed by its instance ID.", "Counts are sent as JSON numbers.", "The Cloud License Server ping answers."},
		}[dialect]
		for _, w := range want {
			if !slices.Contains(r.Traits, w) {
				t.Errorf("trait %q missing from %q", w, r.Traits)
			}
		}
		if dialect == simulator.DialectCLS && slices.Contains(r.Traits, "No feature summaries: the app adds the feature records up.") {
			t.Error("a CLS has summaries")
		}
		last := r.Traits[len(r.Traits)-1]
		if !strings.HasPrefix(last, "Not offered: ") || !strings.Contains(last, "POST /sync") {
			t.Errorf("last trait %q", last)
		}

		if len(r.Endpoints) != len(fne.Endpoints) || r.ServerVersion != sim.Version() || r.ServerType != p.ServerType {
			t.Fatalf("%d endpoints, version %q, type %q", len(r.Endpoints), r.ServerVersion, r.ServerType)
		}
		for _, e := range r.Endpoints {
			switch e.Operation {
			case fne.OpFeatures:
				if e.Status != 200 || !strings.HasPrefix(e.ContentType, "application/json") || e.Shape != fne.ShapeList || len(e.Fields) < 5 {
					t.Errorf("features: %+v", e)
				}
			case fne.OpSync:
				if e.Outcome != fne.ProbeNotSupported || e.Status != 404 {
					t.Errorf("sync: %+v", e)
				}
			}
		}

		text, js := r.Text(), string(r.JSON())
		var back CompatibilityReport
		if err := json.Unmarshal(r.JSON(), &back); err != nil || len(back.Endpoints) != len(r.Endpoints) {
			t.Fatalf("the JSON does not read back: %v", err)
		}
		if !strings.Contains(text, "Server version:   "+sim.Version()) || !strings.Contains(text, "/features") || !strings.Contains(text, "featureCount:") {
			t.Errorf("text report:\n%s", text)
		}
		features, err := cl.Features(ctx)
		if err != nil || len(features) == 0 {
			t.Fatal(err)
		}
		secrets := []string{p.Host + ":" + strconv.Itoa(p.Port), sim.InstanceID(), simulator.AdminUser, simulator.AdminPassword, features[0].Name}
		for _, s := range secrets {
			if strings.Contains(text, s) || strings.Contains(js, s) {
				t.Errorf("the report holds %q", s)
			}
		}
	})
}
