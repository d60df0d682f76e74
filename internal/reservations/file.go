package reservations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ImportGroup is one group read from an import file. Location is where it
// sits in the file ("groups[1]", or "" when the file holds one group) and
// Line the line it starts on; Valid is false when the file gives it any
// error, and then it is skipped.
type ImportGroup struct {
	Group    Group  `json:"group"`
	Location string `json:"location"`
	Line     int    `json:"line"`
	Valid    bool   `json:"valid"`
}

// Label names the group to the user: its name or, for a group the server
// is to name, where it starts in the file.
func (ig ImportGroup) Label() string {
	if ig.Group.Name != "" {
		return ig.Group.Name
	}
	return fmt.Sprintf("unnamed group (line %d)", ig.Line)
}

// mention refers to the group in a message about another place.
func (ig ImportGroup) mention() string {
	if ig.Group.Name != "" {
		return fmt.Sprintf("group %q (line %d)", ig.Group.Name, ig.Line)
	}
	return fmt.Sprintf("the unnamed group at line %d", ig.Line)
}

// ImportPreview is what an import file holds and what importing it would
// do: every problem with its place in the file (in the file's order), and
// a plan for each choice the user has about groups whose names exist on
// the server.
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

// Import reads an import file and plans importing it onto a server that
// holds existing. The file holds one group (an object, the format the
// server's documentation gives) or an array of groups (what the server
// lists and Export writes); IDs in it, as a server's list has them, are
// ignored, and counts and IDs may be numbers or numeric text, as servers
// of older releases write them. It reports every problem rather than the
// first: errors for what the server refuses (JSON syntax, a missing or
// wrong value, a count that is not a positive whole number, a version not
// in a.b form, a name or a host ID used twice), warnings for what it may
// read differently than meant (unknown fields, a version written as a
// number, an empty name), and conflicts with the server's groups in the
// plans.
func Import(data []byte, existing []Group) ImportPreview {
	p := parse(data)
	p.Keep = Plan(p.Groups, existing, false)
	p.Replace = Plan(p.Groups, existing, true)
	return p
}

// parser collects problems while reading. pos holds where each value of
// the file starts, by location, so that a problem found later (by
// Validate, or between groups) points into the file; bad holds the
// locations already reported, so that a value that could not be read is
// not reported again as missing or wrong; fail marks the groups (by
// index) with errors.
type parser struct {
	lines *lines
	out   ImportPreview
	pos   map[string]int
	bad   map[string]bool
	cur   int
	fail  map[int]bool
}

// reported tells whether at, or a value that contains it, has an error.
func (ps *parser) reported(at string) bool {
	for {
		if ps.bad[at] {
			return true
		}
		if at == "" {
			return false
		}
		at = parent(at)
	}
}

// parent is the location of the value that contains at.
func parent(at string) string {
	if i := strings.LastIndexAny(at, ".["); i > 0 {
		return at[:i]
	}
	return ""
}

// offset is where at starts in the file: a value that is missing is
// pointed at by the object that lacks it.
func (ps *parser) offset(at string) int {
	for {
		if off, ok := ps.pos[at]; ok || at == "" {
			return off
		}
		at = parent(at)
	}
}

var bom = []byte("\ufeff")

func parse(data []byte) ImportPreview {
	// A byte-order mark (Notepad writes one) is not part of the JSON, and
	// editors do not count it as a column.
	data = bytes.TrimPrefix(data, bom)
	ps := &parser{lines: newLines(data), pos: map[string]int{}, bad: map[string]bool{}, fail: map[int]bool{},
		out: ImportPreview{Groups: []ImportGroup{}, Errors: []Problem{}, Warnings: []Problem{}}}
	if root, ok := ps.decode(data); ok {
		ps.index(root, "", 0)
		ps.file(root)
		ps.crossCheck()
	}
	for i := range ps.out.Groups {
		g := &ps.out.Groups[i]
		g.Valid = !ps.fail[i]
		ps.out.ReservationCount += len(g.Group.Reservations)
		for _, r := range g.Group.Reservations {
			ps.out.EntryCount += len(r.Entries)
		}
	}
	ps.out.GroupCount = len(ps.out.Groups)
	inFileOrder(ps.out.Errors)
	inFileOrder(ps.out.Warnings)
	return ps.out
}

