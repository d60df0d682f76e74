package reservations

import (
	"strings"
	"testing"

	"licenseservermanager/internal/features"
)

func group(name string, rs ...Reservation) Group { return Group{Name: name, Reservations: rs} }

func TestStatus(t *testing.T) {
	tests := []struct {
		name   string
		groups []Group
		stock  []features.Stock
		want   []string // per row: "ok" or "short: words of the reason"
	}{
		{"exact version", []Group{group("G", res("H1", "STRING", entry("A", "1.0", 3)))},
			[]features.Stock{{Name: "A", Version: "1.0", Count: 3}}, []string{"ok"}},
		{"1.0 is satisfied by 2.0", []Group{group("G", res("H1", "STRING", entry("A", "1.0", 1)))},
			[]features.Stock{{Name: "A", Version: "2.0", Count: 1}}, []string{"ok"}},
		{"2.0 is not satisfied by 1.0", []Group{group("G", res("H1", "STRING", entry("A", "2.0", 1)))},
			[]features.Stock{{Name: "A", Version: "1.0", Count: 10}}, []string{"short: No feature A of version 2.0 or later on the server."}},
		{"10.0 is later than 9.9", []Group{group("G", res("H1", "STRING", entry("A", "9.9", 1), entry("B", "10.0", 1)))},
			[]features.Stock{{Name: "A", Version: "10.0", Count: 1}, {Name: "B", Version: "9.9", Count: 1}},
			[]string{"ok", "short: No feature B of version 10.0"}},
		{"counts summed over records", []Group{group("G", res("H1", "STRING", entry("A", "1.0", 5)))},
			[]features.Stock{{Name: "A", Version: "1.0", Count: 2}, {Name: "A", Version: "1.5", Count: 3}, {Name: "B", Version: "9.0", Count: 9}},
			[]string{"ok"}},
		{"not enough at all", []Group{group("G", res("H1", "STRING", entry("A", "1.0", 5)))},
			[]features.Stock{{Name: "A", Version: "1.0", Count: 4}}, []string{"short: Needs 5 of A ≥ 1.0; the server has 4."}},
		{"other name does not count", []Group{group("G", res("H1", "STRING", entry("A", "1.0", 1)))},
			[]features.Stock{{Name: "a", Version: "1.0", Count: 4}}, []string{"short: No feature A"}},
		{"uncounted satisfies everything", []Group{group("G",
			res("H1", "STRING", entry("A", "1.0", 1000)), res("H2", "STRING", entry("A", "1.0", 1000)))},
			[]features.Stock{{Name: "A", Version: "1.0", Count: 0, Uncounted: true}}, []string{"ok", "ok"}},
		{"shared count, server order among equals", []Group{
			group("G1", res("H1", "STRING", entry("A", "1.0", 3))),
			group("G2", res("H2", "STRING", entry("A", "1.0", 3)), res("H3", "STRING", entry("A", "1.0", 2))),
		}, []features.Stock{{Name: "A", Version: "1.0", Count: 5}},
			[]string{"ok", "short: Needs 3 of A ≥ 1.0; 2 left after other reservations.", "ok"}},
		{"higher version first keeps new stock for who needs it", []Group{
			group("G1", res("H1", "STRING", entry("A", "1.0", 2))),
			group("G2", res("H2", "STRING", entry("A", "2.0", 2))),
		}, []features.Stock{{Name: "A", Version: "2.0", Count: 2}, {Name: "A", Version: "1.0", Count: 2}},
			[]string{"ok", "ok"}},
		{"low version draws old stock first", []Group{
			group("G1", res("H1", "STRING", entry("A", "1.0", 2))),
			group("G2", res("H2", "STRING", entry("A", "3.0", 1))),
			group("G3", res("H3", "STRING", entry("A", "2.0", 3))),
		}, []features.Stock{{Name: "A", Version: "1.0", Count: 2}, {Name: "A", Version: "2.0", Count: 2}, {Name: "A", Version: "3.0", Count: 2}},
			[]string{"ok", "ok", "ok"}},
		{"a short entry takes nothing", []Group{
			group("G1", res("H1", "STRING", entry("A", "2.0", 9))),
			group("G2", res("H2", "STRING", entry("A", "1.0", 4))),
		}, []features.Stock{{Name: "A", Version: "2.0", Count: 4}},
			[]string{"short: Needs 9 of A ≥ 2.0; the server has 4.", "ok"}},
	}
	for _, tt := range tests {
		rows := Satisfy(tt.groups, tt.stock)
		if len(rows) != len(tt.want) {
			t.Errorf("%s: %d rows", tt.name, len(rows))
			continue
		}
		for i, w := range tt.want {
			status, words, _ := strings.Cut(w, ": ")
			if string(rows[i].Status) != status || !strings.Contains(rows[i].Reason, words) {
				t.Errorf("%s: row %d is %s %q, want %s", tt.name, i, rows[i].Status, rows[i].Reason, w)
			}
		}
	}
}

func TestStatusRows(t *testing.T) {
	g := Group{ID: 7, Name: "Support", Reservations: []Reservation{{ID: 8, HostID: HostID{"JOE", "USER"},
		Entries: []Entry{{ID: 9, FeatureName: "A", FeatureVersion: "1.0", FeatureCount: 2}}}}}
	rows := Satisfy([]Group{g}, nil)
	want := Row{Group: "Support", GroupID: 7, EntryID: 9, DeviceID: "JOE", IDType: "USER", Feature: "A", Version: "1.0", Count: 2,
		Status: StatusShort, Reason: "No feature A of version 1.0 or later on the server."}
	if len(rows) != 1 || rows[0] != want {
		t.Fatalf("rows %+v", rows)
	}
}
