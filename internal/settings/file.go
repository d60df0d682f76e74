package settings

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"licenseservermanager/internal/usage"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// utf8BOM starts files that Notepad saved as UTF-8.
var utf8BOM = []byte("\xef\xbb\xbf")

// decode reads a settings document as far as it can. Only a document that is
// not a JSON object or has an unknown schema version is an error, which makes
// the file corrupt. Anything else that cannot be used costs only itself: a
// field of the wrong type or unknown name is left out, a profile without a
// usable ID gets a new one, and each is described in problems ("path:
// reason"). Out-of-range preferences and a missing active profile are
// repaired silently, as a file written by an older version may have them.
func decode(raw []byte, defaultsPath string) (Settings, []string, error) {
	raw = bytes.TrimPrefix(raw, utf8BOM)
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return Settings{}, nil, fmt.Errorf("invalid JSON: %w", err)
	}
	v, ok := top["schemaVersion"]
	if !ok {
		return Settings{}, nil, errors.New("no schema version")
	}
	var version int
	if json.Unmarshal(v, &version) != nil || version < 1 || version > SchemaVersion {
		return Settings{}, nil, fmt.Errorf("unknown schema version %s", v)
	}
	var s Settings
	d := &decoder{}
	d.object("", raw, reflect.ValueOf(&s).Elem())
	s.Profiles = d.profiles(top["profiles"])
	if len(s.Profiles) == 0 {
		s.Profiles = initial(defaultsPath).Profiles
		d.problem("profiles", "no usable profile, so a new one was added")
	}
	if s.profile(s.ActiveProfileID) == nil {
		s.ActiveProfileID = s.Profiles[0].ID
	}
	s.Preferences = normalisePrefs(s.Preferences)
	return s, d.problems, nil
}

type decoder struct{ problems []string }

func (d *decoder) problem(path, format string, args ...any) {
	d.problems = append(d.problems, path+": "+fmt.Sprintf(format, args...))
}

// object fills the struct dst from the JSON object raw one field at a time,
// so that a bad field costs only itself. Fields that are lists are left to
// the caller, which decodes them item by item.
func (d *decoder) object(path string, raw json.RawMessage, dst reflect.Value) bool {
	var obj map[string]json.RawMessage
	if isNull(raw) || json.Unmarshal(raw, &obj) != nil {
		d.problem(path, "expected an object, found %s", excerpt(raw))
		return false
	}
	known := map[string]bool{}
	t := dst.Type()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		known[name] = true
		val, ok := obj[name]
		if !ok || isNull(val) {
			continue
		}
		d.value(join(path, name), val, dst.Field(i))
	}
	for _, name := range slices.Sorted(maps.Keys(obj)) {
		if !known[name] {
			d.problem(join(path, name), "unknown field")
		}
	}
	return true
}

// value decodes one field: a nested object (or a pointer to one) field by
// field, anything else whole.
func (d *decoder) value(path string, raw json.RawMessage, dst reflect.Value) {
	switch dst.Kind() {
	case reflect.Slice:
	case reflect.Struct:
		d.object(path, raw, dst)
	case reflect.Pointer:
		v := reflect.New(dst.Type().Elem())
		if d.object(path, raw, v.Elem()) {
			dst.Set(v)
		}
	default:
		v := reflect.New(dst.Type())
		if json.Unmarshal(raw, v.Interface()) != nil {
			d.problem(path, "expected %s, found %s", kindName(dst.Kind()), excerpt(raw))
			return
		}
		dst.Set(v.Elem())
	}
}

// profiles decodes the profile list item by item. Paths name the items by
// their place in the file, so the user can find them there.
func (d *decoder) profiles(raw json.RawMessage) []Profile {
	if raw == nil || isNull(raw) {
		return nil
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		d.problem("profiles", "expected a list, found %s", excerpt(raw))
		return nil
	}
	var out []Profile
	seen := map[string]bool{}
	for i, item := range items {
		path := fmt.Sprintf("profiles[%d]", i)
		var p Profile
		if !d.object(path, item, reflect.ValueOf(&p).Elem()) {
			continue
		}
		// Only the app makes a demo profile, and never on disk; only the
		// policies mark a managed one.
		p.Demo, p.Managed = false, false
		switch p.ServerType {
		case ServerLocal, ServerCLS:
		case "":
			p.ServerType = ServerLocal
		default:
			d.problem(path+".serverType", "unknown server type %q, so it is a local server now", p.ServerType)
			p.ServerType = ServerLocal
		}
		var why string
		switch {
		case p.ID == "":
			why = "missing"
		case p.ID == DemoProfileID:
			why = fmt.Sprintf("%q is reserved", p.ID)
		case seen[p.ID]:
			why = fmt.Sprintf("%q is used by an earlier profile", p.ID)
		}
		if why != "" {
			// A saved password is filed under the profile's old ID, so the
			// new one has none.
			p.ID, p.RememberedUser = newID(), ""
			d.problem(path+".id", "%s, so the profile got a new one", why)
		}
		seen[p.ID] = true
		out = append(out, p)
	}
	return out
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func isNull(raw json.RawMessage) bool {
	return string(bytes.TrimSpace(raw)) == "null"
}

func kindName(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	}
	return k.String()
}

// excerpt shows what was found, short enough for a message.
func excerpt(raw json.RawMessage) string {
	s := strings.Join(strings.Fields(string(raw)), " ")
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s
}

func normalisePrefs(p Preferences) Preferences {
	if p.PageSize < MinPageSize || p.PageSize > MaxPageSize {
		p.PageSize = DefaultPageSize
	}
	if p.Theme != ThemeLight && p.Theme != ThemeDark {
		p.Theme = ThemeSystem
	}
	h := &p.History
	if h.IntervalMinutes < MinIntervalMinutes || h.IntervalMinutes > MaxIntervalMinutes {
		h.IntervalMinutes = DefaultIntervalMinutes
	}
	if h.RetentionDays < MinRetentionDays || h.RetentionDays > MaxRetentionDays {
		h.RetentionDays = DefaultRetentionDays
	}
	if h.Rules == nil || len(h.Rules.Check()) > 0 {
		r := usage.DefaultRules()
		h.Rules = &r
	}
	if h.Rules.Features == nil {
		h.Rules.Features = []usage.FeatureRule{}
	}
	if p.StartView != StartDashboard {
		p.StartView = StartAbout
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
	prefs := normalisePrefs(Preferences{PageSize: DefaultPageSize, Theme: ThemeSystem})
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
	if err := json.Unmarshal(bytes.TrimPrefix(raw, utf8BOM), &d); err != nil {
		return MachineDefaults{}, false
	}
	d.Host = strings.TrimSpace(d.Host)
	return d, d.Host != "" || d.PageSize != 0
}
