package connect

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strconv"
	"strings"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
)

// Credentials are what a console command has at hand to log in with:
// a password it was given (from the environment or standard input), and a
// way to ask for one (a prompt on a terminal; nil when nobody can answer).
type Credentials struct {
	User     string
	Password string
	Ask      func(user string) (string, error)
}

// EnsureLogin logs in on the picked profile's server when it wants a login
// and none is held: with the password given, else with the one saved for
// the profile, else with one asked for. What is saved is never changed: a
// script's password is for this command only. It reports the server's
// health failure as it is, and login_required when no password is at hand.
func (s *Sessions) EnsureLogin(ctx context.Context, c Credentials) (State, error) {
	ctx, cancel := context.WithTimeout(ctx, CheckDeadline+LoginDeadline)
	defer cancel()
	h, err := s.conns.Health(ctx)
	if err != nil {
		return State{}, err
	}
	st := s.State()
	if !h.SecurityEnabled || st.LoggedIn {
		return st, nil
	}
	cl, p, err := s.conns.Current()
	if err != nil {
		return State{}, err
	}
	user, password := strings.TrimSpace(c.User), c.Password
	if user == "" {
		user = p.RememberedUser
	}
	if user == "" {
		user = DefaultUser
	}
	if password == "" && p.RememberedUser == user && p.ID != "" {
		saved, err := s.savedPassword(p, user)
		switch {
		case err == nil:
			password = saved
		case !errors.Is(err, secrets.ErrNotFound):
			return State{}, apperr.Wrap(err, apperr.Internal, "The saved password of %s could not be read from the credential store: %v", user, err)
		}
	}
	if password == "" && c.Ask != nil {
		if password, err = c.Ask(user); err != nil {
			return State{}, err
		}
	}
	if password == "" {
		return State{}, apperr.New(apperr.LoginRequired, "The server needs a login, and no password of %s is at hand.", user).WithDetail("user", user)
	}
	if _, err := cl.Login(ctx, user, password); err != nil {
		return State{}, err
	}
	s.conns.loggedIn()
	return s.State(), nil
}

// DefaultUser is the account a login uses when none is named: every server
// has one.
const DefaultUser = "admin"

// ProfileFromURL is a one-off profile for a server named by its address: a
// local server as http[s]://host[:port] (port 7070 when none is given), or
// a Cloud License Server as https://site/api/1.0/instances/ID. It is never
// saved, so no password is remembered for it.
func ProfileFromURL(raw string) (settings.Profile, error) {
	bad := func(why string) (settings.Profile, error) {
		return settings.Profile{}, apperr.New(apperr.InvalidInput, "The server address %q %s: use http://host:7070, https://host:7070 or https://site/api/1.0/instances/ID.", raw, why)
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	switch {
	case err != nil || raw == "":
		return bad("is not a URL")
	case u.Scheme != "http" && u.Scheme != "https":
		return bad("needs http:// or https://")
	case u.Host == "":
		return bad("is not a URL")
	}
	if u.User != nil {
		return bad("must not carry a user name or password")
	}
	p := settings.Profile{Name: u.Host, Host: u.Hostname(), ServerType: settings.ServerLocal, Port: settings.DefaultPort, HTTPS: u.Scheme == "https"}
	if port := u.Port(); port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return bad("has no valid port")
		}
		p.Port = n
	}
	switch path := strings.Trim(u.Path, "/"); {
	case path == "":
	case strings.HasPrefix(path, "api/1.0/instances/") && !strings.Contains(strings.TrimPrefix(path, "api/1.0/instances/"), "/"):
		if u.Scheme != "https" {
			return bad("names a Cloud License Server, which is only reached over HTTPS")
		}
		p.ServerType, p.InstanceID = settings.ServerCLS, strings.TrimPrefix(path, "api/1.0/instances/")
		// A CLS is addressed by its site host; a port given stays with it.
		p.Host = u.Host
		if _, _, err := net.SplitHostPort(u.Host); err != nil {
			p.Host = u.Hostname()
		}
	default:
		return bad("has a path that names no server")
	}
	return p, nil
}
