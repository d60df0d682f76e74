package fne

import (
	"context"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/progress"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/simulator"
)

var ctx = context.Background()

func TestReadEndpoints(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect, InstanceID: "ABCDEF123456"})
		c := e.client

		h, err := c.Health(ctx)
		if err != nil || h.InstanceID != "ABCDEF123456" || !h.SecurityEnabled || h.Version == "" {
			t.Fatalf("health %+v %v", h, err)
		}
		ids, err := c.HostIDs(ctx)
		if err != nil || len(ids) != 3 || ids[0].Type != "ETHERNET" {
			t.Fatalf("hostids %+v %v", ids, err)
		}
		fs, err := c.Features(ctx)
		if err != nil || len(fs) < 30 {
			t.Fatalf("features %d %v", len(fs), err)
		}
		var served Feature
		for _, f := range fs {
			if f.Used > 0 && !f.Metered {
				served = f
				break
			}
		}
		one, err := c.Feature(ctx, int64(served.ID))
		if err != nil || one != served {
			t.Fatalf("feature %+v %v", one, err)
		}
		sd, err := c.FeatureClients(ctx, int64(served.ID))
		if err != nil || len(sd) == 0 {
			t.Fatalf("feature clients %d %v", len(sd), err)
		}
		var sum FlexInt
		for _, s := range sd {
			sum += s.UseCount
			if s.Client.ID == 0 || s.Client.HostID.Value == "" {
				t.Fatalf("served device without identity: %+v", s)
			}
		}
		if sum != served.Used {
			t.Fatalf("served devices hold %d, the feature says %d used", sum, served.Used)
		}
		devs, err := c.Devices(ctx)
		if err != nil || len(devs) < 150 {
			t.Fatalf("devices %d %v", len(devs), err)
		}
		d, err := c.Device(ctx, int64(sd[0].Client.ID))
		if err != nil || d != sd[0].Client {
			t.Fatalf("device %+v %v", d, err)
		}
		df, err := c.DeviceFeatures(ctx, int64(d.ID))
		if err != nil || len(df) == 0 {
			t.Fatalf("device features %v %v", df, err)
		}
		found := false
		for _, f := range df {
			found = found || f.ID == served.ID && f.ServedCount == sd[0].UseCount && f.Name == served.Name
		}
		if !found {
			t.Fatalf("device %d does not list feature %d: %+v", d.ID, served.ID, df)
		}
		groups, err := c.ReservationGroups(ctx)
		if err != nil || len(groups) < 3 || groups[0].Reservations[0].Entries[0].FeatureCount <= 0 {
			t.Fatalf("groups %+v %v", groups, err)
		}
		// Without a model the default pool holds every feature.
		parts, err := c.Partitions(ctx)
		if err != nil || len(parts) != 1 || !parts[0].Default {
			t.Fatalf("partitions %d %v", len(parts), err)
		}
		pooled := map[string]bool{}
		for _, sl := range parts[0].Slices {
			pooled[sl.Feature.FeatureName+" "+sl.Feature.FeatureVersion] = true
		}
		for _, f := range fs {
			if !pooled[f.Name+" "+f.Version] {
				t.Fatalf("the default pool lacks %s %s", f.Name, f.Version)
			}
		}
		_, err = c.Model(ctx)
		wantCode(t, err, apperr.NotFound)
		settings, err := c.Configuration(ctx)
		if err != nil || len(settings) < 15 {
			t.Fatalf("configuration %d %v", len(settings), err)
		}
		// Only a CLS sums its features up (the Features view computes the
		// summary itself otherwise: internal/operations).
		sums, err := c.FeatureSummaries(ctx)
		if dialect == simulator.DialectCLS {
			if err != nil || len(sums) == 0 {
				t.Fatalf("summaries %d %v", len(sums), err)
			}
		} else if ae := wantCode(t, err, apperr.NotSupported); !strings.HasPrefix(ae.Message, "This server does not offer feature summaries (server version 20") || ae.Details["key"] != "glsErr.notFound" {
			t.Fatalf("summaries: %q %v", ae.Message, ae.Details)
		}
		_, err = c.Feature(ctx, 999999)
		wantCode(t, err, apperr.NotFound)
		_, err = c.Device(ctx, 1)
		wantCode(t, err, apperr.NotFound)
	})
}

