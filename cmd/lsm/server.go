package main

import (
	"bufio"
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/safekeeping"
	"licenseservermanager/internal/settings"
)

// lsm is one run of the tool: its process, its global flags, and the
// server it reaches, opened on first use.
type lsm struct {
	deps
	profile, server, user string
	passwordStdin         bool
	output                string

	srv      *server
	history  *history.Store
	in       *bufio.Reader
	progress *reporter
}

// line reads one line of standard input, without its end.
func (l *lsm) line() (string, error) {
	if l.in == nil {
		l.in = bufio.NewReader(l.stdin)
	}
	s, err := l.in.ReadString('\n')
	return strings.TrimRight(s, "\r\n"), err
}

// server is the picked profile's server with the app's connections and
// sessions over it.
type server struct {
	store       *settings.Store
	settingsDir string
	profile     settings.Profile
	conns       *connect.Connections
	sessions    *connect.Sessions
}

// open reads the app's settings and picks the server of the command line:
// --server, --profile, or the active profile.
func (l *lsm) open() (*server, error) {
	if l.srv != nil {
		return l.srv, nil
	}
	store, dir, err := l.openSettings()
	if err != nil {
		return nil, err
	}
	var p settings.Profile
	switch {
	case l.server != "":
		if p, err = connect.ProfileFromURL(l.server); err != nil {
			return nil, &exitError{code: exitUsage, msg: apperr.From(err).Message}
		}
	case l.profile != "":
		found, ok := store.Snapshot().Named(l.profile)
		if !ok {
			return nil, usageError("There is no profile %q: see lsm profiles list.", l.profile)
		}
		p = found
	default:
		active, ok := store.Active()
		if !ok || !active.Complete() {
			return nil, apperr.New(apperr.NotConfigured, "No server is configured: fill in the app's Settings, name a profile with --profile, or a server with --server.")
		}
		p = active
	}
	// The profile is read again on each use, so that a login remembered
	// during this run is seen; a --server profile is never saved.
	pick := func() (settings.Profile, bool) {
		if p.ID != "" {
			if fresh, ok := store.Snapshot().Named(p.ID); ok {
				return fresh, true
			}
		}
		return p, true
	}
	conns := connect.New(pick, l.network(store), nil)
	l.audit(conns, dir)
	l.srv = &server{store: store, settingsDir: dir, profile: p, conns: conns,
		sessions: connect.NewSessions(conns, store, l.secrets, nil)}
	return l.srv, nil
}

// network is how lsm reaches servers: as the app does, with the machine's
// policies and proxy passwords from the keyring.
func (l *lsm) network(store *settings.Store) connect.Network {
	return connect.Network{Policies: store.Policies, Secrets: l.secrets}
}

// openSettings opens the app's settings file, with the administrator's
// defaults beside the executables, and says which folder it is in.
func (l *lsm) openSettings() (*settings.Store, string, error) {
	dir, err := l.settingsDir()
	if err != nil {
		return nil, "", err
	}
	store, err := settings.Open(dir, l.machineDefaults)
	if err != nil {
		return nil, "", err
	}
	store.Govern(l.policies)
	return store, dir, nil
}

// profileID is the saved profile's ID, for what the app keeps per profile
// (the offline exchanges): a --server address has none.
func (s *server) profileID() (string, error) {
	if s.profile.ID == "" {
		return "", usageError("The app keeps the offline exchanges of a profile: use --profile, not --server.")
	}
	return s.profile.ID, nil
}

