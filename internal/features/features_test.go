package features

import (
	"fmt"
	"testing"
	"time"
)

func TestSummarize(t *testing.T) {
	records := []Record{
		{Name: "3D_Rendering", Version: "3.2", Count: 100, Used: 75, Expiry: "2027-11-01"},
		{Name: "3D_Rendering", Version: "3.2", Count: 50, Used: 50, Expiry: "permanent", OverdraftUsed: 2},
		{Name: "3D_Rendering", Version: "3.2", Count: 10, Used: 0, Expiry: "2026-12-15"},
		{Name: "3D_Rendering", Version: "10.0", Count: 5, Used: 1, Expiry: "2027-01-01"},
		{Name: "Export_to_CSV", Version: "4.8", Count: 0, Used: 12, Expiry: "permanent", Uncounted: true},
		{Name: "Cloud_Minutes", Version: "1.0", Count: 10000, Used: 2540, Expiry: "2026-12-31", OverdraftUsed: 40, Metered: true},
		{Name: "Over", Version: "1.0", Count: 5, Used: 7, Expiry: "2026-12-31"},
		{Name: "Perm", Version: "2.0", Count: 3, Used: 1, Expiry: "permanent"},
		{Name: "Perm", Version: "2.0", Count: 3, Used: 1, Expiry: "permanent"},
	}
	got := Summarize(records)
	want := []Summary{
		{Name: "3D_Rendering", Version: "3.2", Records: 3, TotalCount: 160, TotalUsed: 125, TotalAvailable: 35, FirstExpiration: "2026-12-15", LastExpiration: "permanent", TotalOverdraft: 2, Counted: true},
		{Name: "3D_Rendering", Version: "10.0", Records: 1, TotalCount: 5, TotalUsed: 1, TotalAvailable: 4, FirstExpiration: "2027-01-01", LastExpiration: "2027-01-01", Counted: true},
		{Name: "Cloud_Minutes", Version: "1.0", Records: 1, TotalCount: 10000, TotalUsed: 2540, TotalAvailable: 7460, FirstExpiration: "2026-12-31", LastExpiration: "2026-12-31", TotalOverdraft: 40, Metered: true, Counted: true},
		{Name: "Export_to_CSV", Version: "4.8", Records: 1, TotalCount: 0, TotalUsed: 12, TotalAvailable: 0, FirstExpiration: "permanent", LastExpiration: "permanent"},
		{Name: "Over", Version: "1.0", Records: 1, TotalCount: 5, TotalUsed: 7, TotalAvailable: 0, FirstExpiration: "2026-12-31", LastExpiration: "2026-12-31", Counted: true},
		{Name: "Perm", Version: "2.0", Records: 2, TotalCount: 6, TotalUsed: 2, TotalAvailable: 4, FirstExpiration: "permanent", LastExpiration: "permanent", Counted: true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d rows: %+v", len(got), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if len(Summarize(nil)) != 0 {
		t.Fatal("no records, no rows")
	}
}

func TestExpiryOrder(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"2026-01-01", "2026-01-02", true},
		{"2026-01-02", "2026-01-01", false},
		{"2026-01-01", "permanent", true},
		{"permanent", "2026-01-01", false},
		{"permanent", "permanent", false},
		{"2026-01-01T10:00:00Z", "2026-01-01", false},
		{"PERMANENT", "2030-01-01", false},
	}
	for _, tt := range tests {
		if got := ExpiryBefore(tt.a, tt.b); got != tt.want {
			t.Errorf("%s < %s = %v", tt.a, tt.b, got)
		}
	}
}

func TestExpiringSoon(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		expiry string
		want   bool
	}{
		{"2026-12-01", true},
		{"2026-12-26", true},
		{"2026-12-28", false},
		{"2026-11-01", true}, // already expired
		{"permanent", false},
		{"not a date", false},
	}
	for _, tt := range tests {
		if got := ExpiringSoon(tt.expiry, now); got != tt.want {
			t.Errorf("%s: %v", tt.expiry, got)
		}
	}
}

func TestCompareVersions(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"10.0", "9.9", 1},
		{"1.0", "2.0", -1},
		{"2.0", "2.0", 0},
		{"2", "2.0", 0},
		{"3.10", "3.9", 1},
		{"1.0.1", "1.0", 1},
		{"1.a", "1.b", -1},
	}
	for _, tt := range tests {
		if got := CompareVersions(tt.a, tt.b); got != tt.want {
			t.Errorf("%s vs %s = %d", tt.a, tt.b, got)
		}
	}
}

func benchRecords(n int) []Record {
	out := make([]Record, n)
	for i := range out {
		exp := "permanent"
		if i%3 != 0 {
			exp = fmt.Sprintf("2027-%02d-%02d", i%12+1, i%28+1)
		}
		out[i] = Record{Name: fmt.Sprintf("feature_%d", i%2000), Version: fmt.Sprintf("%d.%d", i%3+1, i%5),
			Count: int64(i % 500), Used: int64(i % 300), Expiry: exp, Metered: i%7 == 0, Uncounted: i%11 == 0}
	}
	return out
}

func BenchmarkSummarize10k(b *testing.B)  { benchSummarize(b, 10_000) }
func BenchmarkSummarize100k(b *testing.B) { benchSummarize(b, 100_000) }

func benchSummarize(b *testing.B, n int) {
	recs := benchRecords(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Summarize(recs)
	}
}
