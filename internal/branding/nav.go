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
func loadNav(path string, defaults Nav) (*Nav, []Problem) {
	data, err := readLimited(path, maxDataBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []Problem{{File: DataFile, Message: err.Error()}}
	}
	nav, problems := ParseNav(data, defaults)
	if len(problems) > 0 {
		return nil, problems
	}
	return &nav, nil
}

// ParseNav checks a data.json against the defaults: the same groups and items
// in the same order, with only labels (and item icons) changed. Any problem
// rejects the whole file.
func ParseNav(data []byte, defaults Nav) (Nav, []Problem) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var root any
	if err := dec.Decode(&root); err != nil {
		return Nav{}, []Problem{syntaxProblem(data, err)}
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := lineCol(data, dec.InputOffset())
		return Nav{}, []Problem{{File: DataFile, Place: fmt.Sprintf("line %d, column %d", line, col), Message: "unexpected text after the JSON object"}}
	}
	c := checker{}
	nav := c.nav(root, defaults)
	return nav, c.problems
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

func (c *checker) nav(v any, defaults Nav) Nav {
	obj, ok := c.object("(top level)", v, "groups", "items")
	if !ok {
		return Nav{}
	}
	var nav Nav
	for i, fields := range c.list("groups", obj["groups"], len(defaults.Groups), "group") {
		d := defaults.Groups[i]
		got := c.fields(fmt.Sprintf("groups[%d]", i), fields, []rule{
			{name: "id", fixed: d.ID},
			{name: "label", label: true},
		}, `only "label" may be changed`)
		nav.Groups = append(nav.Groups, Group{ID: d.ID, Label: got["label"]})
	}
	for i, fields := range c.list("items", obj["items"], len(defaults.Items), "item") {
		d := defaults.Items[i]
		got := c.fields(fmt.Sprintf("items[%d]", i), fields, []rule{
			{name: "id", fixed: d.ID},
			{name: "group", fixed: d.Group},
			{name: "label", label: true},
			{name: "icon", icon: true},
			{name: "route", fixed: d.Route},
		}, `only "label" and "icon" may be changed`)
		nav.Items = append(nav.Items, Item{ID: d.ID, Group: d.Group, Label: got["label"], Icon: got["icon"], Route: d.Route})
	}
	return nav
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

// list checks v is an array of exactly n objects and returns those it can
// check further, by position.
func (c *checker) list(place string, v any, n int, what string) []map[string]any {
	if v == nil {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		c.add(place, "must be an array")
		return nil
	}
	for i := n; i < len(arr); i++ {
		c.add(fmt.Sprintf("%s[%d]", place, i), "the app has no such %s; list exactly the %ss of %s, in its order", what, what, SampleFile)
	}
	for i := len(arr); i < n; i++ {
		c.add(fmt.Sprintf("%s[%d]", place, i), "missing; list every %s of %s, in its order", what, SampleFile)
	}
	out := make([]map[string]any, 0, n)
	for i := 0; i < n && i < len(arr); i++ {
		obj, ok := arr[i].(map[string]any)
		if !ok {
			c.add(fmt.Sprintf("%s[%d]", place, i), "must be an object")
			obj = map[string]any{}
		}
		out = append(out, obj)
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
