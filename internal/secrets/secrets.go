// Package secrets keeps saved passwords in the operating system's credential
// store (Windows Credential Manager, the Secret Service on Linux, the macOS
// Keychain) through go-keyring. It keeps no list of its own: the settings
// know which profile remembers which user.
package secrets

import (
	"errors"
	"sync"

	"github.com/zalando/go-keyring"
)

// Service is the name entries are filed under in the credential store.
const Service = "LicenseServerManager"

// ErrNotFound means no password is saved for that profile and user.
var ErrNotFound = errors.New("no saved password")

// Store saves one password per server profile and user name.
type Store interface {
	Get(profileID, user string) (string, error)
	Set(profileID, user, password string) error
	Delete(profileID, user string) error
}

// account names one entry: passwords are per profile, because the same
// user name on two servers usually has two passwords.
func account(profileID, user string) string { return profileID + "/" + user }

// ProxyProfile is the profile ID a profile's proxy password is filed
// under, apart from its server passwords: the same user name may have
// another password on the proxy.
func ProxyProfile(profileID string) string { return "proxy:" + profileID }

// Keyring is the OS credential store.
type Keyring struct{}

// Get returns the saved password or ErrNotFound.
func (Keyring) Get(profileID, user string) (string, error) {
	pw, err := keyring.Get(Service, account(profileID, user))
	if errors.Is(err, keyring.ErrNotFound) {
		return "", ErrNotFound
	}
	return pw, err
}

// Set saves a password, replacing any earlier one.
func (Keyring) Set(profileID, user, password string) error {
	return keyring.Set(Service, account(profileID, user), password)
}

// Delete forgets a password; forgetting a missing one is not an error.
func (Keyring) Delete(profileID, user string) error {
	err := keyring.Delete(Service, account(profileID, user))
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}

// Memory is an in-process Store for tests and for machines without a
// credential store.
type Memory struct {
	mu sync.Mutex
	m  map[string]string
}

// NewMemory returns an empty in-memory store.
func NewMemory() *Memory { return &Memory{m: map[string]string{}} }

// Get returns the saved password or ErrNotFound.
func (s *Memory) Get(profileID, user string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	pw, ok := s.m[account(profileID, user)]
	if !ok {
		return "", ErrNotFound
	}
	return pw, nil
}

// Set saves a password.
func (s *Memory) Set(profileID, user, password string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[account(profileID, user)] = password
	return nil
}

// Delete forgets a password.
func (s *Memory) Delete(profileID, user string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, account(profileID, user))
	return nil
}
