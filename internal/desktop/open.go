// Package desktop holds the few OS integrations the app needs outside the
// Wails runtime: opening a folder and naming the web engine.
package desktop

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
)

// FolderOpener opens folders in the platform's file manager.
type FolderOpener struct{}

// OpenFolder shows path in Explorer, Finder or the freedesktop file manager.
func (FolderOpener) OpenFolder(path string) error {
	if st, err := os.Stat(path); err != nil || !st.IsDir() {
		return fmt.Errorf("%s is not a folder", path)
	}
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("explorer.exe", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	// The file manager outlives us; reap it in the background.
	go func() { _ = cmd.Wait() }()
	return nil
}
