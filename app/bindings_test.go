package app

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

// TestBoundMethodsReturnAValueOrAnError checks the shapes Wails binds: a
// method returns nothing, a value, an error, or a value and an error, and
// never two values.
func TestBoundMethodsReturnAValueOrAnError(t *testing.T) {
	errType := reflect.TypeOf((*error)(nil)).Elem()
	for _, svc := range newEnv(t, simulator.Options{}).Bind() {
		typ := reflect.TypeOf(svc)
		for i := 0; i < typ.NumMethod(); i++ {
			m := typ.Method(i)
			out := m.Type.NumOut()
			last := out > 0 && m.Type.Out(out-1) == errType
			if out > 2 || out == 2 && !last {
				t.Errorf("%s.%s returns %d values", typ.Elem().Name(), m.Name, out)
			}
		}
	}
}

// noNilSlices fails when v holds a nil slice anywhere: the generated
// TypeScript types promise arrays, and JSON would carry null.
func noNilSlices(t *testing.T, path string, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			noNilSlices(t, path, v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				noNilSlices(t, path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			t.Errorf("%s is a nil slice", path)
		}
		for i := 0; i < v.Len(); i++ {
			noNilSlices(t, path, v.Index(i))
		}
	}
}

func TestResultsCarryArraysNotNull(t *testing.T) {
	simtest.EachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		q := listing.Query{Page: 1, PageSize: 5}
		check := func(name string, v any, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			noNilSlices(t, name, reflect.ValueOf(v))
		}
		check("Settings.Get", e.Settings.Get(), nil)
		check("Session.State", e.Session.State(), nil)
		v1, err := e.Features.Details(q, true, "")
		check("Features.Details", v1, err)
		v2, err := e.Features.Summary(q, true, "")
		check("Features.Summary", v2, err)
		v3, err := e.Features.Feature(v1.Rows[0].ID)
		check("Features.Feature", v3, err)
		v4, err := e.Devices.List(q, true, "")
		check("Devices.List", v4, err)
		v5, err := e.Devices.Get(v4.Rows[0].ID)
		check("Devices.Get", v5, err)
		v6, err := e.Reservations.List(q, true, "")
		check("Reservations.List", v6, err)
		v7, err := e.Reservations.Validate([]reservations.PendingEntry{}, 0)
		check("Reservations.Validate", v7, err)
		v8, err := e.Properties.Get()
		check("Properties.Get", v8, err)
		v9, err := e.Pools.Pools()
		check("Pools.Pools", v9, err)
		check("Pools.Check", e.Pools.Check("model {", false), nil)
		v10, err := e.BackOffice.History()
		check("BackOffice.History", v10, err)
		v11, err := e.System.Diagnostics()
		check("System.Diagnostics", v11, err)
		v12, err := e.Reservations.PreviewImport()
		check("Reservations.PreviewImport (cancelled)", v12, err)
	})
}

func TestAPartialSaveReachesTheUIWithItsReport(t *testing.T) {
	simtest.EachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		e.sim.SetFault(simulator.Fault{Target: "updateConfiguration", UnauthorizedAfter: 1})
		rep, err := e.Properties.Save(map[string]string{"licensing.renewInterval": "21", "failover.syncInterval": "7m"}, "save-1")
		if dialect == simulator.DialectCLS {
			// A CLS's policies are read-only: refused per setting, none sent.
			if apperr.CodeOf(err) != apperr.InvalidInput || len(apperr.ItemsOf(err)) != 2 || e.sim.Requests("updateConfiguration") != 0 {
				t.Fatalf("%+v %v", apperr.ItemsOf(err), err)
			}
			return
		}
		// Wails drops the value of a method that also returns an error: the
		// stop travels in the report.
		if err != nil || len(rep.Saved) != 1 || len(rep.NotSent) != 1 || rep.Stopped == nil || rep.Stopped.Code != apperr.LoginRequired {
			t.Fatalf("%+v %v", rep, err)
		}
	})
}

