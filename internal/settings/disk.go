package settings

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/atomicfile"
)

// MaxBackups is how many set-aside settings files are kept, as
// settings.json.bak.1 (the newest) to settings.json.bak.5.
const MaxBackups = 5

// lockWait bounds how long a change waits for another process's save (a
// variable for the tests).
var lockWait = 10 * time.Second

// maxProblems bounds the list in a notice; a file that bad is in a backup.
const maxProblems = 10

// racyWindow is longer than the coarsest file-time resolution in use (FAT
// has two seconds), so a file written this soon after the time it carries
// may be written again without its time or size changing.
const racyWindow = 2 * time.Second

// diskState is what memory was last brought up to date with.
type diskState struct {
	// raw is the content data reflects, so a file that is read again but
	// has not changed is neither decoded nor reported again.
	raw []byte
	// stamp is the file's time and size when raw was read or written.
	stamp stamp
}

type stamp struct {
	mod  time.Time
	size int64
	// racy: the file was seen within racyWindow of its time, so it may have
	// changed since without the time or size showing it.
	racy bool
}

func stampOf(fi os.FileInfo) stamp {
	return stamp{mod: fi.ModTime(), size: fi.Size(), racy: time.Since(fi.ModTime()) < racyWindow}
}

func (st stamp) matches(fi os.FileInfo) bool {
	return !st.racy && st.size == fi.Size() && st.mod.Equal(fi.ModTime())
}

// update is every change: under the settings lock it reads the file again,
// applies change to that fresh copy and writes it, so that another process's
// changes since the last read are kept. When change fails or the write does,
// nothing is written and memory holds the file as read.
func (s *Store) update(change func(*Settings) error) error {
	lock, err := atomicfile.AcquireWithin(s.lockPath, lockWait)
	if errors.Is(err, atomicfile.ErrLocked) {
		return apperr.Wrap(err, apperr.Conflict, "Another License Server Manager window or lsm has been saving the settings for %s; nothing was saved. Try again, or close the other program.", lockWait)
	}
	if err != nil {
		return s.saveError(err)
	}
	defer lock.Release()
	if err := s.syncLocked(); err != nil {
		return s.saveError(err)
	}
	next := s.data.clone()
	if err := change(&next); err != nil {
		return err
	}
	next.SchemaVersion = SchemaVersion
	raw, err := json.MarshalIndent(next, "", "  ")
	if err != nil {
		return s.saveError(err)
	}
	raw = append(raw, '\n')
	if err := atomicfile.Write(s.path, raw); err != nil {
		return s.saveError(err)
	}
	s.data, s.disk.raw, s.disk.stamp = next, raw, stamp{}
	if fi, err := os.Stat(s.path); err == nil {
		s.disk.stamp = stampOf(fi)
	}
	return nil
}

func (s *Store) saveError(err error) error {
	return apperr.Wrap(err, apperr.Internal, "Could not save the settings to %s: %v", s.path, err)
}

// refresh picks up another process's changes when the file looks changed.
// It never waits for the lock: while another process writes, the copy in
// memory stands until the next call.
func (s *Store) refresh() {
	fi, err := os.Stat(s.path)
	if err != nil || s.disk.stamp.matches(fi) {
		return
	}
	lock, err := atomicfile.TryAcquire(s.lockPath)
	if err != nil {
		return
	}
	defer lock.Release()
	// A file that cannot be read now leaves memory as it is; the next
	// change reports the error.
	_ = s.syncLocked()
}

// syncLocked brings memory up to date with the file; the caller holds the
// settings lock. No file leaves memory as it is, to be written on the next
// change. A corrupt file is set aside and memory stands (the defaults, when
// Open finds it); a file with parts that cannot be used is kept as a backup
// before the next write drops those parts.
func (s *Store) syncLocked() error {
	raw, st, err := readStamped(s.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("reading %s: %w", s.path, err)
	case bytes.Equal(raw, s.disk.raw):
		s.disk.stamp = st
		return nil
	}
	data, problems, derr := decode(raw, s.defaults)
	if derr != nil {
		bak, err := s.setAside()
		if err != nil {
			return fmt.Errorf("setting aside corrupt %s: %w", s.path, err)
		}
		s.disk = diskState{}
		if s.data.Profiles == nil {
			s.data = initial(s.defaults)
			s.addNotice(fmt.Sprintf("Your settings file could not be read (%v). It was kept as %s and the defaults are in use.", derr, bak))
		} else {
			s.addNotice(fmt.Sprintf("Your settings file could not be read (%v). It was kept as %s and the settings read before are in use.", derr, bak))
		}
		return nil
	}
	if len(problems) > 0 {
		bak, err := s.keepCopy(raw)
		if err != nil {
			return fmt.Errorf("keeping a copy of %s: %w", s.path, err)
		}
		s.addNotice(droppedNotice(problems, bak))
	}
	s.data, s.disk = data, diskState{raw: raw, stamp: st}
	if s.active != DemoProfileID && s.data.profile(s.active) == nil {
		s.active = s.data.ActiveProfileID
	}
	return nil
}

func readStamped(path string) ([]byte, stamp, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, stamp{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, stamp{}, err
	}
	raw, err := io.ReadAll(f)
	return raw, stampOf(fi), err
}

func droppedNotice(problems []string, bak string) string {
	list := strings.Join(problems[:min(len(problems), maxProblems)], "; ")
	if more := len(problems) - maxProblems; more > 0 {
		list += fmt.Sprintf("; and %d more", more)
	}
	return fmt.Sprintf("Parts of your settings file could not be used and were left out (%s); everything else is in use. The file as it was is kept as %s.", list, bak)
}

func (s *Store) addNotice(msg string) {
	if s.notice != "" {
		s.notice += " "
	}
	s.notice += msg
}

func (s *Store) backup(n int) string { return fmt.Sprintf("%s.bak.%d", s.path, n) }

// setAside moves the settings file to a new newest backup.
func (s *Store) setAside() (string, error) {
	if err := s.shiftBackups(); err != nil {
		return "", err
	}
	return s.backup(1), os.Rename(s.path, s.backup(1))
}

// keepCopy saves raw as a new newest backup, unless that is raw already
// (another process kept it first).
func (s *Store) keepCopy(raw []byte) (string, error) {
	if last, err := os.ReadFile(s.backup(1)); err == nil && bytes.Equal(last, raw) {
		return s.backup(1), nil
	}
	if err := s.shiftBackups(); err != nil {
		return "", err
	}
	return s.backup(1), atomicfile.Write(s.backup(1), raw)
}

// shiftBackups frees the name of the newest backup: each moves one number
// up and the oldest is dropped.
func (s *Store) shiftBackups() error {
	if err := os.Remove(s.backup(MaxBackups)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	for n := MaxBackups - 1; n >= 1; n-- {
		if err := os.Rename(s.backup(n), s.backup(n+1)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}
