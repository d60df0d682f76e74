package app

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"licenseservermanager/internal/instance"
	"licenseservermanager/internal/settings"
)

// The functions in this file need the real Wails context and so run only in
// the desktop app, never under `go test`.

// RestoreWindowPosition moves the window to where it was last closed; the
// size is applied earlier through the Wails options.
func RestoreWindowPosition(ctx context.Context, w *settings.WindowGeometry) {
	if w == nil {
		return
	}
	runtime.WindowSetPosition(ctx, w.X, w.Y)
	if w.Maximised {
		runtime.WindowMaximise(ctx)
	}
}

// RememberWindow stores the window's size and position before it closes.
func RememberWindow(ctx context.Context, store *settings.Store) {
	maximised := runtime.WindowIsMaximised(ctx)
	geo := settings.WindowGeometry{Maximised: maximised}
	if prev := store.Snapshot().Preferences.Window; maximised && prev != nil {
		// Keep the restored size of a maximised window.
		geo.Width, geo.Height, geo.X, geo.Y = prev.Width, prev.Height, prev.X, prev.Y
	} else {
		geo.Width, geo.Height = runtime.WindowGetSize(ctx)
		geo.X, geo.Y = runtime.WindowGetPosition(ctx)
	}
	_ = store.SetWindow(geo)
}

// SecondInstance handles a second launch: `--quit` (sent by the installer
// before an upgrade) closes the app; anything else brings the window forward.
func (a *App) SecondInstance(data options.SecondInstanceData) {
	if a.ctx == nil {
		return
	}
	if instance.IsQuitRequest(data.Args) {
		runtime.Quit(a.ctx)
		return
	}
	runtime.WindowUnminimise(a.ctx)
	runtime.WindowShow(a.ctx)
}

// WailsDialogs are the native dialogs of the running app.
type WailsDialogs struct{ App *App }

func toWailsFilters(fs []FileFilter) []runtime.FileFilter {
	out := make([]runtime.FileFilter, len(fs))
	for i, f := range fs {
		out[i] = runtime.FileFilter{DisplayName: f.DisplayName, Pattern: f.Pattern}
	}
	return out
}

// OpenFile shows the native open dialog.
func (d WailsDialogs) OpenFile(title string, filters ...FileFilter) (string, error) {
	return runtime.OpenFileDialog(d.App.ctx, runtime.OpenDialogOptions{Title: title, Filters: toWailsFilters(filters)})
}

// SaveFile shows the native save dialog.
func (d WailsDialogs) SaveFile(title, defaultName string, filters ...FileFilter) (string, error) {
	return runtime.SaveFileDialog(d.App.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName, Filters: toWailsFilters(filters)})
}

// wailsEvents sends events to the window through the Wails runtime.
type wailsEvents struct{ ctx context.Context }

// Emit sends one event with its payload.
func (e wailsEvents) Emit(name string, data any) { runtime.EventsEmit(e.ctx, name, data) }
