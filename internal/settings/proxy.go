package settings

import (
	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/netproxy"
)

// SetProxy validates and stores the proxy section of profile id; the
// profile's own proxy address is kept only while it is in use.
func (s *Store) SetProxy(id string, in ProxyInput) error {
	if errs := ValidateProxy(in); len(errs) > 0 {
		return apperr.Invalid(errs...)
	}
	mode, addr := in.Mode, ""
	switch mode {
	case ProxySystem:
		mode = ""
	case ProxyManual:
		u, _ := netproxy.ParseURL(in.URL)
		addr = u.String()
	}
	return s.updateProfile(id, func(p *Profile) { p.Proxy, p.ProxyURL, p.ProxyUser = mode, addr, in.User })
}
