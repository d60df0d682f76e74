//go:build !dev

package main

import "licenseservermanager/app"

// dialogsFor gives the app the native dialogs.
func dialogsFor(a *app.App) app.Dialogs { return app.WailsDialogs{App: a} }
