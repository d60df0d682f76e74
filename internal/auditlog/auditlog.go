// Package auditlog turns the changes the license-server client reports into
// entries of the history store's audit log, for the app and lsm alike.
package auditlog

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/settings"
)

// Recorder writes the changes of one tool ("app" or "lsm").
type Recorder struct {
	Store *history.Store
	Tool  string
	Now   func() time.Time
}

// Entry is the audit entry of ch, made on profile p at at.
func Entry(p settings.Profile, ch fne.Change, tool string, at time.Time) history.Entry {
	e := history.Entry{At: at, ProfileID: p.ID, Profile: p.Name, Server: Server(p), User: ch.User,
		Operation: ch.Operation, Summary: ch.Summary, Outcome: history.OutcomeDone, Tool: tool}
	switch code := apperr.CodeOf(ch.Err); {
	case ch.Err == nil:
	case code == apperr.OutcomeUnknown:
		e.Outcome, e.Code = history.OutcomeUnknown, string(code)
	default:
		e.Outcome, e.Code = history.OutcomeFailed, string(code)
	}
	return e
}

// Server names a profile's server as the audit log shows it.
func Server(p settings.Profile) string {
	if p.ServerType == settings.ServerCLS {
		return fmt.Sprintf("%s (instance %s)", p.Host, p.InstanceID)
	}
	return fmt.Sprintf("%s:%d", p.Host, p.Port)
}

// Record writes ch. A log that cannot be written does not fail the change
// it records: the change is done on the server either way.
func (r Recorder) Record(p settings.Profile, ch fne.Change) {
	if r.Store == nil {
		return
	}
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := r.Store.Record(ctx, Entry(p, ch, r.Tool, now().UTC())); err != nil {
		slog.Warn("audit entry not written", "operation", ch.Operation, "err", err)
	}
}

// CSV renders audit entries as a table.
func CSV(entries []history.Entry, loc *time.Location) operations.CSV {
	t := operations.CSV{Header: []string{"Time", "Profile", "Server", "User", "Operation", "Summary", "Outcome", "Code", "Tool"}}
	for _, e := range entries {
		t.Rows = append(t.Rows, []string{e.At.In(loc).Format(time.RFC3339), e.Profile, e.Server, e.User, e.Operation, e.Summary, string(e.Outcome), e.Code, e.Tool})
	}
	return t
}
