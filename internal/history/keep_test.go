package history

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/usage"
)

// TestAVersion1FileIsCarriedOver: a file of the first schema keeps its
// samples through the step that numbers the features.
func TestAVersion1FileIsCarriedOver(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{migrations[0], `PRAGMA user_version = 1`,
		`INSERT INTO samples VALUES ('p1', 1, 1000, 1, 40)`,
		`INSERT INTO feature_samples VALUES ('p1', 1000, 'CAD', '2.0', 7, 10, 1, NULL)`,
		`INSERT INTO pool_samples VALUES ('p1', 1000, 'eng', 'CAD', '2.0', 6, 5)`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	db.Close()
	s := open(t, path)
	got, err := s.Series(ctx, "p1", "CAD", "2.0", time.Unix(0, 0), time.Unix(2000, 0))
	if err != nil || len(got) != 1 || got[0].Used != 7 || got[0].Total != 10 {
		t.Fatalf("%+v %v", got, err)
	}
	var v int
	s.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	if v != len(migrations) {
		t.Fatalf("schema %d", v)
	}
}

func TestRollUpAndRetention(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "history.db"))
	start := t0.AddDate(0, 0, -40)
	// 40 days of a sample an hour at 5 minutes past, 3 seats in use.
	for h := 0; h < 40*24; h++ {
		sn := snapshot(start.Add(time.Duration(h)*time.Hour+5*time.Minute), 3)
		if _, err := s.Add(ctx, "p1", sn, usage.DefaultRules()); err != nil {
			t.Fatal(err)
		}
	}
	s.SetInterval(time.Hour)
	if err := s.RollUp(ctx, "p1", t0); err != nil {
		t.Fatal(err)
	}
	hours, _ := s.Hours(ctx, "p1", "CAD", "2.0", start, t0)
	if len(hours) != 40*24 || hours[1].Mean != 3 || hours[1].Covered != time.Hour {
		t.Fatalf("%d hours, %+v", len(hours), hours[1])
	}
	if err := s.Prune(ctx, t0, 35); err != nil {
		t.Fatal(err)
	}
	raw, _ := s.Series(ctx, "p1", "CAD", "2.0", start, t0)
	hours, _ = s.Hours(ctx, "p1", "CAD", "2.0", start, t0)
	if len(raw) != RawDays*24 || len(hours) != 35*24 {
		t.Fatalf("after pruning: %d raw samples (want %d), %d hours (want %d)", len(raw), RawDays*24, len(hours), 35*24)
	}
}

func TestAuditFilters(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "history.db"))
	for i, e := range []Entry{
		{ProfileID: "p1", Profile: "Prod", Server: "lls01:7070", User: "admin", Operation: "Log in", Summary: "Logged in as admin", Outcome: OutcomeDone, Tool: "app"},
		{ProfileID: "p1", Profile: "Prod", Server: "lls01:7070", User: "admin", Operation: "Upload model", Summary: "Model definition uploaded (12 lines)", Outcome: OutcomeFailed, Code: "invalid_input", Tool: "lsm"},
		{ProfileID: "p2", Profile: "Test", Server: "lls02:7070", User: "ops", Operation: "Sync", Summary: "100%_done", Outcome: OutcomeUnknown, Tool: "app"},
	} {
		e.At = t0.Add(time.Duration(i) * time.Hour)
		if err := s.Record(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		q    AuditQuery
		want int
	}{
		{"all", AuditQuery{}, 3},
		{"a profile", AuditQuery{ProfileID: "p1"}, 2},
		{"an outcome", AuditQuery{Outcome: OutcomeFailed}, 1},
		{"text, any case", AuditQuery{Text: "MODEL"}, 1},
		{"a user", AuditQuery{Text: "ops"}, 1},
		{"a LIKE wildcard is plain text", AuditQuery{Text: "%_"}, 1},
		{"a range", AuditQuery{From: t0.Add(30 * time.Minute), To: t0.Add(90 * time.Minute)}, 1},
	}
	for _, tt := range tests {
		got, err := s.Audit(ctx, tt.q)
		if err != nil || len(got) != tt.want {
			t.Errorf("%s: %d entries, want %d (%v)", tt.name, len(got), tt.want, err)
		}
	}
	got, _ := s.Audit(ctx, AuditQuery{})
	if got[0].Operation != "Sync" || got[2].Operation != "Log in" {
		t.Fatalf("not newest first: %+v", got)
	}
}

// TestALockedFileIsReported: another process holding a write lock longer
// than the busy timeout makes a sample fail with a message, not hang.
func TestALockedFileIsReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	s := open(t, path)
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN EXCLUSIVE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `ROLLBACK`) //nolint:errcheck // the test's end
	_, err = s.Add(ctx, "p1", snapshot(t0, 1), usage.DefaultRules())
	if err == nil {
		t.Fatal("a sample written into a locked file")
	}
	if apperr.CodeOf(err) != apperr.Internal || !strings.Contains(err.Error(), "locked by another program") {
		t.Fatalf("%v", err)
	}
}

// TestAFullDiskIsReportedAndLosesNothing: SQLite reports a file that cannot
// grow as SQLITE_FULL, whether the disk is full or max_page_count is
// reached; the latter stands in for the former. The failed sample leaves
// nothing half written, and once space is back the next one is recorded.
func TestAFullDiskIsReportedAndLosesNothing(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "history.db"))
	// One connection, so the page limit set on it holds for every write.
	s.db.SetMaxOpenConns(1)
	if _, err := s.Add(ctx, "p1", snapshot(t0, 1), usage.DefaultRules()); err != nil {
		t.Fatal(err)
	}
	var pages int64
	if err := s.db.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, fmt.Sprintf(`PRAGMA max_page_count = %d`, pages)); err != nil {
		t.Fatal(err)
	}
	big := snapshot(t0.Add(5*time.Minute), 2)
	for i := range 2000 {
		big.Features = append(big.Features, usage.FeatureUse{Name: fmt.Sprintf("F%04d", i), Version: "1.0", Total: 10, Used: 1, Counted: true})
	}
	_, err := s.Add(ctx, "p1", big, usage.DefaultRules())
	if apperr.CodeOf(err) != apperr.Internal || !strings.Contains(err.Error(), "disk that holds the usage history is full") {
		t.Fatalf("err = %v", err)
	}
	var samples, features int
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM samples), (SELECT count(*) FROM features)`).Scan(&samples, &features); err != nil {
		t.Fatal(err)
	}
	if samples != 1 || features != len(snapshot(t0, 1).Features) {
		t.Fatalf("after the failed write: %d samples, %d features; want the first sample's only", samples, features)
	}
	if _, err := s.db.ExecContext(ctx, `PRAGMA max_page_count = 1073741823`); err != nil {
		t.Fatal(err)
	}
	w, err := s.Add(ctx, "p1", big, usage.DefaultRules())
	if err != nil || !w.Wrote {
		t.Fatalf("after space was freed: %+v, %v", w, err)
	}
}
