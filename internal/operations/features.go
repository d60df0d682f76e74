package operations

import (
	"context"
	"strconv"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/features"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/progress"
)

// productInfoSince is the first local-server release that reports product
// name, version, activation and entitlement IDs on feature records.
const productInfoSince = "2024.10"

// SummarySource says who summed the feature records up.
type SummarySource string

// Summary sources: the server, or the app.
const (
	SummaryFromServer SummarySource = "server"
	SummaryComputed   SummarySource = "computed"
)

// FeatureRow is one feature record on the Details tab.
type FeatureRow struct {
	ID             int64  `json:"id"`
	Feature        string `json:"feature"`
	Version        string `json:"version"`
	Count          int64  `json:"count"`
	Used           int64  `json:"used"`
	Available      int64  `json:"available"`
	Uncounted      bool   `json:"uncounted"`
	Expiry         string `json:"expiry"`
	Permanent      bool   `json:"permanent"`
	ExpiringSoon   bool   `json:"expiringSoon"`
	StartDate      string `json:"startDate"`
	VendorString   string `json:"vendorString"`
	ProductName    string `json:"productName"`
	ActivationID   string `json:"activationId"`
	EntitlementID  string `json:"entitlementId"`
	ProductVersion string `json:"productVersion"`
	Metered        bool   `json:"metered"`
}

// FeatureDetailsPage is one page of the Details tab.
type FeatureDetailsPage struct {
	Rows  []FeatureRow `json:"rows"`
	Total int          `json:"total"`
	Page  int          `json:"page"`
	Pages int          `json:"pages"`
	// ProductInfo is false for servers older than 2024.10, whose records
	// have no product columns; the UI says so.
	ProductInfo   bool   `json:"productInfo"`
	ServerVersion string `json:"serverVersion"`
	LoadedAt      string `json:"loadedAt"`
}

// FeatureSummaryRow is one row of the Summary tab.
type FeatureSummaryRow struct {
	features.Summary
	ExpiringSoon bool `json:"expiringSoon"`
}

// FeatureSummaryPage is one page of the Summary tab.
type FeatureSummaryPage struct {
	Rows     []FeatureSummaryRow `json:"rows"`
	Total    int                 `json:"total"`
	Page     int                 `json:"page"`
	Pages    int                 `json:"pages"`
	Source   SummarySource       `json:"source"`
	LoadedAt string              `json:"loadedAt"`
}

// ServedDeviceRow is a device on the Feature Details page.
type ServedDeviceRow struct {
	DeviceID   string `json:"deviceId"`
	IDType     string `json:"idType"`
	DeviceType string `json:"deviceType"`
	Alias      string `json:"alias"`
	Served     int64  `json:"served"`
	Expiry     string `json:"expiry"`
}

// FeatureDetail is the Feature Details page.
type FeatureDetail struct {
	ID            int64             `json:"id"`
	Feature       string            `json:"feature"`
	Version       string            `json:"version"`
	StartDate     string            `json:"startDate"`
	TotalCount    int64             `json:"totalCount"`
	Available     int64             `json:"available"`
	Used          int64             `json:"used"`
	Reserved      int64             `json:"reserved"`
	Uncounted     bool              `json:"uncounted"`
	VendorString  string            `json:"vendorString"`
	Expiry        string            `json:"expiry"`
	Permanent     bool              `json:"permanent"`
	ExpiringSoon  bool              `json:"expiringSoon"`
	ServedDevices []ServedDeviceRow `json:"servedDevices"`
	// ServedNote says why ServedDevices is empty when the server does not
	// list the devices a feature serves.
	ServedNote string `json:"servedNote"`
}

// Features is the Features view: the Details and Summary lists of the
// last server read, and single records.
type Features struct {
	now     func() time.Time
	records table[FeatureRow, struct{}]
	sums    table[features.Summary, SummarySource]
}

// NewFeatures builds the view; now is injectable for tests.
func NewFeatures(now func() time.Time) *Features {
	if now == nil {
		now = time.Now
	}
	f := &Features{now: now}
	f.records = table[FeatureRow, struct{}]{match: exactName(func(r *FeatureRow) string { return r.Feature }), order: featureColumns, csv: featureCSV}
	f.sums = table[features.Summary, SummarySource]{match: exactName(func(r *features.Summary) string { return r.Name }), order: summaryColumns, csv: summaryCSV}
	return f
}

