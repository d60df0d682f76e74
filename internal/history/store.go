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
	"hash/fnv"
	"time"

	"modernc.org/sqlite" // the pure-Go SQLite driver: no cgo, so Windows cross-builds stay simple
	sqlite3 "modernc.org/sqlite/lib"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/usage"
)

// Store is an open history file. It is safe for concurrent use, also by
// another process (the app and a scheduled lsm usage collect): SQLite locks
// the file, and a sample is written once per profile and slot.
type Store struct {
	db  *sql.DB
	gap time.Duration
}

// busyTimeout is how long a write waits for another process's write.
const busyTimeout = 5 * time.Second

// Open opens (creating it when needed) the history file at path and brings
// its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	// journal_size_limit: a checkpoint leaves the write-ahead log at 8 MB
	// at most, instead of at the largest it ever grew to.
	dsn := fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=journal_size_limit(%d)", path, busyTimeout.Milliseconds(), 8<<20)
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, unreadable(path, err)
	}
	s := &Store{db: db, gap: DefaultGap}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, unreadable(path, err)
	}
	return s, nil
}

func unreadable(path string, err error) error {
	return apperr.Wrap(err, apperr.Internal, "The usage history %s cannot be used (%v); the app works on without history.", path, err)
}

// DefaultGap is how long a reading holds when the next one is missing,
// before the silence counts as a gap: GapOf the default 5 minutes.
const DefaultGap = 10 * time.Minute

// GapOf is how long a reading holds at a collection interval: two
// intervals, so that one missed sample is not a gap.
func GapOf(interval time.Duration) time.Duration { return 2 * interval }

// SetInterval tells the store the collection interval, which sets how long
// a reading holds.
func (s *Store) SetInterval(d time.Duration) {
	if d > 0 {
		s.gap = GapOf(d)
	}
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
	// Version is the server's version; Problem why it was not read.
	Version, Problem string
	Features         []usage.FeatureUse
	Pools            []PoolUse
	// Expiries are the increments that end within a year.
	Expiries []usage.Expiry
}

// PoolUse is one feature's share of one named pool.
type PoolUse struct {
	Pool, Name, Version string
	Allocated, Used     int64
}

// Written is what Add did.
type Written struct {
	// Wrote is false when another collector had taken the slot's sample.
	Wrote bool
	// Opened and Cleared are the alerts the sample raised and ended.
	Opened, Cleared []Alert
}

// Add writes a sample unless one of its slot is there already, and, in the
// same transaction, steps the alert rules with it: a sample is counted
// once, whichever process took it.
func (s *Store) Add(ctx context.Context, profileID string, sn Snapshot, rules usage.Rules) (Written, error) {
	if sn.Slot < time.Second {
		return Written{}, errors.New("history: a sample needs its slot")
	}
	slot := sn.At.Unix() / int64(sn.Slot/time.Second)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Written{}, s.writeError(err)
	}
	defer tx.Rollback() //nolint:errcheck // a committed transaction makes this a no-op
	at := sn.At.Unix()
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO samples(profile_id, slot, taken_at, reachable, response_ms, server_version, problem) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		profileID, slot, at, sn.Reachable, sn.Response.Milliseconds(), sn.Version, sn.Problem)
	if err != nil {
		return Written{}, s.writeError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Written{}, nil
	}
	ids, err := featureIDs(ctx, tx, profileID, sn)
	if err != nil {
		return Written{}, s.writeError(err)
	}
	if err := insertReadings(ctx, tx, ids, sn); err != nil {
		return Written{}, s.writeError(err)
	}
	if sn.Reachable {
		if err := replaceIncrements(ctx, tx, profileID, sn.Expiries); err != nil {
			return Written{}, s.writeError(err)
		}
	}
	w, err := stepAlerts(ctx, tx, profileID, rules, usage.Reading{At: sn.At, Reachable: sn.Reachable, Features: sn.Features})
	if err != nil {
		return Written{}, s.writeError(err)
	}
	if err := tx.Commit(); err != nil {
		return Written{}, s.writeError(err)
	}
	w.Wrote = true
	return w, nil
}

type featureKey struct{ name, version string }

// featureIDs numbers the sample's features, adding the new ones.
func featureIDs(ctx context.Context, tx *sql.Tx, profileID string, sn Snapshot) (map[featureKey]int64, error) {
	ids := map[featureKey]int64{}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, version FROM features WHERE profile_id = ?`, profileID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var k featureKey
		if err := rows.Scan(&id, &k.name, &k.version); err != nil {
			rows.Close()
			return nil, err
		}
		ids[k] = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var keys []featureKey
	for _, f := range sn.Features {
		keys = append(keys, featureKey{f.Name, f.Version})
	}
	for _, p := range sn.Pools {
		keys = append(keys, featureKey{p.Name, p.Version})
	}
	for _, k := range keys {
		if _, ok := ids[k]; ok {
			continue
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO features(profile_id, name, version) VALUES (?, ?, ?)`, profileID, k.name, k.version)
		if err != nil {
			return nil, err
		}
		if ids[k], err = res.LastInsertId(); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

