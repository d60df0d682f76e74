// Package apperr is the one error type that crosses from Go services to the UI:
// a stable machine code the UI acts on, a human message it shows, and
// structured per-item problems for forms, tables and files.
package apperr

import (
	"errors"
	"fmt"
)

// Code is a stable identifier the frontend switches on; never rename one.
type Code string

const (
	Unreachable   Code = "unreachable"
	Timeout       Code = "timeout"
	TLSUntrusted  Code = "tls_untrusted"
	LoginRequired Code = "login_required"
	AccessDenied  Code = "access_denied"
	NotSupported  Code = "not_supported"
	InvalidInput  Code = "invalid_input"
	Conflict      Code = "conflict"
	NotFound      Code = "not_found"
	ServerError   Code = "server_error"
	NotConfigured Code = "not_configured"
	Cancelled     Code = "cancelled"
	Internal      Code = "internal"
	// OutcomeUnknown: a change reached the server but its answer was lost
	// (the connection closed, the time ran out), so whether the server
	// did it is not known until its state is read again.
	OutcomeUnknown Code = "outcome_unknown"
	// Redirected: the server answered with a redirect, which the app never
	// follows because a request may carry a token or a password.
	Redirected Code = "redirected"
	// Policy: the organisation's machine policy does not allow it; the
	// message names the policy.
	Policy Code = "policy"
)

// Item is one problem of a validation failure. Item names what the problem
// is in: "" for a single form, otherwise what the operation documents (the
// position of a pending row, a setting's name, a group). Field is the input
// of that item, Code a stable reason the UI may act on, Message the words.
type Item struct {
	Item    string `json:"item"`
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Problem codes shared by many forms; domain packages add their own.
const (
	ItemRequired = "required"
	ItemFormat   = "format"
	ItemTaken    = "taken"
	ItemMismatch = "mismatch"
	ItemRefused  = "refused"
	ItemLocked   = "locked"
	ItemUnknown  = "unknown"
)

// FieldProblem is a problem with one input of a single form.
func FieldProblem(field, code, message string) Item {
	return Item{Field: field, Code: code, Message: message}
}

// Error is the typed application error. Items are the problems of a
// validation failure; Details carries structured extras (for example a
// certificate).
type Error struct {
	Code    Code           `json:"code"`
	Message string         `json:"message"`
	Items   []Item         `json:"items,omitempty"`
	Details map[string]any `json:"details,omitempty"`
	cause   error
}

func (e *Error) Error() string { return e.Message }

// Unwrap exposes the underlying cause to errors.Is / errors.As.
func (e *Error) Unwrap() error { return e.cause }

// New builds an error with a code and a message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap builds an error with a code and message that keeps cause for errors.Is.
func Wrap(cause error, code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), cause: cause}
}

// Invalid builds an invalid_input error from its problems; with one problem
// its message is the error's.
func Invalid(items ...Item) *Error {
	msg := "Please correct the highlighted fields."
	if len(items) == 1 {
		msg = items[0].Message
	}
	return &Error{Code: InvalidInput, Message: msg, Items: items}
}

// ItemsOf returns the problems of err, or nil.
func ItemsOf(err error) []Item {
	if e := From(err); e != nil {
		return e.Items
	}
	return nil
}

// WithDetail returns e with one more detail set.
func (e *Error) WithDetail(key string, value any) *Error {
	if e.Details == nil {
		e.Details = map[string]any{}
	}
	e.Details[key] = value
	return e
}

// From converts any error into an *Error, keeping an existing one as it is and
// classifying anything else as internal.
func From(err error) *Error {
	if err == nil {
		return nil
	}
	var ae *Error
	if errors.As(err, &ae) {
		return ae
	}
	return Wrap(err, Internal, "%s", err.Error())
}

// CodeOf returns the code of err, or "" when err is nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	return From(err).Code
}
