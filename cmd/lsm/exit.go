package main

import (
	"errors"

	"licenseservermanager/internal/apperr"
)

// Exit statuses (README, Command line).
const (
	exitOK = 0
	// exitProblems: the operation failed (the server refused, a batch
	// failed in part) or a checked file has errors.
	exitProblems = 1
	// exitUsage: a usage error, a bad input file, or what a machine policy
	// does not allow.
	exitUsage = 2
	// exitLogin: a login is required, or the login lacks a role.
	exitLogin = 3
	// exitConnection: the server cannot be reached, timed out, or its
	// certificate is not trusted.
	exitConnection = 4
	// exitNotSupported: the server does not offer the operation.
	exitNotSupported = 5
)

// exitError ends the command with status code after its message (if any)
// has been printed.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// usageError is a command line lsm cannot act on.
func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, msg: apperr.New(apperr.InvalidInput, format, args...).Message}
}

// statusOf is the exit status of err, by its code: what a script can act
// on without reading the message.
func statusOf(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	switch apperr.CodeOf(err) {
	case "":
		return exitOK
	case apperr.LoginRequired, apperr.AccessDenied:
		return exitLogin
	case apperr.Unreachable, apperr.Timeout, apperr.TLSUntrusted, apperr.Redirected:
		return exitConnection
	case apperr.NotSupported:
		return exitNotSupported
	case apperr.NotConfigured, apperr.Policy:
		return exitUsage
	}
	return exitProblems
}

// errText is the message of err.
func errText(err error) string { return apperr.From(err).Message }
