package simulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestGroupsPostedWithoutANameAreNamed(t *testing.T) {
	s := New(Options{Security: SecurityOff})
	post := func(body string) (int, wireGroup) {
		t.Helper()
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/1.0/instances/~/reservationgroups", strings.NewReader(body)))
		var g wireGroup
		if rec.Code == http.StatusCreated {
			if err := json.Unmarshal(rec.Body.Bytes(), &g); err != nil {
				t.Fatal(err)
			}
		}
		return rec.Code, g
	}
	group := func(name, host string) string {
		return fmt.Sprintf(`{%s"reservations": [{"hostId": {"value": %q, "type": "STRING"}, "reservationEntries": [{"featureName": "F", "featureVersion": "1.0", "featureCount": 1}]}]}`, name, host)
	}
	tests := []struct {
		name string
		body string
		code int
	}{
		{"no name", group("", "NAMELESS-1"), http.StatusCreated},
		{"another without a name", group("", "NAMELESS-2"), http.StatusCreated},
		{"an empty name", group(`"name": " ", `, "NAMELESS-3"), http.StatusCreated},
		{"no name, a host already reserved", group("", "NAMELESS-1"), http.StatusBadRequest},
	}
	names := map[string]bool{}
	for _, tt := range tests {
		code, g := post(tt.body)
		if code != tt.code {
			t.Fatalf("%s: status %d, want %d", tt.name, code, tt.code)
		}
		if code != http.StatusCreated {
			continue
		}
		if want := fmt.Sprintf("Group %d", g.ID); g.Name != want || names[g.Name] {
			t.Fatalf("%s: named %q (id %d), want %q, once", tt.name, g.Name, g.ID, want)
		}
		names[g.Name] = true
	}
}

func TestGeneratedGroupNameKeepsClearOfTakenNames(t *testing.T) {
	tests := []struct {
		taken []string
		want  string
	}{
		{nil, "Group 7"},
		{[]string{"Group 70", "Support"}, "Group 7"},
		{[]string{"group 7"}, "Group 7 (2)"},
		{[]string{"Group 7", "GROUP 7 (2)"}, "Group 7 (3)"},
	}
	for _, tt := range tests {
		st := newState()
		for _, n := range tt.taken {
			st.groups = append(st.groups, &wireGroup{Name: n})
		}
		if got := st.generatedGroupName(7); got != tt.want {
			t.Errorf("taken %v: %q, want %q", tt.taken, got, tt.want)
		}
	}
}