func insertReadings(ctx context.Context, tx *sql.Tx, ids map[featureKey]int64, sn Snapshot) error {
	at := sn.At.Unix()
	fs, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO feature_samples(feature_id, taken_at, used, total, reserved, overdraft, counted, earliest_expiry) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer fs.Close()
	for _, f := range sn.Features {
		var earliest any
		if !f.Earliest.IsZero() {
			earliest = f.Earliest.Unix()
		}
		if _, err := fs.ExecContext(ctx, ids[featureKey{f.Name, f.Version}], at, f.Used, f.Total, f.Reserved, f.Overdraft, f.Counted, earliest); err != nil {
			return err
		}
	}
	ps, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO pool_samples(feature_id, pool, taken_at, allocated, used) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ps.Close()
	for _, p := range sn.Pools {
		if _, err := ps.ExecContext(ctx, ids[featureKey{p.Name, p.Version}], p.Pool, at, p.Allocated, p.Used); err != nil {
			return err
		}
	}
	return nil
}

// replaceIncrements stores the sample's expiring increments unless they are
// those stored already: they rarely change from one sample to the next, and
// a large server has tens of thousands.
func replaceIncrements(ctx context.Context, tx *sql.Tx, profileID string, exps []usage.Expiry) error {
	digest := expiriesDigest(exps)
	var stored int64
	err := tx.QueryRowContext(ctx, `SELECT digest FROM increments_digest WHERE profile_id = ?`, profileID).Scan(&stored)
	switch {
	case err == nil && stored == digest:
		return nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO increments_digest(profile_id, digest) VALUES (?, ?)`, profileID, digest); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM increments WHERE profile_id = ?`, profileID); err != nil {
		return err
	}
	// A large server has tens of thousands: one statement prepared once.
	ins, err := tx.PrepareContext(ctx, `INSERT INTO increments(profile_id, name, version, expires, seats, rest, uncounted, rest_uncounted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, e := range exps {
		if _, err := ins.ExecContext(ctx, profileID, e.Name, e.Version, e.Expires.Unix(), e.Seats, e.Rest, e.Uncounted, e.RestUncounted); err != nil {
			return err
		}
	}
	return nil
}

// expiriesDigest sums up a list of expiries in 64 bits, as SQLite's
// integers hold them.
func expiriesDigest(exps []usage.Expiry) int64 {
	h := fnv.New64a()
	for _, e := range exps {
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00%d\x00%d\x00%t\x00%t\x00", e.Name, e.Version, e.Expires.Unix(), e.Seats, e.Rest, e.Uncounted, e.RestUncounted)
	}
	return int64(h.Sum64())
}

func (s *Store) writeError(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	// The primary result code is the low byte of SQLite's extended one.
	var sqlErr *sqlite.Error
	if errors.As(err, &sqlErr) {
		switch sqlErr.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return apperr.Wrap(err, apperr.Internal, "The disk that holds the usage history is full: this sample was not recorded, and none will be until space is freed. Nothing already recorded is lost.")
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return apperr.Wrap(err, apperr.Internal, "The usage history is locked by another program for longer than %s: this sample was not recorded.", busyTimeout)
		}
	}
	return apperr.Wrap(err, apperr.Internal, "The usage history could not be written (%v).", err)
}

// list runs a read and turns each row into a T with scan; the list is
// never nil, so an empty one reaches the UI as [].
func list[T any](ctx context.Context, db *sql.DB, scan func(*sql.Rows) (T, error), query string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, readError(err)
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, readError(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, readError(err)
	}
	return out, nil
}

func readError(err error) error {
	return apperr.Wrap(err, apperr.Internal, "The usage history could not be read: %v", err)
}

func unix(v int64) time.Time { return time.Unix(v, 0).UTC() }

// Series is one feature's samples between from and to, oldest first.
func (s *Store) Series(ctx context.Context, profileID, name, version string, from, to time.Time) ([]usage.Sample, error) {
	return list(ctx, s.db, func(rows *sql.Rows) (usage.Sample, error) {
		var at int64
		var sm usage.Sample
		err := rows.Scan(&at, &sm.Used, &sm.Total, &sm.Counted)
		sm.At = unix(at)
		return sm, err
	}, `SELECT r.taken_at, r.used, r.total, r.counted FROM feature_samples r
		JOIN features f ON f.id = r.feature_id
		WHERE f.profile_id = ? AND f.name = ? AND f.version = ? AND r.taken_at >= ? AND r.taken_at < ? ORDER BY r.taken_at`,
		profileID, name, version, from.Unix(), to.Unix())
}
