package settings

import (
	"strings"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/orgpolicy"
)

// CLSPort is the port a Cloud License Server is reached on (HTTPS).
const CLSPort = 443

// Address is the host and port the profile's server is reached on.
func (p Profile) Address() (string, int) {
	if p.ServerType == ServerCLS {
		return p.Host, CLSPort
	}
	return p.Host, p.Port
}

// Allowed refuses a server the AllowedServers policy keeps out, with a
// host field problem so the Settings view marks the field. The built-in
// demo server is this process's own and always allowed.
func Allowed(pol orgpolicy.Policies, p Profile) error {
	if p.Demo {
		return nil
	}
	host, port := p.Address()
	if pol.Allows(host, port) {
		return nil
	}
	e := apperr.Invalid(apperr.FieldProblem(FieldHost, apperr.ItemLocked, pol.NotAllowed(host, port)))
	e.Code = apperr.Policy
	return e
}

// policyRefusal is the error of a change a policy does not allow.
func policyRefusal(field, message string) error {
	e := apperr.Invalid(apperr.FieldProblem(field, apperr.ItemLocked, message+" ("+orgpolicy.Notice+")"))
	e.Code = apperr.Policy
	return e
}

// managedBy reports whether p is the profile of the installer's
// defaults.json, which the LockedProfiles policy keeps as installed: the
// same server (host, type, port or instance ID) as those defaults.
func managedBy(d *MachineDefaults, p Profile) bool {
	if d == nil || p.Demo || !strings.EqualFold(strings.TrimSpace(p.Host), d.Host) {
		return false
	}
	if d.CLSInstanceID != "" {
		return p.ServerType == ServerCLS && strings.EqualFold(p.InstanceID, d.CLSInstanceID)
	}
	port := d.Port
	if port == 0 {
		port = DefaultPort
	}
	return p.ServerType == ServerLocal && p.Port == port
}

// lockedProfile refuses a change to profile id when LockedProfiles keeps
// it as installed. Called with s.mu held.
func (s *Store) lockedProfile(d *Settings, id, what string) error {
	if p := d.profile(id); p != nil && managedBy(s.managed, *p) {
		return policyRefusal(FieldName, "Your organisation manages the profile "+p.Name+": it cannot be "+what+".")
	}
	return nil
}

// RememberRefused is the error of a password to be saved under the
// DisableRememberPassword policy.
func RememberRefused() error {
	return policyRefusal("remember", "Your organisation does not allow saving passwords on this computer; log in without Remember.")
}