func TestDeleteDeviceReturnsCount(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		c := e.client
		fs, _ := c.Features(ctx)
		var f Feature
		for _, x := range fs {
			if x.Used > 0 && !x.Metered && !x.Uncounted {
				f = x
				break
			}
		}
		sd, err := c.FeatureClients(ctx, int64(f.ID))
		if err != nil || len(sd) == 0 {
			t.Fatal(err)
		}
		victim := sd[0]
		if err := c.DeleteDevice(ctx, int64(victim.Client.ID)); err != nil {
			t.Fatal(err)
		}
		_, err = c.Device(ctx, int64(victim.Client.ID))
		wantCode(t, err, apperr.NotFound)
		after, err := c.Feature(ctx, int64(f.ID))
		if err != nil || after.Used != f.Used-victim.UseCount {
			t.Fatalf("used %d → %d after dropping a device holding %d (%v)", f.Used, after.Used, victim.UseCount, err)
		}
		wantCode(t, c.DeleteDevice(ctx, int64(victim.Client.ID)), apperr.NotFound)
	})
}

func TestReservationRules(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		c := e.client
		before, err := c.ReservationGroups(ctx)
		if err != nil {
			t.Fatal(err)
		}
		taken := before[0].Reservations[0].HostID
		group := func(name string, res ...reservations.Reservation) reservations.Group {
			return reservations.Group{Name: name, Reservations: res}
		}
		res := func(value, typ string, entries ...reservations.Entry) reservations.Reservation {
			return reservations.Reservation{HostID: reservations.HostID{Value: value, Type: typ}, Entries: entries}
		}
		entry := func(name, version string, count int64) reservations.Entry {
			return reservations.Entry{FeatureName: name, FeatureVersion: version, FeatureCount: count}
		}
		ok := entry("3D_Rendering", "3.0", 1)
		bad := []struct {
			name string
			g    reservations.Group
			want string
		}{
			{"duplicate name", group(strings.ToLower(before[0].Name), res("AA11BB22CC33", "ETHERNET", ok)), "already exists"},
			{"host in another group", group("New", res(taken.Value, taken.Type, ok)), "already has a reservation in group"},
			{"user host in another group (case)", group("New", res("joe", "USER", ok)), "already has a reservation"},
			{"host twice", group("New", res("H1", "STRING", ok), res("H1", "STRING", ok)), "twice"},
			{"version not a.b", group("New", res("H1", "STRING", entry("3D_Rendering", "3", 1))), "a.b"},
			{"zero count", group("New", res("H1", "STRING", entry("3D_Rendering", "3.0", 0))), "positive"},
			{"negative count", group("New", res("H1", "STRING", entry("3D_Rendering", "3.0", -2))), "positive"},
			{"unknown host type", group("New", res("H1", "SERIAL", ok)), "not known"},
			{"no entries", group("New", res("H1", "STRING")), "no feature"},
			// The second reservation is bad: the first must not be stored either.
			{"whole group rejected", group("New", res("H2", "STRING", ok), res("H3", "STRING", entry("", "1.0", 1))), "feature name is empty"},
		}
		for _, tt := range bad {
			_, err := c.AddReservationGroup(ctx, tt.g)
			ae := wantCode(t, err, apperr.InvalidInput)
			if !strings.Contains(ae.Message, tt.want) {
				t.Errorf("%s: %q, want %q", tt.name, ae.Message, tt.want)
			}
		}
		after, _ := c.ReservationGroups(ctx)
		if len(after) != len(before) {
			t.Fatalf("refused groups were stored: %d → %d", len(before), len(after))
		}

		stored, err := c.AddReservationGroup(ctx, group("Night shift", res("mary", "USER", ok, entry("Export_to_CSV", "4.8", 2))))
		if err != nil {
			t.Fatal(err)
		}
		if stored.ID == 0 || stored.Reservations[0].HostID.Value != "MARY" || stored.Reservations[0].Entries[1].ID == 0 {
			t.Fatalf("stored %+v", stored)
		}
		fs, _ := c.Features(ctx)
		var reserved FlexInt
		for _, f := range fs {
			reserved += f.Reserved
		}
		if err := c.DeleteReservationGroup(ctx, stored.ID); err != nil {
			t.Fatal(err)
		}
		fs, _ = c.Features(ctx)
		for _, f := range fs {
			reserved -= f.Reserved
		}
		if reserved != 3 {
			t.Fatalf("deleting a group reserving 1 + 2 units changed reserved counts by %d", reserved)
		}
		wantCode(t, c.DeleteReservationGroup(ctx, stored.ID), apperr.NotFound)
	})
}

