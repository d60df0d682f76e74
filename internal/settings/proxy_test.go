package settings

import (
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
)

func TestValidateProxy(t *testing.T) {
	tests := []struct {
		name string
		in   ProxyInput
		want map[string]string // field -> substring of the message; nil means valid
	}{
		{"system", ProxyInput{}, nil},
		{"system by name", ProxyInput{Mode: ProxySystem, User: "corp\\bob"}, nil},
		{"none", ProxyInput{Mode: ProxyNone}, nil},
		{"manual host:port", ProxyInput{Mode: ProxyManual, URL: "proxy.corp:8080"}, nil},
		{"manual url", ProxyInput{Mode: ProxyManual, URL: "https://proxy.corp:443"}, nil},
		{"manual without address", ProxyInput{Mode: ProxyManual, URL: " "}, map[string]string{FieldProxyURL: "Enter the proxy's address"}},
		{"manual without port", ProxyInput{Mode: ProxyManual, URL: "proxy.corp"}, map[string]string{FieldProxyURL: "has no port"}},
		{"manual with credentials", ProxyInput{Mode: ProxyManual, URL: "http://bob:pw@proxy.corp:8080"}, map[string]string{FieldProxyURL: "proxy's credentials"}},
		{"unknown mode", ProxyInput{Mode: "pac"}, map[string]string{FieldProxy: "Choose"}},
		{"user with spaces", ProxyInput{User: " bob"}, map[string]string{FieldProxyUser: "spaces"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			for _, it := range ValidateProxy(tt.in) {
				got[it.Field] = it.Message
			}
			if len(got) != len(tt.want) {
				t.Fatalf("problems = %v, want fields %v", got, tt.want)
			}
			for f, sub := range tt.want {
				if !strings.Contains(got[f], sub) {
					t.Errorf("%s: %q, want it to say %q", f, got[f], sub)
				}
			}
		})
	}
}

func TestSetProxyStoresANormalisedChoice(t *testing.T) {
	s, _ := openTemp(t)
	p, _ := s.Active()
	if err := s.SetProxy(p.ID, ProxyInput{Mode: ProxyManual, URL: " proxy.corp:8080 ", User: "bob"}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Active()
	if got.Proxy != ProxyManual || got.ProxyURL != "http://proxy.corp:8080" || got.ProxyUser != "bob" {
		t.Fatalf("profile = %+v", got)
	}
	if err := s.SetProxy(p.ID, ProxyInput{Mode: ProxySystem}); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.Active(); got.Proxy != "" || got.ProxyURL != "" || got.ProxyUser != "" {
		t.Fatalf("profile = %+v", got)
	}
	err := s.SetProxy(p.ID, ProxyInput{Mode: ProxyManual})
	if apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("err = %v", err)
	}
}
