package netproxy

import (
	"encoding/binary"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"golang.org/x/sys/windows/registry"
)

const internetSettings = `Software\Microsoft\Windows\CurrentVersion\Internet Settings`

// proxyRegistry sets the user's Internet Settings for one test as the
// Internet Options dialog does, in the classic values and in the
// Connections\DefaultConnectionSettings record WinHTTP reads, and puts
// back what was there before, so a developer's real settings survive.
func proxyRegistry(t *testing.T, strings map[string]string, enable uint32) {
	t.Helper()
	connectionSettings(t, strings, enable)
	k, _, err := registry.CreateKey(registry.CURRENT_USER, internetSettings, registry.QUERY_VALUE|registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { k.Close() })
	names := []string{"ProxyServer", "ProxyOverride", "AutoConfigURL"}
	for _, n := range names {
		old, _, err := k.GetStringValue(n)
		switch {
		case errors.Is(err, registry.ErrNotExist):
			t.Cleanup(func() { _ = k.DeleteValue(n) })
		case err == nil:
			t.Cleanup(func() { _ = k.SetStringValue(n, old) })
		default:
			t.Fatal(err)
		}
		if v, ok := strings[n]; ok {
			err = k.SetStringValue(n, v)
		} else {
			err = k.DeleteValue(n)
			if errors.Is(err, registry.ErrNotExist) {
				err = nil
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	oldEnable, _, err := k.GetIntegerValue("ProxyEnable")
	switch {
	case errors.Is(err, registry.ErrNotExist):
		t.Cleanup(func() { _ = k.DeleteValue("ProxyEnable") })
	case err == nil:
		t.Cleanup(func() { _ = k.SetDWordValue("ProxyEnable", uint32(oldEnable)) })
	default:
		t.Fatal(err)
	}
	if err := k.SetDWordValue("ProxyEnable", enable); err != nil {
		t.Fatal(err)
	}
}

// connectionSettings writes DefaultConnectionSettings: a version, a
// counter and flags (1 direct, 2 proxy, 4 PAC script), then the proxy,
// the exception list and the PAC script's address, each a length and its
// bytes.
func connectionSettings(t *testing.T, values map[string]string, enable uint32) {
	t.Helper()
	k, _, err := registry.CreateKey(registry.CURRENT_USER, internetSettings+`\Connections`, registry.QUERY_VALUE|registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { k.Close() })
	old, _, err := k.GetBinaryValue("DefaultConnectionSettings")
	switch {
	case errors.Is(err, registry.ErrNotExist):
		t.Cleanup(func() { _ = k.DeleteValue("DefaultConnectionSettings") })
	case err == nil:
		t.Cleanup(func() { _ = k.SetBinaryValue("DefaultConnectionSettings", old) })
	default:
		t.Fatal(err)
	}
	flags := uint32(1)
	if enable != 0 {
		flags |= 2
	}
	if values["AutoConfigURL"] != "" {
		flags |= 4
	}
	var b []byte
	word := func(v uint32) { b = binary.LittleEndian.AppendUint32(b, v) }
	text := func(s string) { word(uint32(len(s))); b = append(b, s...) }
	word(0x46)
	word(1)
	word(flags)
	text(values["ProxyServer"])
	text(values["ProxyOverride"])
	text(values["AutoConfigURL"])
	b = append(b, make([]byte, 32)...)
	if err := k.SetBinaryValue("DefaultConnectionSettings", b); err != nil {
		t.Fatal(err)
	}
}

// underWine reports whether the test runs under wine rather than Windows.
func underWine() bool {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, `Software\Wine`, registry.QUERY_VALUE)
	if err != nil {
		return false
	}
	k.Close()
	return true
}

func TestTheWindowsStaticProxyAndItsExceptions(t *testing.T) {
	proxyRegistry(t, map[string]string{"ProxyServer": "proxy.corp.example:8080", "ProxyOverride": "<local>;*.bypass.example"}, 1)
	conf := Config{System: SystemConfig()}
	cases := []struct{ target, want string }{
		{"https://cls.example.com/api", "http://proxy.corp.example:8080 (system proxy (static))"},
		{"http://lls01.bypass.example:7070", "direct (bypassed by the system proxy's exception list)"},
		{"http://lls01:7070", "direct (bypassed by the system proxy's exception list)"},
	}
	for _, c := range cases {
		u, _ := url.Parse(c.target)
		r, err := conf.Choose(u)
		if err != nil || r.String() != c.want {
			t.Errorf("%s: %v, %v; want %s", c.target, r, err, c.want)
		}
	}
}

func TestTheWindowsProxyPerScheme(t *testing.T) {
	proxyRegistry(t, map[string]string{"ProxyServer": "http=plain.corp:3128;https=secure.corp:3129"}, 1)
	u, _ := url.Parse("https://cls.example.com")
	r, err := Config{System: SystemConfig()}.Choose(u)
	if err != nil || r.String() != "http://secure.corp:3129 (system proxy (static))" {
		t.Fatalf("route = %v, %v", r, err)
	}
}

func TestAWindowsProxyTurnedOffIsNotUsed(t *testing.T) {
	proxyRegistry(t, map[string]string{"ProxyServer": "proxy.corp.example:8080"}, 0)
	u, _ := url.Parse("https://cls.example.com")
	r, err := Config{System: SystemConfig()}.Choose(u)
	if err != nil || !r.Direct() || r.Reason != "no proxy configured" {
		t.Fatalf("route = %v, %v", r, err)
	}
}

func TestTheWindowsPACScript(t *testing.T) {
	pac := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/x-ns-proxy-autoconfig")
		_, _ = w.Write([]byte(`function FindProxyForURL(url, host) {
  if (shExpMatch(host, "*.direct.example")) return "DIRECT";
  return "PROXY pac.corp.example:8181";
}`))
	}))
	defer pac.Close()
	proxyRegistry(t, map[string]string{"AutoConfigURL": pac.URL + "/proxy.pac"}, 0)
	sys := SystemConfig()
	if sys.PACURL != pac.URL+"/proxy.pac" {
		t.Fatalf("the PAC script's address is %q", sys.PACURL)
	}
	u, _ := url.Parse("https://cls.example.com/api")
	r, err := Config{System: sys}.Choose(u)
	if err != nil {
		t.Fatal(err)
	}
	if r.Direct() && underWine() {
		t.Skipf("wine's WinHTTP did not run the PAC script (%s)", r)
	}
	if r.String() != "http://pac.corp.example:8181 (system proxy (PAC script "+pac.URL+"/proxy.pac))" {
		t.Fatalf("route = %v", r)
	}
}
