package app

import (
	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/collect"
	"licenseservermanager/internal/exchanges"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/modeldef"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/policy"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/usage"
)

// enum is one value of a Go string type as the binding generator wants it
// for a TypeScript enum.
type enum[T ~string] struct {
	Value  T
	TSName string
}

// Enums are the Go string types the UI switches on, generated as
// TypeScript enums so the UI compares against Go's values, never copies.
func Enums() []any {
	return []any{
		[]enum[apperr.Code]{
			{apperr.Unreachable, "UNREACHABLE"}, {apperr.Timeout, "TIMEOUT"}, {apperr.TLSUntrusted, "TLS_UNTRUSTED"},
			{apperr.LoginRequired, "LOGIN_REQUIRED"}, {apperr.AccessDenied, "ACCESS_DENIED"}, {apperr.NotSupported, "NOT_SUPPORTED"},
			{apperr.InvalidInput, "INVALID_INPUT"}, {apperr.Conflict, "CONFLICT"}, {apperr.NotFound, "NOT_FOUND"},
			{apperr.ServerError, "SERVER_ERROR"}, {apperr.NotConfigured, "NOT_CONFIGURED"}, {apperr.Cancelled, "CANCELLED"},
			{apperr.Internal, "INTERNAL"}, {apperr.OutcomeUnknown, "OUTCOME_UNKNOWN"}, {apperr.Redirected, "REDIRECTED"},
			{apperr.Policy, "POLICY"},
		},
		[]enum[settings.ServerType]{{settings.ServerLocal, "LOCAL"}, {settings.ServerCLS, "CLS"}},
		[]enum[settings.Theme]{{settings.ThemeSystem, "SYSTEM"}, {settings.ThemeLight, "LIGHT"}, {settings.ThemeDark, "DARK"}},
		[]enum[fne.Evidence]{{fne.Documented, "DOCUMENTED"}, {fne.Observed, "OBSERVED"}, {fne.Assumed, "ASSUMED"}},
		[]enum[fne.ProbeOutcome]{
			{fne.ProbeSupported, "SUPPORTED"}, {fne.ProbeNotSupported, "NOT_SUPPORTED"}, {fne.ProbeAccessDenied, "ACCESS_DENIED"},
			{fne.ProbeLoginRequired, "LOGIN_REQUIRED"}, {fne.ProbeNotFound, "NOT_FOUND"}, {fne.ProbeError, "ERROR"}, {fne.ProbeSkipped, "SKIPPED"},
		},
		[]enum[operations.SummarySource]{{operations.SummaryFromServer, "SERVER"}, {operations.SummaryComputed, "COMPUTED"}},
		[]enum[operations.DeviceType]{{operations.DevicePhysical, "PHYSICAL"}, {operations.DeviceVirtual, "VIRTUAL"}, {operations.DeviceUnknown, "UNKNOWN"}},
		[]enum[operations.Outcome]{
			{operations.OutcomeReplaced, "REPLACED"}, {operations.OutcomeUnchanged, "UNCHANGED"}, {operations.OutcomeRestored, "RESTORED"},
			{operations.OutcomeLost, "LOST"}, {operations.OutcomeUnknown, "UNKNOWN"},
		},
		[]enum[reservations.Status]{{reservations.StatusOK, "OK"}, {reservations.StatusShort, "SHORT"}},
		[]enum[reservations.Action]{{reservations.ActionCreate, "CREATE"}, {reservations.ActionReplace, "REPLACE"}, {reservations.ActionSkip, "SKIP"}},
		[]enum[modeldef.Severity]{{modeldef.SeverityError, "ERROR"}, {modeldef.SeverityWarning, "WARNING"}},
		[]enum[policy.Kind]{
			{policy.KindBoolean, "BOOLEAN"}, {policy.KindDuration, "DURATION"}, {policy.KindList, "LIST"},
			{policy.KindNumber, "NUMBER"}, {policy.KindLevel, "LEVEL"}, {policy.KindText, "TEXT"},
		},
		[]enum[collect.Outcome]{
			{collect.Written, "WRITTEN"}, {collect.Taken, "TAKEN"}, {collect.Unreachable, "UNREACHABLE"},
			{collect.NeedsLogin, "NEEDS_LOGIN"}, {collect.Failed, "FAILED"}, {collect.Off, "OFF"},
		},
		[]enum[usage.RuleKind]{
			{usage.RuleBusy, "BUSY"}, {usage.RuleFull, "FULL"}, {usage.RuleExpiry, "EXPIRY"},
			{usage.RuleUnreachable, "UNREACHABLE"}, {usage.RuleOverdraft, "OVERDRAFT"},
		},
		[]enum[history.Outcome]{{history.OutcomeDone, "DONE"}, {history.OutcomeFailed, "FAILED"}, {history.OutcomeUnknown, "UNKNOWN"}},
		[]enum[exchanges.Kind]{
			{exchanges.CapabilityRequest, "CAPABILITY_REQUEST"}, {exchanges.ActivationRequest, "ACTIVATION_REQUEST"},
			{exchanges.ConfirmationRequest, "CONFIRMATION_REQUEST"}, {exchanges.Response, "RESPONSE"},
		},
	}
}
