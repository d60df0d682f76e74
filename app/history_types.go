package app

import (
	"context"
	"time"

	"licenseservermanager/internal/collect"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/settings"
)

// Notifier shows an OS notification (a Windows toast, a Linux desktop
// notification) while the app runs.
type Notifier interface {
	Notify(title, message string) error
}

// HistoryDeps is what the history service works with. Store is nil when
// the history file cannot be used; Problem then says why.
type HistoryDeps struct {
	Store     *history.Store
	Problem   string
	File      string
	Settings  *settings.Store
	Collector *collect.Collector
	Dialogs   Dialogs
	Notifier  Notifier
	Clock     collect.Clock
	// Prepare runs before the first round (the demo fills its history).
	Prepare func(context.Context) error
}

// HistoryEvent is the payload of the "history" event.
type HistoryEvent struct {
	Unseen int        `json:"unseen"`
	Opened []AlertRow `json:"opened"`
}

// ProfileHistory is one profile's history switch.
type ProfileHistory struct {
	ProfileID string `json:"profileId"`
	Name      string `json:"name"`
	Record    bool   `json:"record"`
}

// HistoryStatus is what the header, the Dashboard and the Settings view
// need to know about the history.
type HistoryStatus struct {
	Available bool   `json:"available"`
	Problem   string `json:"problem"`
	File      string `json:"file"`
	// Input is the current settings, as the Settings view edits them.
	Input    settings.HistoryInput `json:"input"`
	Profiles []ProfileHistory      `json:"profiles"`
	Unseen   int                   `json:"unseen"`
	Bounds   HistoryBounds         `json:"bounds"`
}

// HistoryBounds are the ranges SaveSettings accepts, for the fields' help.
type HistoryBounds struct {
	MinIntervalMinutes int `json:"minIntervalMinutes"`
	MaxIntervalMinutes int `json:"maxIntervalMinutes"`
	MinRetentionDays   int `json:"minRetentionDays"`
	MaxRetentionDays   int `json:"maxRetentionDays"`
}

var historyBounds = HistoryBounds{
	MinIntervalMinutes: settings.MinIntervalMinutes, MaxIntervalMinutes: settings.MaxIntervalMinutes,
	MinRetentionDays: settings.MinRetentionDays, MaxRetentionDays: settings.MaxRetentionDays,
}

// AlertRow is an alert with its profile's name.
type AlertRow struct {
	Alert   history.Alert `json:"alert"`
	Profile string        `json:"profile"`
}

// AuditFilter is the Activity view's filter; From and To are optional.
type AuditFilter struct {
	From      *time.Time `json:"from" ts_type:"string | null"`
	To        *time.Time `json:"to" ts_type:"string | null"`
	ProfileID string     `json:"profileId"`
	// Outcome is one of history.Outcome, or "" for any.
	Outcome string `json:"outcome"`
	Text    string `json:"text"`
}

// auditShown is how many entries the Activity view lists; an export has
// them all.
const auditShown = 5000

// AuditList is the newest entries that match a filter.
type AuditList struct {
	Entries []history.Entry `json:"entries"`
	// More is true when older entries match too: the list holds the newest
	// Limit of them.
	More  bool `json:"more"`
	Limit int  `json:"limit"`
}

// query is f with at most limit entries; 0 for all of them.
func (f AuditFilter) query(limit int) history.AuditQuery {
	q := history.AuditQuery{ProfileID: f.ProfileID, Outcome: history.Outcome(f.Outcome), Text: f.Text, Limit: limit}
	if f.From != nil {
		q.From = *f.From
	}
	if f.To != nil {
		q.To = *f.To
	}
	return q
}
