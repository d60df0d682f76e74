package history

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/usage"
)

var (
	ctx = context.Background()
	t0  = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
)

func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func snapshot(at time.Time, used int64) Snapshot {
	return Snapshot{At: at, Slot: 5 * time.Minute, Reachable: true, Response: 42 * time.Millisecond,
		Features: []usage.FeatureUse{{Name: "CAD", Version: "2.0", Used: used, Total: 10, Counted: true, Earliest: t0.AddDate(0, 1, 0)},
			{Name: "Viewer", Version: "1.0", Used: 3}},
		Pools: []PoolUse{{Pool: "eng", Name: "CAD", Version: "2.0", Allocated: 6, Used: min(used, 6)}}}
}

func TestSamplesRoundTrip(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "history.db"))
	for i := range 12 {
		if w, err := s.Add(ctx, "p1", snapshot(t0.Add(time.Duration(i)*5*time.Minute), int64(i)), usage.DefaultRules()); err != nil || !w.Wrote {
			t.Fatalf("sample %d: %v %v", i, w, err)
		}
	}
	// Another profile's samples stay apart.
	if _, err := s.Add(ctx, "p2", snapshot(t0, 9), usage.DefaultRules()); err != nil {
		t.Fatal(err)
	}
	got, err := s.Series(ctx, "p1", "CAD", "2.0", t0.Add(10*time.Minute), t0.Add(30*time.Minute))
	if err != nil || len(got) != 4 {
		t.Fatalf("%d samples, %v", len(got), err)
	}
	for i, sm := range got {
		want := usage.Sample{At: t0.Add(time.Duration(i+2) * 5 * time.Minute), Used: int64(i + 2), Total: 10, Counted: true}
		if sm != want {
			t.Fatalf("%d: %+v, want %+v", i, sm, want)
		}
	}
	if v, _ := s.Series(ctx, "p1", "Viewer", "1.0", t0, t0.Add(time.Hour)); len(v) != 12 || v[0].Counted {
		t.Fatalf("uncounted series %+v", v)
	}
}

// TestTwoCollectorsWriteOneSample: the app and a scheduled lsm usage
// collect sampling in the same slot, from two connections at once.
func TestTwoCollectorsWriteOneSample(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	a, b := open(t, path), open(t, path)
	var wg sync.WaitGroup
	var mu sync.Mutex
	written := 0
	for i, s := range []*Store{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w, err := s.Add(ctx, "p1", snapshot(t0.Add(time.Duration(i)*time.Second), 4), usage.DefaultRules())
			if err != nil {
				t.Error(err)
			}
			if w.Wrote {
				mu.Lock()
				written++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	got, _ := a.Series(ctx, "p1", "CAD", "2.0", t0, t0.Add(time.Hour))
	if written != 1 || len(got) != 1 {
		t.Fatalf("%d written, %d in the store", written, len(got))
	}
}

func TestAFileItCannotUse(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.db")
	if err := os.WriteFile(corrupt, []byte(strings.Repeat("not a database ", 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, corrupt); apperr.CodeOf(err) != apperr.Internal || !strings.Contains(err.Error(), "works on without history") {
		t.Fatalf("%v", err)
	}
	// A file a later release wrote is refused, and left as it is.
	newer := filepath.Join(dir, "newer.db")
	s := open(t, newer)
	if _, err := s.db.ExecContext(ctx, `PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, newer); err == nil || !strings.Contains(err.Error(), "schema version 99") {
		t.Fatalf("%v", err)
	}
}

// TestExpiriesRoundTrip: the latest reachable sample's expiring increments
// come back as they were written, uncounted ones included.
func TestExpiriesRoundTrip(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "history.db"))
	exps := []usage.Expiry{
		{Name: "CAD", Version: "2.0", Seats: 4, Rest: 6, Expires: t0.Add(48 * time.Hour)},
		{Name: "Viewer", Version: "1.0", Expires: t0.Add(72 * time.Hour), Uncounted: true, RestUncounted: true},
	}
	sn := snapshot(t0, 1)
	sn.Expiries = exps
	if _, err := s.Add(ctx, "p1", sn, usage.DefaultRules()); err != nil {
		t.Fatal(err)
	}
	got, err := s.Expiries(ctx, "p1", t0, 30*24*time.Hour)
	if err != nil || len(got) != 2 || got[0] != exps[0] || got[1] != exps[1] {
		t.Fatalf("%+v %v", got, err)
	}

	// The same increments in the next sample are left as they are (a
	// rewrite would number the rows anew); changed ones replace them.
	rowids := func() string {
		var ids string
		if err := s.db.QueryRowContext(ctx, `SELECT group_concat(rowid) FROM increments`).Scan(&ids); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	before := rowids()
	next := snapshot(t0.Add(5*time.Minute), 1)
	next.Expiries = exps
	if _, err := s.Add(ctx, "p1", next, usage.DefaultRules()); err != nil {
		t.Fatal(err)
	}
	if after := rowids(); after != before {
		t.Fatalf("unchanged increments were rewritten: rows %s, then %s", before, after)
	}
	next = snapshot(t0.Add(10*time.Minute), 1)
	next.Expiries = exps[:1]
	if _, err := s.Add(ctx, "p1", next, usage.DefaultRules()); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Expiries(ctx, "p1", t0, 30*24*time.Hour); err != nil || len(got) != 1 || got[0] != exps[0] {
		t.Fatalf("after a change: %+v %v", got, err)
	}
}
