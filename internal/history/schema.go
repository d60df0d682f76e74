package history

import (
	"context"
	"fmt"
)

// migrations bring a history file from one schema version to the next; a
// file's version is SQLite's user_version. Append only: a released step is
// never changed, since files of that version exist.
//
// The schema (times are Unix seconds, UTC):
//
//	samples(profile_id, slot, taken_at, reachable, response_ms)
//	    one row per sample; slot is taken_at divided by the collection
//	    interval, unique per profile, so two collectors write one sample
//	feature_samples(profile_id, taken_at, name, version, used, total, counted, earliest_expiry)
//	    per feature (name and version) of a sample; earliest_expiry is NULL
//	    when every increment is permanent
//	pool_samples(profile_id, taken_at, pool, name, version, allocated, used)
//	    per named pool and feature of a sample
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
