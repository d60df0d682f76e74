// Package simulator is an in-memory FlexNet Embedded license server that
// speaks the REST API of FNE-API.md. It is the app's demo mode and the
// backbone of the tests; it has its own wire types on purpose, so a field-name
// slip in the client is caught here and by the shared fixtures.
package simulator

import (
	"crypto/rand"
	"fmt"
	"net/http"
	"slices"
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

// Dialect is how a server of some release speaks the API (FNE-API.md,
// Dialects): the same endpoints, with differences a client must absorb.
type Dialect string

const (
	// DialectCurrent is a local server of a current release.
	DialectCurrent Dialect = "current"
	// DialectLegacy is a 2018-era local server: every number in a JSON body
	// is a string, feature records have no product columns, there are no
	// feature summaries and no ROLE_OFFLINE, and bodies are indented.
	DialectLegacy Dialect = "legacy"
	// DialectCLS is a Cloud License Server: addressed by its instance ID
	// only, read-only policies, feature summaries and a liveness ping.
	DialectCLS Dialect = "cls"
)

// Dialects lists every dialect, in the order tests run them.
var Dialects = []Dialect{DialectCurrent, DialectLegacy, DialectCLS}

// legacyVersion is what a legacy server reports when no version is given:
// a release before the product columns (2024.10).
const legacyVersion = "2018.11.0"

// Options configures a simulated server.
type Options struct {
	Security   Security
	InstanceID string // 12 characters; a fixed demo ID when empty
	Version    string // server version reported by health; 2025.10.0 when empty
	Now        func() time.Time

	// Dialect picks the release the server behaves as (DialectCurrent when
	// empty).
	Dialect Dialect
	// CLS is the older spelling of Dialect: DialectCLS; New sets it from
	// the dialect, so either may be given.
	CLS bool
	// TLS makes Listen serve HTTPS with a fresh self-signed certificate; a
	// CLS always does.
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
	// Without names operations (route ops, as in Routes) the server does
	// not have, as an older or stripped-down release: a path no route is
	// left at answers 404, one whose other methods remain 405.
	Without []string
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
	without  []string // Options.Without and what Remove added

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
	if opts.CLS && opts.Dialect == "" {
		opts.Dialect = DialectCLS
	}
	if opts.Dialect == "" {
		opts.Dialect = DialectCurrent
	}
	opts.CLS = opts.Dialect == DialectCLS
	switch {
	case opts.Version != "":
	case opts.Dialect == DialectLegacy:
		opts.Version = legacyVersion
	default:
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
		productFields: versionAtLeast(opts.Version, 2024, 10) && opts.Dialect != DialectLegacy,
		users:         defaultUsers(opts.FirstLogin, opts.Dialect),
		requests:      map[string]int{},
		without:       slices.Clone(opts.Without),
		cache:         map[string]cachedBody{},
	}
	s.st = s.seed()
	return s
}

// InstanceID is the server's instance ID, usable in place of "~" in paths.
func (s *Server) InstanceID() string { return s.opts.InstanceID }

// Security is the server's security mode.
func (s *Server) Security() Security { return s.opts.Security }

// Remove takes operations away while the server runs (Options.Without), as
// if it were a release without them.
func (s *Server) Remove(ops ...string) {
	s.faultMu.Lock()
	s.without = append(s.without, ops...)
	s.faultMu.Unlock()
}

func (s *Server) lacks(op string) bool {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	return slices.Contains(s.without, op)
}

// Version is the release the server reports in its health answer.
func (s *Server) Version() string { return s.opts.Version }

// Dialect is the release the server behaves as.
func (s *Server) Dialect() Dialect { return s.opts.Dialect }

// check refuses options that contradict each other or name no dialect;
// Listen applies it to what a user typed.
func (o Options) check() error {
	switch o.Dialect {
	case "", DialectCurrent, DialectLegacy, DialectCLS:
	default:
		return fmt.Errorf("unknown dialect %q: use current, legacy or cls", o.Dialect)
	}
	if o.CLS && o.Dialect != "" && o.Dialect != DialectCLS {
		return fmt.Errorf("a Cloud License Server (cls) cannot also be of dialect %s", o.Dialect)
	}
	var ops []string
	for _, r := range Routes() {
		ops = append(ops, r.Op)
	}
	for _, op := range o.Without {
		if !slices.Contains(ops, op) {
			return fmt.Errorf("unknown operation %q to remove: use one of %s", op, strings.Join(ops, ", "))
		}
	}
	return nil
}

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
