package simulator

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"fmt"
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
	// ProducerUser is the account servers create for the producer at
	// start-up (FNE-API.md, Dialects): the producer role and reads.
	ProducerUser     = "producer"
	ProducerPassword = "Producer123!"
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

// defaultUsers are the demo accounts. ROLE_OFFLINE came with newer
// releases: a legacy server grants offline operations to ROLE_ADMIN.
func defaultUsers(firstLogin bool, d Dialect) map[string]*user {
	admin := []string{roleAdmin, roleDropClient, roleRead, roleReservations}
	if d != DialectLegacy {
		admin = append(admin, roleOffline)
	}
	return map[string]*user{
		AdminUser:    {password: AdminPassword, roles: admin, mustChange: firstLogin},
		ReaderUser:   {password: ReaderPassword, roles: []string{roleRead}},
		ProducerUser: {password: ProducerPassword, roles: []string{roleProducer, roleRead}},
	}
}

// neededRole is the role rt needs on this server.
func (s *Server) neededRole(rt Route) string {
	if rt.Role == roleOffline && s.opts.Dialect == DialectLegacy {
		return roleAdmin
	}
	return rt.Role
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
	body, _ := json.Marshal(claims{
		Sub: name, Iss: s.opts.InstanceID, Iat: now.Unix(), Exp: exp.Unix(),
		Roles: strings.Join(u.roles, ","), XSRFToken: newUUID(),
	})
	unsigned := jwtHeader + "." + base64.RawURLEncoding.EncodeToString(body)
	return unsigned + "." + s.sign(unsigned), exp
}

// newUUID is a random (version 4) UUID, as servers put in xsrfToken.
func newUUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

func (s *Server) sign(unsigned string) string {
	m := hmac.New(sha512.New, s.key)
	m.Write([]byte(unsigned))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// tokenRefusal is why a token was refused: the failure and its message.
type tokenRefusal struct {
	failure
	msg string
}

var (
	tokenInvalid = &tokenRefusal{failTokenInvalid, "The token is not valid; log in again."}
	tokenExpired = &tokenRefusal{failTokenExpired, "The token has expired; log in again."}
)

// verifyToken checks the signature and expiry of a bearer token; on failure
// it returns what the 401 says.
func (s *Server) verifyToken(tok string) (claims, *tokenRefusal) {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 || !hmac.Equal([]byte(s.sign(parts[0]+"."+parts[1])), []byte(parts[2])) {
		return claims{}, tokenInvalid
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	var c claims
	if err != nil || json.Unmarshal(raw, &c) != nil {
		return claims{}, tokenInvalid
	}
	if s.now().Unix() >= c.Exp {
		return claims{}, tokenExpired
	}
	return c, nil
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
	role := s.neededRole(rt)
	if role == "" || s.opts.Security == SecurityOff {
		return true
	}
	tok, present := bearer(r)
	if !present {
		if s.opts.Security == SecurityAnonymous && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			return true
		}
		s.fail(w, failLoginRequired, "Log in first: administrative security is enabled on this server.")
		return false
	}
	c, refused := s.verifyToken(tok)
	if refused != nil {
		s.fail(w, refused.failure, refused.msg)
		return false
	}
	s.mu.RLock()
	u := s.users[c.Sub]
	mustChange := u != nil && u.mustChange
	s.mu.RUnlock()
	if u == nil {
		s.fail(w, failTokenInvalid, "The token's user no longer exists; log in again.", c.Sub)
		return false
	}
	if mustChange {
		w.Header().Set(HeaderPasswordChangeRequired, "true")
		s.fail(w, failPasswordChange, "The password of "+c.Sub+" must be changed before anything else.", c.Sub)
		return false
	}
	if !c.hasRole(role) {
		s.fail(w, failAccessDenied, "User "+c.Sub+" lacks the "+role+" role needed here.", c.Sub, role)
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
