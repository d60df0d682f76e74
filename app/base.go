// Package app is the thin Wails layer: one bound service per area of the UI.
// Services validate input, call the domain packages and the license-server
// client, and return typed errors; they never call the Wails runtime, which
// reaches them only through small interfaces so plain `go test` can run them.
package app

import (
	"context"
	"sync"
)

// base holds the lifecycle context every service shares; Shutdown cancels it,
// which cancels in-flight server calls.
type base struct {
	mu  sync.RWMutex
	ctx context.Context
}

func (b *base) setContext(ctx context.Context) {
	b.mu.Lock()
	b.ctx = ctx
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