func inFileOrder(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Column < ps[j].Column
	})
}

// decode checks that data is one JSON value and reads it as a tree.
func (ps *parser) decode(data []byte) (*node, bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		ps.errAt(0, "", "The file is empty.")
		return nil, false
	}
	if !utf8.Valid(data) {
		ps.errAt(firstInvalidUTF8(data), "", "The file is not UTF-8 text; save it as UTF-8 JSON.")
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		var syn *json.SyntaxError
		switch {
		case errors.As(err, &syn):
			// Offset counts the bytes read up to and including the bad one.
			ps.errAt(int(syn.Offset)-1, "", "The file is not valid JSON: %s.", syn.Error())
		case errors.Is(err, io.ErrUnexpectedEOF):
			ps.errAt(len(bytes.TrimRight(data, " \t\r\n")), "", "The file ends before its JSON is complete.")
		default:
			ps.errAt(0, "", "The file is not valid JSON: %v.", err)
		}
		return nil, false
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		ps.errAt(len(data)-len(rest), "", "Unexpected content after the JSON value.")
		return nil, false
	}
	return readTree(data), true
}

// indexDepth is how deep the format nests values (an array of groups, its
// reservations, their entries, an entry's fields); nothing deeper is
// about a value the format has, and its paths would grow with the depth.
const indexDepth = 7

// index records where the values of the tree start, down to indexDepth.
// The elements of a top-level array are groups[i], as the messages name
// them.
func (ps *parser) index(n *node, at string, depth int) {
	ps.pos[at] = n.off
	if depth == indexDepth {
		return
	}
	for i, el := range n.elems {
		if at == "" {
			ps.index(el, fmt.Sprintf("groups[%d]", i), depth+1)
		} else {
			ps.index(el, fmt.Sprintf("%s[%d]", at, i), depth+1)
		}
	}
	for _, m := range n.members {
		ps.index(m.val, join(at, m.key), depth+1)
	}
}

func (ps *parser) problem(off int, at, format string, args []any) Problem {
	line, col := ps.lines.at(off)
	return Problem{Location: at, Line: line, Column: col, Message: fmt.Sprintf(format, args...)}
}

// errAt reports an error of the value at (off is where it starts).
func (ps *parser) errAt(off int, at, format string, args ...any) {
	ps.bad[at] = true
	ps.fail[ps.cur] = true
	ps.out.Errors = append(ps.out.Errors, ps.problem(off, at, format, args))
}

func (ps *parser) warnAt(off int, at, format string, args ...any) {
	ps.out.Warnings = append(ps.out.Warnings, ps.problem(off, at, format, args))
}

// err reports an error of the value at, pointed at where it is.
func (ps *parser) err(at, format string, args ...any) {
	ps.errAt(ps.offset(at), at, format, args...)
}

func join(at, field string) string {
	if at == "" {
		return field
	}
	return at + "." + field
}

func (ps *parser) file(root *node) {
	switch root.kind {
	case kindObject:
		ps.group(root, "")
	case kindArray:
		if len(root.elems) == 0 {
			ps.warnAt(root.off, "", "The file holds no reservation groups.")
		}
		for i, el := range root.elems {
			at := fmt.Sprintf("groups[%d]", i)
			if el.kind != kindObject {
				ps.cur = len(ps.out.Groups)
				ps.out.Groups = append(ps.out.Groups, ImportGroup{Group: Group{Reservations: []Reservation{}}, Location: at, Line: ps.lines.line(el.off)})
				ps.errAt(el.off, at, "A reservation group must be an object with reservations, not %s.", el.describe())
				continue
			}
			ps.group(el, at)
		}
	default:
		ps.errAt(root.off, "", "The file must hold a reservation group (an object) or a list of groups (an array), not %s.", root.describe())
	}
}

// fields warns about obj's fields that the format does not have, since
// the server would not store them, and about a field written twice.
func (ps *parser) fields(obj *node, at string, known ...string) {
	seen := map[string]bool{}
	for _, m := range obj.members {
		switch {
		case seen[m.key]:
			ps.warnAt(m.off, join(at, m.key), "Field %q is written twice; the last one counts.", m.key)
		case !slices.Contains(known, m.key):
			ps.warnAt(m.off, join(at, m.key), "Unknown field %q is ignored.", m.key)
		}
		seen[m.key] = true
	}
}

