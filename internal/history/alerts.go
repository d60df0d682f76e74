package history

import (
	"context"
	"database/sql"
	"time"

	"licenseservermanager/internal/usage"
)

// Alert is one alert a rule raised on a profile.
type Alert struct {
	ID        int64          `json:"id"`
	ProfileID string         `json:"profileId"`
	Rule      usage.RuleKind `json:"rule"`
	Subject   string         `json:"subject"`
	Message   string         `json:"message"`
	OpenedAt  time.Time      `json:"openedAt" ts_type:"string"`
	// ClearedAt is nil while the alert is open.
	ClearedAt *time.Time `json:"clearedAt" ts_type:"string | null"`
	Seen      bool       `json:"seen"`
}

// stepAlerts applies a reading to the profile's alert states, opening and
// closing alerts.
func stepAlerts(ctx context.Context, tx *sql.Tx, profileID string, rules usage.Rules, rd usage.Reading) (Written, error) {
	states := map[usage.StateKey]usage.AlertState{}
	rows, err := tx.QueryContext(ctx, `SELECT rule, subject, holding, since, open, opened_at FROM alert_states WHERE profile_id = ?`, profileID)
	if err != nil {
		return Written{}, err
	}
	for rows.Next() {
		var k usage.StateKey
		var st usage.AlertState
		var since, opened int64
		if err := rows.Scan(&k.Rule, &k.Subject, &st.Holding, &since, &st.Open, &opened); err != nil {
			rows.Close()
			return Written{}, err
		}
		st.Since = unix(since)
		if opened != 0 {
			st.OpenedAt = unix(opened)
		}
		states[k] = st
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Written{}, err
	}
	next, events := usage.Evaluate(rules, states, rd)
	if _, err := tx.ExecContext(ctx, `DELETE FROM alert_states WHERE profile_id = ?`, profileID); err != nil {
		return Written{}, err
	}
	for k, st := range next {
		var opened int64
		if !st.OpenedAt.IsZero() {
			opened = st.OpenedAt.Unix()
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO alert_states(profile_id, rule, subject, holding, since, open, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			profileID, k.Rule, k.Subject, st.Holding, st.Since.Unix(), st.Open, opened); err != nil {
			return Written{}, err
		}
	}
	var w Written
	for _, e := range events {
		switch e.Change {
		case usage.Opened:
			opened := next[e.Key].OpenedAt
			res, err := tx.ExecContext(ctx, `INSERT INTO alerts(profile_id, rule, subject, message, opened_at) VALUES (?, ?, ?, ?, ?)`,
				profileID, e.Key.Rule, e.Key.Subject, e.Message, opened.Unix())
			if err != nil {
				return Written{}, err
			}
			id, _ := res.LastInsertId()
			w.Opened = append(w.Opened, Alert{ID: id, ProfileID: profileID, Rule: e.Key.Rule, Subject: e.Key.Subject, Message: e.Message, OpenedAt: opened})
		case usage.Cleared:
			var a Alert
			var openedAt int64
			err := tx.QueryRowContext(ctx, `SELECT id, message, opened_at FROM alerts WHERE profile_id = ? AND rule = ? AND subject = ? AND cleared_at IS NULL ORDER BY id DESC LIMIT 1`,
				profileID, e.Key.Rule, e.Key.Subject).Scan(&a.ID, &a.Message, &openedAt)
			if err == sql.ErrNoRows {
				continue
			}
			if err != nil {
				return Written{}, err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE alerts SET cleared_at = ? WHERE id = ?`, e.At.Unix(), a.ID); err != nil {
				return Written{}, err
			}
			cleared := e.At.UTC()
			a.ProfileID, a.Rule, a.Subject, a.OpenedAt, a.ClearedAt = profileID, e.Key.Rule, e.Key.Subject, unix(openedAt), &cleared
			w.Cleared = append(w.Cleared, a)
		}
	}
	return w, nil
}

// AlertQuery picks alerts: of one profile (all when empty), only open
// ones, or those opened since a time.
type AlertQuery struct {
	ProfileID string
	OpenOnly  bool
	Since     time.Time
	Limit     int
}

// Alerts lists alerts, newest first.
func (s *Store) Alerts(ctx context.Context, q AlertQuery) ([]Alert, error) {
	query := `SELECT id, profile_id, rule, subject, message, opened_at, cleared_at, seen FROM alerts WHERE opened_at >= ?`
	args := []any{q.Since.Unix()}
	if q.ProfileID != "" {
		query += ` AND profile_id = ?`
		args = append(args, q.ProfileID)
	}
	if q.OpenOnly {
		query += ` AND cleared_at IS NULL`
	}
	query += ` ORDER BY opened_at DESC, id DESC`
	if q.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, q.Limit)
	}
	return list(ctx, s.db, func(rows *sql.Rows) (Alert, error) {
		var a Alert
		var opened int64
		var cleared sql.NullInt64
		err := rows.Scan(&a.ID, &a.ProfileID, &a.Rule, &a.Subject, &a.Message, &opened, &cleared, &a.Seen)
		a.OpenedAt = unix(opened)
		if cleared.Valid {
			t := unix(cleared.Int64)
			a.ClearedAt = &t
		}
		return a, err
	}, query, args...)
}

// MarkSeen marks every alert opened up to and including id as seen: the
// user opened the notification list.
func (s *Store) MarkSeen(ctx context.Context, id int64) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE alerts SET seen = 1 WHERE id <= ? AND seen = 0`, id); err != nil {
		return s.writeError(err)
	}
	return nil
}

// Unseen counts the open alerts the user has not seen.
func (s *Store) Unseen(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM alerts WHERE cleared_at IS NULL AND seen = 0`).Scan(&n); err != nil {
		return 0, readError(err)
	}
	return n, nil
}