func (f *Features) toRow(r *fne.Feature) FeatureRow {
	row := FeatureRow{
		ID: int64(r.ID), Feature: r.Name, Version: r.Version, Count: int64(r.Count), Used: int64(r.Used),
		Uncounted: r.Uncounted, Expiry: r.Expiry, Permanent: features.IsPermanent(r.Expiry),
		ExpiringSoon: features.ExpiringSoon(r.Expiry, f.now()), StartDate: r.StartDate, VendorString: r.VendorString,
		ProductName: r.ProductName, ActivationID: r.ActivationID, EntitlementID: r.EntitlementID,
		ProductVersion: r.ProductVersion, Metered: r.Metered,
	}
	if row.Permanent {
		row.Expiry = features.Permanent
	}
	if !row.Uncounted {
		row.Available = max(row.Count-row.Used, 0)
	}
	return row
}

// readFeatures fetches the feature records, reporting how many arrived.
func readFeatures(ctx context.Context, srv FeatureServer) ([]fne.Feature, error) {
	list, err := srv.Features(ctx)
	if err != nil {
		return nil, err
	}
	progress.Report(ctx, progress.Step{Message: "Reading " + strconv.Itoa(len(list)) + " feature records", Done: int64(len(list)), Total: int64(len(list)), Unit: "records"})
	return list, nil
}

func (f *Features) loadRecords(srv FeatureServer) func(context.Context) ([]FeatureRow, struct{}, error) {
	return func(ctx context.Context) ([]FeatureRow, struct{}, error) {
		list, err := readFeatures(ctx, srv)
		if err != nil {
			return nil, struct{}{}, err
		}
		rows := make([]FeatureRow, len(list))
		for i := range list {
			rows[i] = f.toRow(&list[i])
		}
		return rows, struct{}{}, nil
	}
}

// exactName is the guide's search: the exact and complete feature name.
func exactName[T any](name func(*T) string) func(*T, string) bool {
	return func(r *T, q string) bool { return name(r) == q }
}

var featureColumns = listing.Columns[FeatureRow]{
	"feature":        listing.By(func(r *FeatureRow) string { return listing.Fold(r.Feature) }),
	"version":        func(a, b *FeatureRow) int { return features.CompareVersions(a.Version, b.Version) },
	"count":          listing.By(func(r *FeatureRow) int64 { return r.Count }),
	"available":      listing.By(func(r *FeatureRow) int64 { return r.Available }),
	"expiry":         expiryOrder(func(r *FeatureRow) string { return r.Expiry }),
	"startDate":      listing.By(func(r *FeatureRow) string { return r.StartDate }),
	"vendorString":   listing.By(func(r *FeatureRow) string { return listing.Fold(r.VendorString) }),
	"productName":    listing.By(func(r *FeatureRow) string { return listing.Fold(r.ProductName) }),
	"activationId":   listing.By(func(r *FeatureRow) string { return r.ActivationID }),
	"entitlementId":  listing.By(func(r *FeatureRow) string { return r.EntitlementID }),
	"productVersion": func(a, b *FeatureRow) int { return features.CompareVersions(a.ProductVersion, b.ProductVersion) },
}

func expiryOrder[T any](exp func(*T) string) listing.Compare[T] {
	return func(a, b *T) int {
		switch ea, eb := exp(a), exp(b); {
		case features.ExpiryBefore(ea, eb):
			return -1
		case features.ExpiryBefore(eb, ea):
			return 1
		}
		return 0
	}
}

func countText(n int64, uncounted bool) string {
	if uncounted {
		return "uncounted"
	}
	return strconv.FormatInt(n, 10)
}

