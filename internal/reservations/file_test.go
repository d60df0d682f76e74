package reservations

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestImportTheDocumentedFixture(t *testing.T) {
	data, err := os.ReadFile("../../../shared/fixtures/fne/reservation-group.json")
	if err != nil {
		t.Skip("fixtures not available:", err)
	}
	p := Import(data, nil)
	if len(p.Errors) != 0 || len(p.Warnings) != 0 {
		t.Fatalf("errors %+v warnings %+v", p.Errors, p.Warnings)
	}
	if p.GroupCount != 1 || p.ReservationCount != 2 || p.EntryCount != 3 || p.Keep.Summary != (Summary{ToImport: 1}) {
		t.Fatalf("%+v", p)
	}
	g := p.Groups[0]
	if g.Location != "" || !g.Valid || g.Group.Name != "support" || g.Group.Reservations[1].HostID != (HostID{"JOE", "USER"}) {
		t.Fatalf("group %+v", g)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	groups := []Group{
		{ID: 1, Name: "Engineering <R&D>", Reservations: []Reservation{
			{ID: 2, HostID: HostID{"0A1B2C3D4E5F", "ETHERNET"}, Entries: []Entry{
				{ID: 3, FeatureName: "3D_Rendering", FeatureVersion: "3.0", FeatureCount: 5},
				{ID: 4, FeatureName: "Mesh_Repair", FeatureVersion: "10.15", FeatureCount: 9007199254740993},
			}},
			{ID: 5, HostID: HostID{"JOE", "USER"}, Entries: []Entry{{ID: 6, FeatureName: "Ünïcode", FeatureVersion: "1.0", FeatureCount: 1}}},
		}},
		{ID: 7, Name: "Support", Reservations: []Reservation{
			{ID: 8, HostID: HostID{"4C4C4544-0039-3610-8033-B7C04F4A5831", "VM_UUID"}, Entries: []Entry{{ID: 9, FeatureName: "A", FeatureVersion: "2.1", FeatureCount: 2}}},
		}},
	}
	data := Export(groups)
	if strings.Contains(string(data), `"id"`) || !strings.Contains(string(data), "\n  {\n    \"name\": \"Engineering <R&D>\"") {
		t.Fatalf("export:\n%s", data)
	}
	p := Import(data, nil)
	if len(p.Errors)+len(p.Warnings) != 0 {
		t.Fatalf("problems %+v %+v", p.Errors, p.Warnings)
	}
	var back []Group
	for _, g := range p.Groups {
		back = append(back, g.Group)
	}
	want := []Group{groups[0].WithoutIDs(), groups[1].WithoutIDs()}
	if !reflect.DeepEqual(back, want) {
		t.Fatalf("round trip\n got %+v\nwant %+v", back, want)
	}
	if string(Export(nil)) != "[]\n" {
		t.Fatalf("empty export %q", Export(nil))
	}
}

func TestImportReportsEveryProblemWithItsPlace(t *testing.T) {
	file := `[
  {"name": "A", "color": "red", "reservations": [
    {"hostId": {"value": "H1", "type": "STRING"}, "reservationEntries": [
      {"featureName": "F", "featureVersion": "1.0", "featureCount": 1},
      {"featureName": "F", "featureVersion": 2.0, "featureCount": "2"},
      {"featureName": "G", "featureVersion": "3", "featureCount": 1.5}
    ]}
  ]},
  {"name": "a", "reservations": [
    {"hostId": {"value": "H1", "type": "string"}, "reservationEntries": [{"featureName": "F", "featureVersion": "1.0", "featureCount": 0}]},
    {"hostId": "H2", "reservationEntries": []},
    {"reservationEntries": [7]}
  ]},
  {"name": true, "reservations": {}},
  "nope",
  {"name": "OK", "reservations": [{"hostId": {"value": "h3", "type": "MAC"}, "reservationEntries": [{"featureName": "F", "featureVersion": "1.0", "featureCount": 1}]}]}
]`
	p := Import([]byte(file), nil)
	checkProblems(t, "errors", p.Errors, []string{
		`6:46 groups[0].reservations[0].reservationEntries[2].featureVersion: "3" is not a version in numeric a.b form`,
		`6:67 groups[0].reservations[0].reservationEntries[2].featureCount: 1.5 is not a whole number`,
		`9:12 groups[1].name: "a" is also the name of the group at line 2`,
		`10:16 groups[1].reservations[0].hostId: Host ID H1/STRING is also reserved in group "A" (line 2)`,
		`10:136 groups[1].reservations[0].reservationEntries[0].featureCount: positive`,
		`11:16 groups[1].reservations[1].hostId: hostId must be an object`,
		`11:44 groups[1].reservations[1].reservationEntries: reserves no feature`,
		`12:5 groups[1].reservations[2].hostId: no hostId`,
		`12:29 groups[1].reservations[2].reservationEntries[0]: must be an object, not a number`,
		`14:12 groups[2].name: name must be text, not true`,
		`14:34 groups[2].reservations: reservations must be a list, not an object`,
		`15:3 groups[3]: must be an object with reservations, not text`,
		`16:70 groups[4].reservations[0].hostId.type: "MAC" is not a host ID type`,
	})
	checkProblems(t, "warnings", p.Warnings, []string{
		`2:17 groups[0].color: Unknown field "color" is ignored`,
		`5:46 groups[0].reservations[0].reservationEntries[1].featureVersion: read as "2.0"`,
		`10:40 groups[1].reservations[0].hostId.type: The host ID type "string" is read as "STRING"`,
	})
	if p.GroupCount != 5 || p.Keep.Summary != (Summary{Skipped: 5}) {
		t.Fatalf("counts %d, summary %+v", p.GroupCount, p.Keep.Summary)
	}
	if lines := []int{p.Groups[0].Line, p.Groups[3].Line, p.Groups[4].Line}; !reflect.DeepEqual(lines, []int{2, 15, 16}) {
		t.Fatalf("groups start at lines %v", lines)
	}
}

// checkProblems compares problems with want, "LINE:COL location: words of
// the message".
func checkProblems(t *testing.T, what string, got []Problem, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d:", what, len(got))
		for _, p := range got {
			t.Errorf("  %d:%d %s: %s", p.Line, p.Column, p.Location, p.Message)
		}
		return
	}
	for i, w := range want {
		place, rest, _ := strings.Cut(w, " ")
		loc, words, _ := strings.Cut(rest, ": ")
		if fmt.Sprintf("%d:%d", got[i].Line, got[i].Column) != place || got[i].Location != loc || !strings.Contains(got[i].Message, words) {
			t.Errorf("%s %d: got %d:%d %s: %s; want %s", what, i, got[i].Line, got[i].Column, got[i].Location, got[i].Message, w)
		}
	}
}

