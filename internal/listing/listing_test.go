package listing

import (
	"strings"
	"testing"
)

type row struct {
	name  string
	count int
}

var rows = []row{{"b", 2}, {"a", 3}, {"c", 1}, {"ab", 5}, {"B2", 4}}

var cols = Columns[row]{
	"name":  By(func(r *row) string { return Fold(r.name) }),
	"count": By(func(r *row) int { return r.count }),
}

func names(rs []row) string {
	var b []string
	for _, r := range rs {
		b = append(b, r.name)
	}
	return strings.Join(b, ",")
}

func contains(r *row, s string) bool {
	return strings.Contains(strings.ToLower(r.name), strings.ToLower(s))
}

func TestFilterSortPage(t *testing.T) {
	tests := []struct {
		name  string
		q     Query
		want  string
		total int
		page  int
		pages int
	}{
		{"first page in server order", Query{Page: 1, PageSize: 2}, "b,a", 5, 1, 3},
		{"last partial page", Query{Page: 3, PageSize: 2}, "B2", 5, 3, 3},
		{"past the end gives the last page", Query{Page: 9, PageSize: 2}, "B2", 5, 3, 3},
		{"page zero gives the first", Query{Page: 0, PageSize: 2}, "b,a", 5, 1, 3},
		{"sorted by name", Query{Page: 1, PageSize: 10, SortBy: "name"}, "a,ab,b,B2,c", 5, 1, 1},
		{"sorted by count descending", Query{Page: 1, PageSize: 3, SortBy: "count", SortDesc: true}, "ab,B2,a", 5, 1, 2},
		{"search then sort", Query{Page: 1, PageSize: 10, Search: "b", SortBy: "count"}, "b,B2,ab", 3, 1, 1},
		{"unknown sort column keeps order", Query{Page: 1, PageSize: 10, SortBy: "nope"}, "b,a,c,ab,B2", 5, 1, 1},
		{"no match", Query{Page: 1, PageSize: 10, Search: "zzz"}, "", 0, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			view := Sort(Filter(rows, tt.q.Search, contains), tt.q, cols)
			page, number, pages := Page(view, tt.q)
			total := len(view)
			if names(page) != tt.want || total != tt.total || number != tt.page || pages != tt.pages {
				t.Fatalf("got %q total %d page %d/%d", names(page), total, number, pages)
			}
		})
	}
	if names(rows) != "b,a,c,ab,B2" {
		t.Fatal("sorting must not reorder the shared slice")
	}
}
