package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"time"
)

// ErrLocked is TryAcquire's answer while another holder has the lock.
var ErrLocked = errors.New("locked by another process")

// Lock is an exclusive lock on a lock file, taken with the operating
// system's file lock (flock, LockFileEx). That lock belongs to the open
// file, so two holders in one process exclude each other as two processes
// do, and it ends with its process however that process ends.
type Lock struct{ f *os.File }

// Acquire waits until it holds the lock on path, creating the file and its
// folder if needed.
func Acquire(path string) (*Lock, error) { return acquire(path, true) }

// AcquireWithin waits at most d for the lock on path, then gives up with
// ErrLocked: a holder that stopped (a suspended process) must not freeze
// its waiters for good.
func AcquireWithin(path string, d time.Duration) (*Lock, error) {
	deadline := time.Now().Add(d)
	for pause := time.Millisecond; ; pause = min(2*pause, 50*time.Millisecond) {
		l, err := TryAcquire(path)
		if !errors.Is(err, ErrLocked) || time.Now().After(deadline) {
			return l, err
		}
		time.Sleep(pause)
	}
}

// TryAcquire takes the lock on path if nobody holds it, else ErrLocked.
func TryAcquire(path string) (*Lock, error) { return acquire(path, false) }

func acquire(path string, wait bool) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	// The file is never removed: a holder could lock the removed file while
	// the next one creates and locks a new one, and both would hold "the" lock.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f, wait); err != nil {
		f.Close()
		return nil, err
	}
	return &Lock{f: f}, nil
}

// Release gives the lock up. It unlocks before closing because Windows
// releases the lock of a closed handle only when it gets round to it.
func (l *Lock) Release() error {
	err := unlockFile(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	return err
}
