// Package apperr is the one error type that crosses from Go services to the UI:
// a stable machine code the UI acts on, a human message it shows, and optional
// per-field messages for forms.
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
)

// Error is the typed application error. Fields maps a form field name to its
// message; Details carries structured extras (for example a certificate).
type Error struct {
	Code    Code              `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
	Details map[string]any    `json:"details,omitempty"`
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

// Invalid builds an invalid_input error from per-field messages.
func Invalid(fields map[string]string) *Error {
	msg := "Please correct the highlighted fields."
	if len(fields) == 1 {
		for _, m := range fields {
			msg = m
		}
	}
	return &Error{Code: InvalidInput, Message: msg, Fields: fields}
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
