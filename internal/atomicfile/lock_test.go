package atomicfile

import (
	"errors"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

func TestTryAcquireFailsWhileHeld(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.lock")
	first, err := TryAcquire(path)
	if err != nil {
		t.Fatal(err)
	}
	// A second holder in the same process is refused too: the lock belongs
	// to the open file, not to the process.
	if _, err := TryAcquire(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("second TryAcquire: %v, want ErrLocked", err)
	}
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	again, err := TryAcquire(path)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	if err := again.Release(); err != nil {
		t.Fatal(err)
	}
}

func TestAcquireWaitsForRelease(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.lock")
	held, err := Acquire(path)
	if err != nil {
		t.Fatal(err)
	}
	var released atomic.Bool
	got := make(chan bool)
	go func() {
		l, err := Acquire(path)
		if err != nil {
			t.Error(err)
			got <- false
			return
		}
		got <- released.Load()
		l.Release()
	}()
	released.Store(true)
	if err := held.Release(); err != nil {
		t.Fatal(err)
	}
	if !<-got {
		t.Fatal("the second Acquire returned while the first still held the lock")
	}
}

func TestAcquireWithinGivesUpOnAHolderThatStays(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.lock")
	held, err := Acquire(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := AcquireWithin(path, 20*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Fatalf("while held: %v, want ErrLocked", err)
	}
	if err := held.Release(); err != nil {
		t.Fatal(err)
	}
	l, err := AcquireWithin(path, time.Minute)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	l.Release()
}
