package simulator

import (
	"fmt"
	"net/http"
)

type wireHealth struct {
	LLS wireLLS `json:"LLS"`
}

type wireLLS struct {
	Version               string            `json:"version"`
	BuildDate             string            `json:"buildDate"`
	BuildVersion          string            `json:"buildVersion"`
	Branch                string            `json:"branch"`
	GitHash               string            `json:"gitHash"`
	Patch                 string            `json:"patch"`
	FNEBuildVersion       string            `json:"fneBuildVersion"`
	ServerInstanceID      string            `json:"serverInstanceID"`
	Database              map[string]string `json:"database"`
	Security              string            `json:"security"`
	HTTPAuth              string            `json:"httpAuth"`
	LicensingSecurityJSON string            `json:"licensingSecurityJSON"`
	Diskspace             string            `json:"diskspace"`
}

func (s *Server) health(w http.ResponseWriter, r *http.Request, _ params) {
	sec := "enabled"
	if s.opts.Security == SecurityOff {
		sec = "disabled"
	}
	s.writeJSON(w, http.StatusOK, wireHealth{LLS: wireLLS{
		Version:               s.opts.Version,
		BuildDate:             "2025-10-14T08:12:40Z",
		BuildVersion:          "301877",
		Branch:                "master",
		GitHash:               "3c9a51e0d2b74f6a8e1c2d3b4a5f60718293a4b5",
		Patch:                 "0",
		FNEBuildVersion:       "301802",
		ServerInstanceID:      s.opts.InstanceID,
		Database:              map[string]string{"connectionCheck": "success"},
		Security:              sec,
		HTTPAuth:              "disabled",
		LicensingSecurityJSON: "enabled",
		Diskspace:             "ok",
	}})
}

func (s *Server) hostIDs(w http.ResponseWriter, r *http.Request, _ params) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	s.writeJSON(w, http.StatusOK, struct {
		HostIDs []wireServerHostID `json:"hostids"`
	}{s.st.hostIDs})
}

type wireAuthorize struct {
	Expires                string `json:"expires"`
	Token                  string `json:"token"`
	PasswordChangeRequired bool   `json:"passwordChangeRequired,omitempty"`
}

// authorize logs a user in. With FirstLogin the login still succeeds, but
// the answer carries the X-Password-Change-Required header and the
// passwordChangeRequired field, and every other call is refused until the
// password is changed.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request, _ params) {
	var body struct {
		User     string `json:"user"`
		Password string `json:"password"`
	}
	if !s.readJSON(w, r, &body) {
		return
	}
	s.mu.RLock()
	u := s.users[body.User]
	ok := u != nil && u.password == body.Password
	mustChange := ok && u.mustChange
	s.mu.RUnlock()
	if !ok {
		// The wording of a real server's refusal (FNE-API.md, Error bodies).
		s.fail(w, failUserAuthFailed, fmt.Sprintf("Authorization attempt at uri=%s failed for user %s (invalid user name or password).", r.URL.Path, body.User),
			r.URL.Path, body.User)
		return
	}
	tok, exp := s.issueToken(body.User, u)
	if mustChange {
		w.Header().Set(HeaderPasswordChangeRequired, "true")
	}
	s.writeJSON(w, http.StatusOK, wireAuthorize{
		Expires:                exp.UTC().Format("2006-01-02T15:04:05.000Z"),
		Token:                  tok,
		PasswordChangeRequired: mustChange,
	})
}

// changePassword follows the product guide: a logged-in admin may omit the
// current password, except on a first login; anyone else must give it.
func (s *Server) changePassword(w http.ResponseWriter, r *http.Request, p params) {
	var body struct {
		Current *string `json:"currentPassword"`
		New     string  `json:"newPassword"`
	}
	if !s.readJSON(w, r, &body) {
		return
	}
	var caller *claims
	if tok, present := bearer(r); present {
		c, refused := s.verifyToken(tok)
		if refused != nil {
			s.fail(w, refused.failure, refused.msg)
			return
		}
		caller = &c
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	name := p["user"]
	u := s.users[name]
	if u == nil {
		s.fail(w, failNotFound, "There is no user named "+name+".", name)
		return
	}
	switch {
	case body.Current != nil:
		if *body.Current != u.password {
			s.fail(w, failInvalidPassword, "The current password is not correct.")
			return
		}
	case u.mustChange:
		s.fail(w, failInvalidPassword, "Enter the current password: it is needed on a first login.")
		return
	case caller == nil:
		s.fail(w, failInvalidPassword, "Enter the current password, or log in as an administrator.")
		return
	case !caller.hasRole(roleAdmin) || s.users[caller.Sub] != nil && s.users[caller.Sub].mustChange:
		s.fail(w, failAccessDenied, "Changing a password without the current one needs the "+roleAdmin+" role.", roleAdmin)
		return
	}
	if msg := checkPassword(body.New); msg != "" {
		s.fail(w, failInvalidPassword, msg)
		return
	}
	if body.New == u.password {
		s.fail(w, failInvalidPassword, "The new password must differ from the current one.")
		return
	}
	u.password, u.mustChange = body.New, false
	w.WriteHeader(http.StatusNoContent)
}
