// Package history is the local usage history: samples of each profile's
// server (reachability, response time, per feature the seats used and
// held, per named pool the allocation) in an SQLite file in the user's data
// folder, which any SQLite tool can open (the schema is in schema.go).
// Nothing secret is stored: no password, token or host ID.
package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver: no cgo, so Windows cross-builds stay simple

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/usage"
)

// Store is an open history file. It is safe for concurrent use, also by
// another process (the app and a scheduled lsm usage collect): SQLite locks
// the file, and a sample is written once per profile and slot.
type Store struct {
	db *sql.DB
}

// busyTimeout is how long a write waits for another process's write.
const busyTimeout = 5 * time.Second

// Open opens (creating it when needed) the history file at path and brings
// its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	dsn := fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)", path, busyTimeout.Milliseconds())
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, unreadable(path, err)
	}
	s := &Store{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, unreadable(path, err)
	}
	return s, nil
}

func unreadable(path string, err error) error {
	return apperr.Wrap(err, apperr.Internal, "The usage history %s cannot be used (%v); the app works on without history.", path, err)
}

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

// Snapshot is one sample of one profile's server.
type Snapshot struct {
	// At is when the sample was taken; Slot the collection interval, whose
	// multiples number the samples so that two collectors at once write
	// one.
	At        time.Time
	Slot      time.Duration
	Reachable bool
	Response  time.Duration
	Features  []usage.FeatureUse
	Pools     []PoolUse
}

// PoolUse is one feature's share of one named pool.
type PoolUse struct {
	Pool, Name, Version string
	Allocated, Used     int64
}

// Add writes a sample unless one of its slot is there already; it reports
// whether it wrote.
func (s *Store) Add(ctx context.Context, profileID string, sn Snapshot) (bool, error) {
	if sn.Slot <= 0 {
		return false, errors.New("history: a sample needs its slot")
	}
	slot := sn.At.Unix() / int64(sn.Slot/time.Second)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, s.writeError(err)
	}
	defer tx.Rollback() //nolint:errcheck // a committed transaction makes this a no-op
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO samples(profile_id, slot, taken_at, reachable, response_ms) VALUES (?, ?, ?, ?, ?)`,
		profileID, slot, sn.At.Unix(), sn.Reachable, sn.Response.Milliseconds())
	if err != nil {
		return false, s.writeError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	for _, f := range sn.Features {
		var earliest any
		if !f.Earliest.IsZero() {
			earliest = f.Earliest.Unix()
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO feature_samples(profile_id, taken_at, name, version, used, total, counted, earliest_expiry) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			profileID, sn.At.Unix(), f.Name, f.Version, f.Used, f.Total, f.Counted, earliest); err != nil {
			return false, s.writeError(err)
		}
	}
	for _, p := range sn.Pools {
		if _, err := tx.ExecContext(ctx, `INSERT INTO pool_samples(profile_id, taken_at, pool, name, version, allocated, used) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			profileID, sn.At.Unix(), p.Pool, p.Name, p.Version, p.Allocated, p.Used); err != nil {
			return false, s.writeError(err)
		}
	}
	if err := tx.Commit(); err != nil {
		return false, s.writeError(err)
	}
	return true, nil
}

func (s *Store) writeError(err error) error {
	return apperr.Wrap(err, apperr.Internal, "The usage sample could not be written (%v); the next one is tried at its time.", err)
}

// Series is one feature's samples between from and to, oldest first.
func (s *Store) Series(ctx context.Context, profileID, name, version string, from, to time.Time) ([]usage.Sample, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT taken_at, used, total, counted FROM feature_samples
		WHERE profile_id = ? AND name = ? AND version = ? AND taken_at >= ? AND taken_at < ? ORDER BY taken_at`,
		profileID, name, version, from.Unix(), to.Unix())
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Internal, "The usage history could not be read: %v", err)
	}
	defer rows.Close()
	out := []usage.Sample{}
	for rows.Next() {
		var at int64
		var sm usage.Sample
		if err := rows.Scan(&at, &sm.Used, &sm.Total, &sm.Counted); err != nil {
			return nil, apperr.Wrap(err, apperr.Internal, "The usage history could not be read: %v", err)
		}
		sm.At = time.Unix(at, 0).UTC()
		out = append(out, sm)
	}
	return out, rows.Err()
}
