package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/auditlog"
	"licenseservermanager/internal/collect"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/usage"
)

type fakeNotifier struct {
	mu    sync.Mutex
	shown []string
}

func (f *fakeNotifier) Notify(title, message string) error {
	f.mu.Lock()
	f.shown = append(f.shown, title+": "+message)
	f.mu.Unlock()
	return nil
}

// stillClock is a clock whose timers never fire: the test takes its rounds.
type stillClock struct{ t time.Time }

func (c stillClock) Now() time.Time                       { return c.t }
func (c stillClock) After(time.Duration) <-chan time.Time { return nil }

type capturedEvents struct {
	fakeEvents
	history []HistoryEvent
}

func (c *capturedEvents) Emit(name string, data any) {
	if ev, ok := data.(HistoryEvent); ok && name == historyEvent {
		c.mu.Lock()
		c.history = append(c.history, ev)
		c.mu.Unlock()
	}
	c.fakeEvents.Emit(name, data)
}

func TestHistoryServiceEndToEnd(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOn})
	st, err := history.Open(t.Context(), filepath.Join(t.TempDir(), "history.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e.conns.Audit(auditlog.Recorder{Store: st, Tool: "app"}.Record)
	sessions := connect.NewSessions(e.conns, e.store, e.secrets, nil)
	notes := &fakeNotifier{}
	events := &capturedEvents{}
	hs := NewHistoryService(HistoryDeps{Store: st, File: "history.db", Settings: e.store, Collector: collect.New(st, sessions.Saved, connect.Network{}, nil),
		Dialogs: e.dialogs, Notifier: notes, Clock: stillClock{time.Now()}})
	hs.setContext(t.Context(), events, nil)

	// Before a remembered login, the collector says it cannot collect.
	results, err := hs.CollectNow()
	if err != nil || results[0].Outcome != collect.NeedsLogin {
		t.Fatalf("%+v %v", results, err)
	}
	ov, err := hs.Overview()
	if err != nil || len(ov.Profiles) != 1 || ov.Profiles[0].Collecting || ov.Profiles[0].Note != collect.NotCollecting {
		t.Fatalf("%+v %v", ov.Profiles, err)
	}

	if _, err := e.Session.Login(connect.LoginInput{User: simulator.AdminUser, Password: simulator.AdminPassword, Remember: true}); err != nil {
		t.Fatal(err)
	}
	if err := e.sim.Fill("VR_MODE"); err != nil {
		t.Fatal(err)
	}
	results, err = hs.CollectNow()
	if err != nil || results[0].Outcome != collect.Written {
		t.Fatalf("%+v %v", results, err)
	}
	// The demo data opens more alerts than are notified one by one: one
	// notification sums them up, and the event carries each.
	last := events.history[len(events.history)-1]
	full := 0
	for _, a := range last.Opened {
		if a.Alert.Rule == usage.RuleFull {
			full++
		}
	}
	if len(last.Opened) <= collect.MaxNotices || last.Unseen != len(last.Opened) || full < 2 || len(notes.shown) != 1 ||
		!strings.Contains(notes.shown[0], fmt.Sprintf("%d new alerts: %d features with every seat in use", len(last.Opened), full)) {
		t.Fatalf("notifications %q, event %+v", notes.shown, last)
	}

	ov, _ = hs.Overview()
	near := 0
	for _, f := range ov.NearCapacity {
		if f.Name == "VR_MODE" && f.Used == f.Total {
			near++
		}
	}
	if !ov.Profiles[0].Reachable || !ov.Profiles[0].Collecting || ov.Profiles[0].OpenAlerts != len(last.Opened) || near != 2 {
		t.Fatalf("%+v", ov)
	}
	alerts, _ := hs.Alerts(true)
	var top int64
	for _, a := range alerts {
		top = max(top, a.Alert.ID)
		if a.Profile == "" {
			t.Fatalf("an alert without its profile's name: %+v", a)
		}
	}
	if unseen, err := hs.MarkSeen(top); err != nil || unseen != 0 {
		t.Fatalf("%d %v", unseen, err)
	}
	keys, _ := hs.Features(ov.Profiles[0].ProfileID)
	if len(keys) == 0 {
		t.Fatal("no features in the history")
	}

	// The login went through the app's connections: it is in the audit
	// log, without the password.
	list, err := hs.Audit(AuditFilter{Text: "logged in"})
	entries := list.Entries
	if err != nil || list.More || len(entries) != 1 || entries[0].Tool != "app" || entries[0].User != simulator.AdminUser || strings.Contains(entries[0].Summary, simulator.AdminPassword) {
		t.Fatalf("%+v %v", entries, err)
	}
	e.dialogs.savePath = filepath.Join(t.TempDir(), "activity.csv")
	if path, err := hs.ExportAudit(AuditFilter{}); err != nil || path != e.dialogs.savePath {
		t.Fatalf("%q %v", path, err)
	}

	// Settings: a bad value is refused per field, a good one kept.
	in := hs.Status().Input
	in.History.IntervalMinutes = 0
	if _, err := hs.SaveSettings(in); !hasField(err, "intervalMinutes") {
		t.Fatalf("%v", err)
	}
	in.History.IntervalMinutes, in.StartView = 15, "dashboard"
	rules := usage.DefaultRules()
	rules.Features = []usage.FeatureRule{{Feature: "VR_MODE", Off: true}}
	in.History.Rules = &rules
	if st, err := hs.SaveSettings(in); err != nil || st.Input.History.IntervalMinutes != 15 || st.Input.StartView != "dashboard" {
		t.Fatalf("%+v %v", st, err)
	}
	if st, err := hs.SetRecord(ov.Profiles[0].ProfileID, false); err != nil || st.Profiles[0].Record {
		t.Fatalf("%+v %v", st, err)
	}
	if results, _ := hs.CollectNow(); results[0].Outcome != collect.Off {
		t.Fatalf("%+v", results)
	}
}

func hasField(err error, field string) bool {
	for _, it := range apperr.ItemsOf(err) {
		if it.Field == field {
			return true
		}
	}
	return false
}

func TestTheAppWorksOnWithoutHistory(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOff})
	hs := NewHistoryService(HistoryDeps{Problem: "The usage history x.db cannot be used (file is not a database); the app works on without history.", Settings: e.store})
	if st := hs.Status(); st.Available || !strings.Contains(st.Problem, "works on without history") {
		t.Fatalf("%+v", st)
	}
	if _, err := hs.Overview(); err == nil || !strings.Contains(err.Error(), "not a database") {
		t.Fatalf("%v", err)
	}
	// The rest of the app is untouched.
	if _, err := e.Properties.Get(); err != nil {
		t.Fatal(err)
	}
}

