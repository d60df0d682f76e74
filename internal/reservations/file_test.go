package reservations

import (
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

func TestImportReportsEveryProblemWithItsLocation(t *testing.T) {
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
  {"name": 5, "reservations": {}},
  "nope",
  {"name": "OK", "reservations": [{"hostId": {"value": "h3", "type": "MAC"}, "reservationEntries": [{"featureName": "F", "featureVersion": "1.0", "featureCount": 1}]}]}
]`
	p := Import([]byte(file), nil)
	want := []string{
		`groups[0].reservations[0].reservationEntries[2].featureCount: "1.5" is not a whole number`,
		`groups[0].reservations[0].reservationEntries[2].featureVersion: "3" is not a version in numeric a.b form`,
		`groups[1].reservations[1].hostId: hostId must be an object`,
		`groups[1].reservations[2].hostId: no hostId`,
		`groups[1].reservations[2].reservationEntries[0]: must be an object, not a number`,
		`groups[1].reservations[0].reservationEntries[0].featureCount: positive`,
		`groups[1].reservations[1].reservationEntries: reserves no feature`,
		`groups[2].name: name must be text, not a number`,
		`groups[2].reservations: reservations must be a list, not an object`,
		`groups[3]: must be an object with name and reservations, not text`,
		`groups[4].reservations[0].hostId.type: "MAC" is not a host ID type`,
		`groups[1].name: "a" is also the name of groups[0]`,
		`groups[1].reservations[0].hostId: Host ID H1/STRING is also reserved in groups[0] ("A")`,
	}
	checkProblems(t, "errors", p.Errors, want)
	checkProblems(t, "warnings", p.Warnings, []string{
		`groups[0].color: Unknown field "color" is ignored`,
		`groups[0].reservations[0].reservationEntries[1].featureVersion: read as "2.0"`,
		`groups[0].reservations[0].reservationEntries[1].featureCount: read as 2`,
	})
	if p.GroupCount != 5 || p.Keep.Summary != (Summary{Skipped: 5}) {
		t.Fatalf("counts %d, summary %+v", p.GroupCount, p.Keep.Summary)
	}
}

func checkProblems(t *testing.T, what string, got []Problem, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d:", what, len(got))
		for _, p := range got {
			t.Errorf("  %s: %s", p.Location, p.Message)
		}
		return
	}
	for i, w := range want {
		loc, words, _ := strings.Cut(w, ": ")
		if got[i].Location != loc || !strings.Contains(got[i].Message, words) {
			t.Errorf("%s %d: got %s: %s; want %s", what, i, got[i].Location, got[i].Message, w)
		}
	}
}

func TestImportSyntaxAndShape(t *testing.T) {
	tests := []struct {
		name, file string
		want       string // "location: words"
	}{
		{"empty", "  \n", "file: empty"},
		{"syntax error", "[\n  {\"name\": \"A\",,\n", "line 2, column 16: not valid JSON"},
		{"unicode column", "{\"name\": \"Ü\" x}", "line 1, column 14: not valid JSON"},
		{"truncated", "[\n  {\"name\": \"A\"", "line 2, column 14: ends before its JSON is complete"},
		{"trailing content", "{\"name\": \"A\", \"reservations\": []}\n{}", "line 2, column 1: after the JSON value"},
		{"not a group", "42", "file: not a number"},
		{"not UTF-8", "{\"name\": \"\xff\"}", "file: not UTF-8"},
	}
	for _, tt := range tests {
		p := Import([]byte(tt.file), nil)
		loc, words, _ := strings.Cut(tt.want, ": ")
		if len(p.Errors) != 1 || p.Errors[0].Location != loc || !strings.Contains(p.Errors[0].Message, words) {
			t.Errorf("%s: %+v, want %s", tt.name, p.Errors, tt.want)
		}
	}
	p := Import([]byte("\ufeff[]"), nil)
	if len(p.Errors) != 0 || len(p.Warnings) != 1 || p.GroupCount != 0 {
		t.Fatalf("BOM and empty list: %+v", p)
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
	})
}