func TestModelAndReservationsExclude(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		c := e.client
		model := string(readFixture(t, "example.model"))
		ae := wantCode(t, c.UploadModel(ctx, model), apperr.Conflict)
		if !strings.Contains(ae.Message, "reservation") {
			t.Fatalf("message %q", ae.Message)
		}
		groups, _ := c.ReservationGroups(ctx)
		for _, g := range groups {
			if err := c.DeleteReservationGroup(ctx, g.ID); err != nil {
				t.Fatal(err)
			}
		}
		if err := c.UploadModel(ctx, model); err != nil {
			t.Fatal(err)
		}
		text, err := c.Model(ctx)
		if err != nil || text != model {
			t.Fatalf("model %q %v", text, err)
		}
		parts, err := c.Partitions(ctx)
		if err != nil || len(parts) != 3 || parts[1].Name != "engineering" || parts[2].Name != "sales" || parts[1].LastModified == 0 {
			t.Fatalf("partitions %+v %v", parts, err)
		}
		_, err = c.AddReservationGroup(ctx, reservations.Group{Name: "G", Reservations: []reservations.Reservation{{
			HostID: reservations.HostID{Value: "H", Type: "STRING"}, Entries: []reservations.Entry{{FeatureName: "F", FeatureVersion: "1.0", FeatureCount: 1}},
		}}})
		wantCode(t, err, apperr.Conflict)

		ae = wantCode(t, c.UploadModel(ctx, `model "default" { partitions { partition "p" { "F" 1.0 1 } } }`), apperr.InvalidInput)
		// The refusal of real servers: "Invalid model posted, …" with the
		// parser's messages as its arguments.
		args, _ := ae.Details["arguments"].([]string)
		if !strings.Contains(ae.Message, "Invalid model posted, 1:7: ") || !strings.Contains(ae.Message, "reserved") ||
			ae.Details["key"] != "glsErr.invalidModel" || len(args) == 0 || !strings.HasPrefix(args[0], "1:7: ") {
			t.Fatalf("%q %v", ae.Message, ae.Details)
		}
		if text, _ := c.Model(ctx); text != model {
			t.Fatal("a failed upload replaced the model")
		}
		before := e.sim.Requests("uploadModel")
		wantCode(t, c.UploadModel(ctx, strings.Repeat(" ", MaxModelSize+1)), apperr.InvalidInput)
		if e.sim.Requests("uploadModel") != before {
			t.Fatal("an oversized model was sent")
		}
		if err := c.DeleteModel(ctx); err != nil {
			t.Fatal(err)
		}
		_, err = c.Model(ctx)
		wantCode(t, err, apperr.NotFound)
		wantCode(t, c.DeleteModel(ctx), apperr.NotFound)
	})
}

