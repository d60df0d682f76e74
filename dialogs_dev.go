//go:build dev

package main

import (
	"os"
	"path/filepath"

	"licenseservermanager/app"
)

// dialogsFor gives a development build (wails dev, as the end-to-end tests
// run it) a save dialog that answers at once with LSM_E2E_SAVE_DIR and the
// name offered, when that is set: a browser cannot drive the native dialog.
// Shipped builds have no such switch.
func dialogsFor(a *app.App) app.Dialogs {
	if dir := os.Getenv("LSM_E2E_SAVE_DIR"); dir != "" {
		return savingTo{WailsDialogs: app.WailsDialogs{App: a}, dir: dir}
	}
	return app.WailsDialogs{App: a}
}

type savingTo struct {
	app.WailsDialogs
	dir string
}

func (s savingTo) SaveFile(_, defaultName string, _ ...app.FileFilter) (string, error) {
	return filepath.Join(s.dir, defaultName), nil
}
