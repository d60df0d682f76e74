// Package orgpolicy reads the settings an organisation fixes on a machine
// (Group Policy, Intune): the values under
// Software\Policies\<Company>\LicenseServerManager, in HKLM and HKCU, a
// value set under HKLM winning. It only reads and checks them; each
// operation that a policy restricts enforces it where it happens.
package orgpolicy

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// The policy value names, as the ADMX templates in installer/policies write
// them.
const (
	NameDisableRememberPassword  = "DisableRememberPassword"
	NameAllowedServers           = "AllowedServers"
	NameLockedProfiles           = "LockedProfiles"
	NameDisableHistoryCollection = "DisableHistoryCollection"
	NameHistoryRetentionDays     = "HistoryRetentionDays"
	NameDisableModelUpload       = "DisableModelUpload"
	NameDisablePropertiesEdit    = "DisablePropertiesEdit"
	NameProxyServer              = "ProxyServer"
)

// ProxyDirect is the ProxyServer value that forbids any proxy.
const ProxyDirect = "direct"

// Notice is the words the app shows beside a control a policy locks.
const Notice = "Set by your organisation"

// Policies are the machine policies in force; the zero value is none.
type Policies struct {
	DisableRememberPassword bool `json:"disableRememberPassword"`
	// AllowedServers are host or host:port patterns (see Allows); empty
	// allows every server.
	AllowedServers []string `json:"allowedServers"`
	// LockedProfiles keeps the profiles of the installer's defaults.json
	// from being edited or deleted.
	LockedProfiles           bool `json:"lockedProfiles"`
	DisableHistoryCollection bool `json:"disableHistoryCollection"`
	// HistoryRetentionDays is the days of usage history kept; 0 when the
	// policy is not set.
	HistoryRetentionDays  int  `json:"historyRetentionDays"`
	DisableModelUpload    bool `json:"disableModelUpload"`
	DisablePropertiesEdit bool `json:"disablePropertiesEdit"`
	// ProxyServer is the proxy every server request goes through: "" when
	// the policy is not set, ProxyDirect for none, else a proxy URL
	// (http:// or https://, host and port).
	ProxyServer string `json:"proxyServer"`
	// Problems are values that are set but could not be used; they are
	// ignored, and diagnostics list them.
	Problems []Problem `json:"problems"`
}

// Problem is one policy value that could not be used.
type Problem struct {
	Name    string `json:"name"`
	Where   string `json:"where"`
	Message string `json:"message"`
}

// Any reports whether at least one policy is in force.
func (p Policies) Any() bool {
	return p.DisableRememberPassword || len(p.AllowedServers) > 0 || p.LockedProfiles ||
		p.DisableHistoryCollection || p.HistoryRetentionDays > 0 || p.DisableModelUpload ||
		p.DisablePropertiesEdit || p.ProxyServer != ""
}

// Value is one registry value: a REG_DWORD (Number), or REG_SZ / REG_MULTI_SZ
// text (one element per string).
type Value struct {
	IsNumber bool
	Number   uint64
	Text     []string
}

// Source is one place policies are set (a registry hive); Where names it
// in messages.
type Source struct {
	Where  string
	Values map[string]Value
}

// Load reads the policies of sources, the first holding a value winning
// (HKLM, then HKCU). A value of the wrong type or out of range is ignored
// and reported in Problems, so one typo does not cost the others.
func Load(sources ...Source) Policies {
	p := Policies{AllowedServers: []string{}, Problems: []Problem{}}
	lookup := func(name string) (Value, string, bool) {
		for _, s := range sources {
			if v, ok := s.Values[name]; ok {
				return v, s.Where, true
			}
		}
		return Value{}, "", false
	}
	flag := func(name string, dst *bool) {
		if v, where, ok := lookup(name); ok {
			b, err := boolOf(v)
			if err != nil {
				p.problem(name, where, err)
				return
			}
			*dst = b
		}
	}
	flag(NameDisableRememberPassword, &p.DisableRememberPassword)
	flag(NameLockedProfiles, &p.LockedProfiles)
	flag(NameDisableHistoryCollection, &p.DisableHistoryCollection)
	flag(NameDisableModelUpload, &p.DisableModelUpload)
	flag(NameDisablePropertiesEdit, &p.DisablePropertiesEdit)

	if v, where, ok := lookup(NameHistoryRetentionDays); ok {
		n, err := numberOf(v)
		if err == nil && n == 0 {
			err = fmt.Errorf("0 days is not a retention; give a number of days")
		}
		if err != nil {
			p.problem(NameHistoryRetentionDays, where, err)
		} else {
			p.HistoryRetentionDays = n
		}
	}
	if v, where, ok := lookup(NameAllowedServers); ok {
		patterns, err := serverPatterns(v)
		if err != nil {
			p.problem(NameAllowedServers, where, err)
		} else {
			p.AllowedServers = patterns
		}
	}
	if v, where, ok := lookup(NameProxyServer); ok {
		proxy, err := proxyOf(v)
		if err != nil {
			p.problem(NameProxyServer, where, err)
		} else {
			p.ProxyServer = proxy
		}
	}
	return p
}

