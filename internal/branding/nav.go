package branding

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// maxDataBytes bounds data.json; the defaults are about 2 KB.
const maxDataBytes = 1 << 20

// iconName is the shape of a Material UI icon name. Whether the icon exists
// only the frontend can tell, as only it has the icon package.
var iconName = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)

// loadNav reads and checks data.json; nil and no problems when there is none.
func loadNav(path string, defaults Nav) (*Nav, []string, []Problem) {
	data, err := readLimited(path, maxDataBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, []Problem{{File: DataFile, Message: err.Error()}}
	}
	nav, unlisted, problems := ParseNav(data, defaults)
	if len(problems) > 0 {
		return nil, nil, problems
	}
	return &nav, unlisted, nil
}

// ParseNav checks a data.json against the defaults. Groups and items are
// matched by id, and only labels (and item icons) may differ. A group or item
// the file does not list keeps its default label and icon and is named in
// unlisted: a file written for an earlier release, before that entry
// existed, stays valid. The menu keeps the app's order. Any problem rejects
// the whole file.
func ParseNav(data []byte, defaults Nav) (nav Nav, unlisted []string, problems []Problem) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var root any
	if err := dec.Decode(&root); err != nil {
		return Nav{}, nil, []Problem{syntaxProblem(data, err)}
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := lineCol(data, dec.InputOffset())
		return Nav{}, nil, []Problem{{File: DataFile, Place: fmt.Sprintf("line %d, column %d", line, col), Message: "unexpected text after the JSON object"}}
	}
	c := checker{}
	nav, unlisted = c.nav(root, defaults)
	if len(c.problems) > 0 {
		return Nav{}, nil, c.problems
	}
	return nav, unlisted, nil
}

// syntaxProblem points at the line and column of invalid JSON: the offending
// character, or the end of a file that stops too early.
func syntaxProblem(data []byte, err error) Problem {
	offset := int64(len(data))
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		offset = syntax.Offset
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "the file ends before the JSON is complete"
	}
	line, col := lineCol(data, offset)
	return Problem{File: DataFile, Place: fmt.Sprintf("line %d, column %d", line, col), Message: "invalid JSON: " + msg}
}

func lineCol(data []byte, offset int64) (line, col int) {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(offset) - (bytes.LastIndexByte(before, '\n') + 1)
	return line, col
}

// checker walks the decoded JSON so that every problem can name its place,
// which json.Unmarshal's errors do not.
type checker struct{ problems []Problem }

