package app

import (
	"licenseservermanager/internal/connect"
)

// SessionService is bound to the UI for login, logout, the inactivity
// timeout and password changes.
type SessionService struct {
	base
	sessions *connect.Sessions
}

// NewSessionService builds the service.
func NewSessionService(sessions *connect.Sessions) *SessionService {
	return &SessionService{sessions: sessions}
}

// State reports the login of the active profile.
func (s *SessionService) State() connect.State { return s.sessions.State() }

// Touch records user interaction; the UI calls it while the user works.
func (s *SessionService) Touch() { s.sessions.Touch() }

// Start learns the server's security mode and logs in with a saved
// password; the UI calls it at start and after a profile switch.
func (s *SessionService) Start() connect.State { return s.sessions.Start(s.context()) }

// Login logs in on the active profile's server, remembering the password
// in the OS keyring when asked.
func (s *SessionService) Login(in connect.LoginInput) (connect.State, error) {
	return s.sessions.Login(s.context(), in)
}

// Logout drops the token; with forget the saved password goes too.
func (s *SessionService) Logout(forget bool) (connect.State, error) { return s.sessions.Logout(forget) }

// ChangePassword implements the Reset Password view's three modes.
func (s *SessionService) ChangePassword(in connect.PasswordInput) (connect.State, error) {
	return s.sessions.ChangePassword(s.context(), in)
}