// TestALongAuditLogSaysItIsCut: the Activity view lists the newest
// entries and says there are more; the export has every one.
func TestALongAuditLogSaysItIsCut(t *testing.T) {
	e := newEnv(t, simulator.Options{Security: simulator.SecurityOff})
	st, err := history.Open(t.Context(), filepath.Join(t.TempDir(), "history.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	at := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	for i := range auditShown + 1 {
		if err := st.Record(t.Context(), history.Entry{At: at.Add(time.Duration(i) * time.Second), Operation: "Sync", Summary: fmt.Sprintf("sync %d", i), Outcome: "done", Tool: "lsm"}); err != nil {
			t.Fatal(err)
		}
	}
	hs := NewHistoryService(HistoryDeps{Store: st, File: "history.db", Settings: e.store, Dialogs: e.dialogs})
	list, err := hs.Audit(AuditFilter{})
	if err != nil || !list.More || list.Limit != auditShown || len(list.Entries) != auditShown || list.Entries[0].Summary != fmt.Sprintf("sync %d", auditShown) {
		t.Fatalf("more %v, limit %d, %d entries, %v", list.More, list.Limit, len(list.Entries), err)
	}
	if list, err := hs.Audit(AuditFilter{Text: "sync 17"}); err != nil || list.More {
		t.Fatalf("a narrow filter: %+v %v", list.More, err)
	}
	e.dialogs.savePath = filepath.Join(t.TempDir(), "activity.csv")
	if _, err := hs.ExportAudit(AuditFilter{}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(e.dialogs.savePath)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(strings.TrimRight(string(data), "\r\n"), "\n") + 1; lines != auditShown+2 {
		t.Fatalf("the export has %d lines, want a header and %d entries", lines, auditShown+1)
	}
}
