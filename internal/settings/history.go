package settings

import (
	"fmt"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/orgpolicy"
)

// HistoryInput is what the Settings view submits about usage history.
type HistoryInput struct {
	History   HistoryPrefs `json:"history"`
	StartView string       `json:"startView"`
}

// ValidateHistory lists what is wrong with in, one problem per field
// ("intervalMinutes", "retentionDays", "startView", "rules.busy.percent"...).
func ValidateHistory(in HistoryInput) []apperr.Item {
	var errs []apperr.Item
	h := in.History
	if h.IntervalMinutes < MinIntervalMinutes || h.IntervalMinutes > MaxIntervalMinutes {
		errs = append(errs, apperr.FieldProblem("intervalMinutes", apperr.ItemFormat,
			fmt.Sprintf("Sample every %d to %d minutes.", MinIntervalMinutes, MaxIntervalMinutes)))
	}
	if h.RetentionDays < MinRetentionDays || h.RetentionDays > MaxRetentionDays {
		errs = append(errs, apperr.FieldProblem("retentionDays", apperr.ItemFormat,
			fmt.Sprintf("Keep the history %d to %d days.", MinRetentionDays, MaxRetentionDays)))
	}
	if in.StartView != StartAbout && in.StartView != StartDashboard {
		errs = append(errs, apperr.FieldProblem("startView", apperr.ItemUnknown, "Start on About or on the Dashboard."))
	}
	if h.Rules == nil {
		errs = append(errs, apperr.FieldProblem("rules", apperr.ItemRequired, "The alert rules are missing."))
	} else {
		for _, p := range h.Rules.Check() {
			errs = append(errs, apperr.FieldProblem("rules."+p.Field, apperr.ItemFormat, p.Message))
		}
	}
	return errs
}

// SetHistory stores the usage history settings and the start view.
func (s *Store) SetHistory(in HistoryInput) error {
	if errs := ValidateHistory(in); len(errs) > 0 {
		return apperr.Invalid(errs...)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	days, fixed := RetentionOf(s.policies)
	if fixed && in.History.RetentionDays != days {
		return policyRefusal("retentionDays", fmt.Sprintf("Your organisation keeps usage history for %d days.", days))
	}
	return s.update(func(d *Settings) error {
		if fixed {
			// The user's own choice stays for when the policy goes.
			in.History.RetentionDays = d.Preferences.History.RetentionDays
		}
		d.Preferences.History, d.Preferences.StartView = in.History, in.StartView
		return nil
	})
}

// RetentionOf is the retention the HistoryRetentionDays policy fixes,
// brought within the bounds the history store keeps; fixed is false when
// the policy is not set.
func RetentionOf(pol orgpolicy.Policies) (days int, fixed bool) {
	if pol.HistoryRetentionDays == 0 {
		return 0, false
	}
	return min(max(pol.HistoryRetentionDays, MinRetentionDays), MaxRetentionDays), true
}

// SetRecordHistory turns a profile's usage history on or off.
func (s *Store) SetRecordHistory(id string, on bool) error {
	if on && s.Policies().DisableHistoryCollection {
		return HistoryRefused()
	}
	return s.updateProfile(id, func(p *Profile) { p.NoHistory = !on })
}

// HistoryRefused is the error of usage history asked for under the
// DisableHistoryCollection policy.
func HistoryRefused() error {
	return policyRefusal("recordHistory", "Your organisation has turned usage history off on this computer.")
}
