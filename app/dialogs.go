package app

import (
	"strings"

	"licenseservermanager/internal/apperr"
)

// FileFilter narrows a native file dialog, e.g. {"PEM certificates", "*.pem;*.crt"}.
type FileFilter struct {
	DisplayName string
	Pattern     string
}

// Dialogs are the native file dialogs. The desktop implementation uses the
// Wails runtime; tests use a fake. An empty path with a nil error means the
// user cancelled.
type Dialogs interface {
	OpenFile(title string, filters ...FileFilter) (string, error)
	SaveFile(title, defaultName string, filters ...FileFilter) (string, error)
}

// files is the one place that turns missing dialogs and dialog failures
// into errors the UI shows.
type files struct{ d Dialogs }

func (f files) available() error {
	if f.d == nil {
		return apperr.New(apperr.NotSupported, "File dialogs are not available here.")
	}
	return nil
}

// open asks for a file to read; "" means the user cancelled.
func (f files) open(title string, filters ...FileFilter) (string, error) {
	if err := f.available(); err != nil {
		return "", err
	}
	path, err := f.d.OpenFile(title, filters...)
	if err != nil {
		return "", apperr.Wrap(err, apperr.Internal, "The file dialog failed: %v", err)
	}
	return path, nil
}

// save asks where to write a file, adding ext (".csv") when the name the
// user typed lacks it; "" means the user cancelled.
func (f files) save(title, defaultName, ext string, filters ...FileFilter) (string, error) {
	if err := f.available(); err != nil {
		return "", err
	}
	path, err := f.d.SaveFile(title, defaultName, filters...)
	if err != nil {
		return "", apperr.Wrap(err, apperr.Internal, "The file dialog failed: %v", err)
	}
	if path != "" && ext != "" && !strings.HasSuffix(strings.ToLower(path), ext) {
		path += ext
	}
	return path, nil
}
