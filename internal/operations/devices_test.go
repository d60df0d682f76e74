package operations

import (
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
)

func TestDevicesListDetailDelete(t *testing.T) {
	sim := simulator.New(simulator.Options{})
	host, port := simtest.Serve(t, sim)
	reader := fneClient(host, port)
	if _, err := reader.Login(ctx, simulator.ReaderUser, simulator.ReaderPassword); err != nil {
		t.Fatal(err)
	}
	view := NewDevices(demoNow)
	page, err := view.List(ctx, reader, listing.Query{Page: 1, PageSize: 50, SortBy: "deviceId"}, true)
	if err != nil || page.Total < 150 || len(page.Rows) != 50 {
		t.Fatalf("devices: %d %v", page.Total, err)
	}
	types := map[string]bool{}
	all, _ := view.List(ctx, reader, listing.Query{Page: 1, PageSize: 500}, false)
	for _, r := range all.Rows {
		types[string(r.DeviceType)] = true
	}
	if !types["physical"] || !types["virtual"] || !types["unknown"] {
		t.Fatalf("device types %v", types)
	}
	first := page.Rows[0]
	if first.Alias != "" {
		byAlias, _ := view.List(ctx, reader, listing.Query{Page: 1, PageSize: 50, Search: strings.ToUpper(first.Alias)}, false)
		if byAlias.Total == 0 {
			t.Fatal("search by alias found nothing")
		}
	}
	d, err := view.Get(ctx, reader, first.ID)
	if err != nil || d.DeviceID != first.DeviceID || d.Consumed == nil {
		t.Fatalf("detail: %+v %v", d, err)
	}
	if err := view.Delete(ctx, reader, first.ID); apperr.CodeOf(err) != apperr.AccessDenied || !strings.Contains(err.Error(), "ROLE_DROPCLIENT") {
		t.Fatalf("reader deleting: %v", err)
	}
	admin := fneClient(host, port)
	if _, err := admin.Login(ctx, simulator.AdminUser, simulator.AdminPassword); err != nil {
		t.Fatal(err)
	}
	if err := view.Delete(ctx, admin, first.ID); err != nil {
		t.Fatal(err)
	}
	after, _ := view.List(ctx, admin, listing.Query{Page: 1, PageSize: 50}, false)
	if after.Total != page.Total-1 {
		t.Fatalf("after delete %d, before %d", after.Total, page.Total)
	}
}
