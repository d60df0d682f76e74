package operations

import (
	"context"
	"fmt"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/progress"
)

// Stopped says why a batch ended before its last item: the items after it
// were not sent, and a retry sends only those.
type Stopped struct {
	Code    apperr.Code `json:"code"`
	Message string      `json:"message"`
}

func stoppedBy(err error) *Stopped {
	e := apperr.From(err)
	return &Stopped{Code: e.Code, Message: e.Message}
}

// endsTheBatch tells whether a failure is about the session, the
// connection or the user's cancel rather than one item: the next item
// would fail the same way, so the rest are not sent.
func endsTheBatch(err error) bool {
	switch apperr.CodeOf(err) {
	case apperr.LoginRequired, apperr.AccessDenied, apperr.Unreachable, apperr.Timeout, apperr.TLSUntrusted, apperr.Cancelled, apperr.NotConfigured,
		apperr.OutcomeUnknown, apperr.Redirected:
		return true
	}
	return false
}

// notDone tells whether a failed request certainly changed nothing: the
// server refused it before acting (no login, no role, an untrusted
// certificate), so it can be sent again as it is.
func notDone(err error) bool {
	switch apperr.CodeOf(err) {
	case apperr.LoginRequired, apperr.AccessDenied, apperr.TLSUntrusted, apperr.NotConfigured:
		return true
	}
	return false
}

// batch walks the items of a change one request at a time, reports its
// progress, and stops at the first failure that ends it or at a cancel.
type batch struct {
	ctx   context.Context
	total int
	unit  string
	sent  int
	// stop is why the batch ended early; nil while it runs.
	stop error
}

func newBatch(ctx context.Context, total int, unit string) *batch {
	return &batch{ctx: ctx, total: total, unit: unit}
}

// next reports the item about to be sent and tells whether to send it.
func (b *batch) next(what string) bool {
	if b.stop != nil {
		return false
	}
	if err := b.ctx.Err(); err != nil {
		b.stop = apperr.Wrap(err, apperr.Cancelled, "Cancelled before all %s were sent.", b.unit)
		return false
	}
	b.sent++
	progress.Report(b.ctx, progress.Step{Message: fmt.Sprintf("Sending %d of %d: %s", b.sent, b.total, what), Done: int64(b.sent - 1), Total: int64(b.total), Unit: b.unit})
	return true
}

// failed records a failure of the item just sent. It returns the error to
// return instead of a report: the batch's very first request ended it, so
// nothing happened that a report could tell, and the caller may repair
// the cause (log in) and repeat the whole call.
func (b *batch) failed(err error) error {
	if !endsTheBatch(err) {
		return nil
	}
	b.stop = err
	if b.sent == 1 {
		return err
	}
	return nil
}

// end stops the batch when err ends it, whatever was sent before.
func (b *batch) end(err error) {
	if endsTheBatch(err) {
		b.stop = err
	}
}

// stopped is the report's Stopped field.
func (b *batch) stopped() *Stopped {
	if b.stop == nil {
		return nil
	}
	return stoppedBy(b.stop)
}

// notSent is the message of an item the batch did not reach.
func (b *batch) notSent() string { return "Not sent: " + apperr.From(b.stop).Message }

// finish reports the end of the batch.
func (b *batch) finish() {
	progress.Report(b.ctx, progress.Step{Message: "Done", Done: int64(b.total), Total: int64(b.total), Unit: b.unit})
}