func (ps *parser) group(obj *node, at string) {
	ps.cur = len(ps.out.Groups)
	ps.fields(obj, at, "id", "name", "reservations")
	ps.id(obj, at)
	g := Group{Name: ps.name(obj, at), Reservations: []Reservation{}}
	// An element that is not an object keeps its place (empty), so that
	// the locations Validate reports stay those of the file.
	for i, el := range ps.list(obj, at, "reservations") {
		rat := fmt.Sprintf("%s[%d]", join(at, "reservations"), i)
		r := Reservation{Entries: []Entry{}}
		if ps.object(el, rat, "reservation") {
			r = ps.reservation(el, rat)
		}
		g.Reservations = append(g.Reservations, r)
	}
	ps.out.Groups = append(ps.out.Groups, ImportGroup{Group: g.Normalize(), Location: at, Line: ps.lines.line(obj.off)})
	for _, p := range Validate(g) {
		if loc := join(at, p.Location); !ps.reported(loc) {
			ps.err(loc, "%s", p.Message)
		}
	}
	for _, p := range repeatedEntries(g) {
		loc := join(at, p.Location)
		ps.warnAt(ps.offset(loc), loc, "%s", p.Message)
	}
}

// name reads a group's optional name. The server's documentation says only
// that the name may be omitted; a name that is empty (or null, or blank)
// names nothing, so it is read as omitted and left out of what is sent,
// with a warning, since a server might refuse it as it is written.
func (ps *parser) name(obj *node, at string) string {
	m := obj.get("name")
	switch {
	case m == nil:
		return ""
	case m.val.kind == kindNull:
		ps.warnAt(m.val.off, join(at, "name"), "A null name counts as no name: the server will name this group.")
		return ""
	case m.val.kind == kindString && strings.TrimSpace(m.val.text) == "":
		ps.warnAt(m.val.off, join(at, "name"), "An empty name counts as no name: the server will name this group.")
		return ""
	}
	return ps.text(obj, at, "name")
}

// id checks an ID the file carries (a server's list has them). IDs are the
// server's to give, so none is imported, and one that is not a whole
// number is only a warning.
func (ps *parser) id(obj *node, at string) {
	m := obj.get("id")
	if m == nil || m.val.kind == kindNull {
		return
	}
	v := m.val
	switch {
	case v.kind == kindNumber && wholeNumber.MatchString(v.text):
	case v.kind == kindString && wholeNumber.MatchString(strings.TrimSpace(v.text)):
	case v.kind == kindString:
		ps.warnAt(v.off, join(at, "id"), "The id %q is not a number; it is ignored, as ids are not imported.", v.text)
	case v.kind == kindNumber:
		ps.warnAt(v.off, join(at, "id"), "The id %s is not a whole number; it is ignored, as ids are not imported.", v.text)
	default:
		ps.warnAt(v.off, join(at, "id"), "The id is %s, not a number; it is ignored, as ids are not imported.", v.describe())
	}
}

func (ps *parser) reservation(obj *node, at string) Reservation {
	ps.fields(obj, at, "id", "hostId", "reservationEntries")
	ps.id(obj, at)
	r := Reservation{Entries: []Entry{}}
	hat := join(at, "hostId")
	switch m := obj.get("hostId"); {
	case m == nil:
		ps.errAt(obj.off, hat, "The reservation has no hostId {value, type}.")
	case m.val.kind == kindNull:
		ps.errAt(m.val.off, hat, "The reservation has no hostId {value, type}.")
	case m.val.kind == kindObject:
		ps.fields(m.val, hat, "value", "type")
		r.HostID = HostID{Value: ps.text(m.val, hat, "value"), Type: ps.hostType(m.val, hat)}
	default:
		ps.errAt(m.val.off, hat, "hostId must be an object {value, type}, not %s.", m.val.describe())
	}
	for i, el := range ps.list(obj, at, "reservationEntries") {
		eat := fmt.Sprintf("%s[%d]", join(at, "reservationEntries"), i)
		var e Entry
		if ps.object(el, eat, "reservation entry") {
			e = ps.entry(el, eat)
		}
		r.Entries = append(r.Entries, e)
	}
	return r
}

