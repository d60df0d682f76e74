package app

import (
	"slices"
	"strings"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/policy"
	"licenseservermanager/internal/settings"
)

// PolicySetting is one editable (or locked) policy of the server.
type PolicySetting struct {
	Name        string `json:"name"`
	Value       string `json:"value"`
	Description string `json:"description"`
	Kind        string `json:"kind"`
	// LockedReason is why the setting is read-only; "" when it can change.
	LockedReason string `json:"lockedReason"`
}

// PolicySection is one collapsible section of the Properties view.
type PolicySection struct {
	Name     string          `json:"name"`
	Settings []PolicySetting `json:"settings"`
}

// HostIDOption is one of the server's host IDs.
type HostIDOption struct {
	Type  string `json:"type"`
	Value string `json:"value"`
	// Setting is how the server's host ID policy writes it: VALUE/TYPE.
	Setting string `json:"setting"`
}

// PropertiesView is the License Server Properties view.
type PropertiesView struct {
	HostIDs        []HostIDOption  `json:"hostIds"`
	SelectedHostID string          `json:"selectedHostId"`
	ServerVersion  string          `json:"serverVersion"`
	DeviceUUID     string          `json:"deviceUuid"`
	Status         string          `json:"status"`
	Sections       []PolicySection `json:"sections"`
	ReadOnly       bool            `json:"readOnly"`
	ReadOnlyReason string          `json:"readOnlyReason"`
	Levels         []string        `json:"levels"`
}

// SettingFailure is a setting the server did not take, and why.
type SettingFailure struct {
	Name    string `json:"name"`
	Message string `json:"message"`
}

// SaveReport lists what Save sent and what failed.
type SaveReport struct {
	Saved  []string         `json:"saved"`
	Failed []SettingFailure `json:"failed"`
}

// PropertiesService is bound to the UI for the Properties view.
type PropertiesService struct {
	base
	conns *Connections
	store *settings.Store
}

// NewPropertiesService builds the service.
func NewPropertiesService(conns *Connections, store *settings.Store) *PropertiesService {
	return &PropertiesService{conns: conns, store: store}
}

func (s *PropertiesService) isCLS() bool {
	p, _ := s.store.Active()
	return p.ServerType == settings.ServerCLS
}

// Get reads the server's general properties and policy settings.
func (s *PropertiesService) Get() (PropertiesView, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return PropertiesView{}, err
	}
	ctx := s.context()
	h, err := s.conns.Health(ctx)
	if err != nil {
		return PropertiesView{}, err
	}
	list, err := cl.Configuration(ctx)
	if err != nil {
		return PropertiesView{}, err
	}
	ids, err := cl.HostIDs(ctx)
	if err != nil && apperr.CodeOf(err) != apperr.NotSupported {
		return PropertiesView{}, err
	}
	cls := s.isCLS()
	v := PropertiesView{ServerVersion: h.Version, Status: serverStatus(h), Levels: policy.Levels(), HostIDs: []HostIDOption{}}
	if cls {
		v.ReadOnly, v.ReadOnlyReason = true, "Policies of a Cloud License Server are read-only here."
	}
	for _, id := range ids {
		v.HostIDs = append(v.HostIDs, HostIDOption{Type: id.Type, Value: id.Value, Setting: id.Value + "/" + id.Type})
	}
	bySection := map[string][]PolicySetting{}
	for _, st := range list {
		val := string(st.Value)
		switch st.Name {
		case policy.HostIDSetting:
			v.SelectedHostID = val
			continue
		case "server.uuid":
			v.DeviceUUID = val
		}
		bySection[st.Group] = append(bySection[st.Group], PolicySetting{Name: st.Name, Value: val, Description: st.Description,
			Kind: policy.KindOf(st.Name, val), LockedReason: policy.LockReason(st.Name, st.Editable, cls)})
	}
	for _, name := range policy.Sections {
		if len(bySection[name]) > 0 {
			v.Sections = append(v.Sections, PolicySection{Name: name, Settings: bySection[name]})
			delete(bySection, name)
		}
	}
	// Groups the guide does not name still show, after the known ones.
	rest := make([]string, 0, len(bySection))
	for name := range bySection {
		rest = append(rest, name)
	}
	slices.Sort(rest)
	for _, name := range rest {
		v.Sections = append(v.Sections, PolicySection{Name: name, Settings: bySection[name]})
	}
	return v, nil
}

func serverStatus(h fne.Health) string {
	parts := []string{"Running"}
	if h.Diskspace != "" && !strings.EqualFold(h.Diskspace, "ok") {
		parts = append(parts, "disk space: "+h.Diskspace)
	}
	return strings.Join(parts, ", ")
}

// Save checks and sends the changed settings (name to new value), one at a
// time so each failure is reported on its own; nothing unchanged is sent.
func (s *PropertiesService) Save(changes map[string]string) (SaveReport, error) {
	if s.isCLS() {
		return SaveReport{}, apperr.New(apperr.InvalidInput, "Policies of a Cloud License Server are read-only here.")
	}
	current, err := s.Get()
	if err != nil {
		return SaveReport{}, err
	}
	known := map[string]PolicySetting{}
	for _, sec := range current.Sections {
		for _, st := range sec.Settings {
			known[st.Name] = st
		}
	}
	fields := map[string]string{}
	send := map[string]string{}
	for name, value := range changes {
		value = strings.TrimSpace(value)
		if name == policy.HostIDSetting {
			if !slices.ContainsFunc(current.HostIDs, func(o HostIDOption) bool { return o.Setting == value }) {
				fields[name] = "Choose one of the server's host IDs."
			} else if value != current.SelectedHostID {
				send[name] = value
			}
			continue
		}
		st, ok := known[name]
		switch {
		case !ok:
			fields[name] = "The server has no setting of this name."
		case st.LockedReason != "":
			fields[name] = st.LockedReason
		case policy.Check(st.Kind, value) != "":
			fields[name] = policy.Check(st.Kind, value)
		case value != st.Value:
			send[name] = value
		}
	}
	if len(fields) > 0 {
		return SaveReport{}, apperr.Invalid(fields)
	}
	cl, err := s.conns.Client()
	if err != nil {
		return SaveReport{}, err
	}
	report := SaveReport{Saved: []string{}, Failed: []SettingFailure{}}
	names := make([]string, 0, len(send))
	for n := range send {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if err := cl.UpdateConfiguration(s.context(), map[string]string{n: send[n]}); err != nil {
			if c := apperr.CodeOf(err); c == apperr.LoginRequired || c == apperr.Unreachable || c == apperr.Timeout || c == apperr.TLSUntrusted {
				// The whole save cannot go on; what was saved stays listed.
				report.Failed = append(report.Failed, SettingFailure{Name: n, Message: apperr.From(err).Message})
				return report, err
			}
			report.Failed = append(report.Failed, SettingFailure{Name: n, Message: apperr.From(err).Message})
			continue
		}
		report.Saved = append(report.Saved, n)
	}
	return report, nil
}
