package desktop

import "github.com/gen2brain/beeep"

// Notifier shows OS notifications through beeep: a toast on Windows, a
// freedesktop notification over D-Bus on Linux.
type Notifier struct{}

// NewNotifier names the app the notifications come from.
func NewNotifier(appName string) Notifier {
	beeep.AppName = appName
	return Notifier{}
}

// Notify shows one notification.
func (Notifier) Notify(title, message string) error {
	return beeep.Notify(title, message, "")
}