func TestImportSyntaxAndShape(t *testing.T) {
	tests := []struct {
		name, file string
		want       string // "LINE:COL: words"
	}{
		{"empty", "  \n", "1:1: empty"},
		{"syntax error", "[\n  {\"name\": \"A\",,\n", "2:16: not valid JSON"},
		{"unicode column", "{\"name\": \"Ü\" x}", "1:14: not valid JSON"},
		{"after a byte-order mark", "\ufeff{\"name\" 1}", "1:9: not valid JSON"},
		{"truncated", "[\n  {\"name\": \"A\"\n\n", "2:15: ends before its JSON is complete"},
		{"trailing content", "{\"name\": \"A\", \"reservations\": []}\n  {}", "2:3: after the JSON value"},
		{"not a group", "\n 42", "2:2: not a number"},
		{"not UTF-8", "{\"name\":\n \"a\xff\"}", "2:4: not UTF-8"},
	}
	for _, tt := range tests {
		p := Import([]byte(tt.file), nil)
		place, words, _ := strings.Cut(tt.want, ": ")
		if len(p.Errors) != 1 || fmt.Sprintf("%d:%d", p.Errors[0].Line, p.Errors[0].Column) != place || p.Errors[0].Location != "" || !strings.Contains(p.Errors[0].Message, words) {
			t.Errorf("%s: %+v, want %s", tt.name, p.Errors, tt.want)
		}
	}
	p := Import([]byte("\ufeff[]"), nil)
	if len(p.Errors) != 0 || len(p.Warnings) != 1 || p.GroupCount != 0 {
		t.Fatalf("BOM and empty list: %+v", p)
	}
}

