package simulator

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// Demo credentials, printed by Banner.
const (
	AdminUser      = "admin"
	AdminPassword  = "Admin123!"
	ReaderUser     = "reader"
	ReaderPassword = "Reader123!"
)

// HeaderPasswordChangeRequired marks answers for a user who must change the
// password first: on a successful authorize (together with the JSON field
// passwordChangeRequired) and on the 403 of every other call.
const HeaderPasswordChangeRequired = "X-Password-Change-Required"

type user struct {
	password   string
	roles      []string
	mustChange bool
}

func defaultUsers(firstLogin bool) map[string]*user {
	return map[string]*user{
		AdminUser:  {password: AdminPassword, roles: []string{roleAdmin, roleDropClient, roleRead, roleReservations, roleOffline}, mustChange: firstLogin},
		ReaderUser: {password: ReaderPassword, roles: []string{roleRead}},
	}
}

// claims are the JWT claims a real server puts in its tokens.
type claims struct {
	Sub       string `json:"sub"`
	Iss       string `json:"iss"`
	Iat       int64  `json:"iat"`
	Exp       int64  `json:"exp"`
	Roles     string `json:"roles"`
	XSRFToken string `json:"xsrfToken"`
}

func (c claims) hasRole(role string) bool {
	for _, r := range strings.Split(c.Roles, ",") {
		if r == role {
			return true
		}
	}
	return false
}

var jwtHeader = base64.RawURLEncoding.EncodeToString([]byte(`{"typ":"JWT","alg":"HS512"}`))

// issueToken makes an HS512 JWT for u, signed with the server's key.
func (s *Server) issueToken(name string, u *user) (string, time.Time) {
	now := s.now()
	exp := now.Add(s.opts.TokenLifetime)
	xsrf := make([]byte, 16)
	_, _ = rand.Read(xsrf)
	body, _ := json.Marshal(claims{
		Sub: name, Iss: s.opts.InstanceID, Iat: now.Unix(), Exp: exp.Unix(),
		Roles: strings.Join(u.roles, ","), XSRFToken: hex.EncodeToString(xsrf),
	})
	unsigned := jwtHeader + "." + base64.RawURLEncoding.EncodeToString(body)
	return unsigned + "." + s.sign(unsigned), exp
}

func (s *Server) sign(unsigned string) string {
	m := hmac.New(sha512.New, s.key)
	m.Write([]byte(unsigned))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

const (
	msgTokenInvalid = "The token is not valid; log in again."
	msgTokenExpired = "The token has expired; log in again."
)

// verifyToken checks the signature and expiry of a bearer token; on failure
// it returns the message for the 401.
func (s *Server) verifyToken(tok string) (claims, string) {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 || !hmac.Equal([]byte(s.sign(parts[0]+"."+parts[1])), []byte(parts[2])) {
		return claims{}, msgTokenInvalid
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	var c claims
	if err != nil || json.Unmarshal(raw, &c) != nil {
		return claims{}, msgTokenInvalid
	}
	if s.now().Unix() >= c.Exp {
		return claims{}, msgTokenExpired
	}
	return c, ""
}

// bearer returns the request's token and whether it sent an Authorization
// header at all; a header of another scheme yields an empty, invalid token.
func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", false
	}
	tok, _ := strings.CutPrefix(h, "Bearer ")
	return strings.TrimSpace(tok), true
}

// authorized applies the security mode and roles to a request, answering
// 401 or 403 itself when it is refused.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request, rt Route) bool {
	if rt.Role == "" || s.opts.Security == SecurityOff {
		return true
	}
	tok, present := bearer(r)
	if !present {
		if s.opts.Security == SecurityAnonymous && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			return true
		}
		writeError(w, http.StatusUnauthorized, "Log in first: administrative security is enabled on this server.")
		return false
	}
	c, msg := s.verifyToken(tok)
	if msg != "" {
		writeError(w, http.StatusUnauthorized, msg)
		return false
	}
	s.mu.RLock()
	u := s.users[c.Sub]
	mustChange := u != nil && u.mustChange
	s.mu.RUnlock()
	if u == nil {
		writeError(w, http.StatusUnauthorized, "The token's user no longer exists; log in again.")
		return false
	}
	if mustChange {
		w.Header().Set(HeaderPasswordChangeRequired, "true")
		writeError(w, http.StatusForbidden, "The password of "+c.Sub+" must be changed before anything else.")
		return false
	}
	if !c.hasRole(rt.Role) {
		writeError(w, http.StatusForbidden, "User "+c.Sub+" lacks the "+rt.Role+" role needed here.")
		return false
	}
	return true
}

const passwordSpecials = "()^*$-+?_&=!%{}/#"

// checkPassword applies the CLS password rules of FNE-API.md.
func checkPassword(p string) string {
	n := len([]rune(p))
	if n < 8 || n > 30 {
		return "The password must be 8 to 30 characters long."
	}
	var upper, lower, special bool
	for _, c := range p {
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case strings.ContainsRune(passwordSpecials, c):
			special = true
		}
	}
	switch {
	case !upper:
		return "The password needs at least one upper-case letter."
	case !lower:
		return "The password needs at least one lower-case letter."
	case !special:
		return "The password needs at least one of ( ^ * $ - + ? _ & = ! % { } / # )."
	}
	return ""
}