func (c *checker) add(place, format string, args ...any) {
	c.problems = append(c.problems, Problem{File: DataFile, Place: place, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) nav(v any, defaults Nav) (Nav, []string) {
	obj, ok := c.object("(top level)", v, "groups", "items")
	if !ok {
		return Nav{}, nil
	}
	groupIDs := make([]string, len(defaults.Groups))
	for i, g := range defaults.Groups {
		groupIDs[i] = g.ID
	}
	groups := c.byID("groups", obj["groups"], groupIDs, "group")
	itemIDs := make([]string, len(defaults.Items))
	for i, it := range defaults.Items {
		itemIDs[i] = it.ID
	}
	items := c.byID("items", obj["items"], itemIDs, "item")

	var nav Nav
	var unlisted []string
	for _, d := range defaults.Groups {
		g := d
		if e, ok := groups[d.ID]; ok {
			got := c.fields(e.place, e.fields, []rule{
				{name: "id", fixed: d.ID},
				{name: "label", label: true},
			}, `only "label" may be changed`)
			g.Label = got["label"]
		} else {
			unlisted = append(unlisted, d.ID)
		}
		nav.Groups = append(nav.Groups, g)
	}
	for _, d := range defaults.Items {
		it := d
		if e, ok := items[d.ID]; ok {
			got := c.fields(e.place, e.fields, []rule{
				{name: "id", fixed: d.ID},
				{name: "group", fixed: d.Group},
				{name: "label", label: true},
				{name: "icon", icon: true},
				{name: "route", fixed: d.Route},
			}, `only "label" and "icon" may be changed`)
			it.Label, it.Icon = got["label"], got["icon"]
		} else {
			unlisted = append(unlisted, d.ID)
		}
		nav.Items = append(nav.Items, it)
	}
	return nav, unlisted
}

// entry is one listed group or item and where it stands in the file.
type entry struct {
	place  string
	fields map[string]any
}

// object checks v is an object with exactly the keys want.
func (c *checker) object(place string, v any, want ...string) (map[string]any, bool) {
	obj, ok := v.(map[string]any)
	if !ok {
		c.add(place, "must be an object with %s", quoteList(want))
		return nil, false
	}
	for _, k := range unknownKeys(obj, want) {
		c.add(join(place, k), "unknown field; the fields are %s", quoteList(want))
	}
	for _, k := range want {
		if _, ok := obj[k]; !ok {
			c.add(join(place, k), "missing")
		}
	}
	return obj, true
}

// byID checks v is an array of objects, each with the id of one of the
// app's entries and none listed twice, and returns them by id.
func (c *checker) byID(place string, v any, ids []string, what string) map[string]entry {
	out := map[string]entry{}
	if v == nil {
		return out
	}
	arr, ok := v.([]any)
	if !ok {
		c.add(place, "must be an array")
		return out
	}
	for i, raw := range arr {
		at := fmt.Sprintf("%s[%d]", place, i)
		obj, ok := raw.(map[string]any)
		if !ok {
			c.add(at, "must be an object")
			continue
		}
		id, ok := obj["id"].(string)
		switch {
		case !ok:
			c.add(join(at, "id"), "missing or not a string; every %s is named by the id it has in %s", what, SampleFile)
		case !slices.Contains(ids, id):
			c.add(join(at, "id"), "the app has no %s %q; the %ss are %s", what, id, what, quoteList(ids))
		case out[id].place != "":
			c.add(join(at, "id"), "%q is listed twice, first at %s", id, out[id].place)
		default:
			out[id] = entry{place: at, fields: obj}
		}
	}
	return out
}

// rule is one field of a group or item: fixed to its default value, or a
// label or icon the producer may change.
type rule struct {
	name  string
	fixed string
	label bool
	icon  bool
}

func (c *checker) fields(place string, obj map[string]any, rules []rule, onlyChangeable string) map[string]string {
	names := make([]string, len(rules))
	for i, r := range rules {
		names[i] = r.name
	}
	for _, k := range unknownKeys(obj, names) {
		c.add(join(place, k), "unknown field; %s", onlyChangeable)
	}
	got := map[string]string{}
	for _, r := range rules {
		at := join(place, r.name)
		raw, present := obj[r.name]
		if !present {
			c.add(at, "missing")
			continue
		}
		s, ok := raw.(string)
		switch {
		case !ok:
			c.add(at, "must be a string")
		case r.label && strings.TrimSpace(s) == "":
			c.add(at, "must not be empty")
		case r.icon && !iconName.MatchString(s):
			c.add(at, "%q is not a Material UI icon name; write the name without the Icon suffix, such as PermDataSetting", s)
		case !r.label && !r.icon && s != r.fixed:
			c.add(at, "%s (the app's value is %q)", onlyChangeable, r.fixed)
		}
		got[r.name] = s
	}
	return got
}

func join(place, key string) string {
	if strings.HasPrefix(place, "(") {
		return key
	}
	return place + "." + key
}

// unknownKeys lists the keys of obj not in known, sorted so that the
// problems come out the same on every run.
func unknownKeys(obj map[string]any, known []string) []string {
	var unknown []string
	for k := range obj {
		if !slices.Contains(known, k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	return unknown
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// readLimited reads a file that may be at most limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("larger than %s", sizeText(limit))
	}
	return data, nil
}

func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.3g MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}
