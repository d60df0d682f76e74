// Package progress carries the progress reports of long operations (large
// lists, imports, uploads, history collection) from where the work happens
// to whoever shows it, and lets a caller cancel such an operation by name.
// Reports travel in the context, so the license-server client can count the
// bytes of a large answer without a progress parameter on every call.
package progress

import (
	"context"
	"sync"
)

// Step is one report. Total is 0 when the amount of work is not known yet.
type Step struct {
	Message string `json:"message"`
	Done    int64  `json:"done"`
	Total   int64  `json:"total"`
	// Unit names what Done and Total count: "bytes", "groups", "settings",
	// "records", or "" for steps without an amount.
	Unit string `json:"unit"`
}

// Func receives the reports of one operation.
type Func func(Step)

type key struct{}

// With returns ctx carrying f; the operations running under it report to f.
func With(ctx context.Context, f Func) context.Context {
	return context.WithValue(ctx, key{}, f)
}

// Report sends s to the receiver carried by ctx, if there is one.
func Report(ctx context.Context, s Step) {
	if f, ok := ctx.Value(key{}).(Func); ok && f != nil {
		f(s)
	}
}

// Enabled tells whether anything listens, so callers can skip the work of
// measuring when nobody will see it.
func Enabled(ctx context.Context) bool {
	f, ok := ctx.Value(key{}).(Func)
	return ok && f != nil
}

// Tasks are the running operations that can be cancelled by an ID the
// caller chose (the UI names each long operation it starts).
type Tasks struct {
	mu      sync.Mutex
	running map[string]*run
}

type run struct {
	cancel context.CancelFunc
	mu     sync.Mutex
	last   Step
}

// Start registers id and returns its context, derived from parent, and the
// function to call when the operation ends. The operation's reports go to
// forward (which may be nil) and its last one is kept for Last. An
// operation started again under a running ID replaces it.
func (t *Tasks) Start(parent context.Context, id string, forward Func) (context.Context, func()) {
	if id == "" {
		return parent, func() {}
	}
	ctx, cancel := context.WithCancel(parent)
	r := &run{cancel: cancel}
	ctx = With(ctx, func(s Step) {
		r.mu.Lock()
		r.last = s
		r.mu.Unlock()
		if forward != nil {
			forward(s)
		}
	})
	t.mu.Lock()
	if t.running == nil {
		t.running = map[string]*run{}
	}
	t.running[id] = r
	t.mu.Unlock()
	return ctx, func() {
		t.mu.Lock()
		// Only this run's entry: a later run under the same ID stays.
		if t.running[id] == r {
			delete(t.running, id)
		}
		t.mu.Unlock()
		cancel()
	}
}

// Last is the last report of the running operation id.
func (t *Tasks) Last(id string) (Step, bool) {
	t.mu.Lock()
	r, ok := t.running[id]
	t.mu.Unlock()
	if !ok {
		return Step{}, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last, true
}

// Cancel stops the operation id; it reports whether one was running.
func (t *Tasks) Cancel(id string) bool {
	t.mu.Lock()
	r, ok := t.running[id]
	delete(t.running, id)
	t.mu.Unlock()
	if ok {
		r.cancel()
	}
	return ok
}
