package operations

import (
	"context"
	"testing"

	"licenseservermanager/internal/listing"
)

func TestTableReleasesTheMemoryOfALargeRead(t *testing.T) {
	released := 0
	was := releaseMemory
	releaseMemory = func() { released++ }
	t.Cleanup(func() { releaseMemory = was })
	load := func(n int) func(context.Context) ([]int, struct{}, error) {
		return func(context.Context) ([]int, struct{}, error) { return make([]int, n), struct{}{}, nil }
	}

	tests := []struct {
		name     string
		rows     int
		refresh  bool
		released int
	}{
		{"a first read of a large list", largeRead, false, 1},
		{"the cached read, not read again", largeRead, false, 1},
		{"a refresh of the large list", largeRead, true, 2},
		{"a refresh that reads a small list", largeRead - 1, true, 2},
	}
	var tb table[int, struct{}]
	for _, tt := range tests {
		if _, err := tb.read(context.Background(), "server", tt.refresh, load(tt.rows)); err != nil {
			t.Fatal(err)
		}
		if released != tt.released {
			t.Errorf("%s: memory released %d times in all, want %d", tt.name, released, tt.released)
		}
	}
}

func TestTableDropsTheViewOfTheReadItReplaces(t *testing.T) {
	var tb table[int, struct{}]
	ctx := context.Background()
	first, _ := tb.read(ctx, "server", false, func(context.Context) ([]int, struct{}, error) { return []int{3, 1, 2}, struct{}{}, nil })
	tb.filtered(first, listing.Query{Page: 1, PageSize: 50})
	if tb.view.of != first {
		t.Fatal("the view of the first read was not memoised")
	}
	if _, err := tb.read(ctx, "server", true, func(context.Context) ([]int, struct{}, error) { return []int{4}, struct{}{}, nil }); err != nil {
		t.Fatal(err)
	}
	if tb.view.of != nil || tb.view.result != nil {
		t.Errorf("the view still holds the replaced read: %v", tb.view.result)
	}
}
