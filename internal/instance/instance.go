// Package instance names the app's single-instance lock and lets a second
// process (the installer, through `--quit`) ask the running app to close.
package instance

// UniqueID is the Wails single-instance ID. The installer finds a running
// app by the window Wails creates from it, so changing it breaks upgrades.
const UniqueID = "licenseservermanager-9b7e0c4e-2f1d-4c55-8a57-62c1f0d3a8e1"

// QuitArg is the argument that asks a running instance to close.
const QuitArg = "--quit"

// Wails' own names for the single-instance message window on Windows.
const (
	windowClass = "wails-app-" + UniqueID + "-sic"
	windowName  = "wails-app-" + UniqueID + "-siw"
)

// IsQuitRequest tells the running instance whether a second launch asks it
// to close.
func IsQuitRequest(args []string) bool {
	for _, a := range args {
		if a == QuitArg {
			return true
		}
	}
	return false
}
