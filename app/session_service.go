package app

import (
	"context"
	"errors"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/session"
	"licenseservermanager/internal/settings"
)

// SessionState is what the Login view and the header show about the login.
type SessionState struct {
	ProfileID string `json:"profileId"`
	// SecurityKnown is false until the server answered a health check.
	SecurityKnown   bool     `json:"securityKnown"`
	SecurityEnabled bool     `json:"securityEnabled"`
	LoggedIn        bool     `json:"loggedIn"`
	User            string   `json:"user"`
	Roles           []string `json:"roles"`
	ExpiresAt       string   `json:"expiresAt"`
	// PasswordChangeRequired: the server wants a new password first (the
	// Reset Password view's first-time mode).
	PasswordChangeRequired bool   `json:"passwordChangeRequired"`
	RememberedUser         string `json:"rememberedUser"`
	// TimedOut: the last session ended after 30 minutes without activity.
	TimedOut           bool `json:"timedOut"`
	IdleTimeoutMinutes int  `json:"idleTimeoutMinutes"`
	// Problem explains why the server could not be asked (Start only).
	Problem string `json:"problem"`
}

// LoginInput is the Login view's form.
type LoginInput struct {
	User     string `json:"user"`
	Password string `json:"password"`
	Remember bool   `json:"remember"`
}

// PasswordInput is the Reset Password view's form. Current is needed on a
// first login (or when not logged in), not while logged in.
type PasswordInput struct {
	User    string `json:"user"`
	Current string `json:"current"`
	New     string `json:"new"`
	Confirm string `json:"confirm"`
}

// SessionService is bound to the UI for login, logout, the inactivity
// timeout and password changes.
type SessionService struct {
	base
	conns   *Connections
	store   *settings.Store
	secrets secrets.Store
	// demoSecrets keeps the demo profile's password for this run only: the
	// demo profile is never saved, so a keyring entry for it would be
	// orphaned (and out of reach of --purge).
	demoSecrets *secrets.Memory
}

// NewSessionService builds the service.
func NewSessionService(conns *Connections, store *settings.Store, sec secrets.Store) *SessionService {
	return &SessionService{conns: conns, store: store, secrets: sec, demoSecrets: secrets.NewMemory()}
}

func (s *SessionService) secretsFor(p settings.Profile) secrets.Store {
	if p.Demo {
		return s.demoSecrets
	}
	return s.secrets
}

func (s *SessionService) state() SessionState {
	st := SessionState{IdleTimeoutMinutes: int(session.IdleTimeout / time.Minute)}
	cl, p, err := s.conns.current()
	st.ProfileID, st.RememberedUser = p.ID, p.RememberedUser
	if err != nil {
		return st
	}
	if h := s.conns.knownHealth(); h != nil {
		st.SecurityKnown, st.SecurityEnabled = true, h.SecurityEnabled
	}
	if sess, in := cl.Session(); in {
		st.LoggedIn, st.User, st.Roles = true, sess.User, sess.Roles
		st.PasswordChangeRequired = sess.PasswordChangeRequired
		if !sess.Expires.IsZero() {
			st.ExpiresAt = sess.Expires.UTC().Format(time.RFC3339)
		}
	}
	st.TimedOut = !st.LoggedIn && s.conns.wasTimedOut()
	return st
}

// State reports the login of the active profile.
func (s *SessionService) State() SessionState { return s.state() }

// Touch records user interaction; the UI calls it while the user works.
func (s *SessionService) Touch() { s.conns.Touch() }

// Start learns the server's security mode and, when a password is saved for
// this profile, logs in with it. The UI calls it at start and after a
// profile switch. Server problems are reported in Problem, not as errors,
// so the app still opens.
func (s *SessionService) Start() SessionState {
	ctx, cancel := context.WithTimeout(s.context(), 15*time.Second)
	defer cancel()
	h, err := s.conns.Health(ctx)
	if err != nil {
		st := s.state()
		st.Problem = apperr.From(err).Message
		return st
	}
	st := s.state()
	if !h.SecurityEnabled || st.LoggedIn || st.RememberedUser == "" {
		return st
	}
	p, _ := s.store.Active()
	pw, err := s.secretsFor(p).Get(st.ProfileID, st.RememberedUser)
	if err != nil {
		if !errors.Is(err, secrets.ErrNotFound) {
			st.Problem = "The saved password could not be read from the credential store: " + err.Error()
		}
		return st
	}
	cl, err := s.conns.Client()
	if err != nil {
		st.Problem = apperr.From(err).Message
		return st
	}
	if _, err := cl.Login(ctx, st.RememberedUser, pw); err != nil {
		st = s.state()
		if apperr.CodeOf(err) == apperr.LoginRequired {
			st.Problem = "The saved password for " + st.RememberedUser + " was refused; log in again."
		} else {
			st.Problem = apperr.From(err).Message
		}
		return st
	}
	s.conns.clearTimeout()
	return s.state()
}

