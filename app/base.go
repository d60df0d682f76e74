package app

import (
	"context"
	"sync"

	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/progress"
)

// ProgressEvent is the payload of the "progress" event: one step of the
// long operation the UI started under Op. Running is false once it ended.
type ProgressEvent struct {
	Op      string        `json:"op"`
	Running bool          `json:"running"`
	Step    progress.Step `json:"step"`
}

// progressEvent is the name of the event that carries ProgressEvent.
const progressEvent = "progress"

// Events sends events to the UI; the desktop uses the Wails runtime.
type Events interface {
	Emit(name string, data any)
}

// base holds what every service shares: the lifecycle context (Shutdown
// cancels it, which cancels in-flight server calls), the events to the UI,
// and the long operations the UI may cancel.
type base struct {
	mu     sync.RWMutex
	ctx    context.Context
	events Events
	tasks  *progress.Tasks
}

func (b *base) setContext(ctx context.Context, events Events, tasks *progress.Tasks) {
	b.mu.Lock()
	b.ctx, b.events, b.tasks = ctx, events, tasks
	b.mu.Unlock()
}

func (b *base) context() context.Context {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.ctx == nil {
		return context.Background()
	}
	return b.ctx
}

// operation starts a long operation the UI named op: System.Cancel(op)
// cancels its context, and its progress reaches the UI as "progress"
// events. An empty op runs it without either. Call the returned function
// when the operation ends.
func (b *base) operation(op string) (context.Context, func()) {
	b.mu.RLock()
	events, tasks := b.events, b.tasks
	b.mu.RUnlock()
	ctx := b.context()
	if op == "" || tasks == nil {
		return ctx, func() {}
	}
	var forward progress.Func
	if events != nil {
		forward = func(s progress.Step) { events.Emit(progressEvent, ProgressEvent{Op: op, Running: true, Step: s}) }
	}
	ctx, done := tasks.Start(ctx, op, forward)
	return ctx, func() {
		last, _ := tasks.Last(op)
		done()
		if events != nil {
			events.Emit(progressEvent, ProgressEvent{Op: op, Step: last})
		}
	}
}

// call runs one operation against the active profile's server.
func call[T any](conns *connect.Connections, op func(*fne.Client) (T, error)) (T, error) {
	cl, err := conns.Client()
	if err != nil {
		var none T
		return none, err
	}
	return op(cl)
}
