// Package app is the thin Wails layer: one bound service per area of the
// UI. A bound method converts its arguments, calls one operation of the
// core (internal/connect, internal/operations) and maps file dialogs and
// progress events; the rules and the orchestration live in the core.
// Services never call the Wails runtime, which reaches them only through
// small interfaces so plain `go test` can run them.
package app

import (
	"context"

	"licenseservermanager/internal/progress"
)

// App owns the bound services and their shared lifecycle.
type App struct {
	Settings     *SettingsService
	Session      *SessionService
	System       *SystemService
	Features     *FeaturesService
	Devices      *DevicesService
	Properties   *PropertiesService
	BackOffice   *BackOfficeService
	Reservations *ReservationsService
	Pools        *PoolsService
	Branding     *BrandingService
	History      *HistoryService
	cancel       context.CancelFunc
	// ctx is the Wails context, kept for the few runtime calls in window.go.
	ctx context.Context
}

// Startup hands the Wails lifecycle context to every service, wrapped so that
// Shutdown can cancel in-flight calls, with the events that carry progress.
func (a *App) Startup(ctx context.Context) {
	a.ctx = ctx
	ctx, a.cancel = context.WithCancel(ctx)
	a.start(ctx, wailsEvents{ctx: a.ctx})
}

// start wires the services to ctx and events; tests call it without Wails.
func (a *App) start(ctx context.Context, events Events) {
	tasks := &progress.Tasks{}
	for _, b := range []*base{&a.Settings.base, &a.Session.base, &a.System.base, &a.Features.base, &a.Devices.base, &a.Properties.base, &a.BackOffice.base, &a.Reservations.base, &a.Pools.base} {
		b.setContext(ctx, events, tasks)
	}
	if a.History != nil {
		a.History.setContext(ctx, events, tasks)
		a.History.startCollecting(ctx)
	}
}

// Shutdown cancels whatever the services are still doing.
func (a *App) Shutdown(context.Context) {
	if a.cancel != nil {
		a.cancel()
	}
}

// Bind lists the structs whose methods the UI may call.
func (a *App) Bind() []any {
	return []any{a.Settings, a.Session, a.System, a.Features, a.Devices, a.Properties, a.BackOffice, a.Reservations, a.Pools, a.Branding, a.History}
}
