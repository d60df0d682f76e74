package app

import (
	"context"
	"os"
	"strings"
	"sync"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/csvexport"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
)

// cachedList keeps the last list fetched from the active server, so paging,
// sorting and searching do not fetch 100,000 records again. A view asks for
// a refresh when it opens; a profile switch invalidates it.
type cachedList[T any] struct {
	mu       sync.Mutex
	client   *fne.Client
	rows     []T
	loadedAt time.Time
}

func (c *cachedList[T]) get(ctx context.Context, cl *fne.Client, refresh bool, load func(context.Context, *fne.Client) ([]T, error)) ([]T, time.Time, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !refresh && c.client == cl && c.rows != nil {
		return c.rows, c.loadedAt, nil
	}
	rows, err := load(ctx, cl)
	if err != nil {
		return nil, time.Time{}, err
	}
	if rows == nil {
		rows = []T{}
	}
	c.client, c.rows, c.loadedAt = cl, rows, time.Now()
	return rows, c.loadedAt, nil
}

// table is one list view's data: how to load it, search it, order it and
// export it, over a cache of the last load.
type table[T any] struct {
	cache cachedList[T]
	// view memoises the last search and sort, so paging through a sorted
	// 100,000-row list sorts it once, not on every page.
	view struct {
		mu     sync.Mutex
		rows   []T // the cached list view was built from
		search string
		sortBy string
		desc   bool
		result []T
	}
	load  func(context.Context, *fne.Client) ([]T, error)
	match func(*T, string) bool
	order listing.Columns[T]
	csv   []column[T]
	file  string // default name of an export
}

// pageOf is one page of a table.
type pageOf[T any] struct {
	rows               []T
	total, page, pages int
	loadedAt           time.Time
}

func (t *table[T]) page(ctx context.Context, cl *fne.Client, q listing.Query, refresh bool) (pageOf[T], error) {
	rows, at, err := t.cache.get(ctx, cl, refresh, t.load)
	if err != nil {
		return pageOf[T]{}, err
	}
	view := t.filtered(rows, q)
	p, number, pages := listing.Page(view, q)
	return pageOf[T]{rows: p, total: len(view), page: number, pages: pages, loadedAt: at}, nil
}

// filtered returns rows searched and sorted as q asks, reusing the last
// result when only the page changed.
func (t *table[T]) filtered(rows []T, q listing.Query) []T {
	v := &t.view
	v.mu.Lock()
	defer v.mu.Unlock()
	same := len(rows) > 0 && len(v.rows) == len(rows) && &v.rows[0] == &rows[0]
	if !same || v.search != q.Search || v.sortBy != q.SortBy || v.desc != q.SortDesc || v.result == nil {
		v.rows, v.search, v.sortBy, v.desc = rows, q.Search, q.SortBy, q.SortDesc
		v.result = listing.Sort(listing.Filter(rows, q.Search, t.match), q, t.order)
	}
	return v.result
}

// export writes every row matching q's search, in q's order, with the
// columns keys picks (all when empty), through a native save dialog.
func (t *table[T]) export(ctx context.Context, cl *fne.Client, d Dialogs, q listing.Query, keys []string) (string, error) {
	rows, _, err := t.cache.get(ctx, cl, false, t.load)
	if err != nil {
		return "", err
	}
	header, cells := csvTable(t.csv, keys, t.filtered(rows, q))
	return exportCSV(d, t.file, header, cells)
}

// invalidate drops the cache after a change on the server.
func (t *table[T]) invalidate() {
	t.cache.mu.Lock()
	t.cache.rows = nil
	t.cache.mu.Unlock()
}

// exportCSV asks where to save and writes the rows there. An empty path
// means the user cancelled.
func exportCSV(d Dialogs, defaultName string, header []string, rows [][]string) (string, error) {
	if d == nil {
		return "", apperr.New(apperr.NotSupported, "File dialogs are not available here.")
	}
	path, err := d.SaveFile("Export to CSV", defaultName, FileFilter{"CSV files (*.csv)", "*.csv"})
	if err != nil {
		return "", apperr.Wrap(err, apperr.Internal, "The file dialog failed: %v", err)
	}
	if path == "" {
		return "", nil
	}
	if !strings.HasSuffix(strings.ToLower(path), ".csv") {
		path += ".csv"
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return "", apperr.Wrap(err, apperr.Internal, "Cannot write %s: %v", path, err)
	}
	if err := csvexport.Write(f, header, rows); err != nil {
		f.Close()
		return "", apperr.Wrap(err, apperr.Internal, "Cannot write %s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		return "", apperr.Wrap(err, apperr.Internal, "Cannot write %s: %v", path, err)
	}
	return path, nil
}

// column is one exportable column of a table.
type column[T any] struct {
	key, label string
	cell       func(*T) string
}

// csvTable renders rows with the columns the user shows, in their order
// (all of them when keys is empty).
func csvTable[T any](cols []column[T], keys []string, rows []T) (header []string, out [][]string) {
	chosen := cols
	if len(keys) > 0 {
		chosen = nil
		for _, k := range keys {
			for _, c := range cols {
				if c.key == k {
					chosen = append(chosen, c)
				}
			}
		}
	}
	for _, c := range chosen {
		header = append(header, c.label)
	}
	out = make([][]string, len(rows))
	for i := range rows {
		r := make([]string, len(chosen))
		for j, c := range chosen {
			r[j] = c.cell(&rows[i])
		}
		out[i] = r
	}
	return header, out
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
