package operations

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/settings"
)

// CompatibilityReport is what an administrator sends the producer about a
// server: its release, the traits of its dialect and how each endpoint
// answered, by status, content type and field names. It holds no value
// the server sent, no address, user name, instance ID or server message,
// so it can leave the company.
type CompatibilityReport struct {
	App             string              `json:"app"`
	CheckedAt       string              `json:"checkedAt"`
	ServerType      settings.ServerType `json:"serverType"`
	ServerVersion   string              `json:"serverVersion"`
	Reachable       bool                `json:"reachable"`
	SecurityEnabled bool                `json:"securityEnabled"`
	Roles           []string            `json:"roles"`
	Traits          []string            `json:"traits"`
	Endpoints       []ReportEndpoint    `json:"endpoints"`
}

// ReportEndpoint is one row of the API table as the server answered it.
type ReportEndpoint struct {
	Operation   fne.Op           `json:"operation"`
	Method      string           `json:"method"`
	Path        string           `json:"path"`
	Evidence    fne.Evidence     `json:"evidence"`
	Outcome     fne.ProbeOutcome `json:"outcome"`
	Status      int              `json:"status,omitempty"`
	ContentType string           `json:"contentType,omitempty"`
	Shape       string           `json:"shape,omitempty"`
	Fields      []fne.FieldShape `json:"fields,omitempty"`
}

// Compatibility turns diagnostics into the report; app names the app and
// its version.
func Compatibility(d Diagnostics, app string) CompatibilityReport {
	r := CompatibilityReport{App: app, CheckedAt: d.CheckedAt, ServerType: d.ServerType, ServerVersion: d.Version, Reachable: d.Reachable,
		SecurityEnabled: d.SecurityEnabled, Roles: slices.Clone(d.Roles), Traits: slices.Clone(d.Traits), Endpoints: make([]ReportEndpoint, 0, len(d.Endpoints))}
	for _, e := range d.Endpoints {
		row := ReportEndpoint{Operation: e.Op, Method: e.Method, Path: e.Path, Evidence: e.Evidence, Outcome: e.Outcome}
		if a := e.Answer; a != nil {
			row.Status, row.ContentType, row.Shape, row.Fields = a.Status, a.ContentType, a.Shape, a.Fields
		}
		r.Endpoints = append(r.Endpoints, row)
	}
	return r
}

// Traits are the differences between server releases that the answers
// showed (FNE-API.md, Dialects), as sentences.
func Traits(d Diagnostics) []string {
	out := []string{}
	answers := map[fne.Op]fne.ProbeResult{}
	for _, e := range d.Endpoints {
		answers[e.Op] = e
	}
	if d.ServerType == settings.ServerCLS {
		out = append(out, "A Cloud License Server, addressed by its instance ID.")
	}
	if f, ok := answers[fne.OpFeatures]; ok && f.Answer != nil {
		if kind, ok := fieldKind(f.Answer.Fields, "featureCount"); ok {
			if kind == "string" {
				out = append(out, "Counts are sent as JSON strings, as 2018-era servers do.")
			} else {
				out = append(out, "Counts are sent as JSON "+kind+"s.")
			}
		}
		if len(f.Answer.Fields) > 0 {
			if _, ok := fieldKind(f.Answer.Fields, "productName"); ok {
				out = append(out, "Feature records carry product columns (release 2024.10 or later).")
			} else {
				out = append(out, "Feature records carry no product columns (a release before 2024.10).")
			}
		}
	}
	if answers[fne.OpFeatureSummaries].Outcome == fne.ProbeNotSupported {
		out = append(out, "No feature summaries: the app adds the feature records up.")
	}
	if answers[fne.OpLegacyClients].Outcome == fne.ProbeSupported {
		out = append(out, "The older server-level device list (GET /api/1.0/clients) answers.")
	}
	if answers[fne.OpPing].Outcome == fne.ProbeSupported {
		out = append(out, "The Cloud License Server ping answers.")
	}
	indented, keyed := false, false
	for _, e := range d.Endpoints {
		if a := e.Answer; a != nil {
			indented = indented || a.Indented
			if _, ok := fieldKind(a.Fields, "key"); ok && a.Status >= 400 {
				keyed = true
			}
		}
	}
	if indented {
		out = append(out, "JSON comes pretty-printed.")
	}
	if keyed {
		out = append(out, "Error bodies carry a key (glsErr.*), a message and arguments.")
	}
	var missing []string
	for _, e := range d.Endpoints {
		if e.Outcome == fne.ProbeNotSupported {
			missing = append(missing, e.Method+" "+e.Path)
		}
	}
	if len(missing) > 0 {
		out = append(out, "Not offered: "+strings.Join(missing, ", ")+".")
	}
	return out
}

func fieldKind(fields []fne.FieldShape, name string) (string, bool) {
	for _, f := range fields {
		if f.Name == name {
			return f.Kind, true
		}
	}
	return "", false
}

// JSON is the report for tools, indented for people.
func (r CompatibilityReport) JSON() []byte {
	b, _ := json.MarshalIndent(r, "", "  ")
	return append(b, '\n')
}

// Text is the report for people: a header, the traits, then one line per
// endpoint with the fields it answered with.
func (r CompatibilityReport) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "License server compatibility report\n")
	fmt.Fprintf(&b, "Made by:          %s\n", r.App)
	fmt.Fprintf(&b, "Checked:          %s\n", r.CheckedAt)
	fmt.Fprintf(&b, "Server type:      %s\n", r.ServerType)
	if !r.Reachable {
		fmt.Fprintf(&b, "Server version:   not known: the server could not be reached\n")
	} else {
		fmt.Fprintf(&b, "Server version:   %s\n", r.ServerVersion)
	}
	security := "disabled"
	if r.SecurityEnabled {
		security = "enabled"
	}
	fmt.Fprintf(&b, "Security:         %s\n", security)
	roles := strings.Join(r.Roles, ", ")
	if roles == "" {
		roles = "none (not logged in)"
	}
	fmt.Fprintf(&b, "Roles of login:   %s\n", roles)
	fmt.Fprintf(&b, "\nTraits seen\n")
	if len(r.Traits) == 0 {
		fmt.Fprintf(&b, "  (none)\n")
	}
	for _, t := range r.Traits {
		fmt.Fprintf(&b, "  - %s\n", t)
	}
	fmt.Fprintf(&b, "\nEndpoints (outcome, status, content type, evidence)\n")
	for _, e := range r.Endpoints {
		status := "-"
		if e.Status != 0 {
			status = fmt.Sprint(e.Status)
		}
		ct := e.ContentType
		if ct == "" {
			ct = "-"
		}
		fmt.Fprintf(&b, "  %-6s %-40s %-15s %-4s %-32s %s\n", e.Method, e.Path, e.Outcome, status, ct, e.Evidence)
		if len(e.Fields) > 0 {
			fmt.Fprintf(&b, "         %s: %s\n", e.Shape, fieldList(e.Fields))
		}
	}
	return b.String()
}

// fieldList writes fields as name:kind, a list's element fields in brackets.
func fieldList(fields []fne.FieldShape) string {
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = f.Name + ":" + f.Kind
		if len(f.Fields) > 0 {
			parts[i] += "[" + fieldList(f.Fields) + "]"
		}
	}
	return strings.Join(parts, ", ")
}
