package reservations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ImportGroup is one group read from an import file. Location is where it
// sits in the file ("groups[1]", or "" when the file holds one group);
// Valid is false when the file gives it any error, and then it is skipped.
type ImportGroup struct {
	Group    Group  `json:"group"`
	Location string `json:"location"`
	Valid    bool   `json:"valid"`
}

// ImportPreview is what an import file holds and what importing it would
// do: every problem with its location, and a plan for each choice the user
// has about groups whose names exist on the server.
type ImportPreview struct {
	Groups           []ImportGroup `json:"groups"`
	GroupCount       int           `json:"groupCount"`
	ReservationCount int           `json:"reservationCount"`
	EntryCount       int           `json:"entryCount"`
	Errors           []Problem     `json:"errors"`
	Warnings         []Problem     `json:"warnings"`
	// Keep is the plan when groups that exist on the server are kept (and
	// their namesakes in the file skipped); Replace when they are replaced.
	Keep    ImportPlan `json:"keep"`
	Replace ImportPlan `json:"replace"`
}

// fileWide is the location of a problem with the file as a whole.
const fileWide = "file"

// Import reads an import file, which holds one group (an object) or an
// array of groups in the format Export writes, and plans importing it onto
// a server that holds existing. It reports every problem it finds rather
// than the first: JSON syntax errors by line and column, wrong or missing
// values by their path, unknown fields as warnings, names and host IDs
// used twice in the file, and conflicts with the server's groups.
func Import(data []byte, existing []Group) ImportPreview {
	p := parse(data)
	p.Keep = Plan(p.Groups, existing, false)
	p.Replace = Plan(p.Groups, existing, true)
	return p
}

// parser collects problems while reading. bad holds the locations already
// reported, so that a value that could not be read is not reported again
// as missing or wrong; fail marks the groups (by index) with errors.
type parser struct {
	out  ImportPreview
	bad  map[string]bool
	cur  int
	fail map[int]bool
}

// reported tells whether at, or a value that contains it, has an error.
func (ps *parser) reported(at string) bool {
	for {
		if ps.bad[at] {
			return true
		}
		i := strings.LastIndexAny(at, ".[")
		if i <= 0 {
			return false
		}
		at = at[:i]
	}
}

func parse(data []byte) ImportPreview {
	ps := &parser{bad: map[string]bool{}, fail: map[int]bool{}, out: ImportPreview{Groups: []ImportGroup{}, Errors: []Problem{}, Warnings: []Problem{}}}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	root, ok := ps.decode(data)
	if !ok {
		return ps.out
	}
	switch v := root.(type) {
	case map[string]any:
		ps.group(v, "")
	case []any:
		if len(v) == 0 {
			ps.warn(fileWide, "The file holds no reservation groups.")
		}
		for i, el := range v {
			at := fmt.Sprintf("groups[%d]", i)
			obj, isObj := el.(map[string]any)
			if !isObj {
				ps.cur = len(ps.out.Groups)
				ps.out.Groups = append(ps.out.Groups, ImportGroup{Group: Group{Reservations: []Reservation{}}, Location: at})
				ps.err(at, "A reservation group must be an object with name and reservations, not %s.", kind(el))
				continue
			}
			ps.group(obj, at)
		}
	default:
		ps.err(fileWide, "The file must hold a reservation group (an object) or a list of groups (an array), not %s.", kind(root))
	}
	ps.crossCheck()
	for i := range ps.out.Groups {
		g := &ps.out.Groups[i]
		g.Valid = !ps.fail[i]
		ps.out.ReservationCount += len(g.Group.Reservations)
		for _, r := range g.Group.Reservations {
			ps.out.EntryCount += len(r.Entries)
		}
	}
	ps.out.GroupCount = len(ps.out.Groups)
	return ps.out
}

// decode reads the whole file as one JSON value, keeping numbers as text so
// a count is never rounded through a float.
func (ps *parser) decode(data []byte) (any, bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		ps.err(fileWide, "The file is empty.")
		return nil, false
	}
	if !utf8.Valid(data) {
		ps.err(fileWide, "The file is not UTF-8 text; save it as UTF-8 JSON.")
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		var syn *json.SyntaxError
		switch {
		case errors.As(err, &syn):
			ps.err(position(data, syn.Offset), "The file is not valid JSON: %s.", syn.Error())
		case errors.Is(err, io.ErrUnexpectedEOF):
			ps.err(position(data, int64(len(data))), "The file ends before its JSON is complete.")
		default:
			ps.err(fileWide, "The file is not valid JSON: %v.", err)
		}
		return nil, false
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		ps.err(position(data, int64(len(data)-len(rest)+1)), "Unexpected content after the JSON value.")
		return nil, false
	}
	return root, true
}

// position names the line and column of the byte at offset (1-based, as
// json.SyntaxError counts it), columns in characters.
func position(data []byte, offset int64) string {
	offset = min(max(offset, 1), int64(len(data)))
	before := data[:offset-1]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}

func (ps *parser) err(at, format string, args ...any) {
	ps.bad[at] = true
	ps.fail[ps.cur] = true
	ps.out.Errors = append(ps.out.Errors, Problem{Location: at, Message: fmt.Sprintf(format, args...)})
}

func (ps *parser) warn(at, format string, args ...any) {
	ps.out.Warnings = append(ps.out.Warnings, Problem{Location: at, Message: fmt.Sprintf(format, args...)})
}

func join(at, field string) string {
	if at == "" {
		return field
	}
	return at + "." + field
}

