package settings

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

// decode parses and checks a settings document, filling missing preferences
// with defaults. Anything unusable is an error, which makes the file corrupt.
func decode(raw []byte) (Settings, error) {
	var s Settings
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&s); err != nil {
		return Settings{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if s.SchemaVersion < 1 || s.SchemaVersion > SchemaVersion {
		return Settings{}, fmt.Errorf("unknown schema version %d", s.SchemaVersion)
	}
	if len(s.Profiles) == 0 {
		return Settings{}, errors.New("no profiles")
	}
	seen := map[string]bool{}
	for i, p := range s.Profiles {
		if p.ID == "" || seen[p.ID] || p.ID == DemoProfileID {
			return Settings{}, fmt.Errorf("profile %d has a missing, duplicate or reserved ID", i+1)
		}
		seen[p.ID] = true
		if p.ServerType != ServerLocal && p.ServerType != ServerCLS {
			return Settings{}, fmt.Errorf("profile %q has an unknown server type %q", p.Name, p.ServerType)
		}
	}
	if !seen[s.ActiveProfileID] {
		s.ActiveProfileID = s.Profiles[0].ID
	}
	s.Preferences = normalisePrefs(s.Preferences)
	return s, nil
}

func normalisePrefs(p Preferences) Preferences {
	if p.PageSize < MinPageSize || p.PageSize > MaxPageSize {
		p.PageSize = DefaultPageSize
	}
	if p.Theme != ThemeLight && p.Theme != ThemeDark {
		p.Theme = ThemeSystem
	}
	return p
}

// MachineDefaults is defaults.json, written beside the executable by the
// installer's server presets (/HOST= /PORT= /HTTPS= /CLS=).
type MachineDefaults struct {
	Host          string `json:"host"`
	Port          int    `json:"port"`
	HTTPS         bool   `json:"https"`
	CLSInstanceID string `json:"clsInstanceId"`
	PageSize      int    `json:"pageSize"`
}

// initial is a new user's settings: one profile, from the machine defaults
// when they are present and valid, else empty (so Settings must be filled).
func initial(defaultsPath string) Settings {
	p := Profile{ID: newID(), Name: "License server", ServerType: ServerLocal, Port: DefaultPort}
	prefs := Preferences{PageSize: DefaultPageSize, Theme: ThemeSystem}
	if d, ok := readMachineDefaults(defaultsPath); ok {
		in := ServerInput{PageSize: prefs.PageSize, Host: d.Host, ServerType: ServerLocal, Port: d.Port, HTTPS: d.HTTPS}
		if d.Port == 0 {
			in.Port = DefaultPort
		}
		if d.PageSize != 0 {
			in.PageSize = d.PageSize
		}
		if d.CLSInstanceID != "" {
			in.ServerType, in.InstanceID = ServerCLS, d.CLSInstanceID
		}
		// Invalid presets are dropped field by field, so a typo in one does
		// not cost the administrator the others.
		bad := map[string]bool{}
		for _, it := range ValidateServer(in) {
			bad[it.Field] = true
		}
		fp := ProfileFromInput(in)
		if !bad[FieldHost] && !bad[FieldServerType] {
			p.Host, p.ServerType, p.HTTPS = fp.Host, fp.ServerType, fp.HTTPS
			if !bad[FieldPort] {
				p.Port = fp.Port
			}
			if !bad[FieldInstanceID] {
				p.InstanceID = fp.InstanceID
			}
		}
		if !bad[FieldPageSize] {
			prefs.PageSize = in.PageSize
		}
	}
	return Settings{SchemaVersion: SchemaVersion, ActiveProfileID: p.ID, Profiles: []Profile{p}, Preferences: prefs}
}

func readMachineDefaults(path string) (MachineDefaults, bool) {
	if path == "" {
		return MachineDefaults{}, false
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return MachineDefaults{}, false
	}
	var d MachineDefaults
	// The installer may write a UTF-8 BOM.
	if err := json.Unmarshal(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")), &d); err != nil {
		return MachineDefaults{}, false
	}
	d.Host = strings.TrimSpace(d.Host)
	return d, d.Host != "" || d.PageSize != 0
}
