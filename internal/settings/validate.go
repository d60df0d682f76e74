package settings

import (
	"fmt"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/netproxy"
	"net"
	"regexp"
	"strings"
)

var (
	// RFC 1123 host name labels: letters, digits and inner hyphens, 1-63 each.
	hostLabel = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)
	// A CLS host is SITEID.compliance.flexnetoperations.com (also on the EU
	// and other regional domains, which share the suffix).
	clsHost = regexp.MustCompile(`(?i)^[a-z0-9][a-z0-9-]{0,62}\.compliance(\.[a-z0-9-]+)*\.flexnetoperations\.(com|eu)$`)
	// CLS instance IDs are 12 upper-case letters and digits.
	instanceID = regexp.MustCompile(`^[A-Z0-9]{12}$`)
)

// ValidateServer checks the Settings view's fields and returns one problem
// per invalid field, named by the Field* names. None means valid.
func ValidateServer(in ServerInput) []apperr.Item {
	var errs []apperr.Item
	add := func(field, code, msg string) { errs = append(errs, apperr.FieldProblem(field, code, msg)) }
	if in.PageSize < MinPageSize || in.PageSize > MaxPageSize {
		add(FieldPageSize, apperr.ItemFormat, fmt.Sprintf("Page size must be a whole number from %d to %d.", MinPageSize, MaxPageSize))
	}
	host := strings.TrimSpace(in.Host)
	switch in.ServerType {
	case ServerLocal:
		if msg := checkHost(host); msg != "" {
			add(FieldHost, requiredOr(host, apperr.ItemFormat), msg)
		}
		if in.Port < 1 || in.Port > 65535 {
			add(FieldPort, apperr.ItemFormat, "Listen port must be a number from 1 to 65535 (the license server's default is 7070).")
		}
	case ServerCLS:
		switch {
		case host == "":
			add(FieldHost, apperr.ItemRequired, "Enter the host name of your Cloud License Server, such as flex1234.compliance.flexnetoperations.com.")
		case strings.Contains(host, "://") || strings.ContainsAny(host, "/:"):
			add(FieldHost, apperr.ItemFormat, "Enter only the host name, without https:// or a path: siteID.compliance.flexnetoperations.com.")
		case !clsHost.MatchString(host):
			add(FieldHost, apperr.ItemFormat, "A Cloud License Server host name has the form siteID.compliance.flexnetoperations.com; ask your producer for the site ID.")
		}
		id := strings.TrimSpace(in.InstanceID)
		switch {
		case id == "":
			add(FieldInstanceID, apperr.ItemRequired, "Enter the Cloud License Server instance ID (12 letters and digits, such as 1234ABCD56EF).")
		case !instanceID.MatchString(strings.ToUpper(id)):
			add(FieldInstanceID, apperr.ItemFormat, "An instance ID is 12 letters and digits, such as 1234ABCD56EF.")
		}
	default:
		add(FieldServerType, apperr.ItemUnknown, "Choose Local License Server or Cloud License Server.")
	}
	return errs
}

// requiredOr is the problem code of a field: required when it is empty.
func requiredOr(value, code string) string {
	if value == "" {
		return apperr.ItemRequired
	}
	return code
}

// checkHost accepts a DNS host name, an IPv4 address or an IPv6 address
// (with or without brackets) and explains what is wrong otherwise.
func checkHost(host string) string {
	if host == "" {
		return "Enter the host name or IP address of the machine the license server runs on."
	}
	if strings.Contains(host, "://") || strings.Contains(host, "/") {
		return "Enter only the host name or IP address, without http:// or a path."
	}
	bare := strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if ip := net.ParseIP(bare); ip != nil {
		return ""
	}
	if strings.Contains(host, ":") {
		if _, port, err := net.SplitHostPort(host); err == nil && port != "" {
			return "Enter the port in the Listen Port field, not in the host name."
		}
		return "This is not a valid IPv6 address."
	}
	if looksLikeIPv4(host) {
		return "This is not a valid IPv4 address: four numbers from 0 to 255 separated by dots."
	}
	if len(host) > 253 {
		return "A host name can be at most 253 characters long."
	}
	for _, label := range strings.Split(strings.TrimSuffix(host, "."), ".") {
		if !hostLabel.MatchString(label) {
			return fmt.Sprintf("%q is not a valid host name: use letters, digits, hyphens and dots.", host)
		}
	}
	return ""
}

func looksLikeIPv4(host string) bool {
	parts := strings.Split(host, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

// ValidateName checks a profile name.
func ValidateName(name string) string {
	n := strings.TrimSpace(name)
	switch {
	case n == "":
		return "Give the profile a name."
	case len([]rune(n)) > 60:
		return "A profile name can be at most 60 characters long."
	}
	return ""
}

// ProfileFromInput builds an unsaved profile from the Settings view's fields,
// normalised as the store would save them.
func ProfileFromInput(in ServerInput) Profile {
	p := Profile{
		Host:       strings.TrimSpace(in.Host),
		ServerType: in.ServerType,
		Port:       in.Port,
		InstanceID: strings.ToUpper(strings.TrimSpace(in.InstanceID)),
		HTTPS:      in.HTTPS,
	}
	if p.ServerType == ServerCLS {
		// A CLS is always HTTPS; its port is implied.
		p.HTTPS = true
		p.Port = 0
		p.Host = strings.ToLower(p.Host)
	} else {
		p.InstanceID = ""
		p.Host = strings.TrimSuffix(strings.TrimPrefix(p.Host, "["), "]")
	}
	return p
}

// ValidateProxy checks a profile's proxy section: the mode, the proxy's
// address when it is the profile's own, and a user name without spaces
// around it.
func ValidateProxy(in ProxyInput) []apperr.Item {
	var errs []apperr.Item
	switch in.Mode {
	case "", ProxySystem, ProxyNone:
	case ProxyManual:
		if strings.TrimSpace(in.URL) == "" {
			errs = append(errs, apperr.FieldProblem(FieldProxyURL, apperr.ItemRequired, "Enter the proxy's address, such as proxy.corp.example:8080."))
		} else if _, err := netproxy.ParseURL(in.URL); err != nil {
			errs = append(errs, apperr.FieldProblem(FieldProxyURL, apperr.ItemFormat, sentence(err.Error())))
		}
	default:
		errs = append(errs, apperr.FieldProblem(FieldProxy, apperr.ItemUnknown, "Choose the system proxy, no proxy, or this proxy."))
	}
	if in.User != strings.TrimSpace(in.User) || strings.ContainsAny(in.User, "\r\n") {
		errs = append(errs, apperr.FieldProblem(FieldProxyUser, apperr.ItemFormat, "The proxy user name has spaces around it or a line break."))
	}
	return errs
}

// sentence makes a library's message a sentence for a field.
func sentence(msg string) string {
	if msg == "" {
		return msg
	}
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}
