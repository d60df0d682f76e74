package history

import (
	"context"
	"database/sql"
	"time"

	"licenseservermanager/internal/usage"
)

// RawDays is how long raw samples are kept; the hourly roll-ups stay for
// the retention period.
const RawDays = 30

// insertHour writes one feature's hour; writeHour fills it in.
const insertHour = `INSERT OR REPLACE INTO feature_hours(feature_id, hour, readings, min_used, max_used, used_seconds, total, counted, full_seconds, covered_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// writeHour stores h as the hour of a feature. The mean is kept as
// seat-seconds over the time covered, so hours add up into longer means.
func writeHour(ctx context.Context, ins *sql.Stmt, featureID, hour int64, h usage.Hour) error {
	usedSeconds := int64(h.Mean*h.Covered.Seconds() + 0.5)
	_, err := ins.ExecContext(ctx, featureID, hour, h.Readings, h.Min, h.Max, usedSeconds, h.Total, h.Counted, int64(h.Full/time.Second), int64(h.Covered/time.Second))
	return err
}

// RollUp writes the hourly roll-ups of the profile's hours that have ended
// by now and are not rolled up yet (the last rolled hour again, in case a
// late sample joined it). It is idempotent, so two collectors may both run
// it.
func (s *Store) RollUp(ctx context.Context, profileID string, now time.Time) error {
	current := now.Unix() / 3600
	var last sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(hour) FROM server_hours WHERE profile_id = ?`, profileID).Scan(&last); err != nil {
		return s.writeError(err)
	}
	var first sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MIN(taken_at) FROM samples WHERE profile_id = ? AND taken_at >= ?`, profileID, last.Int64*3600).Scan(&first); err != nil {
		return s.writeError(err)
	}
	if !first.Valid {
		return nil
	}
	for hour := first.Int64 / 3600; hour < current; hour++ {
		if err := s.rollUpHour(ctx, profileID, hour); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) rollUpHour(ctx context.Context, profileID string, hour int64) error {
	start, end := hour*3600, (hour+1)*3600
	// A reading taken before the hour holds into it, up to the gap.
	from := start - int64(s.gap/time.Second)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.writeError(err)
	}
	defer tx.Rollback() //nolint:errcheck // a committed transaction makes this a no-op
	var readings, reachable, meanMS, maxMS int64
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(reachable), 0), CAST(COALESCE(AVG(CASE WHEN reachable THEN response_ms END), 0) AS INTEGER), COALESCE(MAX(response_ms), 0)
		FROM samples WHERE profile_id = ? AND taken_at >= ? AND taken_at < ?`, profileID, start, end).Scan(&readings, &reachable, &meanMS, &maxMS); err != nil {
		return s.writeError(err)
	}
	if readings == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO server_hours(profile_id, hour, readings, reachable_readings, mean_response_ms, max_response_ms) VALUES (?, ?, ?, ?, ?, ?)`,
		profileID, hour, readings, reachable, meanMS, maxMS); err != nil {
		return s.writeError(err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT r.feature_id, r.taken_at, r.used, r.total, r.counted FROM features f
		JOIN feature_samples r ON r.feature_id = f.id AND r.taken_at >= ? AND r.taken_at < ?
		WHERE f.profile_id = ? ORDER BY r.feature_id, r.taken_at`, from, end, profileID)
	if err != nil {
		return s.writeError(err)
	}
	byFeature := map[int64][]usage.Sample{}
	var order []int64
	for rows.Next() {
		var id, at int64
		var sm usage.Sample
		if err := rows.Scan(&id, &at, &sm.Used, &sm.Total, &sm.Counted); err != nil {
			rows.Close()
			return s.writeError(err)
		}
		sm.At = unix(at)
		if _, ok := byFeature[id]; !ok {
			order = append(order, id)
		}
		byFeature[id] = append(byFeature[id], sm)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s.writeError(err)
	}
	ins, err := tx.PrepareContext(ctx, insertHour)
	if err != nil {
		return s.writeError(err)
	}
	defer ins.Close()
	for _, id := range order {
		h, ok := usage.RollUp(byFeature[id], unix(start), s.gap)
		if !ok {
			continue
		}
		if err := writeHour(ctx, ins, id, hour, h); err != nil {
			return s.writeError(err)
		}
	}
	if err := tx.Commit(); err != nil {
		return s.writeError(err)
	}
	return nil
}

