package app

import (
	"testing"

	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/simulator"
)

// BenchmarkDetailsPageSwitch is the Go side of a page switch on the large
// dataset: the list is cached, so this is search, sort and slicing only.
func BenchmarkDetailsPageSwitch(b *testing.B) {
	e := newSessionEnv(b, simulator.Options{Security: simulator.SecurityOff, Dataset: simulator.DatasetLarge})
	svc := NewFeaturesService(e.conns, nil, e.clock.now)
	if _, err := svc.Details(listing.Query{Page: 1, PageSize: 50}, true); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := svc.Details(listing.Query{Page: 1 + i%2000, PageSize: 50}, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDetailsSortedSearch sorts the whole list by expiry and then
// searches it, the most expensive query a user can make.
func BenchmarkDetailsSortedSearch(b *testing.B) {
	e := newSessionEnv(b, simulator.Options{Security: simulator.SecurityOff, Dataset: simulator.DatasetLarge})
	svc := NewFeaturesService(e.conns, nil, e.clock.now)
	if _, err := svc.Details(listing.Query{Page: 1, PageSize: 50}, true); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := listing.Query{Page: 3, PageSize: 50, SortBy: "expiry"}
		if i%2 == 1 {
			q = listing.Query{Page: 1, PageSize: 50, Search: "Feature_0042", SortBy: "count", SortDesc: true}
		}
		if _, err := svc.Details(q, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDetailsSortedPageSwitch pages through the list sorted by expiry:
// the sort is done once and reused.
func BenchmarkDetailsSortedPageSwitch(b *testing.B) {
	e := newSessionEnv(b, simulator.Options{Security: simulator.SecurityOff, Dataset: simulator.DatasetLarge})
	svc := NewFeaturesService(e.conns, nil, e.clock.now)
	if _, err := svc.Details(listing.Query{Page: 1, PageSize: 50, SortBy: "expiry"}, true); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := svc.Details(listing.Query{Page: 1 + i%2000, PageSize: 50, SortBy: "expiry"}, false); err != nil {
			b.Fatal(err)
		}
	}
}
