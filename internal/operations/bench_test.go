package operations

import (
	"testing"

	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/simulator"
)

// largeDetails reads the large dataset's Details once with q and returns
// a function that asks for another page of the cached list.
func largeDetails(b *testing.B, q listing.Query) func(listing.Query) {
	_, cl := admin(b, simulator.Options{Security: simulator.SecurityOff, Dataset: simulator.DatasetLarge})
	view := NewFeatures(demoNow)
	if _, err := view.Details(ctx, cl, "", q, true); err != nil {
		b.Fatal(err)
	}
	return func(q listing.Query) {
		if _, err := view.Details(ctx, cl, "", q, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDetailsPageSwitch is the Go side of a page switch on the large
// dataset: the list is cached, so this is search, sort and slicing only.
func BenchmarkDetailsPageSwitch(b *testing.B) {
	page := largeDetails(b, listing.Query{Page: 1, PageSize: 50})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		page(listing.Query{Page: 1 + i%2000, PageSize: 50})
	}
}

// BenchmarkDetailsSortedSearch sorts the whole list by expiry and then
// searches it, the most expensive query a user can make.
func BenchmarkDetailsSortedSearch(b *testing.B) {
	page := largeDetails(b, listing.Query{Page: 1, PageSize: 50})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := listing.Query{Page: 3, PageSize: 50, SortBy: "expiry"}
		if i%2 == 1 {
			q = listing.Query{Page: 1, PageSize: 50, Search: "Feature_0042", SortBy: "count", SortDesc: true}
		}
		page(q)
	}
}

// BenchmarkDetailsSortedPageSwitch pages through the list sorted by expiry:
// the sort is done once and reused.
func BenchmarkDetailsSortedPageSwitch(b *testing.B) {
	page := largeDetails(b, listing.Query{Page: 1, PageSize: 50, SortBy: "expiry"})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		page(listing.Query{Page: 1 + i%2000, PageSize: 50, SortBy: "expiry"})
	}
}
