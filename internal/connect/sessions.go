package connect

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

// State is what the Login view and the header show about the login.
type State struct {
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
	// Problem explains why the server could not be asked, or why a saved
	// password was not used or kept.
	Problem string `json:"problem"`
	// DemoAccounts are the built-in demo server's accounts, listed only
	// while its profile is in use: never for a real server.
	DemoAccounts []DemoAccount `json:"demoAccounts"`
}

// DemoAccount is a user of the built-in demo server.
type DemoAccount struct {
	User     string `json:"user"`
	Password string `json:"password"`
	// Access says what the account may do, in words.
	Access string `json:"access"`
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

// Sessions logs in and out of the picked profile's server, keeps the
// password of a user who asked to be remembered in the OS keyring, and
// changes passwords.
type Sessions struct {
	conns   *Connections
	store   *settings.Store
	secrets secrets.Store
	// demoSecrets keeps the demo profile's password for this run only: the
	// demo profile is never saved, so a keyring entry for it would be
	// orphaned (and out of reach of --purge).
	demoSecrets  *secrets.Memory
	demoAccounts []DemoAccount
}

// NewSessions builds the sessions of conns' profiles; store records who is
// remembered, sec keeps the passwords, demo lists the demo server's users.
func NewSessions(conns *Connections, store *settings.Store, sec secrets.Store, demo []DemoAccount) *Sessions {
	return &Sessions{conns: conns, store: store, secrets: sec, demoSecrets: secrets.NewMemory(), demoAccounts: demo}
}

func (s *Sessions) secretsFor(p settings.Profile) secrets.Store {
	if p.Demo {
		return s.demoSecrets
	}
	return s.secrets
}

// Saved is the password saved for p's remembered user, for a collector
// that logs in on its own; ok is false when none is saved. The built-in
// demo server's accounts are public (its Login view lists them), so its
// history is recorded without a remembered login, with the first account.
func (s *Sessions) Saved(p settings.Profile) (user, password string, ok bool, err error) {
	if p.RememberedUser != "" {
		pw, err := s.savedPassword(p, p.RememberedUser)
		switch {
		case err == nil:
			return p.RememberedUser, pw, true, nil
		case !errors.Is(err, secrets.ErrNotFound):
			return "", "", false, err
		}
	}
	if p.Demo && len(s.demoAccounts) > 0 {
		return s.demoAccounts[0].User, s.demoAccounts[0].Password, true, nil
	}
	return "", "", false, nil
}

// savedPassword is the password saved for user of p. Under the
// DisableRememberPassword policy one saved before the policy came is not
// used: it is as if none were saved.
func (s *Sessions) savedPassword(p settings.Profile, user string) (string, error) {
	if s.conns.Policies().DisableRememberPassword && !p.Demo {
		return "", secrets.ErrNotFound
	}
	return s.secretsFor(p).Get(p.ID, user)
}

// State reports the login of the picked profile.
func (s *Sessions) State() State {
	st := State{IdleTimeoutMinutes: int(session.IdleTimeout / time.Minute), Roles: []string{}, DemoAccounts: []DemoAccount{}}
	cl, p, err := s.conns.Current()
	st.ProfileID, st.RememberedUser = p.ID, p.RememberedUser
	if p.Demo {
		st.DemoAccounts = append(st.DemoAccounts, s.demoAccounts...)
	}
	if err != nil {
		return st
	}
	if h := s.conns.KnownHealth(); h != nil {
		st.SecurityKnown, st.SecurityEnabled = true, h.SecurityEnabled
	}
	if sess, in := cl.Session(); in {
		st.LoggedIn, st.User, st.Roles = true, sess.User, append(st.Roles, sess.Roles...)
		st.PasswordChangeRequired = sess.PasswordChangeRequired
		if !sess.Expires.IsZero() {
			st.ExpiresAt = sess.Expires.UTC().Format(time.RFC3339)
		}
	}
	st.TimedOut = !st.LoggedIn && s.conns.TimedOut()
	return st
}

// Touch records user interaction.
func (s *Sessions) Touch() { s.conns.Touch() }

// Start learns the server's security mode and, when a password is saved
// for the profile, logs in with it. Server problems are reported in
// Problem, not as errors, so the app still opens.
func (s *Sessions) Start(ctx context.Context) State {
	ctx, cancel := context.WithTimeout(ctx, CheckDeadline)
	defer cancel()
	h, err := s.conns.Health(ctx)
	if err != nil {
		st := s.State()
		st.Problem = apperr.From(err).Message
		return st
	}
	st := s.State()
	if !h.SecurityEnabled || st.LoggedIn || st.RememberedUser == "" {
		return st
	}
	_, p, _ := s.conns.Current()
	pw, err := s.savedPassword(p, st.RememberedUser)
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
		st = s.State()
		if apperr.CodeOf(err) == apperr.LoginRequired {
			st.Problem = "The saved password for " + st.RememberedUser + " was refused; log in again."
		} else {
			st.Problem = apperr.From(err).Message
		}
		return st
	}
	s.conns.loggedIn()
	return s.State()
}

