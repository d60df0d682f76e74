package netproxy

import (
	"strings"

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
		auto := conf.Automatic
		s.FindProxy = auto.FindProxyForURL
	}
	return s
}
