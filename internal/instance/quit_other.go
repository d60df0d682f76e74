//go:build !windows

package instance

import "errors"

// Quit is only needed by the Windows installer.
func Quit() (bool, error) {
	return false, errors.New("--quit is supported on Windows only")
}

// Forward reaches no instance here: outside Windows, Wails' mechanism is
// D-Bus (Linux) or a Cocoa notification (macOS), which this package does
// not speak.
func Forward([]string) (bool, error) { return false, nil }
