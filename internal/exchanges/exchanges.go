// Package exchanges keeps the history of offline exchanges with the back
// office for one server profile: which request files were saved when and
// where, and which responses were loaded with what result. An administrator
// carrying files across an air gap sees from it what is still pending. It
// never holds secrets: paths, sizes, digests and results only.
package exchanges

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"licenseservermanager/internal/atomicfile"
)

// Kind is what an exchange carried.
type Kind string

// Kinds of exchange.
const (
	CapabilityRequest   Kind = "capability_request"
	ActivationRequest   Kind = "activation_request"
	ConfirmationRequest Kind = "confirmation_request"
	Response            Kind = "response"
)

// Entry is one exchange.
type Entry struct {
	Time         time.Time `json:"time"`
	Kind         Kind      `json:"kind"`
	File         string    `json:"file"`
	Bytes        int       `json:"bytes"`
	Digest       string    `json:"digest"` // first 16 hex digits of SHA-256
	ActivationID string    `json:"activationId"`
	Count        int       `json:"count"`
	OK           bool      `json:"ok"`
	Result       string    `json:"result"`
	// ConfirmationNeeded: the server asked for a confirmation request
	// after loading this response.
	ConfirmationNeeded bool `json:"confirmationNeeded"`
	// Pending is computed, not stored: a request still waiting for a
	// response to be loaded after it.
	Pending bool `json:"pending"`
}

// Digest is the short SHA-256 shown beside a file, to match it on both
// sides of an air gap.
func Digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}

// MaxEntries bounds the history; the oldest entries go first.
const MaxEntries = 500

// Log is the history of one profile, stored in a JSON file.
type Log struct {
	mu   sync.Mutex
	path string
}

// Open returns the log of profileID in dir.
func Open(dir, profileID string) *Log {
	return &Log{path: filepath.Join(dir, "exchanges-"+profileID+".json")}
}

type document struct {
	Entries []Entry `json:"entries"`
}

func (l *Log) read() ([]Entry, error) {
	raw, err := os.ReadFile(l.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var d document
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, fmt.Errorf("the exchange history %s is damaged: %w", l.path, err)
	}
	return d.Entries, nil
}

// Add records an exchange.
func (l *Log) Add(e Entry) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	entries, err := l.read()
	if err != nil {
		// A damaged history must not block an exchange: start a new one
		// and keep the damaged file beside it.
		_ = os.Rename(l.path, l.path+".bak")
		entries = nil
	}
	e.Pending = false
	entries = append(entries, e)
	if len(entries) > MaxEntries {
		entries = entries[len(entries)-MaxEntries:]
	}
	return atomicfile.WriteJSON(l.path, document{Entries: entries})
}

// List returns the history, newest first, with pending requests marked.
func (l *Log) List() ([]Entry, error) {
	l.mu.Lock()
	entries, err := l.read()
	l.mu.Unlock()
	if err != nil {
		return nil, err
	}
	MarkPending(entries)
	out := make([]Entry, len(entries))
	for i := range entries {
		out[len(entries)-1-i] = entries[i]
	}
	return out, nil
}

// MarkPending marks each successfully saved request that no successfully
// loaded response followed (entries in time order).
func MarkPending(entries []Entry) {
	answered := false
	for i := len(entries) - 1; i >= 0; i-- {
		e := &entries[i]
		switch {
		case e.Kind == Response && e.OK:
			answered = true
		case e.Kind != Response:
			e.Pending = e.OK && !answered
		}
	}
}