// hostType reads a host ID type; one of the known types in another case
// is read as the server writes it, with a warning.
func (ps *parser) hostType(obj *node, at string) string {
	t := ps.text(obj, at, "type")
	if up := strings.ToUpper(strings.TrimSpace(t)); up != t && CheckHostType(up) == "" {
		ps.warnAt(ps.offset(join(at, "type")), join(at, "type"), "The host ID type %q is read as %q.", t, up)
	}
	return t
}

func (ps *parser) entry(obj *node, at string) Entry {
	ps.fields(obj, at, "id", "featureName", "featureVersion", "featureCount")
	ps.id(obj, at)
	return Entry{
		FeatureName:    ps.text(obj, at, "featureName"),
		FeatureVersion: ps.text(obj, at, "featureVersion"),
		FeatureCount:   ps.count(obj, at),
	}
}

var (
	// wholeNumber is a whole number as JSON and servers write it.
	wholeNumber = regexp.MustCompile(`^-?[0-9]+$`)
	// jsonNumber is any number as JSON writes it.
	jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)
)

// maxExactCount is the largest whole number a count written with a
// fraction or an exponent (2.0, 1e3) can be read as without rounding.
const maxExactCount = 1 << 53

// count reads an entry's count: a number, or a number written as text as
// servers of older releases write it.
func (ps *parser) count(obj *node, at string) int64 {
	cat := join(at, "featureCount")
	m := obj.get("featureCount")
	if m == nil || m.val.kind == kindNull {
		ps.err(cat, "The count is missing.")
		return 0
	}
	s := strings.TrimSpace(m.val.text)
	if m.val.kind != kindNumber && m.val.kind != kindString {
		ps.err(cat, "The count must be a number, not %s.", m.val.describe())
		return 0
	}
	if wholeNumber.MatchString(s) {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			ps.err(cat, "%s is too large for a count.", s)
		}
		return n
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case !jsonNumber.MatchString(s):
		ps.err(cat, "%q is not a whole number.", m.val.text)
	case err != nil || math.Abs(f) > maxExactCount:
		ps.err(cat, "%s is too large for a count.", s)
	case f != math.Trunc(f):
		ps.err(cat, "%s is not a whole number.", s)
	default:
		ps.warnAt(m.val.off, cat, "The count is written as %s; it is read as %d.", s, int64(f))
		return int64(f)
	}
	return 0
}

// text reads a text field; a missing one is left to Validate to report.
// A number is read as written, with a warning: a Java server may take it
// as its text, but the format has text there.
func (ps *parser) text(obj *node, at, field string) string {
	m := obj.get(field)
	if m == nil {
		return ""
	}
	switch v := m.val; v.kind {
	case kindNull:
		return ""
	case kindString:
		return v.text
	case kindNumber:
		ps.warnAt(v.off, join(at, field), "%s is written as a number; it is read as %q.", field, v.text)
		return v.text
	default:
		ps.errAt(v.off, join(at, field), "%s must be text, not %s.", field, v.describe())
		return ""
	}
}

// list reads an array field; a missing one is left to Validate to report.
func (ps *parser) list(obj *node, at, field string) []*node {
	m := obj.get(field)
	if m == nil || m.val.kind == kindNull {
		return nil
	}
	if m.val.kind != kindArray {
		ps.errAt(m.val.off, join(at, field), "%s must be a list, not %s.", field, m.val.describe())
		return nil
	}
	return m.val.elems
}

func (ps *parser) object(v *node, at, what string) bool {
	if v.kind != kindObject {
		ps.errAt(v.off, at, "A %s must be an object, not %s.", what, v.describe())
		return false
	}
	return true
}

// crossCheck finds what is wrong only between groups of the file: a name
// or a host ID used twice. The later use is the error. Groups without a
// name never clash: the server gives each its own.
func (ps *parser) crossCheck() {
	names := map[string]int{}
	hosts := map[HostID]int{}
	for i, ig := range ps.out.Groups {
		ps.cur = i
		g := ig.Group
		if k := nameKey(g.Name); k != "" {
			if first, dup := names[k]; dup {
				ps.err(join(ig.Location, "name"), "%q is also the name of the group at line %d; group names must be unique.", g.Name, ps.out.Groups[first].Line)
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
					"Host ID %s is also reserved in %s; a host ID can be reserved in only one group.", r.HostID, ps.out.Groups[first].mention())
			} else if !dup {
				hosts[r.HostID] = i
			}
		}
	}
}
