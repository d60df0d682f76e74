// Package policy knows the license server's policy settings: which are
// producer-locked, what kind of value each takes, how to check a new value,
// and the sections of the Properties view.
package policy

import (
	"regexp"
	"strconv"
	"strings"
)

// Kind is the kind of value a setting takes, which picks its editor in the UI.
type Kind string

// Kinds of setting values.
const (
	KindBoolean  Kind = "boolean"
	KindDuration Kind = "duration"
	KindList     Kind = "list"
	KindNumber   Kind = "number"
	KindLevel    Kind = "level"
	KindText     Kind = "text"
)

// Sections in the order of the guide's Properties view.
var Sections = []string{
	"Secure REST API",
	"Server Sync",
	"License Generation",
	"Server-to-Server Sync",
	"Capability Polling",
	"Locally Deployed License Server",
	"Logging",
}

// HostIDSetting holds the host ID the server uses with the back office; the
// General Properties section edits it with a choice of the server's host IDs.
const HostIDSetting = "server.hostid"

// locked are the producer-set settings FNE-API.md lists; only the producer
// may change them because they could open a security hole.
var locked = map[string]bool{
	"licensing.responseLifetime":      true,
	"lfs.syncTo.enabled":              true,
	"failover.maintenanceInterval":    true,
	"database.backup-enabled":         true,
	"licensing.allowDuplicateClients": true,
	"licensing.borrowInterval":        true,
}

// identity settings describe the server and are never changed over REST.
var identity = map[string]bool{"server.uuid": true, "server.instanceId": true}

// LockReason says why a setting cannot be edited, or "" when it can.
func LockReason(name string, serverEditable, cls bool) string {
	switch {
	case cls:
		return "Policies of a Cloud License Server are read-only here."
	case locked[name]:
		return "Set by the producer: changing it could weaken the server's security."
	case identity[name]:
		return "Identifies the server; it cannot be changed."
	case !serverEditable:
		return "The server does not allow changing this setting."
	}
	return ""
}

var (
	durationRe = regexp.MustCompile(`^[0-9]+[smhdw]?$`)
	listRe     = regexp.MustCompile(`^\[[^\[\]]*\]$`)
	levels     = []string{"TRACE", "DEBUG", "INFO", "WARN", "ERROR"}
)

// KindOf guesses the kind of a setting from its name and current value.
func KindOf(name, value string) Kind {
	v := strings.TrimSpace(value)
	switch {
	case v == "true" || v == "false":
		return KindBoolean
	case strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]"):
		return KindList
	case strings.Contains(strings.ToLower(name), "logging.threshold") || strings.HasSuffix(strings.ToLower(name), ".level"):
		return KindLevel
	case durationRe.MatchString(v) && strings.IndexAny(v, "smhdw") > 0:
		return KindDuration
	case isDurationName(name):
		return KindDuration
	}
	if _, err := strconv.ParseInt(v, 10, 64); err == nil {
		return KindNumber
	}
	return KindText
}

func isDurationName(name string) bool {
	n := strings.ToLower(name)
	for _, s := range []string{"interval", "lifetime", "duration", "timeout"} {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

// Check validates a new value for a setting of kind and returns the problem
// in words, or "".
func Check(kind Kind, value string) string {
	v := strings.TrimSpace(value)
	switch kind {
	case KindBoolean:
		if v != "true" && v != "false" {
			return "Choose true or false."
		}
	case KindDuration:
		if !durationRe.MatchString(v) {
			return "Enter a duration: a number with s, m, h, d or w (none means seconds), such as 90s, 15m or 1d."
		}
	case KindList:
		if !listRe.MatchString(v) {
			return "Enter a list in square brackets, items separated by commas, such as [10.0.0.1,10.0.0.2]."
		}
	case KindNumber:
		if _, err := strconv.ParseUint(v, 10, 31); err != nil {
			return "Enter a whole number of 0 or more."
		}
	case KindLevel:
		for _, l := range levels {
			if strings.EqualFold(v, l) {
				return ""
			}
		}
		return "Choose one of " + strings.Join(levels, ", ") + "."
	}
	return ""
}

// Levels are the log levels a level setting may take.
func Levels() []string { return append([]string(nil), levels...) }
