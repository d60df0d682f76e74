package history

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// Outcome is how an audited change ended.
type Outcome string

// Outcomes of an audited change.
const (
	OutcomeDone   Outcome = "done"
	OutcomeFailed Outcome = "failed"
	// OutcomeUnknown: the server's answer was lost.
	OutcomeUnknown Outcome = "unknown"
)

// Entry is one change made through the app or lsm.
type Entry struct {
	ID        int64     `json:"id"`
	At        time.Time `json:"at" ts_type:"string"`
	ProfileID string    `json:"profileId"`
	Profile   string    `json:"profile"`
	Server    string    `json:"server"`
	User      string    `json:"user"`
	Operation string    `json:"operation"`
	Summary   string    `json:"summary"`
	// Code is the error's code when the change did not work.
	Outcome Outcome `json:"outcome"`
	Code    string  `json:"code"`
	// Tool is "app" or "lsm".
	Tool string `json:"tool"`
}

// Record writes an audit entry.
func (s *Store) Record(ctx context.Context, e Entry) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO audit(at, profile_id, profile, server, user, operation, summary, outcome, code, tool) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.At.Unix(), e.ProfileID, e.Profile, e.Server, e.User, e.Operation, e.Summary, e.Outcome, e.Code, e.Tool)
	if err != nil {
		return s.writeError(err)
	}
	return nil
}

// AuditQuery filters the audit log; empty fields match everything. Text
// matches the operation, summary, user or server, letter case aside.
type AuditQuery struct {
	From, To  time.Time
	ProfileID string
	Outcome   Outcome
	Text      string
	Limit     int
}

// Audit lists entries, newest first.
func (s *Store) Audit(ctx context.Context, q AuditQuery) ([]Entry, error) {
	query := `SELECT id, at, profile_id, profile, server, user, operation, summary, outcome, code, tool FROM audit WHERE at >= ?`
	args := []any{q.From.Unix()}
	if !q.To.IsZero() {
		query += ` AND at < ?`
		args = append(args, q.To.Unix())
	}
	if q.ProfileID != "" {
		query += ` AND profile_id = ?`
		args = append(args, q.ProfileID)
	}
	if q.Outcome != "" {
		query += ` AND outcome = ?`
		args = append(args, q.Outcome)
	}
	if t := strings.TrimSpace(q.Text); t != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(t)) + "%"
		query += ` AND (lower(operation) LIKE ? ESCAPE '\' OR lower(summary) LIKE ? ESCAPE '\' OR lower(user) LIKE ? ESCAPE '\' OR lower(server) LIKE ? ESCAPE '\' OR lower(profile) LIKE ? ESCAPE '\')`
		args = append(args, like, like, like, like, like)
	}
	query += ` ORDER BY at DESC, id DESC`
	if q.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, q.Limit)
	}
	return list(ctx, s.db, func(rows *sql.Rows) (Entry, error) {
		var e Entry
		var at int64
		err := rows.Scan(&e.ID, &at, &e.ProfileID, &e.Profile, &e.Server, &e.User, &e.Operation, &e.Summary, &e.Outcome, &e.Code, &e.Tool)
		e.At = unix(at)
		return e, err
	}, query, args...)
}