func TestConfigurationUpdates(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		c := e.client
		if dialect == simulator.DialectCLS {
			// A CLS's policies are read-only: every change is refused.
			ae := wantCode(t, c.UpdateConfiguration(ctx, map[string]string{"security.token.duration": "12h"}), apperr.AccessDenied)
			if !strings.Contains(ae.Message, "read-only") || ae.Details["key"] != "glsErr.readOnly" {
				t.Fatalf("%q %v", ae.Message, ae.Details)
			}
			return
		}
		if err := c.UpdateConfiguration(ctx, map[string]string{"security.token.duration": "12h", "lfs.capability.retryCount": "7"}); err != nil {
			t.Fatal(err)
		}
		settings, _ := c.Configuration(ctx)
		got := map[string]string{}
		for _, s := range settings {
			got[s.Name] = string(s.Value)
		}
		if got["security.token.duration"] != "12h" || got["lfs.capability.retryCount"] != "7" {
			t.Fatalf("not stored: %v", got)
		}
		tests := []struct {
			change map[string]string
			code   apperr.Code
			want   string
		}{
			{map[string]string{"licensing.responseLifetime": "2d"}, apperr.AccessDenied, "ROLE_PRODUCER"},
			{map[string]string{"security.token.duration": "soon"}, apperr.InvalidInput, "duration"},
			{map[string]string{"security.enabled": "maybe"}, apperr.InvalidInput, "true or false"},
			{map[string]string{"no.such.setting": "1"}, apperr.InvalidInput, "no policy setting"},
			{map[string]string{"server.instanceId": "X"}, apperr.InvalidInput, "read-only"},
			// All or nothing: the good change must not be applied either.
			{map[string]string{"logging.threshold": "DEBUG", "security.ip.whitelist": "10.0.0.1"}, apperr.InvalidInput, "[a,b]"},
		}
		for _, tt := range tests {
			ae := wantCode(t, c.UpdateConfiguration(ctx, tt.change), tt.code)
			if !strings.Contains(ae.Message, tt.want) {
				t.Errorf("%v: %q, want %q", tt.change, ae.Message, tt.want)
			}
		}
		settings, _ = c.Configuration(ctx)
		for _, s := range settings {
			if s.Name == "logging.threshold" && s.Value != "INFO" {
				t.Fatal("a refused change was partly applied")
			}
		}
	})
}

func TestOnlineActivationAndSync(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		c := e.client
		before, _ := c.Features(ctx)
		res, err := c.Activate(ctx, []Activation{
			{simulator.DemoActivationOK, 10},
			{"NO-SUCH-ID", 1},
			{simulator.DemoActivationLimited, 6},
			{simulator.DemoActivationHeld, 5},
		})
		if err != nil || len(res) != 4 {
			t.Fatalf("%+v %v", res, err)
		}
		wants := []struct {
			ok   bool
			text string
		}{{true, "activated"}, {false, "not known"}, {false, "Not enough entitlement"}, {false, "cannot be lowered"}}
		for i, w := range wants {
			if res[i].OK() != w.ok || !strings.Contains(res[i].Message, w.text) || res[i].ActivationID == "" {
				t.Errorf("result %d: %+v, want ok=%v %q", i, res[i], w.ok, w.text)
			}
		}
		// The new record is found by its ID: legacy servers send no
		// activation IDs on feature records.
		fs, _ := c.Features(ctx)
		known := map[FlexInt]bool{}
		for _, f := range before {
			known[f.ID] = true
		}
		var added []Feature
		for _, f := range fs {
			if !known[f.ID] {
				added = append(added, f)
			}
		}
		if len(added) != 1 || added[0].Name != "3D_Rendering" || added[0].Count != 10 {
			t.Fatalf("the activation added %+v", added)
		}
		res, err = c.Activate(ctx, []Activation{{simulator.DemoActivationHeld, 40}})
		if err != nil || !res[0].OK() {
			t.Fatalf("raising a held count: %+v %v", res, err)
		}
		_, err = c.Activate(ctx, []Activation{{simulator.DemoActivationOK, 0}})
		wantCode(t, err, apperr.InvalidInput)
		_, err = c.Activate(ctx, nil)
		wantCode(t, err, apperr.InvalidInput)

		e.clock.Advance(3 * 60e9)
		if err := c.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if !e.sim.LastSync().Equal(e.clock.Now()) {
			t.Fatalf("sync recorded at %v, clock %v", e.sim.LastSync(), e.clock.Now())
		}
	})
}

func TestLargeAnswersReportTheirBytes(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect, Dataset: simulator.DatasetLarge})
		var steps []progress.Step
		list, err := e.client.Features(progress.With(ctx, func(s progress.Step) { steps = append(steps, s) }))
		if err != nil || len(list) != 100000 {
			t.Fatalf("features: %d %v", len(list), err)
		}
		if len(steps) < 10 {
			t.Fatalf("a list of many megabytes reported %d steps", len(steps))
		}
		last := steps[len(steps)-1]
		if last.Unit != "bytes" || last.Total == 0 || last.Done != last.Total || !strings.Contains(last.Message, "a feature list") {
			t.Fatalf("last step %+v", last)
		}
		for i := 1; i < len(steps); i++ {
			if steps[i].Done <= steps[i-1].Done {
				t.Fatalf("steps go backwards: %+v then %+v", steps[i-1], steps[i])
			}
		}
	})
}