func TestReadTreeFindsWhereEachValueStarts(t *testing.T) {
	data := []byte("{ \"a\" :[1 ,\t\"x\",{\"b\":null}],\r\n\"c\":true}")
	root := readTree(data)
	at := func(off int) string { return string(data[off:]) }
	a := root.get("a")
	if root.off != 0 || !strings.HasPrefix(at(a.off), `"a"`) || !strings.HasPrefix(at(a.val.off), "[1") {
		t.Fatalf("a at %d, its value at %d", a.off, a.val.off)
	}
	got := []string{}
	for _, el := range a.val.elems {
		got = append(got, at(el.off)[:1])
	}
	b := a.val.elems[2].get("b")
	c := root.get("c")
	if strings.Join(got, "") != `1"{` || b.val.kind != kindNull || !strings.HasPrefix(at(b.val.off), "null") ||
		!strings.HasPrefix(at(c.off), `"c"`) || c.val.text != "true" {
		t.Fatalf("elements start with %v; b %+v; c %+v", got, b.val, c.val)
	}
	if line, col := newLines(data).at(c.off); line != 2 || col != 1 {
		t.Fatalf("c at %d:%d", line, col)
	}
}

func TestPlanNamelessGroups(t *testing.T) {
	// Two groups without names and one named like a server group: the
	// nameless ones never match a name, on the server or in the file.
	file := []byte(`[
  {"reservations": [{"hostId": {"value": "H1", "type": "STRING"}, "reservationEntries": [{"featureName": "A", "featureVersion": "1.0", "featureCount": 1}]}]},
  {"name": "", "reservations": [{"hostId": {"value": "H2", "type": "STRING"}, "reservationEntries": [{"featureName": "A", "featureVersion": "1.0", "featureCount": 1}]}]},
  {"reservations": [{"hostId": {"value": "JOE", "type": "USER"}, "reservationEntries": [{"featureName": "A", "featureVersion": "1.0", "featureCount": 1}]}]}
]`)
	p := Import(file, server)
	if len(p.Errors) != 0 || len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0].Message, "the server will name this group") {
		t.Fatalf("errors %+v warnings %+v", p.Errors, p.Warnings)
	}
	for _, plan := range []ImportPlan{p.Keep, p.Replace} {
		var got []string
		for _, a := range plan.Actions {
			got = append(got, fmt.Sprintf("%s %s %q", a.Label, a.Action, a.Name))
		}
		want := []string{`unnamed group (line 2) create ""`, `unnamed group (line 3) create ""`, `unnamed group (line 4) skip ""`}
		if !reflect.DeepEqual(got, want) || plan.Summary != (Summary{ToImport: 2, Skipped: 1}) {
			t.Fatalf("plan %v %+v", got, plan.Summary)
		}
	}
	// JOE is Support's on the server: the host rule holds for every group.
	if !strings.Contains(p.Keep.Actions[2].Reason, `host ID JOE/USER is already reserved in group "Support"`) {
		t.Fatalf("reason %q", p.Keep.Actions[2].Reason)
	}
	// Nothing in the sent form names the group.
	if out := string(Export([]Group{p.Groups[1].Group})); strings.Contains(out, `"name"`) {
		t.Fatalf("export of a nameless group:\n%s", out)
	}
}

