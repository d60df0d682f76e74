// Package simulator is an in-memory FlexNet Embedded license server that
// speaks the REST API of FNE-API.md. It is the app's demo mode and the
// backbone of the tests; it has its own wire types on purpose, so a field-name
// slip in the client is caught here and by the shared fixtures.
package simulator

import (
	"crypto/rand"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Security is the server's administrative security mode.
type Security string

const (
	SecurityOff       Security = "off"
	SecurityOn        Security = "on"
	SecurityAnonymous Security = "anonymous" // reads without a token, writes need one
)

// Datasets the simulator can seed.
const (
	DatasetDemo  = "demo"  // realistic, with reservation groups (the default)
	DatasetPools = "pools" // the same data with a model definition instead of reservations
	DatasetLarge = "large" // 100,000 feature records and 50,000 devices, for benchmarks
)

// Options configures a simulated server.
type Options struct {
	Security   Security
	InstanceID string // 12 characters; a fixed demo ID when empty
	Version    string // server version reported by health; 2025.10.0 when empty
	Now        func() time.Time

	// CLS makes the server behave as a Cloud License Server: "~" is refused
	// in paths, policies are read-only and feature summaries are offered.
	CLS bool
	// TLS makes Listen serve HTTPS with a fresh self-signed certificate.
	TLS bool
	// TokenLifetime is how long a login token lasts; one day when zero.
	TokenLifetime time.Duration
	// FirstLogin makes admin change the producer-set password before
	// anything else.
	FirstLogin bool
	// Dataset picks the seeded data (DatasetDemo when empty).
	Dataset string
	// Seed makes the generated data differ between servers; 1 when zero.
	Seed int64
}

// Server is the simulated license server; it is an http.Handler.
type Server struct {
	opts          Options
	key           []byte // signs tokens and offline files; random per server
	productFields bool   // release 2024.10 or later reports product columns

	mu    sync.RWMutex
	st    *state
	users map[string]*user

	faultMu  sync.Mutex
	faults   []*activeFault
	requests map[string]int

	cacheMu sync.Mutex
	cache   map[string]cachedBody
}

// New builds a simulator with defaults filled in and its dataset seeded.
func New(opts Options) *Server {
	if opts.Security == "" {
		opts.Security = SecurityOn
	}
	if opts.InstanceID == "" {
		opts.InstanceID = "QX7K2M9PLT4R"
	}
	if opts.Version == "" {
		opts.Version = "2025.10.0"
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.TokenLifetime <= 0 {
		opts.TokenLifetime = 24 * time.Hour
	}
	if opts.Dataset != DatasetPools && opts.Dataset != DatasetLarge {
		opts.Dataset = DatasetDemo
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	key := make([]byte, 64)
	_, _ = rand.Read(key)
	s := &Server{
		opts:          opts,
		key:           key,
		productFields: versionAtLeast(opts.Version, 2024, 10),
		users:         defaultUsers(opts.FirstLogin),
		requests:      map[string]int{},
		cache:         map[string]cachedBody{},
	}
	s.st = s.seed()
	return s
}

// InstanceID is the server's instance ID, usable in place of "~" in paths.
func (s *Server) InstanceID() string { return s.opts.InstanceID }

// Security is the server's security mode.
func (s *Server) Security() Security { return s.opts.Security }

// LastSync is when a back-office sync was last requested (zero if never).
func (s *Server) LastSync() time.Time {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.st.lastSync
}

// Requests counts the requests that reached an operation, faults included,
// so tests can see retries.
func (s *Server) Requests(op string) int {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	return s.requests[op]
}

func (s *Server) now() time.Time { return s.opts.Now().UTC() }

// versionAtLeast compares the year.month prefix of a server version.
func versionAtLeast(v string, year, month int) bool {
	parts := strings.SplitN(v, ".", 3)
	y, err := strconv.Atoi(parts[0])
	if err != nil {
		return false
	}
	m := 0
	if len(parts) > 1 {
		m, _ = strconv.Atoi(parts[1])
	}
	return y > year || y == year && m >= month
}

var _ http.Handler = (*Server)(nil)
