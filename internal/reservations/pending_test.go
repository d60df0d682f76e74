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
	groups, fields := FromPending(pending, server)
	if len(fields) != 0 {
		t.Fatalf("fields %v", fields)
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
}

func TestFromPendingProblems(t *testing.T) {
	tests := []struct {
		name    string
		pending []PendingEntry
		want    map[string]string // key → words of the message
	}{
		{"fields", []PendingEntry{{GroupName: "", DeviceID: "", IDType: "MAC", FeatureName: "", Version: "3", Count: 0}}, map[string]string{
			"entries.0.groupName": "required", "entries.0.deviceId": "required", "entries.0.idType": `"MAC"`,
			"entries.0.featureName": "required", "entries.0.version": `"3" is not a version`, "entries.0.count": "positive",
		}},
		{"group name on the server, any case", []PendingEntry{
			{GroupName: "support", DeviceID: "H9", IDType: "STRING", FeatureName: "A", Version: "1.0", Count: 1},
		}, map[string]string{"entries.0.groupName": `"Support" already exists on the server`}},
		{"host reserved on the server", []PendingEntry{
			{GroupName: "New", DeviceID: "joe", IDType: "USER", FeatureName: "A", Version: "1.0", Count: 1},
		}, map[string]string{"entries.0.deviceId": `JOE/USER already has a reservation in group "Support"`}},
		{"host in two pending groups", []PendingEntry{
			{GroupName: "New", DeviceID: "H1", IDType: "STRING", FeatureName: "A", Version: "1.0", Count: 1},
			{GroupName: "Other", DeviceID: "H1", IDType: "STRING", FeatureName: "B", Version: "1.0", Count: 1},
		}, map[string]string{"entries.1.deviceId": `H1/STRING is already reserved in group "New" (row 1)`}},
		{"same feature and version twice for a host", []PendingEntry{
			{GroupName: "New", DeviceID: "H1", IDType: "STRING", FeatureName: "A", Version: "1.0", Count: 1},
			{GroupName: "New", DeviceID: "H1", IDType: "STRING", FeatureName: "A", Version: "1.00", Count: 2},
			{GroupName: "New", DeviceID: "H1", IDType: "STRING", FeatureName: "A", Version: "1.1", Count: 2},
		}, map[string]string{"entries.1.featureName": "Row 1 already reserves A 1.00 for H1/STRING"}},
	}
	for _, tt := range tests {
		_, fields := FromPending(tt.pending, server)
		if len(fields) != len(tt.want) {
			t.Errorf("%s: got %v", tt.name, fields)
			continue
		}
		for k, words := range tt.want {
			if !strings.Contains(fields[k], words) {
				t.Errorf("%s: %s is %q, want %q", tt.name, k, fields[k], words)
			}
		}
	}
}
