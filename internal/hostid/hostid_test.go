package hostid

import "testing"

func TestKnown(t *testing.T) {
	for _, tt := range []struct {
		typ  string
		want bool
	}{{"ETHERNET", true}, {"CONTAINER_ID", true}, {"ethernet", false}, {"", false}, {"MAC", false}} {
		if got := Known(tt.typ); got != tt.want {
			t.Errorf("Known(%q) = %v, want %v", tt.typ, got, tt.want)
		}
	}
}
