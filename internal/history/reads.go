package history

import (
	"context"
	"database/sql"
	"time"

	"licenseservermanager/internal/usage"
)

// LastSample is the latest sample of a profile.
type LastSample struct {
	At         time.Time `json:"at" ts_type:"string"`
	Reachable  bool      `json:"reachable"`
	ResponseMS int64     `json:"responseMs"`
	Version    string    `json:"version"`
	Problem    string    `json:"problem"`
	// LastReached is when the server last answered; zero when never.
	LastReached time.Time `json:"lastReached" ts_type:"string"`
}

// Last is the latest sample of the profile; ok is false when it has none.
func (s *Store) Last(ctx context.Context, profileID string) (LastSample, bool, error) {
	var l LastSample
	var at int64
	err := s.db.QueryRowContext(ctx, `SELECT taken_at, reachable, response_ms, server_version, problem FROM samples WHERE profile_id = ? ORDER BY taken_at DESC LIMIT 1`, profileID).
		Scan(&at, &l.Reachable, &l.ResponseMS, &l.Version, &l.Problem)
	if err == sql.ErrNoRows {
		return LastSample{}, false, nil
	}
	if err != nil {
		return LastSample{}, false, readError(err)
	}
	l.At = unix(at)
	var reached sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(taken_at) FROM samples WHERE profile_id = ? AND reachable`, profileID).Scan(&reached); err != nil {
		return LastSample{}, false, readError(err)
	}
	if reached.Valid {
		l.LastReached = unix(reached.Int64)
		if !l.Reachable {
			// The version is the one the server last told.
			_ = s.db.QueryRowContext(ctx, `SELECT server_version FROM samples WHERE profile_id = ? AND taken_at = ?`, profileID, reached.Int64).Scan(&l.Version)
		}
	}
	return l, true, nil
}

// Current is each feature's reading in the profile's latest sample that
// reached the server, in name order.
func (s *Store) Current(ctx context.Context, profileID string) ([]usage.FeatureUse, time.Time, error) {
	var at sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(taken_at) FROM samples WHERE profile_id = ? AND reachable`, profileID).Scan(&at); err != nil {
		return nil, time.Time{}, readError(err)
	}
	if !at.Valid {
		return []usage.FeatureUse{}, time.Time{}, nil
	}
	out, err := list(ctx, s.db, func(rows *sql.Rows) (usage.FeatureUse, error) {
		var f usage.FeatureUse
		var earliest sql.NullInt64
		err := rows.Scan(&f.Name, &f.Version, &f.Used, &f.Total, &f.Reserved, &f.Overdraft, &f.Counted, &earliest)
		if earliest.Valid {
			f.Earliest = unix(earliest.Int64)
		}
		return f, err
	}, `SELECT f.name, f.version, r.used, r.total, r.reserved, r.overdraft, r.counted, r.earliest_expiry
		FROM features f JOIN feature_samples r ON r.feature_id = f.id AND r.taken_at = ?
		WHERE f.profile_id = ? ORDER BY lower(f.name), f.version`, at.Int64, profileID)
	if err != nil {
		return nil, time.Time{}, err
	}
	return out, unix(at.Int64), nil
}

// Expiries are the profile's increments that end after now and within
// horizon, soonest first, as of its latest sample that reached the server.
func (s *Store) Expiries(ctx context.Context, profileID string, now time.Time, horizon time.Duration) ([]usage.Expiry, error) {
	return list(ctx, s.db, func(rows *sql.Rows) (usage.Expiry, error) {
		var e usage.Expiry
		var at int64
		err := rows.Scan(&e.Name, &e.Version, &at, &e.Seats, &e.Rest, &e.Uncounted, &e.RestUncounted)
		e.Expires = unix(at)
		return e, err
	}, `SELECT name, version, expires, seats, rest, uncounted, rest_uncounted FROM increments
		WHERE profile_id = ? AND expires > ? AND expires <= ? ORDER BY expires, lower(name), version`, profileID, now.Unix(), now.Add(horizon).Unix())
}

// FullTime is how long each of the profile's features had every seat in
// use over the hours rolled up between from and to; features never full
// are left out.
func (s *Store) FullTime(ctx context.Context, profileID string, from, to time.Time) (map[FeatureKey]time.Duration, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.name, f.version, SUM(h.full_seconds) FROM features f
		JOIN feature_hours h ON h.feature_id = f.id AND h.hour >= ? AND h.hour < ?
		WHERE f.profile_id = ? GROUP BY f.id HAVING SUM(h.full_seconds) > 0`, from.Unix()/3600, (to.Unix()+3599)/3600, profileID)
	if err != nil {
		return nil, readError(err)
	}
	defer rows.Close()
	out := map[FeatureKey]time.Duration{}
	for rows.Next() {
		var k FeatureKey
		var secs int64
		if err := rows.Scan(&k.Name, &k.Version, &secs); err != nil {
			return nil, readError(err)
		}
		out[k] = time.Duration(secs) * time.Second
	}
	if err := rows.Err(); err != nil {
		return nil, readError(err)
	}
	return out, nil
}

// FeatureKey names a feature by name and version.
type FeatureKey struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Known lists the features a profile's server has had, in name order.
func (s *Store) Known(ctx context.Context, profileID string) ([]FeatureKey, error) {
	return list(ctx, s.db, func(rows *sql.Rows) (FeatureKey, error) {
		var k FeatureKey
		err := rows.Scan(&k.Name, &k.Version)
		return k, err
	}, `SELECT name, version FROM features WHERE profile_id = ? ORDER BY lower(name), version`, profileID)
}
