package app

import (
	"time"

	"licenseservermanager/internal/auditlog"
)

// The Activity view's part of HistoryService.

// Audit lists the newest entries of the audit log that match f, newest first.
func (s *HistoryService) Audit(f AuditFilter) (AuditList, error) {
	st, err := s.store()
	if err != nil {
		return AuditList{}, err
	}
	// One more than is shown tells whether there are more.
	entries, err := st.Audit(s.context(), f.query(auditShown+1))
	if err != nil {
		return AuditList{}, err
	}
	l := AuditList{Entries: entries, Limit: auditShown}
	if len(entries) > auditShown {
		l.Entries, l.More = entries[:auditShown], true
	}
	return l, nil
}

// ExportAudit saves every entry of the audit log that matches f as CSV; ""
// when cancelled.
func (s *HistoryService) ExportAudit(f AuditFilter) (string, error) {
	st, err := s.store()
	if err != nil {
		return "", err
	}
	entries, err := st.Audit(s.context(), f.query(0))
	if err != nil {
		return "", err
	}
	return saveCSV(s.files, "activity.csv", auditlog.CSV(entries, time.Local), nil)
}
