package csvexport

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"", ""},
		{"=1+2", "'=1+2"},
		{"+SUM(A1)", "'+SUM(A1)"},
		{"-cmd", "'-cmd"},
		{"@HYPERLINK(\"x\")", "'@HYPERLINK(\"x\")"},
		{"\t=1", "'\t=1"},
		{"-5", "-5"},
		{"+3.25", "+3.25"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got := Neutralise(tt.in); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteQuotesAndRoundTrips(t *testing.T) {
	rows := [][]string{
		{"3D_Rendering", "with, comma", "say \"hi\""},
		{"multi\nline", "=cmd|'/C calc'!A0", "Zürich"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, []string{"Feature", "Vendor String", "Note"}, rows); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "\ufeff") || !strings.Contains(out, "\r\n") {
		t.Fatalf("BOM or CRLF missing: %q", out)
	}
	got, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Feature", "Vendor String", "Note"},
		{"3D_Rendering", "with, comma", "say \"hi\""},
		{"multi\nline", "'=cmd|'/C calc'!A0", "Zürich"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d records", len(got))
	}
	for i := range want {
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Errorf("[%d][%d] = %q, want %q", i, j, got[i][j], want[i][j])
			}
		}
	}
}