var featureCSV = []column[FeatureRow]{
	{"feature", "Feature", func(r *FeatureRow) string { return r.Feature }},
	{"version", "Version", func(r *FeatureRow) string { return r.Version }},
	{"count", "Count", func(r *FeatureRow) string { return countText(r.Count, r.Uncounted) }},
	{"available", "Available", func(r *FeatureRow) string { return countText(r.Available, r.Uncounted) }},
	{"expiry", "Expiry", func(r *FeatureRow) string { return r.Expiry }},
	{"startDate", "Start Date", func(r *FeatureRow) string { return r.StartDate }},
	{"vendorString", "Vendor String", func(r *FeatureRow) string { return r.VendorString }},
	{"productName", "Product Name", func(r *FeatureRow) string { return r.ProductName }},
	{"activationId", "Activation ID", func(r *FeatureRow) string { return r.ActivationID }},
	{"entitlementId", "Entitlement ID", func(r *FeatureRow) string { return r.EntitlementID }},
	{"productVersion", "Product Version", func(r *FeatureRow) string { return r.ProductVersion }},
}

// Details returns one page of feature records; serverVersion is what the
// server reported, which decides whether its records have product columns.
func (f *Features) Details(ctx context.Context, srv FeatureServer, serverVersion string, q listing.Query, refresh bool) (FeatureDetailsPage, error) {
	p, err := f.records.page(ctx, srv, q, refresh, f.loadRecords(srv))
	if err != nil {
		return FeatureDetailsPage{}, err
	}
	return FeatureDetailsPage{Rows: p.Rows, Total: p.Total, Page: p.Page, Pages: p.Pages, ServerVersion: serverVersion,
		ProductInfo: serverVersion == "" || features.CompareVersions(serverVersion, productInfoSince) >= 0, LoadedAt: p.LoadedAt}, nil
}

// loadSummaries uses the server's summaries when it has them and sums the
// records up otherwise.
func loadSummaries(srv FeatureDetailServer) func(context.Context) ([]features.Summary, SummarySource, error) {
	return func(ctx context.Context) ([]features.Summary, SummarySource, error) {
		sums, err := srv.FeatureSummaries(ctx)
		if err == nil {
			out := make([]features.Summary, len(sums))
			for i, x := range sums {
				out[i] = features.Summary{Name: x.Name, Version: x.Key, TotalCount: int64(x.TotalCount), TotalUsed: int64(x.TotalUsed),
					FirstExpiration: x.FirstExpiry, LastExpiration: x.LastExpiry, TotalOverdraft: int64(x.TotalOverdraft), Metered: x.Metered, Counted: !x.Uncounted}
				if out[i].Counted {
					out[i].TotalAvailable = max(out[i].TotalCount-out[i].TotalUsed, 0)
				} else {
					out[i].TotalCount = 0
				}
			}
			return out, SummaryFromServer, nil
		}
		if apperr.CodeOf(err) != apperr.NotSupported {
			return nil, "", err
		}
		list, err := readFeatures(ctx, srv)
		if err != nil {
			return nil, "", err
		}
		recs := make([]features.Record, len(list))
		for i, r := range list {
			recs[i] = features.Record{Name: r.Name, Version: r.Version, Count: int64(r.Count), Used: int64(r.Used),
				OverdraftUsed: int64(r.OverdraftUsedCount), Expiry: r.Expiry, Metered: r.Metered, Uncounted: r.Uncounted}
		}
		return features.Summarize(recs), SummaryComputed, nil
	}
}

var summaryColumns = listing.Columns[features.Summary]{
	"feature":         listing.By(func(r *features.Summary) string { return listing.Fold(r.Name) }),
	"version":         func(a, b *features.Summary) int { return features.CompareVersions(a.Version, b.Version) },
	"totalCount":      listing.By(func(r *features.Summary) int64 { return r.TotalCount }),
	"totalUsed":       listing.By(func(r *features.Summary) int64 { return r.TotalUsed }),
	"totalAvailable":  listing.By(func(r *features.Summary) int64 { return r.TotalAvailable }),
	"firstExpiration": expiryOrder(func(r *features.Summary) string { return r.FirstExpiration }),
	"lastExpiration":  expiryOrder(func(r *features.Summary) string { return r.LastExpiration }),
	"totalOverdraft":  listing.By(func(r *features.Summary) int64 { return r.TotalOverdraft }),
}

// trueFalse writes a flag the way spreadsheets read a boolean.
func trueFalse(b bool) string { return strconv.FormatBool(b) }

