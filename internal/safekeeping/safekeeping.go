// Package safekeeping keeps on disk the definition of a reservation group
// while a change replaces it. The server cannot edit a group, so a change
// deletes it and creates it anew; if the connection, the session or the app
// dies in between, the definition survives in a file the user can import,
// never only in memory.
package safekeeping

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"licenseservermanager/internal/apperr"
)

// FolderName is the shelf's folder inside the app's settings folder.
const FolderName = "Kept reservation groups"

// Shelf is the folder where definitions are kept.
type Shelf struct {
	dir string
	now func() time.Time
}

// New returns the shelf in dir, created when the first definition is kept.
func New(dir string) *Shelf { return &Shelf{dir: dir, now: time.Now} }

// Dir is the shelf's folder.
func (s *Shelf) Dir() string { return s.dir }

// Keep writes definition, the group name in the import format, to a new
// file of its own and returns its path. A failure means the change must not
// begin.
func (s *Shelf) Keep(name string, definition []byte) (string, error) {
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return "", s.failed(name, err)
	}
	base := FileName(name) + " " + s.now().Format("2006-01-02 150405")
	for n := 1; ; n++ {
		path := filepath.Join(s.dir, base+".json")
		if n > 1 {
			path = filepath.Join(s.dir, fmt.Sprintf("%s (%d).json", base, n))
		}
		err := write(path, definition)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", s.failed(name, err)
		}
		return path, nil
	}
}

// Release removes a kept file once its group is safe on the server. A file
// that cannot be removed stays: an extra copy is harmless.
func (s *Shelf) Release(path string) {
	if path != "" && filepath.Dir(path) == s.dir {
		_ = os.Remove(path)
	}
}

func (s *Shelf) failed(name string, err error) error {
	return apperr.Wrap(err, apperr.Internal, "The definition of %q could not be kept in %s before the change (%v), so nothing was changed.", name, s.dir, err)
}

// write creates path, failing if it exists, so two changes at one second
// never share a file, and syncs it before it counts as kept.
func write(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
	}
	return err
}

// FileName makes a group name safe as a file name on every platform: the
// characters Windows forbids become "_", and the length is bounded.
func FileName(name string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || unicode.IsControl(r) {
			return '_'
		}
		return r
	}, name)
	clean = strings.TrimRight(strings.TrimSpace(clean), ".")
	if r := []rune(clean); len(r) > 60 {
		clean = string(r[:60])
	}
	if clean == "" {
		return "group"
	}
	return clean
}
