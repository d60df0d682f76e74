package reservations

import (
	"strings"
	"testing"
)

func TestCheckFields(t *testing.T) {
	tests := []struct {
		name string
		msg  string
		want string // "" when valid, else a word the message must contain
	}{
		{"group name", CheckGroupName("Support"), ""},
		{"blank group name", CheckGroupName("  "), "required"},
		{"host value", CheckHostValue("7A7A77AAA77A"), ""},
		{"blank host value", CheckHostValue(""), "required"},
		{"host type", CheckHostType("ETHERNET"), ""},
		{"host type any case", CheckHostType(" user "), ""},
		{"unknown host type", CheckHostType("MAC"), `"MAC" is not a host ID type`},
		{"blank host type", CheckHostType(""), "required"},
		{"feature", CheckFeatureName("3D_Rendering"), ""},
		{"blank feature", CheckFeatureName(""), "required"},
		{"version a.b", CheckVersion("3.0"), ""},
		{"version 10.12", CheckVersion("10.12"), ""},
		{"version a", CheckVersion("3"), `"3" is not a version in numeric a.b form`},
		{"version a.b.c", CheckVersion("6.1.3"), "not a version"},
		{"version text", CheckVersion("v1.0"), "not a version"},
		{"version blank", CheckVersion(""), "required"},
		{"count", CheckCount(1), ""},
		{"count zero", CheckCount(0), "positive"},
		{"count negative", CheckCount(-2), "not -2"},
	}
	for _, tt := range tests {
		switch {
		case tt.want == "" && tt.msg != "":
			t.Errorf("%s: unexpected %q", tt.name, tt.msg)
		case tt.want != "" && !strings.Contains(tt.msg, tt.want):
			t.Errorf("%s: %q does not say %q", tt.name, tt.msg, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want HostID }{
		{HostID{" joe ", "user"}, HostID{"JOE", "USER"}},
		{HostID{"abc", "string"}, HostID{"abc", "STRING"}},
		{HostID{"7a7a77aaa77a", "ETHERNET"}, HostID{"7a7a77aaa77a", "ETHERNET"}},
	}
	for _, tt := range tests {
		if got := tt.in.Normalize(); got != tt.want {
			t.Errorf("%v: got %v, want %v", tt.in, got, tt.want)
		}
	}
}

func entry(name, version string, count int64) Entry {
	return Entry{FeatureName: name, FeatureVersion: version, FeatureCount: count}
}

func res(value, typ string, entries ...Entry) Reservation {
	return Reservation{HostID: HostID{value, typ}, Entries: entries}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		g    Group
		want []string // "location: words of the message"
	}{
		{"valid", Group{Name: "Support", Reservations: []Reservation{
			res("7A7A77AAA77A", "ETHERNET", entry("3D_Rendering", "3.0", 1), entry("Export_to_CSV", "4.8", 2)),
			res("joe", "USER", entry("Cloud_Render_Minutes", "1.0", 3)),
		}}, nil},
		{"empty", Group{}, []string{"reservations: no reservations"}},
		{"no name: the server names it", Group{Reservations: []Reservation{res("H1", "STRING", entry("A", "1.0", 1))}}, nil},
		{"bad fields", Group{Name: "G", Reservations: []Reservation{
			res("", "MAC", entry("", "3", 0)),
			res("H1", "STRING"),
		}}, []string{
			"reservations[0].hostId.value: required",
			`reservations[0].hostId.type: "MAC"`,
			"reservations[0].reservationEntries[0].featureName: required",
			`reservations[0].reservationEntries[0].featureVersion: "3" is not a version`,
			"reservations[0].reservationEntries[0].featureCount: positive",
			"reservations[1].reservationEntries: reserves no feature",
		}},
		{"host twice, USER in any case", Group{Name: "G", Reservations: []Reservation{
			res("Joe", "USER", entry("A", "1.0", 1)),
			res("JOE", "user", entry("B", "1.0", 1)),
		}}, []string{"reservations[1].hostId: JOE/USER already has reservations[0]"}},
		{"same feature and version twice is for the server to judge", Group{Name: "G", Reservations: []Reservation{
			res("H1", "STRING", entry("A", "1.0", 1), entry("A", "01.00", 2)),
		}}, nil},
	}
	for _, tt := range tests {
		checkValidate(t, tt.name, Validate(tt.g), tt.want)
	}
}

func TestRepeatedEntries(t *testing.T) {
	tests := []struct {
		name string
		g    Group
		want []string
	}{
		{"same feature, versions that compare equal", Group{Reservations: []Reservation{
			res("H1", "STRING", entry("A", "1.0", 1), entry("A", "2.0", 1), entry("A", "01.00", 2)),
		}}, []string{"reservations[0].reservationEntries[2]: A 01.00 is already reserved for this host by reservationEntries[0]"}},
		{"same feature for two hosts", Group{Reservations: []Reservation{
			res("H1", "STRING", entry("A", "1.0", 1)), res("H2", "STRING", entry("A", "1.0", 1)),
		}}, nil},
		{"an invalid version is Validate's", Group{Reservations: []Reservation{
			res("H1", "STRING", entry("A", "1", 1), entry("A", "1", 1)),
		}}, nil},
	}
	for _, tt := range tests {
		checkValidate(t, tt.name, repeatedEntries(tt.g), tt.want)
	}
}

// checkValidate compares problems with want, "location: words of the message".
func checkValidate(t *testing.T, name string, got []Problem, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d problems %+v, want %d", name, len(got), got, len(want))
		return
	}
	for i, w := range want {
		loc, words, _ := strings.Cut(w, ": ")
		if got[i].Location != loc || !strings.Contains(got[i].Message, words) {
			t.Errorf("%s: problem %d is %+v, want %s", name, i, got[i], w)
		}
	}
}
