//go:build !windows

package instance

import "errors"

// Quit is only needed by the Windows installer.
func Quit() (bool, error) {
	return false, errors.New("--quit is supported on Windows only")
}
