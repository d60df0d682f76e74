package orgpolicy

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func num(n uint64) Value                              { return Value{IsNumber: true, Number: n} }
func text(s ...string) Value                          { return Value{Text: s} }
func hive(where string, vals map[string]Value) Source { return Source{Where: where, Values: vals} }

func TestLoad(t *testing.T) {
	tests := []struct {
		name     string
		sources  []Source
		want     Policies
		problems []string // names of the values reported, sorted
	}{
		{name: "nothing set", want: Policies{}},
		{
			name: "every policy from HKLM",
			sources: []Source{hive("HKLM", map[string]Value{
				NameDisableRememberPassword: num(1), NameLockedProfiles: num(1), NameDisableHistoryCollection: num(1),
				NameDisableModelUpload: num(1), NameDisablePropertiesEdit: num(1), NameHistoryRetentionDays: num(90),
				NameAllowedServers: text("lls01.corp.example", "*.lab.corp.example:7070"), NameProxyServer: text("proxy.corp.example:8080"),
			})},
			want: Policies{DisableRememberPassword: true, LockedProfiles: true, DisableHistoryCollection: true, DisableModelUpload: true,
				DisablePropertiesEdit: true, HistoryRetentionDays: 90, AllowedServers: []string{"lls01.corp.example", "*.lab.corp.example:7070"},
				ProxyServer: "http://proxy.corp.example:8080"},
		},
		{
			name: "HKLM wins value by value; HKCU fills the rest",
			sources: []Source{
				hive("HKLM", map[string]Value{NameDisableRememberPassword: num(0), NameHistoryRetentionDays: num(60)}),
				hive("HKCU", map[string]Value{NameDisableRememberPassword: num(1), NameHistoryRetentionDays: num(30), NameDisableModelUpload: num(1)}),
			},
			want: Policies{HistoryRetentionDays: 60, DisableModelUpload: true},
		},
		{
			name:    "text values a hand-made reg add writes",
			sources: []Source{hive("HKCU", map[string]Value{NameLockedProfiles: text("true"), NameHistoryRetentionDays: text(" 45 "), NameAllowedServers: text("a.example; B.example:7071,[fd00::1]:7070")})},
			want:    Policies{LockedProfiles: true, HistoryRetentionDays: 45, AllowedServers: []string{"a.example", "b.example:7071", "[fd00::1]:7070"}},
		},
		{
			name:    "direct proxy, https proxy",
			sources: []Source{hive("HKLM", map[string]Value{NameProxyServer: text("DIRECT")}), hive("HKCU", map[string]Value{NameProxyServer: text("https://p.example:3128")})},
			want:    Policies{ProxyServer: ProxyDirect},
		},
		{
			name: "unusable values are ignored, each reported, the others kept",
			sources: []Source{hive("HKLM", map[string]Value{
				NameDisableRememberPassword: num(2), NameHistoryRetentionDays: num(0), NameAllowedServers: text("http://lls01/"),
				NameProxyServer: text("user:secret@proxy:8080"), NameLockedProfiles: num(1), NameDisableModelUpload: text("yes"),
			})},
			want:     Policies{LockedProfiles: true},
			problems: []string{NameAllowedServers, NameDisableModelUpload, NameDisableRememberPassword, NameHistoryRetentionDays, NameProxyServer},
		},
		{
			name:     "an empty server list is not a list",
			sources:  []Source{hive("HKLM", map[string]Value{NameAllowedServers: text(" ; ")})},
			problems: []string{NameAllowedServers},
		},
		{
			name:     "a number where a list belongs",
			sources:  []Source{hive("HKLM", map[string]Value{NameAllowedServers: num(1), NameProxyServer: num(8080)})},
			problems: []string{NameAllowedServers, NameProxyServer},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Load(tt.sources...)
			var names []string
			for _, p := range got.Problems {
				if p.Message == "" || p.Where == "" {
					t.Errorf("problem without words or place: %+v", p)
				}
				names = append(names, p.Name)
			}
			slices.Sort(names)
			if !slices.Equal(names, tt.problems) {
				t.Errorf("problems %v, want %v (%+v)", names, tt.problems, got.Problems)
			}
			got.Problems = nil
			want := tt.want
			if want.AllowedServers == nil {
				want.AllowedServers = []string{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
			if got.Any() != !reflect.DeepEqual(want, Policies{AllowedServers: []string{}}) {
				t.Errorf("Any() = %t", got.Any())
			}
		})
	}
}

func TestAllows(t *testing.T) {
	pol := Load(hive("HKLM", map[string]Value{NameAllowedServers: text("lls01.corp.example", "*.lab.corp.example:7070", "10.1.2.*:*", "[fd00::1]")}))
	tests := []struct {
		host string
		port int
		want bool
	}{
		{"lls01.corp.example", 7070, true},
		{"LLS01.Corp.Example.", 8443, true},
		{"lls02.corp.example", 7070, false},
		{"a.lab.corp.example", 7070, true},
		{"a.b.lab.corp.example", 7070, true},
		{"a.lab.corp.example", 7071, false},
		{"lab.corp.example", 7070, false},
		{"10.1.2.3", 443, true},
		{"10.1.3.3", 443, false},
		{"fd00::1", 7070, true},
		{"[fd00::1]", 7070, true},
		{"fd00::2", 7070, false},
		{"evil.example/lls01.corp.example", 7070, false},
	}
	for _, tt := range tests {
		if got := pol.Allows(tt.host, tt.port); got != tt.want {
			t.Errorf("Allows(%q, %d) = %t, want %t", tt.host, tt.port, got, tt.want)
		}
	}
	if !(Policies{}).Allows("anything.example", 1) {
		t.Error("without the policy every server is allowed")
	}
	msg := pol.NotAllowed("lls02.corp.example", 7070)
	for _, want := range []string{"lls01.corp.example", "lls02.corp.example:7070", Notice} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q does not name %q", msg, want)
		}
	}
}

func TestPatternsThatAreRefused(t *testing.T) {
	for _, s := range []string{"https://lls01", "lls01/path", "lls01:0", "lls01:70000", "lls01:port", "fd00::1", "[fd00::1", "[fd00::1]x", ":7070", "*.", "user@lls01"} {
		if _, err := parsePattern(s); err == nil {
			t.Errorf("%q was taken", s)
		}
	}
}

func TestInForce(t *testing.T) {
	pol := Policies{DisableRememberPassword: true, AllowedServers: []string{"a.example", "b.example:7070"}, HistoryRetentionDays: 90, ProxyServer: ProxyDirect}
	want := []Setting{{NameDisableRememberPassword, "on"}, {NameAllowedServers, "a.example, b.example:7070"}, {NameHistoryRetentionDays, "90"}, {NameProxyServer, "direct"}}
	if got := pol.InForce(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := (Policies{}).InForce(); len(got) != 0 || got == nil {
		t.Errorf("nothing in force: %#v", got)
	}
}
