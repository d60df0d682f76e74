package operations

import (
	"context"
	"io"
	"runtime/debug"
	"sync"
	"time"

	"licenseservermanager/internal/csvexport"
	"licenseservermanager/internal/listing"
)

// loaded is one read of a list from a server: its rows and what else the
// read learned (meta), with the time of the read.
type loaded[T, M any] struct {
	rows []T
	meta M
	at   time.Time
}

// table is one list view's data: the last read of it, kept so paging,
// sorting and searching do not fetch 100,000 records again, and how to
// search, order and export it. A view asks for a refresh when it opens;
// a read from another server replaces the cache.
type table[T, M any] struct {
	match func(*T, string) bool
	order listing.Columns[T]
	csv   []column[T]

	mu     sync.Mutex
	server any // the server the cache was read from
	last   *loaded[T, M]
	// view memoises the last search and sort of last, so paging through a
	// sorted 100,000-row list sorts it once, not on every page.
	view struct {
		of     *loaded[T, M]
		search string
		sortBy string
		desc   bool
		result []T
	}
}

// read returns the cached read of server, or reads it with load when
// asked to refresh, when nothing is cached, or when the cache is another
// server's.
func (t *table[T, M]) read(ctx context.Context, server any, refresh bool, load func(context.Context) ([]T, M, error)) (*loaded[T, M], error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !refresh && t.last != nil && t.server == server {
		return t.last, nil
	}
	rows, meta, err := load(ctx)
	if err != nil {
		return nil, err
	}
	if rows == nil {
		rows = []T{}
	}
	t.server, t.last = server, &loaded[T, M]{rows: rows, meta: meta, at: time.Now()}
	// The memoised view is of the previous read: dropped now, so that
	// nothing holds that read while its memory is released.
	t.view.of, t.view.result = nil, nil
	if len(rows) >= largeRead {
		releaseMemory()
	}
	return t.last, nil
}

// largeRead is the number of rows from which a read's garbage is handed
// back to the system at once. Go keeps a freed heap for reuse and returns
// it over minutes; after a server's 100,000 feature records the response
// body, the decoded records and the previous read come to a few times the
// list's own size, which Task Manager would show as the app's for as long.
const largeRead = 10_000

// releaseMemory collects the garbage and returns the freed memory to the
// system, in the background: the page asked for is not kept waiting. A
// variable, so that tests see when it is called.
var releaseMemory = func() { go debug.FreeOSMemory() }

// filtered returns l's rows searched and sorted as q asks, reusing the last
// result when only the page changed.
func (t *table[T, M]) filtered(l *loaded[T, M], q listing.Query) []T {
	t.mu.Lock()
	defer t.mu.Unlock()
	v := &t.view
	if v.of != l || v.search != q.Search || v.sortBy != q.SortBy || v.desc != q.SortDesc {
		v.of, v.search, v.sortBy, v.desc = l, q.Search, q.SortBy, q.SortDesc
		v.result = listing.Sort(listing.Filter(l.rows, q.Search, t.match), q, t.order)
	}
	return v.result
}

// page is one page of a table, with the meta of the read it comes from.
type page[T, M any] struct {
	Rows               []T
	Total, Page, Pages int
	LoadedAt           string
	Meta               M
}

func (t *table[T, M]) page(ctx context.Context, server any, q listing.Query, refresh bool, load func(context.Context) ([]T, M, error)) (page[T, M], error) {
	l, err := t.read(ctx, server, refresh, load)
	if err != nil {
		return page[T, M]{}, err
	}
	rows := t.filtered(l, q)
	p, number, pages := listing.Page(rows, q)
	return page[T, M]{Rows: p, Total: len(rows), Page: number, Pages: pages, LoadedAt: formatTime(l.at), Meta: l.meta}, nil
}

// export renders every row matching q's search, in q's order, with the
// columns keys picks (all when empty), from the cached read.
func (t *table[T, M]) export(ctx context.Context, server any, q listing.Query, keys []string, load func(context.Context) ([]T, M, error)) (CSV, error) {
	l, err := t.read(ctx, server, false, load)
	if err != nil {
		return CSV{}, err
	}
	return csvTable(t.csv, keys, t.filtered(l, q)), nil
}

// invalidate drops the cache after a change on the server.
func (t *table[T, M]) invalidate() {
	t.mu.Lock()
	t.last = nil
	t.mu.Unlock()
}

// CSV is a list rendered for a spreadsheet: a header row and the cells.
type CSV struct {
	Header []string
	Rows   [][]string
}

// Write writes the list as a CSV file a spreadsheet opens safely.
func (c CSV) Write(w io.Writer) error { return csvexport.Write(w, c.Header, c.Rows) }

// column is one exportable column of a table.
type column[T any] struct {
	key, label string
	cell       func(*T) string
}

// csvTable renders rows with the columns the user shows, in their order
// (all of them when keys is empty).
func csvTable[T any](cols []column[T], keys []string, rows []T) CSV {
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
	out := CSV{Rows: make([][]string, len(rows))}
	for _, c := range chosen {
		out.Header = append(out.Header, c.label)
	}
	for i := range rows {
		r := make([]string, len(chosen))
		for j, c := range chosen {
			r[j] = c.cell(&rows[i])
		}
		out.Rows[i] = r
	}
	return out
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
