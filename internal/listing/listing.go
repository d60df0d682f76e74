// Package listing pages, sorts and searches the in-memory lists behind the
// app's tables. The license server has no paging or search, so the app
// fetches a list once per visit and serves the UI one page at a time: only a
// page crosses to the web view, which keeps 100,000-row servers smooth.
package listing

import (
	"cmp"
	"slices"
	"strings"
)

// Query is what a table asks for. Page is 1-based.
type Query struct {
	Page     int    `json:"page"`
	PageSize int    `json:"pageSize"`
	Search   string `json:"search"`
	SortBy   string `json:"sortBy"`
	SortDesc bool   `json:"sortDesc"`
}

// Compare orders two rows by one column.
type Compare[T any] func(a, b *T) int

// Columns maps a column key to its ordering.
type Columns[T any] map[string]Compare[T]

// Filter returns the rows that match search (all rows when it is empty).
func Filter[T any](rows []T, search string, match func(*T, string) bool) []T {
	search = strings.TrimSpace(search)
	if search == "" || match == nil {
		return rows
	}
	out := make([]T, 0, 16)
	for i := range rows {
		if match(&rows[i], search) {
			out = append(out, rows[i])
		}
	}
	return out
}

// Sort returns rows ordered by the query's column (a copy; rows is shared).
// An unknown column leaves the server's order.
func Sort[T any](rows []T, q Query, cols Columns[T]) []T {
	by, ok := cols[q.SortBy]
	if !ok {
		return rows
	}
	// Sort positions, not rows: rows are wide structs, and moving them
	// through a stable sort of 100,000 elements costs more than comparing.
	idx := make([]int32, len(rows))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(a, b int32) int {
		c := by(&rows[a], &rows[b])
		if q.SortDesc {
			return -c
		}
		return c
	})
	out := make([]T, len(rows))
	for i, j := range idx {
		out[i] = rows[j]
	}
	return out
}

// Page cuts one page out of rows and returns it with the number of pages.
// A page past the end gives the last page, so a shrinking list never shows
// an empty page.
func Page[T any](rows []T, q Query) (page []T, number, pages int) {
	size := max(q.PageSize, 1)
	pages = max((len(rows)+size-1)/size, 1)
	number = min(max(q.Page, 1), pages)
	start := (number - 1) * size
	end := min(start+size, len(rows))
	if start >= len(rows) {
		return []T{}, number, pages
	}
	return rows[start:end], number, pages
}

// By builds a Compare from a key function.
func By[T any, K cmp.Ordered](key func(*T) K) Compare[T] {
	return func(a, b *T) int { return cmp.Compare(key(a), key(b)) }
}

// Fold is a case-insensitive text key.
func Fold(s string) string { return strings.ToLower(s) }