// Prune deletes raw samples older than RawDays and everything else older
// than the retention period.
func (s *Store) Prune(ctx context.Context, now time.Time, retentionDays int) error {
	raw := now.AddDate(0, 0, -RawDays).Unix()
	kept := now.AddDate(0, 0, -retentionDays).Unix()
	steps := []struct {
		query string
		arg   int64
	}{
		// Per feature, so each delete is a range of the primary key.
		{`DELETE FROM feature_samples WHERE feature_id IN (SELECT id FROM features) AND taken_at < ?`, raw},
		{`DELETE FROM pool_samples WHERE taken_at < ?`, raw},
		{`DELETE FROM samples WHERE taken_at < ?`, raw},
		{`DELETE FROM feature_hours WHERE feature_id IN (SELECT id FROM features) AND hour < ?`, kept / 3600},
		{`DELETE FROM server_hours WHERE hour < ?`, kept / 3600},
		{`DELETE FROM alerts WHERE cleared_at IS NOT NULL AND cleared_at < ?`, kept},
		{`DELETE FROM audit WHERE at < ?`, kept},
	}
	for _, st := range steps {
		if _, err := s.db.ExecContext(ctx, st.query, st.arg); err != nil {
			return s.writeError(err)
		}
	}
	return nil
}

// Hours is one feature's hourly roll-ups between from and to, oldest
// first.
func (s *Store) Hours(ctx context.Context, profileID, name, version string, from, to time.Time) ([]usage.Hour, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT h.hour, h.readings, h.min_used, h.max_used, h.used_seconds, h.total, h.counted, h.full_seconds, h.covered_seconds
		FROM features f JOIN feature_hours h ON h.feature_id = f.id
		WHERE f.profile_id = ? AND f.name = ? AND f.version = ? AND h.hour >= ? AND h.hour < ? ORDER BY h.hour`,
		profileID, name, version, from.Unix()/3600, (to.Unix()+3599)/3600)
	if err != nil {
		return nil, readError(err)
	}
	defer rows.Close()
	out := []usage.Hour{}
	for rows.Next() {
		var hour, usedSeconds, full, covered int64
		var h usage.Hour
		if err := rows.Scan(&hour, &h.Readings, &h.Min, &h.Max, &usedSeconds, &h.Total, &h.Counted, &full, &covered); err != nil {
			return nil, readError(err)
		}
		h.Start, h.Full, h.Covered = unix(hour*3600), time.Duration(full)*time.Second, time.Duration(covered)*time.Second
		if covered > 0 {
			h.Mean = float64(usedSeconds) / float64(covered)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, readError(err)
	}
	return out, nil
}

// HourWriter writes hourly roll-ups straight into the store, in one
// transaction: for importing or generating history older than the raw
// samples.
type HourWriter struct {
	tx  *sql.Tx
	ins *sql.Stmt
	srv *sql.Stmt
	ids map[featureKey]int64
	s   *Store
	pid string
	hrs map[int64]bool
}

// HourWriter starts writing the roll-ups of features of profileID.
func (s *Store) HourWriter(ctx context.Context, profileID string, features []FeatureKey) (*HourWriter, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.writeError(err)
	}
	sn := Snapshot{}
	for _, f := range features {
		sn.Features = append(sn.Features, usage.FeatureUse{Name: f.Name, Version: f.Version})
	}
	ids, err := featureIDs(ctx, tx, profileID, sn)
	if err != nil {
		tx.Rollback() //nolint:errcheck // the first error is the one to report
		return nil, s.writeError(err)
	}
	ins, err := tx.PrepareContext(ctx, insertHour)
	if err != nil {
		tx.Rollback() //nolint:errcheck // as above
		return nil, s.writeError(err)
	}
	srv, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO server_hours(profile_id, hour, readings, reachable_readings, mean_response_ms, max_response_ms) VALUES (?, ?, ?, ?, 0, 0)`)
	if err != nil {
		tx.Rollback() //nolint:errcheck // as above
		return nil, s.writeError(err)
	}
	return &HourWriter{tx: tx, ins: ins, srv: srv, ids: ids, s: s, pid: profileID, hrs: map[int64]bool{}}, nil
}

// Add writes one feature's hour.
func (w *HourWriter) Add(f FeatureKey, h usage.Hour) error {
	hour := h.Start.Unix() / 3600
	if !w.hrs[hour] {
		if _, err := w.srv.Exec(w.pid, hour, h.Readings, h.Readings); err != nil {
			return w.s.writeError(err)
		}
		w.hrs[hour] = true
	}
	if err := writeHour(context.Background(), w.ins, w.ids[featureKey{f.Name, f.Version}], hour, h); err != nil {
		return w.s.writeError(err)
	}
	return nil
}

// Close commits what was written.
func (w *HourWriter) Close() error {
	if err := w.tx.Commit(); err != nil {
		return w.s.writeError(err)
	}
	return nil
}

// Abort drops what was written.
func (w *HourWriter) Abort() { w.tx.Rollback() } //nolint:errcheck // nothing to report of a drop
