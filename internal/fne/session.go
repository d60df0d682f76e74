package fne

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
)

// Session is what the app may show about the current login. The token itself
// stays inside the client: it is never returned, logged or stored.
type Session struct {
	User     string
	Roles    []string
	Instance string // the iss claim: the instance that issued the token
	IssuedAt time.Time
	Expires  time.Time
	// PasswordChangeRequired is set when the server wants a new password
	// before anything else (first login after a producer-set password).
	PasswordChangeRequired bool
}

// HasRole tells whether the token carries role.
func (s Session) HasRole(role Role) bool {
	for _, r := range s.Roles {
		if r == string(role) {
			return true
		}
	}
	return false
}

// ExpiredAt tells whether the session has expired at t; a session without a
// known expiry never expires on the client's side.
func (s Session) ExpiredAt(t time.Time) bool {
	return !s.Expires.IsZero() && !t.Before(s.Expires)
}

// authorizeReply is the body of POST /authorize. passwordChangeRequired is
// the simulator's (and our expected) signal besides the header.
type authorizeReply struct {
	Expires                string `json:"expires"`
	Token                  string `json:"token"`
	PasswordChangeRequired bool   `json:"passwordChangeRequired"`
}

// Login authenticates and keeps the token in memory for later requests. It
// replaces any earlier session, also when it fails.
func (c *Client) Login(ctx context.Context, user, password string) (Session, error) {
	if user == "" {
		return Session{}, apperr.Invalid(apperr.FieldProblem("user", apperr.ItemRequired, "Enter a user name."))
	}
	c.Logout()
	b, err := json.Marshal(map[string]string{"user": user, "password": password})
	if err != nil {
		return Session{}, apperr.Wrap(err, apperr.Internal, "Cannot encode the login: %v", err)
	}
	r, err := c.do(ctx, call{op: OpAuthorize, body: b, contentType: "application/json", audit: &audited{summary: "Logged in as " + user, user: user}})
	if err != nil {
		return Session{}, err
	}
	var ar authorizeReply
	if err := decodeInto(OpAuthorize, r.body, &ar); err != nil {
		return Session{}, err
	}
	if ar.Token == "" {
		return Session{}, apperr.New(apperr.ServerError, "The server accepted the login but sent no token.")
	}
	s := sessionFromToken(ar.Token)
	if s.User == "" {
		s.User = user
	}
	if t, err := time.Parse(time.RFC3339Nano, ar.Expires); err == nil {
		s.Expires = t.UTC()
	}
	s.PasswordChangeRequired = ar.PasswordChangeRequired || strings.EqualFold(r.header.Get(HeaderPasswordChangeRequired), "true")
	c.mu.Lock()
	c.token, c.session = ar.Token, s
	c.mu.Unlock()
	return s, nil
}

// Session returns the current login; ok is false when logged out.
func (c *Client) Session() (s Session, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.session, c.token != ""
}

// Logout forgets the token. The server has no logout endpoint; a token
// simply expires there.
func (c *Client) Logout() {
	c.mu.Lock()
	c.token, c.session = "", Session{}
	c.mu.Unlock()
}

func (c *Client) currentToken() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.token
}

// ChangePassword sets a new password for user. current may be empty when the
// client holds an admin token, except on a first login, where the server
// wants it.
func (c *Client) ChangePassword(ctx context.Context, user, current, newPassword string) error {
	if newPassword == "" {
		return apperr.Invalid(apperr.FieldProblem("new", apperr.ItemRequired, "Enter the new password."))
	}
	body := struct {
		Current string `json:"currentPassword,omitempty"`
		New     string `json:"newPassword"`
	}{current, newPassword}
	if err := c.sendJSON(ctx, call{op: OpChangePassword, params: []string{"user", user}, audit: &audited{summary: "Password of " + user + " changed"}}, body, nil); err != nil {
		return err
	}
	c.mu.Lock()
	if c.session.User == user {
		c.session.PasswordChangeRequired = false
	}
	c.mu.Unlock()
	return nil
}

// sessionFromToken reads the JWT claims for display. The signature is not
// checked: the server checks it, and nothing here grants access.
func sessionFromToken(token string) Session {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return Session{}
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return Session{}
	}
	var claims struct {
		Sub   string          `json:"sub"`
		Iss   string          `json:"iss"`
		Iat   FlexInt         `json:"iat"`
		Exp   FlexInt         `json:"exp"`
		Roles json.RawMessage `json:"roles"`
	}
	if json.Unmarshal(raw, &claims) != nil {
		return Session{}
	}
	s := Session{User: claims.Sub, Instance: claims.Iss, Roles: parseRoles(claims.Roles)}
	if claims.Iat > 0 {
		s.IssuedAt = time.Unix(int64(claims.Iat), 0).UTC()
	}
	if claims.Exp > 0 {
		s.Expires = time.Unix(int64(claims.Exp), 0).UTC()
	}
	return s
}

// parseRoles accepts the documented comma-separated string and, to be
// tolerant, a JSON array.
func parseRoles(raw json.RawMessage) []string {
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return nil
	}
	for _, r := range strings.Split(s, ",") {
		if r = strings.TrimSpace(r); r != "" {
			list = append(list, r)
		}
	}
	return list
}