func TestStoredAs(t *testing.T) {
	stored := Group{ID: 7, Name: "Group 7", Reservations: []Reservation{res("JOE", "USER"), res("H1", "STRING")}}
	tests := []struct {
		name string
		g    Group
		want bool
	}{
		{"same name, any case", Group{Name: " group 7 "}, true},
		{"another name", Group{Name: "Group 8", Reservations: stored.Reservations}, false},
		{"no name: every host in the group", Group{Reservations: []Reservation{res("joe", "user"), res("H1", "STRING")}}, true},
		{"no name: one host of several", Group{Reservations: []Reservation{res("H1", "STRING")}}, true},
		{"no name: a host the group lacks", Group{Reservations: []Reservation{res("H1", "STRING"), res("H2", "STRING")}}, false},
		{"no name, no hosts", Group{}, false},
	}
	for _, tt := range tests {
		if got := tt.g.StoredAs(stored); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestImportPlansAgainstTheServer(t *testing.T) {
	file := Export([]Group{
		{Name: "support", Reservations: []Reservation{res("ann", "USER", entry("A", "1.0", 1))}},          // name exists
		{Name: "New", Reservations: []Reservation{res("0A1B2C3D4E5F", "ETHERNET", entry("A", "1.0", 1))}}, // host in Engineering
		{Name: "Moved", Reservations: []Reservation{res("JOE", "USER", entry("A", "1.0", 1))}},            // host in Support
		{Name: "Fresh", Reservations: []Reservation{res("H9", "STRING", entry("A", "1.0", 1))}},
	})
	p := Import(file, server)
	if len(p.Errors) != 0 {
		t.Fatalf("errors %+v", p.Errors)
	}
	actions := func(plan ImportPlan) string {
		var s []string
		for _, a := range plan.Actions {
			s = append(s, string(a.Action))
		}
		return strings.Join(s, ",")
	}
	if got := actions(p.Keep); got != "skip,skip,skip,create" || p.Keep.Summary != (Summary{ToImport: 1, Skipped: 3}) {
		t.Fatalf("keep: %s %+v", got, p.Keep)
	}
	if !strings.Contains(p.Keep.Actions[0].Reason, `"Support" already exists`) ||
		p.Keep.Actions[1].Reason != `groups[1].reservations[0].hostId: host ID 0A1B2C3D4E5F/ETHERNET is already reserved in group "Engineering" on the server.` {
		t.Fatalf("reasons %+v", p.Keep.Actions)
	}
	// Replacing Support frees JOE for the group sent after it.
	if got := actions(p.Replace); got != "replace,skip,create,create" || p.Replace.Summary != (Summary{ToImport: 2, ToReplace: 1, Skipped: 1}) {
		t.Fatalf("replace: %s %+v", got, p.Replace)
	}
	if p.Replace.Actions[0].Replaces != 2 {
		t.Fatalf("replaces %+v", p.Replace.Actions[0])
	}
}

func TestPlanSkippedReplacementKeepsItsHosts(t *testing.T) {
	// Replacing Support is impossible (its new host is Engineering's), so
	// Support stays, and JOE stays taken for "Moved".
	groups := []ImportGroup{
		{Group: Group{Name: "Support", Reservations: []Reservation{res("0A1B2C3D4E5F", "ETHERNET", entry("A", "1.0", 1))}}, Location: "groups[0]", Valid: true},
		{Group: Group{Name: "Moved", Reservations: []Reservation{res("JOE", "USER", entry("A", "1.0", 1))}}, Location: "groups[1]", Valid: true},
	}
	p := Plan(groups, server, true)
	if p.Summary != (Summary{Skipped: 2}) || p.Actions[0].Replaces != 0 {
		t.Fatalf("%+v", p)
	}
}

func FuzzImport(f *testing.F) {
	f.Add([]byte(`{"name": "support", "reservations": [{"hostId": {"value": "Joe", "type": "USER"}, "reservationEntries": [{"featureName": "A", "featureVersion": "1.0", "featureCount": 3}]}]}`))
	f.Add([]byte(`[{"name": 1}, [], {"reservations": [null, {"hostId": 1}]}]`))
	f.Add([]byte("[\n{"))
	f.Add([]byte("\ufeff[{\"id\": \"7\", \"name\": \"\", \"reservations\": [{\"hostId\": {\"value\": 1, \"type\": \"user\"}, \"reservationEntries\": [{\"featureCount\": \"2.0e0\"}]}]}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := Import(data, server)
		if p.GroupCount != len(p.Groups) || len(p.Keep.Actions) != p.GroupCount {
			t.Fatalf("inconsistent preview %+v", p)
		}
		for _, g := range p.Groups {
			if g.Valid && len(Validate(g.Group)) != 0 {
				t.Fatalf("valid group with problems: %+v", g)
			}
		}
		for _, d := range Check(data) {
			if d.Line < 1 || d.Column < 1 || d.Message == "" {
				t.Fatalf("diagnostic without a place: %+v", d)
			}
		}
	})
}
