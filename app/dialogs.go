package app

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
