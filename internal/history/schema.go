package history

import (
	"context"
	"fmt"
)

// migrations bring a history file from one schema version to the next; a
// file's version is SQLite's user_version. Append only: a released step is
// never changed, since files of that version exist.
//
// The schema (times are Unix seconds, UTC; an hour is a Unix time divided
// by 3600):
//
//	samples(id, profile_id, slot, taken_at, reachable, response_ms, server_version, problem)
//	    one row per sample; slot is taken_at divided by the collection
//	    interval, unique per profile, so two collectors write one sample;
//	    problem says why an unreachable server was not read
//	features(id, profile_id, name, version)
//	    every feature (name and version) a profile's server has had
//	feature_samples(feature_id, taken_at, used, total, reserved, overdraft, counted, earliest_expiry)
//	    per feature of a sample; earliest_expiry is NULL when every
//	    increment is permanent. Kept for 30 days.
//	pool_samples(feature_id, pool, taken_at, allocated, used)
//	    per named pool and feature of a sample. Kept for 30 days.
//	feature_hours(feature_id, hour, readings, min_used, max_used, used_seconds, total, counted, full_seconds, covered_seconds)
//	    the hourly roll-up: the mean is used_seconds / covered_seconds, the
//	    time every seat was in use full_seconds. Kept for the retention
//	    period (Settings, 400 days unless changed).
//	server_hours(profile_id, hour, readings, reachable_readings, mean_response_ms, max_response_ms)
//	    the hourly roll-up of reachability and response time
//	increments(profile_id, name, version, expires, seats, rest, uncounted, rest_uncounted)
//	    the increments of the latest sample that end within a year, with
//	    the seats their feature keeps after them; uncounted is 1 for an
//	    increment of any number of seats, rest_uncounted when such an
//	    increment stays after it
//	increments_digest(profile_id, digest)
//	    a hash of the increments stored, so that a sample with the same ones
//	    writes nothing
//	alert_states(profile_id, rule, subject, holding, since, open, opened_at)
//	    where each alert rule stands, so that a later sample, from this
//	    process or another, goes on from it
//	alerts(id, profile_id, rule, subject, message, opened_at, cleared_at, seen)
//	    every alert raised; cleared_at is NULL while it is open
//	audit(id, at, profile_id, profile, server, user, operation, summary, outcome, code, tool)
//	    every change made through the app (tool "app") or lsm ("lsm")
var migrations = []string{
	`CREATE TABLE samples (
		profile_id TEXT NOT NULL,
		slot INTEGER NOT NULL,
		taken_at INTEGER NOT NULL,
		reachable INTEGER NOT NULL,
		response_ms INTEGER NOT NULL,
		PRIMARY KEY (profile_id, slot)
	);
	CREATE UNIQUE INDEX samples_time ON samples(profile_id, taken_at);
	CREATE TABLE feature_samples (
		profile_id TEXT NOT NULL,
		taken_at INTEGER NOT NULL,
		name TEXT NOT NULL,
		version TEXT NOT NULL,
		used INTEGER NOT NULL,
		total INTEGER NOT NULL,
		counted INTEGER NOT NULL,
		earliest_expiry INTEGER,
		PRIMARY KEY (profile_id, name, version, taken_at),
		FOREIGN KEY (profile_id, taken_at) REFERENCES samples(profile_id, taken_at) ON DELETE CASCADE
	);
	CREATE TABLE pool_samples (
		profile_id TEXT NOT NULL,
		taken_at INTEGER NOT NULL,
		pool TEXT NOT NULL,
		name TEXT NOT NULL,
		version TEXT NOT NULL,
		allocated INTEGER NOT NULL,
		used INTEGER NOT NULL,
		PRIMARY KEY (profile_id, pool, name, version, taken_at),
		FOREIGN KEY (profile_id, taken_at) REFERENCES samples(profile_id, taken_at) ON DELETE CASCADE
	);`,
	// 2: features get numbers, so a reading is a few bytes; roll-ups,
	// alerts and the audit log.
	`CREATE TABLE samples_v2 (
		id INTEGER PRIMARY KEY,
		profile_id TEXT NOT NULL,
		slot INTEGER NOT NULL,
		taken_at INTEGER NOT NULL,
		reachable INTEGER NOT NULL,
		response_ms INTEGER NOT NULL,
		server_version TEXT NOT NULL DEFAULT '',
		problem TEXT NOT NULL DEFAULT '',
		UNIQUE (profile_id, slot)
	);
	INSERT INTO samples_v2(profile_id, slot, taken_at, reachable, response_ms)
		SELECT profile_id, slot, taken_at, reachable, response_ms FROM samples;
	CREATE TABLE features (
		id INTEGER PRIMARY KEY,
		profile_id TEXT NOT NULL,
		name TEXT NOT NULL,
		version TEXT NOT NULL,
		UNIQUE (profile_id, name, version)
	);
	INSERT INTO features(profile_id, name, version) SELECT DISTINCT profile_id, name, version FROM feature_samples;
	INSERT OR IGNORE INTO features(profile_id, name, version) SELECT DISTINCT profile_id, name, version FROM pool_samples;
	CREATE TABLE feature_samples_v2 (
		feature_id INTEGER NOT NULL,
		taken_at INTEGER NOT NULL,
		used INTEGER NOT NULL,
		total INTEGER NOT NULL,
		reserved INTEGER NOT NULL,
		overdraft INTEGER NOT NULL,
		counted INTEGER NOT NULL,
		earliest_expiry INTEGER,
		PRIMARY KEY (feature_id, taken_at)
	) WITHOUT ROWID;
	INSERT INTO feature_samples_v2 SELECT f.id, s.taken_at, s.used, s.total, 0, 0, s.counted, s.earliest_expiry
		FROM feature_samples s JOIN features f USING (profile_id, name, version);
	CREATE TABLE pool_samples_v2 (
		feature_id INTEGER NOT NULL,
		pool TEXT NOT NULL,
		taken_at INTEGER NOT NULL,
		allocated INTEGER NOT NULL,
		used INTEGER NOT NULL,
		PRIMARY KEY (feature_id, pool, taken_at)
	) WITHOUT ROWID;
	INSERT INTO pool_samples_v2 SELECT f.id, s.pool, s.taken_at, s.allocated, s.used
		FROM pool_samples s JOIN features f USING (profile_id, name, version);
	DROP TABLE pool_samples;
	DROP TABLE feature_samples;
	DROP TABLE samples;
	ALTER TABLE samples_v2 RENAME TO samples;
	ALTER TABLE feature_samples_v2 RENAME TO feature_samples;
	ALTER TABLE pool_samples_v2 RENAME TO pool_samples;
	CREATE INDEX samples_time ON samples(profile_id, taken_at);
	CREATE TABLE feature_hours (
		feature_id INTEGER NOT NULL,
		hour INTEGER NOT NULL,
		readings INTEGER NOT NULL,
		min_used INTEGER NOT NULL,
		max_used INTEGER NOT NULL,
		used_seconds INTEGER NOT NULL,
		total INTEGER NOT NULL,
		counted INTEGER NOT NULL,
		full_seconds INTEGER NOT NULL,
		covered_seconds INTEGER NOT NULL,
		PRIMARY KEY (feature_id, hour)
	) WITHOUT ROWID;
	CREATE TABLE server_hours (
		profile_id TEXT NOT NULL,
		hour INTEGER NOT NULL,
		readings INTEGER NOT NULL,
		reachable_readings INTEGER NOT NULL,
		mean_response_ms INTEGER NOT NULL,
		max_response_ms INTEGER NOT NULL,
		PRIMARY KEY (profile_id, hour)
	) WITHOUT ROWID;
	CREATE TABLE increments (
		profile_id TEXT NOT NULL,
		name TEXT NOT NULL,
		version TEXT NOT NULL,
		expires INTEGER NOT NULL,
		seats INTEGER NOT NULL,
		rest INTEGER NOT NULL
	);
	CREATE INDEX increments_profile ON increments(profile_id, expires);
	CREATE TABLE alert_states (
		profile_id TEXT NOT NULL,
		rule TEXT NOT NULL,
		subject TEXT NOT NULL,
		holding INTEGER NOT NULL,
		since INTEGER NOT NULL,
		open INTEGER NOT NULL,
		opened_at INTEGER NOT NULL,
		PRIMARY KEY (profile_id, rule, subject)
	) WITHOUT ROWID;
	CREATE TABLE alerts (
		id INTEGER PRIMARY KEY,
		profile_id TEXT NOT NULL,
		rule TEXT NOT NULL,
		subject TEXT NOT NULL,
		message TEXT NOT NULL,
		opened_at INTEGER NOT NULL,
		cleared_at INTEGER,
		seen INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX alerts_profile ON alerts(profile_id, opened_at);
	CREATE TABLE audit (
		id INTEGER PRIMARY KEY,
		at INTEGER NOT NULL,
		profile_id TEXT NOT NULL,
		profile TEXT NOT NULL,
		server TEXT NOT NULL,
		user TEXT NOT NULL,
		operation TEXT NOT NULL,
		summary TEXT NOT NULL,
		outcome TEXT NOT NULL,
		code TEXT NOT NULL,
		tool TEXT NOT NULL
	);
	CREATE INDEX audit_time ON audit(at);`,
	// Step 3: an uncounted increment that ends, and the uncounted ones that
	// stay; the digest of the increments stored, which are rewritten only
	// when a sample's differ.
	`ALTER TABLE increments ADD COLUMN uncounted INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE increments ADD COLUMN rest_uncounted INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE increments_digest (
		profile_id TEXT PRIMARY KEY,
		digest INTEGER NOT NULL
	) WITHOUT ROWID;`,
}

// migrate runs the steps a file lacks, each in its own transaction. A file
// of a newer schema (a later release wrote it) is left alone and refused.
func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("it has schema version %d, newer than this release knows (%d)", version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback() //nolint:errcheck // the step's error is the one to report
			return fmt.Errorf("schema step %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, i+1)); err != nil {
			tx.Rollback() //nolint:errcheck // as above
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