var summaryCSV = []column[features.Summary]{
	{"feature", "Feature", func(r *features.Summary) string { return r.Name }},
	{"version", "Version", func(r *features.Summary) string { return r.Version }},
	{"totalCount", "Total Count", func(r *features.Summary) string { return countText(r.TotalCount, !r.Counted) }},
	{"totalUsed", "Total Used", func(r *features.Summary) string { return strconv.FormatInt(r.TotalUsed, 10) }},
	{"totalAvailable", "Total Available", func(r *features.Summary) string { return countText(r.TotalAvailable, !r.Counted) }},
	{"firstExpiration", "First Expiration", func(r *features.Summary) string { return r.FirstExpiration }},
	{"lastExpiration", "Last Expiration", func(r *features.Summary) string { return r.LastExpiration }},
	{"totalOverdraft", "Total Overdraft", func(r *features.Summary) string { return strconv.FormatInt(r.TotalOverdraft, 10) }},
	{"metered", "Metered", func(r *features.Summary) string { return trueFalse(r.Metered) }},
	{"counted", "Counted", func(r *features.Summary) string { return trueFalse(r.Counted) }},
}

// Summary returns one page of the Summary tab.
func (f *Features) Summary(ctx context.Context, srv FeatureDetailServer, q listing.Query, refresh bool) (FeatureSummaryPage, error) {
	p, err := f.sums.page(ctx, srv, q, refresh, loadSummaries(srv))
	if err != nil {
		return FeatureSummaryPage{}, err
	}
	out := FeatureSummaryPage{Rows: make([]FeatureSummaryRow, len(p.Rows)), Total: p.Total, Page: p.Page, Pages: p.Pages, Source: p.Meta, LoadedAt: p.LoadedAt}
	for i, r := range p.Rows {
		out.Rows[i] = FeatureSummaryRow{Summary: r, ExpiringSoon: features.ExpiringSoon(r.FirstExpiration, f.now())}
	}
	return out, nil
}

// Feature returns the Feature Details page of record id.
func (f *Features) Feature(ctx context.Context, srv FeatureDetailServer, id int64) (FeatureDetail, error) {
	rec, err := srv.Feature(ctx, id)
	if err != nil {
		return FeatureDetail{}, err
	}
	served, err := srv.FeatureClients(ctx, id)
	note, err := notOffered(err)
	if err != nil {
		return FeatureDetail{}, err
	}
	r := f.toRow(&rec)
	d := FeatureDetail{ID: r.ID, Feature: r.Feature, Version: r.Version, StartDate: r.StartDate, TotalCount: r.Count,
		Available: r.Available, Used: r.Used, Reserved: int64(rec.Reserved), Uncounted: r.Uncounted, VendorString: r.VendorString,
		Expiry: r.Expiry, Permanent: r.Permanent, ExpiringSoon: r.ExpiringSoon, ServedDevices: make([]ServedDeviceRow, 0, len(served)), ServedNote: note}
	for _, sd := range served {
		d.ServedDevices = append(d.ServedDevices, ServedDeviceRow{
			DeviceID: sd.Client.HostID.Value, IDType: sd.Client.HostID.Type, DeviceType: deviceRole(sd.Client.HostType),
			Alias: sd.Client.HostName, Served: int64(sd.UseCount), Expiry: sd.Client.Expiry,
		})
	}
	return d, nil
}

// deviceRole names the kind of host the guide's Device Type column shows.
func deviceRole(hostType string) string {
	switch strings.ToUpper(hostType) {
	case "FLX_CLIENT":
		return "Client"
	case "FLX_SERVED_CLIENT", "SERVED_CLIENT":
		return "Served client"
	case "FLX_SERVER", "SERVER":
		return "License server"
	case "":
		return "Unknown"
	}
	return hostType
}

// ExportDetails renders every record matching q's search, in q's order,
// with the columns keys picks.
func (f *Features) ExportDetails(ctx context.Context, srv FeatureServer, q listing.Query, keys []string) (CSV, error) {
	return f.records.export(ctx, srv, q, keys, f.loadRecords(srv))
}

// ExportSummary renders the Summary tab like ExportDetails.
func (f *Features) ExportSummary(ctx context.Context, srv FeatureDetailServer, q listing.Query, keys []string) (CSV, error) {
	return f.sums.export(ctx, srv, q, keys, loadSummaries(srv))
}
