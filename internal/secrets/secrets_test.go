package secrets

import (
	"errors"
	"os"
	"testing"

	"github.com/zalando/go-keyring"
)

// roundTrip is the contract every Store meets.
func roundTrip(t *testing.T, s Store) {
	t.Helper()
	if _, err := s.Get("p-1", "admin"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("empty store: %v", err)
	}
	if err := s.Set("p-1", "admin", "Admin123!"); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("p-2", "admin", "Other456!"); err != nil {
		t.Fatal(err)
	}
	if pw, err := s.Get("p-1", "admin"); err != nil || pw != "Admin123!" {
		t.Fatalf("get p-1 = %q, %v", pw, err)
	}
	if pw, err := s.Get("p-2", "admin"); err != nil || pw != "Other456!" {
		t.Fatalf("profiles must not share passwords: %q, %v", pw, err)
	}
	if err := s.Set("p-1", "admin", "Changed789!"); err != nil {
		t.Fatal(err)
	}
	if pw, _ := s.Get("p-1", "admin"); pw != "Changed789!" {
		t.Fatalf("replace: %q", pw)
	}
	if err := s.Delete("p-1", "admin"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete("p-1", "admin"); err != nil {
		t.Fatalf("deleting twice: %v", err)
	}
	if _, err := s.Get("p-1", "admin"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
	if err := s.Delete("p-2", "admin"); err != nil {
		t.Fatal(err)
	}
}

func TestMemory(t *testing.T) { roundTrip(t, NewMemory()) }

func TestKeyringWithMockProvider(t *testing.T) {
	keyring.MockInit()
	roundTrip(t, Keyring{})
}

func TestKeyringReportsProviderErrors(t *testing.T) {
	boom := errors.New("credential store locked")
	keyring.MockInitWithError(boom)
	defer keyring.MockInit()
	if err := (Keyring{}).Set("p", "u", "x"); !errors.Is(err, boom) {
		t.Fatalf("set: %v", err)
	}
	if _, err := (Keyring{}).Get("p", "u"); !errors.Is(err, boom) {
		t.Fatalf("get: %v", err)
	}
}

// TestRealKeyring talks to the OS credential store; CI runs it inside
// dbus-run-session with an unlocked gnome-keyring (make test-keyring) and
// under wine for Windows Credential Manager.
func TestRealKeyring(t *testing.T) {
	if os.Getenv("REAL_KEYRING") != "1" {
		t.Skip("set REAL_KEYRING=1 to use the OS credential store")
	}
	roundTrip(t, Keyring{})
}
