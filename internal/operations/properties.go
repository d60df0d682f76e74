package operations

import (
	"context"
	"slices"
	"strings"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/policy"
)

// PolicySetting is one editable (or locked) policy of the server.
type PolicySetting struct {
	Name        string      `json:"name"`
	Value       string      `json:"value"`
	Description string      `json:"description"`
	Kind        policy.Kind `json:"kind"`
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
	HostIDs []HostIDOption `json:"hostIds"`
	// HostIDsNote says why HostIDs is empty when the server does not list
	// its host IDs.
	HostIDsNote    string          `json:"hostIdsNote"`
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
	Name    string      `json:"name"`
	Code    apperr.Code `json:"code"`
	Message string      `json:"message"`
}

// SaveReport lists what a save did, setting by setting: saved, refused,
// and not sent because the save stopped (Stopped says why; a retry sends
// only those).
type SaveReport struct {
	Saved   []string         `json:"saved"`
	Failed  []SettingFailure `json:"failed"`
	NotSent []string         `json:"notSent"`
	Stopped *Stopped         `json:"stopped"`
}

const clsReadOnly = "Policies of a Cloud License Server are read-only here."

// Properties reads the server's general properties and policy settings;
// cls makes every setting read-only.
func Properties(ctx context.Context, srv PropertiesServer, cls bool) (PropertiesView, error) {
	h, err := srv.Health(ctx)
	if err != nil {
		return PropertiesView{}, err
	}
	list, err := srv.Configuration(ctx)
	if err != nil {
		return PropertiesView{}, err
	}
	ids, err := srv.HostIDs(ctx)
	note, err := notOffered(err)
	if err != nil {
		return PropertiesView{}, err
	}
	v := PropertiesView{ServerVersion: h.Version, Status: serverStatus(h), Levels: policy.Levels(), HostIDs: make([]HostIDOption, 0, len(ids)), HostIDsNote: note, Sections: []PolicySection{}}
	if cls {
		v.ReadOnly, v.ReadOnlyReason = true, clsReadOnly
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

// valueOf is the server's value of setting name, "" if it has none.
func (v PropertiesView) valueOf(name string) string {
	if name == policy.HostIDSetting {
		return v.SelectedHostID
	}
	for _, sec := range v.Sections {
		for _, st := range sec.Settings {
			if st.Name == name {
				return st.Value
			}
		}
	}
	return ""
}

// CheckSettings checks changes (name to new value) against the server's
// current settings and returns what differs from them, to send; problems
// are per setting (item: the setting's name).
func CheckSettings(current PropertiesView, changes map[string]string) (map[string]string, []apperr.Item) {
	known := map[string]PolicySetting{}
	for _, sec := range current.Sections {
		for _, st := range sec.Settings {
			known[st.Name] = st
		}
	}
	var problems []apperr.Item
	bad := func(name, code, msg string) {
		problems = append(problems, apperr.Item{Item: name, Field: "value", Code: code, Message: msg})
	}
	send := map[string]string{}
	for name, value := range changes {
		value = strings.TrimSpace(value)
		if name == policy.HostIDSetting {
			if !slices.ContainsFunc(current.HostIDs, func(o HostIDOption) bool { return o.Setting == value }) {
				bad(name, apperr.ItemUnknown, "Choose one of the server's host IDs.")
			} else if value != current.SelectedHostID {
				send[name] = value
			}
			continue
		}
		st, ok := known[name]
		switch {
		case !ok:
			bad(name, apperr.ItemUnknown, "The server has no setting of this name.")
		case st.LockedReason != "":
			bad(name, apperr.ItemLocked, st.LockedReason)
		case policy.Check(st.Kind, value) != "":
			bad(name, apperr.ItemFormat, policy.Check(st.Kind, value))
		case value != st.Value:
			send[name] = value
		}
	}
	slices.SortFunc(problems, func(a, b apperr.Item) int { return strings.Compare(a.Item, b.Item) })
	return send, problems
}

// SaveProperties checks the changed settings and sends them one at a time,
// so each failure is reported on its own; nothing unchanged is sent, so a
// retry after a stop sends only what was not saved yet.
func SaveProperties(ctx context.Context, srv PropertiesServer, cls bool, changes map[string]string, pol orgpolicy.Policies) (SaveReport, error) {
	if err := PropertiesEditRefused(pol); err != nil {
		return SaveReport{}, err
	}
	if cls {
		return SaveReport{}, apperr.New(apperr.InvalidInput, clsReadOnly)
	}
	current, err := Properties(ctx, srv, cls)
	if err != nil {
		return SaveReport{}, err
	}
	send, problems := CheckSettings(current, changes)
	if len(problems) > 0 {
		return SaveReport{}, apperr.Invalid(problems...)
	}
	names := make([]string, 0, len(send))
	for n := range send {
		names = append(names, n)
	}
	slices.Sort(names)
	rep := SaveReport{Saved: []string{}, Failed: []SettingFailure{}, NotSent: []string{}}
	b := newBatch(ctx, len(names), "settings")
	for _, n := range names {
		if !b.next(n) {
			rep.NotSent = append(rep.NotSent, n)
			continue
		}
		answer := srv.UpdateConfiguration(ctx, map[string]string{n: send[n]})
		err := settle(ctx, answer, "saving "+n, func(ctx context.Context) (bool, error) {
			now, err := Properties(ctx, srv, cls)
			return now.valueOf(n) == send[n], err
		})
		if err != nil {
			if first := b.failed(err); first != nil {
				return SaveReport{}, first
			}
			if notDone(err) {
				// Refused before anything changed (the session ended, say):
				// it goes with the rest to the retry.
				rep.NotSent = append(rep.NotSent, n)
				continue
			}
			e := apperr.From(err)
			rep.Failed = append(rep.Failed, SettingFailure{Name: n, Code: e.Code, Message: e.Message})
			continue
		}
		rep.Saved = append(rep.Saved, n)
		// Saved after all, but the connection lost an answer: the rest
		// waits for the retry.
		b.end(answer)
	}
	b.finish()
	rep.Stopped = b.stopped()
	return rep, nil
}
