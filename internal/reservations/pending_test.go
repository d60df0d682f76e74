package reservations

import (
	"reflect"
	"strings"
	"testing"
)

var server = []Group{
	{ID: 1, Name: "Engineering", Reservations: []Reservation{res("0A1B2C3D4E5F", "ETHERNET", entry("3D_Rendering", "3.0", 5))}},
	{ID: 2, Name: "Support", Reservations: []Reservation{res("JOE", "USER", entry("Export_to_CSV", "4.8", 2))}},
}

func TestFromPendingBuildsGroups(t *testing.T) {
	pending := []PendingEntry{
		{GroupName: "Lab", DeviceID: "H1", IDType: "STRING", FeatureName: "A", Version: "1.0", Count: 1},
		{GroupName: "Field", DeviceID: "ann", IDType: "user", FeatureName: "A", Version: "1.0", Count: 2},
		{GroupName: " lab ", DeviceID: "H1", IDType: "string", FeatureName: "B", Version: "2.0", Count: 3},
		{GroupName: "Lab", DeviceID: "H2", IDType: "STRING", FeatureName: "A", Version: "1.0", Count: 4},
	}
	groups, problems := FromPending(pending, server)
	if len(problems) != 0 {
		t.Fatalf("problems %v", problems)
	}
	want := []Group{
		{Name: "Lab", Reservations: []Reservation{
			res("H1", "STRING", entry("A", "1.0", 1), entry("B", "2.0", 3)),
			res("H2", "STRING", entry("A", "1.0", 4)),
		}},
		{Name: "Field", Reservations: []Reservation{res("ANN", "USER", entry("A", "1.0", 2))}},
	}
	if !reflect.DeepEqual(groups, want) {
		t.Fatalf("groups\n got %+v\nwant %+v", groups, want)
	}
	if rows := RowGroups(pending); !reflect.DeepEqual(rows, []int{0, 1, 0, 0}) {
		t.Fatalf("row groups %v", rows)
	}
}

func TestFromPendingProblems(t *testing.T) {
	tests := []struct {
		name    string
		pending []PendingEntry
		want    map[string]string // "row.field code" → words of the message
	}{
		{"fields", []PendingEntry{{GroupName: "", DeviceID: "", IDType: "MAC", FeatureName: "", Version: "3", Count: 0}}, map[string]string{
			"0.groupName required": "required", "0.deviceId required": "required", "0.idType format": `"MAC"`,
			"0.featureName required": "required", "0.version format": `"3" is not a version`, "0.count format": "positive",
		}},
		{"group name on the server, any case", []PendingEntry{
			{GroupName: "support", DeviceID: "H9", IDType: "STRING", FeatureName: "A", Version: "1.0", Count: 1},
		}, map[string]string{"0.groupName name_taken": `"Support" already exists on the server`}},
		{"host reserved on the server", []PendingEntry{
			{GroupName: "New", DeviceID: "joe", IDType: "USER", FeatureName: "A", Version: "1.0", Count: 1},
		}, map[string]string{"0.deviceId host_taken": `JOE/USER already has a reservation in group "Support"`}},
		{"host in two pending groups", []PendingEntry{
			{GroupName: "New", DeviceID: "H1", IDType: "STRING", FeatureName: "A", Version: "1.0", Count: 1},
			{GroupName: "Other", DeviceID: "H1", IDType: "STRING", FeatureName: "B", Version: "1.0", Count: 1},
		}, map[string]string{"1.deviceId host_in_other_group": `H1/STRING is already reserved in group "New" (row 1)`}},
		{"same feature and version twice for a host", []PendingEntry{
			{GroupName: "New", DeviceID: "H1", IDType: "STRING", FeatureName: "A", Version: "1.0", Count: 1},
			{GroupName: "New", DeviceID: "H1", IDType: "STRING", FeatureName: "A", Version: "1.00", Count: 2},
			{GroupName: "New", DeviceID: "H1", IDType: "STRING", FeatureName: "A", Version: "1.1", Count: 2},
		}, map[string]string{"1.featureName duplicate": "Row 1 already reserves A 1.00 for H1/STRING"}},
	}
	for _, tt := range tests {
		_, problems := FromPending(tt.pending, server)
		got := map[string]string{}
		for _, p := range problems {
			got[p.Item+"."+p.Field+" "+p.Code] = p.Message
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %v", tt.name, got)
			continue
		}
		for k, words := range tt.want {
			if !strings.Contains(got[k], words) {
				t.Errorf("%s: %s is %q, want %q", tt.name, k, got[k], words)
			}
		}
	}
}

func TestToPendingListsEveryEntryOfTheGroup(t *testing.T) {
	g := Group{ID: 7, Name: "Lab", Reservations: []Reservation{
		res("H1", "STRING", entry("A", "1.0", 1), entry("B", "2.0", 3)),
		res("ANN", "USER", entry("A", "1.0", 2)),
	}}
	rows := ToPending(g)
	want := []PendingEntry{
		{GroupName: "Lab", DeviceID: "H1", IDType: "STRING", FeatureName: "A", Version: "1.0", Count: 1},
		{GroupName: "Lab", DeviceID: "H1", IDType: "STRING", FeatureName: "B", Version: "2.0", Count: 3},
		{GroupName: "Lab", DeviceID: "ANN", IDType: "USER", FeatureName: "A", Version: "1.0", Count: 2},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("rows\n got %+v\nwant %+v", rows, want)
	}
	// Back to a group, it is the same group.
	again, problems := FromPending(rows, nil)
	if len(problems) != 0 || len(again) != 1 || !reflect.DeepEqual(again[0].Reservations, g.Reservations) {
		t.Fatalf("round trip: %+v %v", again, problems)
	}
}