// fields reads obj's known fields in the file's format; every other field
// is a warning, since the server would not store it.
func (ps *parser) fields(obj map[string]any, at string, known ...string) {
	var unknown []string
	for k := range obj {
		if !slices.Contains(known, k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		ps.warn(join(at, k), "Unknown field %q is ignored.", k)
	}
}

func (ps *parser) group(obj map[string]any, at string) {
	ps.cur = len(ps.out.Groups)
	ps.fields(obj, at, "id", "name", "reservations")
	g := Group{Name: ps.text(obj, at, "name"), Reservations: []Reservation{}}
	// An element that is not an object keeps its place (empty), so that
	// the locations Validate reports stay those of the file.
	for i, el := range ps.list(obj, at, "reservations") {
		rat := fmt.Sprintf("%s[%d]", join(at, "reservations"), i)
		r := Reservation{Entries: []Entry{}}
		if o, ok := ps.object(el, rat, "reservation"); ok {
			r = ps.reservation(o, rat)
		}
		g.Reservations = append(g.Reservations, r)
	}
	ps.out.Groups = append(ps.out.Groups, ImportGroup{Group: g.Normalize(), Location: at})
	for _, p := range Validate(g) {
		if loc := join(at, p.Location); !ps.reported(loc) {
			ps.err(loc, "%s", p.Message)
		}
	}
}

func (ps *parser) reservation(obj map[string]any, at string) Reservation {
	ps.fields(obj, at, "id", "hostId", "reservationEntries")
	r := Reservation{Entries: []Entry{}}
	hat := join(at, "hostId")
	switch h := obj["hostId"].(type) {
	case nil:
		ps.err(hat, "The reservation has no hostId {value, type}.")
	case map[string]any:
		ps.fields(h, hat, "value", "type")
		r.HostID = HostID{Value: ps.text(h, hat, "value"), Type: ps.text(h, hat, "type")}
	default:
		ps.err(hat, "hostId must be an object {value, type}, not %s.", kind(h))
	}
	lat := join(at, "reservationEntries")
	for i, el := range ps.list(obj, at, "reservationEntries") {
		eat := fmt.Sprintf("%s[%d]", lat, i)
		var e Entry
		if o, ok := ps.object(el, eat, "reservation entry"); ok {
			e = ps.entry(o, eat)
		}
		r.Entries = append(r.Entries, e)
	}
	return r
}

func (ps *parser) entry(obj map[string]any, at string) Entry {
	ps.fields(obj, at, "id", "featureName", "featureVersion", "featureCount")
	e := Entry{FeatureName: ps.text(obj, at, "featureName")}
	vat := join(at, "featureVersion")
	switch v := obj["featureVersion"].(type) {
	case json.Number:
		// A version written as a number (3.0) means what its text says.
		e.FeatureVersion = v.String()
		ps.warn(vat, "The version is written as a number; it is read as %q.", e.FeatureVersion)
	default:
		e.FeatureVersion = ps.text(obj, at, "featureVersion")
	}
	cat := join(at, "featureCount")
	switch c := obj["featureCount"].(type) {
	case nil:
		ps.err(cat, "The count is missing.")
	case json.Number:
		e.FeatureCount = ps.integer(c.String(), cat)
	case string:
		e.FeatureCount = ps.integer(strings.TrimSpace(c), cat)
		if !ps.bad[cat] {
			ps.warn(cat, "The count is written as text; it is read as %d.", e.FeatureCount)
		}
	default:
		ps.err(cat, "The count must be a number, not %s.", kind(c))
	}
	return e
}

func (ps *parser) integer(s, at string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		ps.err(at, "%q is not a whole number.", s)
	}
	return n
}

// text reads a string field; a missing one is left to Validate to report.
func (ps *parser) text(obj map[string]any, at, field string) string {
	switch v := obj[field].(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		ps.err(join(at, field), "%s must be text, not %s.", field, kind(v))
		return ""
	}
}

// list reads an array field; a missing one is left to Validate to report.
func (ps *parser) list(obj map[string]any, at, field string) []any {
	switch v := obj[field].(type) {
	case nil:
		return nil
	case []any:
		return v
	default:
		ps.err(join(at, field), "%s must be a list, not %s.", field, kind(v))
		return nil
	}
}

func (ps *parser) object(v any, at, what string) (map[string]any, bool) {
	obj, ok := v.(map[string]any)
	if !ok {
		ps.err(at, "A %s must be an object, not %s.", what, kind(v))
	}
	return obj, ok
}

// kind names a JSON value's type for a message.
func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "text"
	case json.Number:
		return "a number"
	case bool:
		return "true/false"
	case []any:
		return "a list"
	}
	return "an object"
}

// crossCheck finds what is wrong only between groups of the file: a name
// or a host ID used twice. The later use is the error.
func (ps *parser) crossCheck() {
	names := map[string]int{}
	hosts := map[HostID]int{}
	for i, ig := range ps.out.Groups {
		ps.cur = i
		g := ig.Group
		if k := nameKey(g.Name); k != "" {
			if first, dup := names[k]; dup {
				ps.err(join(ig.Location, "name"), "%q is also the name of %s; group names must be unique.", g.Name, ps.out.Groups[first].Location)
			} else {
				names[k] = i
			}
		}
		for j, r := range g.Reservations {
			if r.HostID.Value == "" {
				continue
			}
			if first, dup := hosts[r.HostID]; dup && first != i {
				ps.err(fmt.Sprintf("%s[%d].hostId", join(ig.Location, "reservations"), j),
					"Host ID %s is also reserved in %s (%q); a host ID can be reserved in only one group.", r.HostID, ps.out.Groups[first].Location, ps.out.Groups[first].Group.Name)
			} else if !dup {
				hosts[r.HostID] = i
			}
		}
	}
}
