package netproxy

import (
	"net/url"
	"strings"
	"sync"

	"github.com/mattn/go-ieproxy"
)

// SystemConfig reads the proxy configuration of Windows (Internet Options,
// then the WinHTTP default), afresh, so a changed setting applies to the
// next client without a restart.
func SystemConfig() System {
	conf := ieproxy.ReloadConf()
	var s System
	if conf.Static.Active {
		s.Static = map[string]string{}
		for scheme, addr := range conf.Static.Protocols {
			if addr != "" && (scheme == "" || scheme == "http" || scheme == "https") {
				s.Static[scheme] = addr
			}
		}
		if len(s.Static) == 0 {
			s.Static = nil
		}
		for _, e := range strings.Split(conf.Static.NoProxy, ",") {
			if e = strings.TrimSpace(e); e != "" {
				s.Bypass = append(s.Bypass, e)
			}
		}
	}
	if conf.Automatic.Active {
		s.PACURL = conf.Automatic.PreConfiguredURL
		s.Auto = s.PACURL == ""
		s.FindProxy = perHost(conf.Automatic.FindProxyForURL)
	}
	return s
}

// perHost remembers find's answer per scheme and host: automatic
// detection looks for the script on the network (DHCP, then DNS), which
// may take seconds, and it must not be paid on every request.
func perHost(find func(string) string) func(string) string {
	var mu sync.Mutex
	seen := map[string]string{}
	return func(raw string) string {
		key := raw
		if u, err := url.Parse(raw); err == nil {
			key = u.Scheme + "://" + u.Host
		}
		mu.Lock()
		defer mu.Unlock()
		if p, ok := seen[key]; ok {
			return p
		}
		p := find(raw)
		seen[key] = p
		return p
	}
}