// Login logs in on the active profile's server. With Remember the password
// goes to the OS keyring under the profile's ID; without it any password
// saved for this profile is forgotten.
func (s *SessionService) Login(in LoginInput) (SessionState, error) {
	in.User = strings.TrimSpace(in.User)
	fields := map[string]string{}
	if in.User == "" {
		fields["user"] = "Enter your user name."
	}
	if in.Password == "" {
		fields["password"] = "Enter your password."
	}
	if len(fields) > 0 {
		return SessionState{}, apperr.Invalid(fields)
	}
	cl, p, err := s.conns.current()
	if err != nil {
		return SessionState{}, err
	}
	ctx, cancel := context.WithTimeout(s.context(), 20*time.Second)
	defer cancel()
	if _, err := cl.Login(ctx, in.User, in.Password); err != nil {
		if apperr.CodeOf(err) == apperr.LoginRequired {
			return SessionState{}, apperr.Invalid(map[string]string{"password": "The user name or password is incorrect."})
		}
		return SessionState{}, err
	}
	s.conns.clearTimeout()
	if err := s.remember(p, in.User, in.Password, in.Remember); err != nil {
		// The login itself worked; say why the password was not saved.
		st := s.state()
		st.Problem = err.Error()
		return st, nil
	}
	return s.state(), nil
}

func (s *SessionService) remember(p settings.Profile, user, password string, keep bool) error {
	if !keep {
		if p.RememberedUser == "" {
			return nil
		}
		if err := s.secretsFor(p).Delete(p.ID, p.RememberedUser); err != nil {
			return apperr.Wrap(err, apperr.Internal, "Logged in, but the saved password could not be removed from the credential store: %v", err)
		}
		return s.store.SetRememberedUser(p.ID, "")
	}
	if p.RememberedUser != "" && p.RememberedUser != user {
		_ = s.secretsFor(p).Delete(p.ID, p.RememberedUser)
	}
	if err := s.secretsFor(p).Set(p.ID, user, password); err != nil {
		return apperr.Wrap(err, apperr.Internal, "Logged in, but the password could not be saved in the credential store: %v", err)
	}
	return s.store.SetRememberedUser(p.ID, user)
}

// Logout drops the token; with forget the saved password goes too.
func (s *SessionService) Logout(forget bool) (SessionState, error) {
	cl, p, err := s.conns.current()
	if err != nil {
		return s.state(), nil
	}
	cl.Logout()
	if forget && p.RememberedUser != "" {
		if err := s.secretsFor(p).Delete(p.ID, p.RememberedUser); err != nil {
			return s.state(), apperr.Wrap(err, apperr.Internal, "Logged out, but the saved password could not be removed: %v", err)
		}
		if err := s.store.SetRememberedUser(p.ID, ""); err != nil {
			return s.state(), err
		}
	}
	return s.state(), nil
}

// ChangePassword implements the Reset Password view's modes: while logged
// in the current password is not needed; otherwise (first login, or not
// logged in) the app logs in with the current password first. After a
// timeout the user must log in again first.
func (s *SessionService) ChangePassword(in PasswordInput) (SessionState, error) {
	st := s.state()
	if st.TimedOut {
		return st, apperr.New(apperr.LoginRequired, "Your session timed out. Log in again before you change the password.")
	}
	in.User = strings.TrimSpace(in.User)
	needCurrent := !st.LoggedIn || st.PasswordChangeRequired
	fields := map[string]string{}
	if in.User == "" {
		fields["user"] = "Enter the user name."
	}
	if needCurrent && in.Current == "" {
		fields["current"] = "Enter the current password."
	}
	if probs := session.PasswordProblems(in.New); len(probs) > 0 {
		fields["new"] = strings.Join(probs, " ")
	}
	if in.Confirm != in.New {
		fields["confirm"] = "The passwords do not match."
	}
	if in.New != "" && in.New == in.Current {
		fields["new"] = "The new password must differ from the current one."
	}
	if len(fields) > 0 {
		return st, apperr.Invalid(fields)
	}
	cl, p, err := s.conns.current()
	if err != nil {
		return st, err
	}
	ctx, cancel := context.WithTimeout(s.context(), 20*time.Second)
	defer cancel()
	if !st.LoggedIn {
		if _, err := cl.Login(ctx, in.User, in.Current); err != nil {
			if apperr.CodeOf(err) == apperr.LoginRequired {
				return st, apperr.Invalid(map[string]string{"current": "The user name or current password is incorrect."})
			}
			return st, err
		}
		s.conns.clearTimeout()
	}
	current := ""
	if needCurrent {
		current = in.Current
	}
	if err := cl.ChangePassword(ctx, in.User, current, in.New); err != nil {
		return s.state(), err
	}
	if p.RememberedUser == in.User {
		if err := s.secretsFor(p).Set(p.ID, in.User, in.New); err != nil {
			st := s.state()
			st.Problem = "The password was changed, but the saved copy could not be updated: " + err.Error()
			return st, nil
		}
	}
	return s.state(), nil
}
