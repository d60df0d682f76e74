package settings

import (
	"strings"
	"testing"
)

func TestValidateServer(t *testing.T) {
	local := func(host string, port int) ServerInput {
		return ServerInput{PageSize: 50, Host: host, ServerType: ServerLocal, Port: port}
	}
	cls := func(host, id string) ServerInput {
		return ServerInput{PageSize: 50, Host: host, ServerType: ServerCLS, InstanceID: id}
	}
	tests := []struct {
		name string
		in   ServerInput
		want map[string]string // field -> substring of the message; nil means valid
	}{
		{"host name", local("lls01.corp.example.com", 7070), nil},
		{"single label", local("licsrv", 1), nil},
		{"ipv4", local("10.1.2.3", 65535), nil},
		{"ipv6", local("fe80::1", 7070), nil},
		{"bracketed ipv6", local("[2001:db8::7]", 7070), nil},
		{"empty host", local("", 7070), map[string]string{FieldHost: "Enter the host name"}},
		{"url instead of host", local("http://lls:7070", 7070), map[string]string{FieldHost: "without http://"}},
		{"port in host", local("lls01:7070", 7070), map[string]string{FieldHost: "Listen Port field"}},
		{"bad ipv4", local("10.1.2.300", 7070), map[string]string{FieldHost: "IPv4"}},
		{"bad characters", local("lls_01!", 7070), map[string]string{FieldHost: "not a valid host name"}},
		{"label too long", local(strings.Repeat("a", 64)+".com", 7070), map[string]string{FieldHost: "not a valid host name"}},
		{"port zero", local("lls", 0), map[string]string{FieldPort: "1 to 65535"}},
		{"port too high", local("lls", 65536), map[string]string{FieldPort: "1 to 65535"}},
		{"page size low", ServerInput{PageSize: 4, Host: "lls", ServerType: ServerLocal, Port: 7070}, map[string]string{FieldPageSize: "5 to 500"}},
		{"page size high", ServerInput{PageSize: 501, Host: "lls", ServerType: ServerLocal, Port: 7070}, map[string]string{FieldPageSize: "5 to 500"}},
		{"cls ok", cls("flex1234.compliance.flexnetoperations.com", "1234ABCD56EF"), nil},
		{"cls eu ok, lower-case id", cls("flex1234.compliance.flexnetoperations.eu", "1234abcd56ef"), nil},
		{"cls wrong domain", cls("flex1234.example.com", "1234ABCD56EF"), map[string]string{FieldHost: "siteID.compliance.flexnetoperations.com"}},
		{"cls with scheme", cls("https://flex1234.compliance.flexnetoperations.com", "1234ABCD56EF"), map[string]string{FieldHost: "without https://"}},
		{"cls missing id", cls("flex1234.compliance.flexnetoperations.com", ""), map[string]string{FieldInstanceID: "Enter the Cloud License Server instance ID"}},
		{"cls short id", cls("flex1234.compliance.flexnetoperations.com", "1234"), map[string]string{FieldInstanceID: "12 letters and digits"}},
		{"unknown type", ServerInput{PageSize: 50, Host: "x", ServerType: "other"}, map[string]string{FieldServerType: "Choose"}},
		{"several at once", ServerInput{PageSize: 0, Host: "", ServerType: ServerLocal, Port: -1},
			map[string]string{FieldPageSize: "Page size", FieldHost: "Enter", FieldPort: "Listen port"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			for _, it := range ValidateServer(tt.in) {
				if it.Code == "" || it.Item != "" {
					t.Errorf("problem without a code or with an item: %+v", it)
				}
				got[it.Field] = it.Message
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want fields %v", got, tt.want)
			}
			for field, sub := range tt.want {
				if !strings.Contains(got[field], sub) {
					t.Errorf("%s: %q does not contain %q", field, got[field], sub)
				}
			}
		})
	}
}

func TestProfileFromInputNormalises(t *testing.T) {
	tests := []struct {
		name string
		in   ServerInput
		want Profile
	}{
		{"local keeps port, drops instance", ServerInput{Host: " lls ", ServerType: ServerLocal, Port: 7071, InstanceID: "X", HTTPS: true},
			Profile{Host: "lls", ServerType: ServerLocal, Port: 7071, HTTPS: true}},
		{"local strips ipv6 brackets", ServerInput{Host: "[::1]", ServerType: ServerLocal, Port: 7070},
			Profile{Host: "::1", ServerType: ServerLocal, Port: 7070}},
		{"cls forces https, upper-cases id", ServerInput{Host: "Flex1.Compliance.FlexNetOperations.com", ServerType: ServerCLS, Port: 7070, InstanceID: "abcdef123456", HTTPS: false},
			Profile{Host: "flex1.compliance.flexnetoperations.com", ServerType: ServerCLS, InstanceID: "ABCDEF123456", HTTPS: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ProfileFromInput(tt.in); got != tt.want {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestProfileComplete(t *testing.T) {
	tests := []struct {
		p    Profile
		want bool
	}{
		{Profile{Host: "lls", ServerType: ServerLocal, Port: 7070}, true},
		{Profile{ServerType: ServerLocal, Port: 7070}, false},
		{Profile{Host: "lls", ServerType: ServerLocal}, false},
		{Profile{Host: "f.compliance.flexnetoperations.com", ServerType: ServerCLS, InstanceID: "ABCDEF123456"}, true},
		{Profile{Host: "f.compliance.flexnetoperations.com", ServerType: ServerCLS}, false},
	}
	for _, tt := range tests {
		if got := tt.p.Complete(); got != tt.want {
			t.Errorf("%+v: got %v", tt.p, got)
		}
	}
}