func (p *Policies) problem(name, where string, err error) {
	p.Problems = append(p.Problems, Problem{Name: name, Where: where, Message: err.Error()})
}

// boolOf reads an enabled/disabled policy: the ADMX templates write DWORD
// 1 and 0; text "1"/"0" or "true"/"false" (a hand-made reg add) is taken too.
func boolOf(v Value) (bool, error) {
	if v.IsNumber {
		switch v.Number {
		case 0:
			return false, nil
		case 1:
			return true, nil
		}
		return false, fmt.Errorf("%d is neither 1 (on) nor 0 (off)", v.Number)
	}
	switch strings.ToLower(strings.TrimSpace(strings.Join(v.Text, ""))) {
	case "1", "true":
		return true, nil
	case "0", "false":
		return false, nil
	}
	return false, fmt.Errorf("%q is neither 1 (on) nor 0 (off)", strings.Join(v.Text, " "))
}

func numberOf(v Value) (int, error) {
	if v.IsNumber {
		if v.Number > 1<<31-1 {
			return 0, fmt.Errorf("%d is too large", v.Number)
		}
		return int(v.Number), nil
	}
	s := strings.TrimSpace(strings.Join(v.Text, ""))
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a whole number", s)
	}
	return n, nil
}

// serverPatterns reads AllowedServers: a REG_MULTI_SZ (the ADMX template's
// list), or one REG_SZ with the patterns separated by ; or , or spaces.
func serverPatterns(v Value) ([]string, error) {
	if v.IsNumber {
		return nil, fmt.Errorf("a list of host or host:port patterns is expected, not the number %d", v.Number)
	}
	out := []string{}
	for _, t := range v.Text {
		for _, f := range strings.FieldsFunc(t, func(r rune) bool { return r == ';' || r == ',' || r == ' ' || r == '\t' || r == '\r' || r == '\n' }) {
			pat, err := parsePattern(f)
			if err != nil {
				return nil, err
			}
			out = append(out, pat.String())
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the list is empty; give at least one host or host:port pattern, or remove the policy")
	}
	return out, nil
}

// proxyOf reads ProxyServer: "direct", host:port, or an http(s) URL of a
// proxy, normalised to a URL.
func proxyOf(v Value) (string, error) {
	if v.IsNumber {
		return "", fmt.Errorf("a proxy address such as proxy.corp.example:8080 is expected, not the number %d", v.Number)
	}
	s := strings.TrimSpace(strings.Join(v.Text, ""))
	if strings.EqualFold(s, ProxyDirect) {
		return ProxyDirect, nil
	}
	raw := s
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	bad := err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.Port() == "" ||
		u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != ""
	if bad {
		return "", fmt.Errorf("%q is not a proxy address: use host:port or http://host:port (credentials belong in the credential store, not here), or %q for no proxy", s, ProxyDirect)
	}
	if n, err := strconv.Atoi(u.Port()); err != nil || n < 1 || n > 65535 {
		return "", fmt.Errorf("%q: the port must be a number from 1 to 65535", s)
	}
	return u.Scheme + "://" + strings.ToLower(u.Host), nil
}

// Setting is one policy in force, for a listing.
type Setting struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// InForce lists the policies that are set, in the templates' order.
func (p Policies) InForce() []Setting {
	out := []Setting{}
	flag := func(name string, on bool) {
		if on {
			out = append(out, Setting{name, "on"})
		}
	}
	flag(NameDisableRememberPassword, p.DisableRememberPassword)
	if len(p.AllowedServers) > 0 {
		out = append(out, Setting{NameAllowedServers, strings.Join(p.AllowedServers, ", ")})
	}
	flag(NameLockedProfiles, p.LockedProfiles)
	flag(NameDisableHistoryCollection, p.DisableHistoryCollection)
	if p.HistoryRetentionDays > 0 {
		out = append(out, Setting{NameHistoryRetentionDays, strconv.Itoa(p.HistoryRetentionDays)})
	}
	flag(NameDisableModelUpload, p.DisableModelUpload)
	flag(NameDisablePropertiesEdit, p.DisablePropertiesEdit)
	if p.ProxyServer != "" {
		out = append(out, Setting{NameProxyServer, p.ProxyServer})
	}
	return out
}
