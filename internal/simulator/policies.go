package simulator

import (
	"regexp"
	"strconv"
	"strings"
)

// Policy groups as the product guide's Properties view shows them.
const (
	groupSecurity  = "Secure REST API"
	groupSync      = "Server Sync"
	groupLicensing = "License Generation"
	groupFailover  = "Server-to-Server Sync"
	groupPolling   = "Capability Polling"
	groupLocal     = "Locally Deployed License Server"
	groupLogging   = "Logging"
	kindBool       = "bool"
	kindDuration   = "duration"
	kindInt        = "int"
	kindList       = "list"
	kindText       = "text"
	kindLevel      = "level"
)

// setting is a policy with what the server needs to validate changes.
type setting struct {
	wireSetting
	kind     string
	locked   bool // set by the producer; changing it needs ROLE_PRODUCER
	readOnly bool // identity of the server, never changed over REST
}

var (
	durationRe = regexp.MustCompile(`^[0-9]+[smhdw]?$`)
	listRe     = regexp.MustCompile(`^\[[^\[\]]*\]$`)
)

func defaultSettings(o Options) []*setting {
	sec := strconv.FormatBool(o.Security != SecurityOff)
	anon := strconv.FormatBool(o.Security == SecurityAnonymous)
	mk := func(group, name, value, kind, desc string, locked, readOnly bool) *setting {
		return &setting{
			wireSetting: wireSetting{Name: name, Value: value, Description: desc, Group: group, Editable: !locked && !readOnly && !o.CLS},
			kind:        kind, locked: locked, readOnly: readOnly,
		}
	}
	const l, e = true, false // producer-locked, editable
	return []*setting{
		mk(groupSecurity, "security.enabled", sec, kindBool, "Whether administrative REST calls need a login.", e, false),
		mk(groupSecurity, "security.token.duration", "1d", kindDuration, "How long a login token stays valid.", e, false),
		mk(groupSecurity, "security.http.auth.enabled", "false", kindBool, "Allow secured endpoints over plain HTTP.", e, false),
		mk(groupSecurity, "security.ip.whitelist", "[]", kindList, "Addresses allowed to call secured endpoints; empty allows all.", e, false),
		mk(groupSecurity, "security.jwt.cookies", "false", kindBool, "Send the token as a cookie as well.", e, false),
		mk(groupSecurity, "security.anonymous", anon, kindBool, "Allow reads without a login.", e, false),
		mk(groupSync, "lfs.syncTo.enabled", "true", kindBool, "Synchronise usage to the back office.", l, false),
		mk(groupSync, "lfs.syncTo.pagesize", "1000", kindInt, "Records sent per synchronisation page.", e, false),
		mk(groupLicensing, "licensing.responseLifetime", "1d", kindDuration, "How long a capability response stays valid.", l, false),
		mk(groupLicensing, "licensing.borrowInterval", "7d", kindDuration, "Default borrow interval of served features.", l, false),
		mk(groupLicensing, "licensing.borrowIntervalMax", "30d", kindDuration, "Longest borrow interval a client may ask for.", e, false),
		mk(groupLicensing, "licensing.renewInterval", "15", kindInt, "Percentage of the borrow interval after which clients renew.", e, false),
		mk(groupLicensing, "licensing.allowDuplicateClients", "false", kindBool, "Serve two clients with the same host ID.", l, false),
		mk(groupFailover, "failover.maintenanceInterval", "1h", kindDuration, "How often the backup server checks the main one.", l, false),
		mk(groupFailover, "failover.syncInterval", "5m", kindDuration, "How often the servers synchronise.", e, false),
		mk(groupPolling, "lfs.capability.repeats", "3", kindInt, "Capability polls per polling interval.", e, false),
		mk(groupPolling, "lfs.capability.retryCount", "5", kindInt, "Retries after a failed poll.", e, false),
		mk(groupPolling, "lfs.capability.interval", "1d", kindDuration, "How often the server polls the back office.", e, false),
		mk(groupLocal, "server.hostid", "0A1B2C3D4E5F/ETHERNET", kindText, "The host ID the server uses with the back office, written VALUE/TYPE.", e, false),
		mk(groupLocal, "server.uuid", "a3f4c2d1-5b6e-4f70-8a91-b2c3d4e5f607", kindText, "The server's device UUID.", e, true),
		mk(groupLocal, "server.instanceId", o.InstanceID, kindText, "The server's instance ID.", e, true),
		mk(groupLocal, "database.backup-enabled", "true", kindBool, "Back up the license database daily.", l, false),
		mk(groupLogging, "logging.threshold", "INFO", kindLevel, "Lowest level written to the log.", e, false),
		mk(groupLogging, "logging.directory", "${base.dir}/logs", kindText, "Folder of the server log.", e, false),
	}
}

// checkValue validates a new value for a setting of kind; it returns the
// problem or "".
func checkValue(kind, v string) string {
	ok := true
	switch kind {
	case kindBool:
		ok = v == "true" || v == "false"
	case kindDuration:
		ok = durationRe.MatchString(v)
	case kindInt:
		_, err := strconv.ParseUint(v, 10, 31)
		ok = err == nil
	case kindList:
		ok = listRe.MatchString(v)
	case kindLevel:
		switch strings.ToUpper(v) {
		case "TRACE", "DEBUG", "INFO", "WARN", "ERROR":
		default:
			ok = false
		}
	}
	if ok {
		return ""
	}
	switch kind {
	case kindBool:
		return "must be true or false"
	case kindDuration:
		return "must be a duration such as 30, 90s, 15m, 12h, 1d or 2w"
	case kindInt:
		return "must be a whole number"
	case kindList:
		return "must be a list written [a,b]"
	default:
		return "must be one of TRACE, DEBUG, INFO, WARN, ERROR"
	}
}
