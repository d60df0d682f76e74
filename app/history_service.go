package app

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/collect"
	"licenseservermanager/internal/dashboard"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/settings"
)

// HistoryService is bound to the UI for the Dashboard, the alerts, the
// Activity view and the history settings; it runs the collector while the
// app runs.
type HistoryService struct {
	base
	d     HistoryDeps
	files files
	once  sync.Once
}

// NewHistoryService builds the service.
func NewHistoryService(d HistoryDeps) *HistoryService {
	if d.Clock == nil {
		d.Clock = collect.SystemClock{}
	}
	return &HistoryService{d: d, files: files{d.Dialogs}}
}

// historyEvent tells the UI that a round of collection ended.
const historyEvent = "history"

// startCollecting runs the collector until ctx ends; App.start calls it.
func (s *HistoryService) startCollecting(ctx context.Context) {
	if s.d.Store == nil || s.d.Collector == nil {
		return
	}
	s.once.Do(func() {
		go func() {
			if s.d.Prepare != nil {
				if err := s.d.Prepare(ctx); err != nil {
					slog.Warn("usage history not prepared", "err", err)
				}
			}
			s.d.Collector.Run(ctx, s.d.Clock, s.plan, s.round)
		}()
	})
}

func (s *HistoryService) plan() collect.Plan {
	return collect.PlanOf(s.d.Settings.Snapshot(), s.d.Settings.Policies())
}

// round tells the UI, and the OS, what a round opened.
func (s *HistoryService) round(results []collect.Result) {
	names := s.names()
	ev := HistoryEvent{Opened: []AlertRow{}}
	for _, r := range results {
		for _, a := range r.Opened {
			ev.Opened = append(ev.Opened, AlertRow{Alert: a, Profile: names[a.ProfileID]})
		}
		if r.Outcome == collect.Failed {
			slog.Warn("usage sample not taken", "profile", r.ProfileName, "message", r.Message)
		}
	}
	if s.d.Notifier != nil {
		for _, n := range collect.Notices(results) {
			if err := s.d.Notifier.Notify(n.Title, n.Message); err != nil {
				slog.Warn("notification not shown", "err", err)
			}
		}
	}
	ev.Unseen = s.unseen()
	s.mu.RLock()
	events := s.events
	s.mu.RUnlock()
	if events != nil {
		events.Emit(historyEvent, ev)
	}
}

func (s *HistoryService) names() map[string]string {
	out := map[string]string{}
	for _, p := range s.plan().Profiles {
		out[p.ID] = p.Name
	}
	return out
}

func (s *HistoryService) unseen() int {
	if s.d.Store == nil {
		return 0
	}
	n, _ := s.d.Store.Unseen(s.context())
	return n
}

func (s *HistoryService) store() (*history.Store, error) {
	if s.d.Store == nil {
		return nil, apperr.New(apperr.Internal, "%s", s.d.Problem)
	}
	return s.d.Store, nil
}

// Status reports the history's state and settings.
func (s *HistoryService) Status() HistoryStatus {
	snap := s.d.Settings.Snapshot()
	st := HistoryStatus{Available: s.d.Store != nil, Problem: s.d.Problem, File: s.d.File,
		Input:    settings.HistoryInput{History: snap.Preferences.History, StartView: snap.Preferences.StartView},
		Profiles: []ProfileHistory{}, Unseen: s.unseen(), Bounds: historyBounds}
	for _, p := range s.plan().Profiles {
		st.Profiles = append(st.Profiles, ProfileHistory{ProfileID: p.ID, Name: p.Name, Record: !p.NoHistory})
	}
	return st
}

// SaveSettings stores the history settings; the next round uses them.
func (s *HistoryService) SaveSettings(in settings.HistoryInput) (HistoryStatus, error) {
	if err := s.d.Settings.SetHistory(in); err != nil {
		return HistoryStatus{}, err
	}
	return s.Status(), nil
}

// SetRecord turns a profile's history on or off.
func (s *HistoryService) SetRecord(profileID string, on bool) (HistoryStatus, error) {
	if err := s.d.Settings.SetRecordHistory(profileID, on); err != nil {
		return HistoryStatus{}, err
	}
	return s.Status(), nil
}

// Overview is the Dashboard's first screen.
func (s *HistoryService) Overview() (dashboard.Overview, error) {
	st, err := s.store()
	if err != nil {
		return dashboard.Overview{}, err
	}
	p := s.plan()
	active, _ := s.d.Settings.Active()
	var last map[string]collect.Result
	if s.d.Collector != nil {
		last = s.d.Collector.Last()
	}
	return dashboard.Read(s.context(), st, p, active.ID, last, s.d.Clock.Now())
}

// Features lists the features a profile's history holds.
func (s *HistoryService) Features(profileID string) ([]history.FeatureKey, error) {
	st, err := s.store()
	if err != nil {
		return nil, err
	}
	return st.Known(s.context(), profileID)
}

// Series reads a feature's use over a range.
func (s *HistoryService) Series(q dashboard.SeriesQuery) (dashboard.Series, error) {
	st, err := s.store()
	if err != nil {
		return dashboard.Series{}, err
	}
	return dashboard.ReadSeries(s.context(), st, q, s.d.Clock.Now(), history.GapOf(s.plan().Interval), time.Local)
}

// ExportSeries saves a feature's series as CSV; "" when cancelled.
func (s *HistoryService) ExportSeries(q dashboard.SeriesQuery) (string, error) {
	series, err := s.Series(q)
	if err != nil {
		return "", err
	}
	return saveCSV(s.files, series.CSVName(), series.CSV(time.Local), nil)
}

// Alerts lists the open alerts, and unless openOnly those cleared in the
// last 30 days.
func (s *HistoryService) Alerts(openOnly bool) ([]AlertRow, error) {
	st, err := s.store()
	if err != nil {
		return nil, err
	}
	// Open alerts however old, cleared ones of the last 30 days: the
	// newest 500 (the badge counts every open one).
	q := history.AlertQuery{OpenOnly: openOnly, Limit: 500}
	if !openOnly {
		q.Since = s.d.Clock.Now().AddDate(0, 0, -30)
	}
	alerts, err := st.Alerts(s.context(), q)
	if err != nil {
		return nil, err
	}
	names := s.names()
	out := make([]AlertRow, 0, len(alerts))
	for _, a := range alerts {
		out = append(out, AlertRow{Alert: a, Profile: names[a.ProfileID]})
	}
	return out, nil
}

// MarkSeen marks the alerts up to id as seen.
func (s *HistoryService) MarkSeen(id int64) (int, error) {
	st, err := s.store()
	if err != nil {
		return 0, err
	}
	if err := st.MarkSeen(s.context(), id); err != nil {
		return 0, err
	}
	return s.unseen(), nil
}

// CollectNow takes a sample of every profile now.
func (s *HistoryService) CollectNow() ([]collect.Result, error) {
	if _, err := s.store(); err != nil {
		return nil, err
	}
	results := s.d.Collector.Collect(s.context(), s.plan())
	s.round(results)
	return results, nil
}
