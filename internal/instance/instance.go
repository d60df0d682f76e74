// Package instance keeps the app to one running instance per user: a lock
// taken before anything touches the settings, and the message that hands a
// second launch's arguments to the running app (to bring its window
// forward, or, from the installer through `--quit`, to ask it to close).
package instance

import (
	"errors"
	"path/filepath"

	"licenseservermanager/internal/atomicfile"
)

// UniqueID is the Wails single-instance ID. The installer finds a running
// app by the window Wails creates from it, so changing it breaks upgrades.
const UniqueID = "licenseservermanager-9b7e0c4e-2f1d-4c55-8a57-62c1f0d3a8e1"

// QuitArg is the argument that asks a running instance to close.
const QuitArg = "--quit"

// LockFile is the single-instance lock inside the settings folder.
const LockFile = "instance.lock"

// ErrRunning is Acquire's answer while another instance holds the lock.
var ErrRunning = errors.New("another instance is running")

// Wails' own names for the single-instance message window on Windows.
const (
	windowClass = "wails-app-" + UniqueID + "-sic"
	windowName  = "wails-app-" + UniqueID + "-siw"
)

// Acquire takes the single-instance lock in dir, the settings folder, or
// returns ErrRunning without waiting. Wails' own lock is taken too late for
// the settings (they are open by then) and on Linux holds only where a
// D-Bus session bus runs; this one is an OS file lock, which holds on every
// platform and ends with the process that holds it, even a crashed one.
// Keep the lock until the process exits.
func Acquire(dir string) (*atomicfile.Lock, error) {
	l, err := atomicfile.TryAcquire(filepath.Join(dir, LockFile))
	if errors.Is(err, atomicfile.ErrLocked) {
		return nil, ErrRunning
	}
	return l, err
}

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
