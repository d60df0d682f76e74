package instance

import "testing"

func TestIsQuitRequest(t *testing.T) {
	tests := []struct {
		args []string
		want bool
	}{
		{[]string{"--quit"}, true},
		{[]string{"--demo", "--quit"}, true},
		{[]string{"--demo"}, false},
		{nil, false},
		{[]string{"--quitter"}, false},
	}
	for _, tt := range tests {
		if got := IsQuitRequest(tt.args); got != tt.want {
			t.Errorf("%v: got %v", tt.args, got)
		}
	}
}
