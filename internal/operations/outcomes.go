package operations

import (
	"context"
	"time"

	"licenseservermanager/internal/apperr"
)

// recheckDeadline bounds the read that finds out what a change whose answer
// was lost did.
const recheckDeadline = 15 * time.Second

// recheckContext is the context of that read. It holds even when the user
// cancelled meanwhile: the report must say what is on the server.
func recheckContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), recheckDeadline)
}

// unknown tells whether err says the change may or may not have been done.
func unknown(err error) bool { return apperr.CodeOf(err) == apperr.OutcomeUnknown }

// settle finds out what a change whose answer was lost did, so that it is
// reported as done or not done rather than as failed. isDone reads the
// server and tells whether the change is there. settle returns nil when it
// is, a definite failure when it is not, and err itself when the server
// cannot tell (or cannot be asked); any other err is returned as it is.
func settle(ctx context.Context, err error, what string, isDone func(context.Context) (bool, error)) error {
	if !unknown(err) {
		return err
	}
	ctx, cancel := recheckContext(ctx)
	defer cancel()
	done, rerr := isDone(ctx)
	switch {
	case rerr != nil:
		return err
	case done:
		return nil
	}
	return notDoneAfterAll(err, what)
}

// notDoneAfterAll is the failure of a change whose answer was lost and which
// the server shows was not done: it fails as the connection did (the cause
// fne names), so that it can be sent again.
func notDoneAfterAll(err error, what string) error {
	code := apperr.Unreachable
	if cause, ok := apperr.From(err).Details["cause"].(string); ok && cause != "" {
		code = apperr.Code(cause)
	}
	return apperr.Wrap(err, code, "The answer to %s was lost, and the server shows it was not done: nothing changed.", what)
}

// gone reads the answer of a read of something deleted: not_found means the
// delete was done.
func gone[T any](_ T, err error) (bool, error) {
	if apperr.CodeOf(err) == apperr.NotFound {
		return true, nil
	}
	return false, err
}
