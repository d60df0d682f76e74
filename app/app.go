package app

import "context"

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
	cancel       context.CancelFunc
	// ctx is the Wails context, kept for the few runtime calls in window.go.
	ctx context.Context
}

// Startup hands the Wails lifecycle context to every service, wrapped so that
// Shutdown can cancel in-flight calls.
func (a *App) Startup(ctx context.Context) {
	a.ctx = ctx
	ctx, a.cancel = context.WithCancel(ctx)
	for _, b := range []*base{&a.Settings.base, &a.Session.base, &a.System.base, &a.Features.base, &a.Devices.base, &a.Properties.base, &a.BackOffice.base, &a.Reservations.base, &a.Pools.base} {
		b.setContext(ctx)
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
	return []any{a.Settings, a.Session, a.System, a.Features, a.Devices, a.Properties, a.BackOffice, a.Reservations, a.Pools, a.Branding}
}