// Login logs in on the picked profile's server. With Remember the password
// goes to the OS keyring under the profile's ID; without it any password
// saved for this profile is forgotten.
func (s *Sessions) Login(ctx context.Context, in LoginInput) (State, error) {
	in.User = strings.TrimSpace(in.User)
	var problems []apperr.Item
	if in.User == "" {
		problems = append(problems, apperr.FieldProblem("user", apperr.ItemRequired, "Enter your user name."))
	}
	if in.Password == "" {
		problems = append(problems, apperr.FieldProblem("password", apperr.ItemRequired, "Enter your password."))
	}
	if len(problems) > 0 {
		return State{}, apperr.Invalid(problems...)
	}
	if in.Remember && s.conns.Policies().DisableRememberPassword {
		return State{}, settings.RememberRefused()
	}
	cl, p, err := s.conns.Current()
	if err != nil {
		return State{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, LoginDeadline)
	defer cancel()
	if _, err := cl.Login(ctx, in.User, in.Password); err != nil {
		if apperr.CodeOf(err) == apperr.LoginRequired {
			return State{}, apperr.Invalid(apperr.FieldProblem("password", apperr.ItemRefused, "The user name or password is incorrect."))
		}
		return State{}, err
	}
	s.conns.loggedIn()
	if err := s.remember(p, in.User, in.Password, in.Remember); err != nil {
		// The login itself worked; say why the password was not saved.
		st := s.State()
		st.Problem = err.Error()
		return st, nil
	}
	return s.State(), nil
}

func (s *Sessions) remember(p settings.Profile, user, password string, keep bool) error {
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

// Logout drops the token; with forget the saved password goes too. The
// token is dropped even when forgetting fails, which the error says.
func (s *Sessions) Logout(forget bool) (State, error) {
	cl, p, err := s.conns.Current()
	if err != nil {
		return s.State(), nil
	}
	cl.Logout()
	if forget && p.RememberedUser != "" {
		if err := s.secretsFor(p).Delete(p.ID, p.RememberedUser); err != nil {
			return State{}, apperr.Wrap(err, apperr.Internal, "Logged out, but the saved password could not be removed: %v", err)
		}
		if err := s.store.SetRememberedUser(p.ID, ""); err != nil {
			return State{}, err
		}
	}
	return s.State(), nil
}

// ChangePassword implements the Reset Password view's modes: while logged
// in the current password is not needed; otherwise (first login, or not
// logged in) it logs in with the current password first. After a timeout
// the user must log in again first.
func (s *Sessions) ChangePassword(ctx context.Context, in PasswordInput) (State, error) {
	st := s.State()
	if st.TimedOut {
		return State{}, apperr.New(apperr.LoginRequired, "Your session timed out. Log in again before you change the password.")
	}
	in.User = strings.TrimSpace(in.User)
	needCurrent := !st.LoggedIn || st.PasswordChangeRequired
	if problems := passwordProblems(in, needCurrent); len(problems) > 0 {
		return State{}, apperr.Invalid(problems...)
	}
	cl, p, err := s.conns.Current()
	if err != nil {
		return State{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, LoginDeadline)
	defer cancel()
	if !st.LoggedIn {
		if _, err := cl.Login(ctx, in.User, in.Current); err != nil {
			if apperr.CodeOf(err) == apperr.LoginRequired {
				return State{}, apperr.Invalid(apperr.FieldProblem("current", apperr.ItemRefused, "The user name or current password is incorrect."))
			}
			return State{}, err
		}
		s.conns.loggedIn()
	}
	current := ""
	if needCurrent {
		current = in.Current
	}
	if err := cl.ChangePassword(ctx, in.User, current, in.New); err != nil {
		return State{}, err
	}
	if p.RememberedUser == in.User {
		if err := s.secretsFor(p).Set(p.ID, in.User, in.New); err != nil {
			st := s.State()
			st.Problem = "The password was changed, but the saved copy could not be updated: " + err.Error()
			return st, nil
		}
	}
	return s.State(), nil
}

// passwordProblems checks the Reset Password form before anything is sent.
func passwordProblems(in PasswordInput, needCurrent bool) []apperr.Item {
	var out []apperr.Item
	add := func(field, code, msg string) { out = append(out, apperr.FieldProblem(field, code, msg)) }
	if in.User == "" {
		add("user", apperr.ItemRequired, "Enter the user name.")
	}
	if needCurrent && in.Current == "" {
		add("current", apperr.ItemRequired, "Enter the current password.")
	}
	switch probs := session.PasswordProblems(in.New); {
	case in.New != "" && in.New == in.Current:
		add("new", apperr.ItemMismatch, "The new password must differ from the current one.")
	case len(probs) > 0:
		add("new", requiredOr(in.New, apperr.ItemFormat), strings.Join(probs, " "))
	}
	if in.Confirm != in.New {
		add("confirm", apperr.ItemMismatch, "The passwords do not match.")
	}
	return out
}

func requiredOr(value, code string) string {
	if value == "" {
		return apperr.ItemRequired
	}
	return code
}
