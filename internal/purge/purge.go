// Package purge removes everything the app keeps about a user: the settings
// folder, the log folder, and each profile's saved password. The uninstaller
// runs it (`LicenseServerManager.exe --purge`) when the user asks for it.
package purge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
)

// Paths are the folders to remove.
type Paths struct {
	SettingsDir string
	LogDir      string
}

// Run deletes the keyring entries named by the settings file first (it is
// the only list of them), then the folders. It goes on after a failure and
// reports every one, so a locked file does not leave secrets behind.
func Run(p Paths, store secrets.Store) error {
	var errs []error
	for _, e := range savedLogins(filepath.Join(p.SettingsDir, settings.FileName)) {
		if err := store.Delete(e.profileID, e.user); err != nil {
			errs = append(errs, fmt.Errorf("forgetting the password of %s on profile %s: %w", e.user, e.profileID, err))
		}
	}
	for _, dir := range []string{p.SettingsDir, p.LogDir} {
		if dir == "" {
			continue
		}
		if err := os.RemoveAll(dir); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

type login struct{ profileID, user string }

// savedLogins reads the remembered user and the proxy user of each profile from the settings
// file and its backups (numbered, and the single one of earlier versions),
// tolerating a file it cannot parse.
func savedLogins(path string) []login {
	files := []string{path, path + ".bak"}
	for n := 1; n <= settings.MaxBackups; n++ {
		files = append(files, fmt.Sprintf("%s.bak.%d", path, n))
	}
	var out []login
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")) // Notepad's BOM
		var doc struct {
			Profiles []struct {
				ID             string `json:"id"`
				RememberedUser string `json:"rememberedUser"`
				ProxyUser      string `json:"proxyUser"`
			} `json:"profiles"`
		}
		if json.Unmarshal(raw, &doc) != nil {
			continue
		}
		for _, p := range doc.Profiles {
			if p.ID != "" && p.RememberedUser != "" {
				out = append(out, login{p.ID, p.RememberedUser})
			}
			if p.ID != "" && p.ProxyUser != "" {
				out = append(out, login{secrets.ProxyProfile(p.ID), p.ProxyUser})
			}
		}
	}
	return out
}