// client is the picked server's client, logged in when the server needs
// it (connect.Sessions.EnsureLogin) with the password at hand.
func (l *lsm) client(ctx context.Context) (*server, *fne.Client, error) {
	srv, err := l.open()
	if err != nil {
		return nil, nil, err
	}
	creds, err := l.credentials()
	if err != nil {
		return nil, nil, err
	}
	if _, err := srv.sessions.EnsureLogin(ctx, creds.Credentials); err != nil {
		if apperr.CodeOf(err) == apperr.LoginRequired {
			return nil, nil, apperr.Wrap(err, apperr.LoginRequired, "%s Give the password in LSM_PASSWORD or on standard input with --password-stdin, or run lsm login --remember once.",
				apperr.From(err).Message)
		}
		return nil, nil, err
	}
	cl, err := srv.conns.Client()
	return srv, cl, err
}

// credentials of the command line, which commands that need a password
// themselves (login, password reset) complete with one.
type credentials struct{ connect.Credentials }

// password is the user to log in as (default admin) and fills in the
// password, asking for it when none was given; without one it is a usage
// error.
func (c *credentials) password() (string, error) {
	user := c.User
	if user == "" {
		user = connect.DefaultUser
	}
	if c.Password == "" && c.Ask != nil {
		pw, err := c.Ask(user)
		if err != nil {
			return "", err
		}
		c.Password = pw
	}
	if c.Password == "" {
		return "", usageError("No password: give it in LSM_PASSWORD, on standard input with --password-stdin, or at the terminal.")
	}
	return user, nil
}

// credentials are the user and password of the command line: a password
// from standard input or LSM_PASSWORD, and a prompt when a person is at
// the terminal. A password is never taken from a flag, which the process
// list and the shell history would show.
func (l *lsm) credentials() (*credentials, error) {
	c := &credentials{connect.Credentials{User: l.user}}
	switch {
	case l.passwordStdin:
		line, err := l.line()
		if line == "" {
			return c, usageError("--password-stdin was given, but standard input holds no password%s.", errSuffix(err))
		}
		c.Password = line
	case l.getenv("LSM_PASSWORD") != "":
		c.Password = l.getenv("LSM_PASSWORD")
	}
	if l.terminal && l.readPassword != nil {
		c.Ask = func(user string) (string, error) {
			fmt.Fprintf(l.stderr, "Password for %s: ", user)
			pw, err := l.readPassword()
			fmt.Fprintln(l.stderr)
			if err != nil {
				return "", apperr.Wrap(err, apperr.Internal, "The password could not be read from the terminal: %v", err)
			}
			return pw, nil
		}
	}
	return c, nil
}

func errSuffix(err error) string {
	if err == nil || err.Error() == "EOF" {
		return ""
	}
	return " (" + err.Error() + ")"
}

// shelf is where a reservation group is kept while a change replaces it:
// the app's folder, so that either can restore it.
func (s *server) shelf() *safekeeping.Shelf {
	return safekeeping.New(filepath.Join(s.settingsDir, safekeeping.FolderName))
}

// confirm asks before a change that cannot be undone, unless --yes was
// given; without a person to ask it refuses.
func (l *lsm) confirm(cmd *cobra.Command, question string) error {
	if yes, _ := cmd.Flags().GetBool("yes"); yes {
		return nil
	}
	if !l.terminal {
		return usageError("%s Nobody is at the terminal to confirm: add --yes.", question)
	}
	fmt.Fprintf(l.stderr, "%s [y/N] ", question)
	answer, _ := l.line()
	if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
		return &exitError{code: exitProblems, msg: "Nothing was changed."}
	}
	return nil
}

// start is what most commands begin with: the printer of --output and the
// server, logged in.
func (l *lsm) start(cmd *cobra.Command) (printer, *server, *fne.Client, error) {
	out, err := l.printer()
	if err != nil {
		return printer{}, nil, nil, err
	}
	srv, cl, err := l.client(cmd.Context())
	return out, srv, cl, err
}

// group is a command that only holds others. Cobra shows the help for an
// unknown subcommand of a command that does not run: a script's typo would
// then pass with status 0, so an argument is an error.
func group(use, short string) *cobra.Command {
	return &cobra.Command{Use: use, Short: short, Args: cobra.NoArgs, RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() }}
}