func TestLongOperationsReportProgressAndCancel(t *testing.T) {
	simtest.EachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect, Dataset: simulator.DatasetLarge})
		if _, err := e.Features.Details(listing.Query{Page: 1, PageSize: 50}, true, "load-1"); err != nil {
			t.Fatal(err)
		}
		events := e.events.events
		if len(events) < 3 || events[0].Op != "load-1" || !events[0].Running || events[len(events)-1].Running {
			t.Fatalf("events %+v", events)
		}
		if p := e.System.Progress("load-1"); p.Running {
			t.Fatalf("an ended operation is not running: %+v", p)
		}
		// Cancelled from the UI while the list arrives.
		e.events.events = nil
		done := make(chan error)
		go func() {
			_, err := e.Features.Details(listing.Query{Page: 1, PageSize: 50}, true, "load-2")
			done <- err
		}()
		// Polled, not spun: the other dialects' loads share the CPU.
		for !e.System.Cancel("load-2") {
			select {
			case err := <-done:
				t.Fatalf("the load ended before it could be cancelled: %v", err)
			case <-time.After(time.Millisecond):
			}
		}
		if err := <-done; apperr.CodeOf(err) != apperr.Cancelled {
			t.Fatalf("cancelled load: %v", err)
		}
	})
}

func TestFileDialogsOfTheServices(t *testing.T) {
	simtest.EachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		dir := t.TempDir()
		q := listing.Query{Page: 1, PageSize: 50}

		// Cancelled dialogs change nothing and are no error.
		if p, err := e.Features.ExportSummary(q, nil); err != nil || p != "" {
			t.Fatalf("cancelled export: %q %v", p, err)
		}
		if p, err := e.Pools.ChooseModelFile(); err != nil || p.Path != "" {
			t.Fatalf("cancelled choice: %+v %v", p, err)
		}
		if f, err := e.BackOffice.DownloadCapabilityRequest(false); err != nil || f.Path != "" {
			t.Fatalf("cancelled request: %+v %v", f, err)
		}
		if pv, err := e.Reservations.PreviewImport(); err != nil || !pv.Cancelled || pv.Token != "" {
			t.Fatalf("cancelled import: %+v %v", pv, err)
		}

		// A name without its extension gets it.
		e.dialogs.savePath = filepath.Join(dir, "devices")
		if p, err := e.Devices.Export(q, []string{"deviceId", "alias"}); err != nil || p != e.dialogs.savePath+".csv" {
			t.Fatalf("csv export: %q %v", p, err)
		}
		e.dialogs.savePath = filepath.Join(dir, "groups")
		exported, err := e.Reservations.Export(nil)
		if err != nil || exported != e.dialogs.savePath+".json" {
			t.Fatalf("json export: %q %v", exported, err)
		}

		// The exported file imports through the open dialog.
		e.dialogs.openPath = exported
		pv, err := e.Reservations.PreviewImport()
		if err != nil || pv.FileName != "groups.json" || pv.Preview.GroupCount != 3 {
			t.Fatalf("preview: %+v %v", pv, err)
		}
		if rep, err := e.Reservations.ApplyImport(pv.Token, false, "import-1"); err != nil || rep.Skipped != 3 {
			t.Fatalf("apply: %+v %v", rep, err)
		}

		// A group's definition saves as it was given, under a name the dialog
		// suggests from the group.
		e.dialogs.savePath = filepath.Join(dir, "kept")
		if p, err := e.Reservations.SaveDefinition(`EU/West`, `[{"name":"EU/West"}]`); err != nil || p != e.dialogs.savePath+".json" {
			t.Fatalf("definition: %q %v", p, err)
		} else if got, _ := os.ReadFile(p); string(got) != `[{"name":"EU/West"}]` || e.dialogs.saved[len(e.dialogs.saved)-1] != "EU_West.json" {
			t.Fatalf("definition file %q, suggested %q", got, e.dialogs.saved)
		}

		e.dialogs.savePath = filepath.Join(dir, "cap.bin")
		f, err := e.BackOffice.DownloadCapabilityRequest(false)
		if err != nil || f.Path != e.dialogs.savePath || !strings.HasPrefix(e.dialogs.saved[len(e.dialogs.saved)-1], "capability-request-") {
			t.Fatalf("request: %+v %v", f, err)
		}
		if h, err := e.BackOffice.History(); err != nil || len(h) != 1 || h[0].File != f.Path {
			t.Fatalf("history: %+v %v", h, err)
		}

		model := filepath.Join(dir, "m.model")
		_ = os.WriteFile(model, []byte("model \"m\" {\n    on any() {\n        accept\n    }\n}\n"), 0o600)
		e.dialogs.openPath = model
		if c, err := e.Pools.ChooseModelFile(); err != nil || c.Name != "m.model" || c.Text == "" {
			t.Fatalf("model file: %+v %v", c, err)
		}

		// Without dialogs the services say so.
		bare := NewReservationsService(nil, nil, nil)
		if _, err := bare.files.open("x"); apperr.CodeOf(err) != apperr.NotSupported {
			t.Fatalf("no dialogs: %v", err)
		}
	})
}
