package orgpolicy

import (
	"fmt"
	"path"
	"strconv"
	"strings"
)

// pattern is one AllowedServers entry: a host that may hold * wildcards (a
// run of any characters, as in *.corp.example) and a port, 0 for any.
type pattern struct {
	host string
	port int
}

func (p pattern) String() string {
	h := p.host
	if strings.Contains(h, ":") {
		h = "[" + h + "]"
	}
	if p.port == 0 {
		return h
	}
	return h + ":" + strconv.Itoa(p.port)
}

// parsePattern reads host, host:port, host:*, [v6] or [v6]:port.
func parsePattern(s string) (pattern, error) {
	host, port := strings.ToLower(s), ""
	switch {
	case strings.HasPrefix(host, "["):
		end := strings.Index(host, "]")
		if end < 0 {
			return pattern{}, fmt.Errorf("%q: an IPv6 address needs its closing ]", s)
		}
		rest := host[end+1:]
		host = host[1:end]
		if rest != "" {
			if !strings.HasPrefix(rest, ":") {
				return pattern{}, fmt.Errorf("%q: only :port may follow the ]", s)
			}
			port = rest[1:]
		}
	case strings.Count(host, ":") == 1:
		host, port, _ = strings.Cut(host, ":")
	case strings.Count(host, ":") > 1:
		return pattern{}, fmt.Errorf("%q: write an IPv6 address in brackets, as [fd00::1]:7070", s)
	}
	if host == "" || strings.Trim(host, "*.") == "" && host != "*" {
		return pattern{}, fmt.Errorf("%q has no host", s)
	}
	for _, r := range host {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune(".-*:_", r)
		if !ok {
			return pattern{}, fmt.Errorf("%q: a host pattern has letters, digits, dots, hyphens and * only (no scheme or path)", s)
		}
	}
	p := pattern{host: host}
	if port != "" && port != "*" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return pattern{}, fmt.Errorf("%q: the port must be a number from 1 to 65535, or *", s)
		}
		p.port = n
	}
	return p, nil
}

func (p pattern) matches(host string, port int) bool {
	if p.port != 0 && p.port != port {
		return false
	}
	h := strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	// path.Match's * stops at "/", which a host never holds, so it matches
	// any run of characters here, dots included.
	ok, err := path.Match(p.host, h)
	return err == nil && ok
}

// Allows reports whether the server at host:port may be added or reached.
func (p Policies) Allows(host string, port int) bool {
	if len(p.AllowedServers) == 0 {
		return true
	}
	for _, s := range p.AllowedServers {
		if pat, err := parsePattern(s); err == nil && pat.matches(host, port) {
			return true
		}
	}
	return false
}

// NotAllowed is the message for a server the AllowedServers policy keeps
// out.
func (p Policies) NotAllowed(host string, port int) string {
	return fmt.Sprintf("Your organisation allows only these license servers: %s. %s:%d is not one of them (%s).",
		strings.Join(p.AllowedServers, ", "), host, port, Notice)
}
