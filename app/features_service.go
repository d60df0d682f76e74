package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/features"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
)

// productInfoSince is the first local-server release that reports product
// name, version, activation and entitlement IDs on feature records.
const productInfoSince = "2024.10"

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
	Rows  []FeatureSummaryRow `json:"rows"`
	Total int                 `json:"total"`
	Page  int                 `json:"page"`
	Pages int                 `json:"pages"`
	// Source is "server" when the server summed up, "computed" otherwise.
	Source   string `json:"source"`
	LoadedAt string `json:"loadedAt"`
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
}

// FeaturesService is bound to the UI for the Features view.
type FeaturesService struct {
	base
	conns   *Connections
	dialogs Dialogs
	now     func() time.Time
	records table[FeatureRow]
	sums    table[features.Summary]
	// sumSource says where the cached summaries came from; written by
	// loadSummaries while the cache's lock is held.
	sumSource string
}

// NewFeaturesService builds the service.
func NewFeaturesService(conns *Connections, dialogs Dialogs, now func() time.Time) *FeaturesService {
	if now == nil {
		now = time.Now
	}
	s := &FeaturesService{conns: conns, dialogs: dialogs, now: now}
	s.records = table[FeatureRow]{load: s.loadRecords, match: exactName(func(r *FeatureRow) string { return r.Feature }),
		order: featureColumns, csv: featureCSV, file: "features-details.csv"}
	s.sums = table[features.Summary]{load: s.loadSummaries, match: exactName(func(r *features.Summary) string { return r.Name }),
		order: summaryColumns, csv: summaryCSV, file: "features-summary.csv"}
	return s
}

func (s *FeaturesService) toRow(f *fne.Feature) FeatureRow {
	r := FeatureRow{
		ID: int64(f.ID), Feature: f.Name, Version: f.Version, Count: int64(f.Count), Used: int64(f.Used),
		Uncounted: f.Uncounted, Expiry: f.Expiry, Permanent: features.IsPermanent(f.Expiry),
		ExpiringSoon: features.ExpiringSoon(f.Expiry, s.now()), StartDate: f.StartDate, VendorString: f.VendorString,
		ProductName: f.ProductName, ActivationID: f.ActivationID, EntitlementID: f.EntitlementID,
		ProductVersion: f.ProductVersion, Metered: f.Metered,
	}
	if r.Permanent {
		r.Expiry = features.Permanent
	}
	if !r.Uncounted {
		r.Available = max(r.Count-r.Used, 0)
	}
	return r
}

func (s *FeaturesService) loadRecords(ctx context.Context, cl *fne.Client) ([]FeatureRow, error) {
	list, err := cl.Features(ctx)
	if err != nil {
		return nil, err
	}
	rows := make([]FeatureRow, len(list))
	for i := range list {
		rows[i] = s.toRow(&list[i])
	}
	return rows, nil
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

func (s *FeaturesService) serverVersion(ctx context.Context) string {
	if h := s.conns.knownHealth(); h != nil {
		return h.Version
	}
	if h, err := s.conns.Health(ctx); err == nil {
		return h.Version
	}
	return ""
}

// Details returns one page of feature records. refresh fetches the list
// again (the view does so when it opens and on demand).
func (s *FeaturesService) Details(q listing.Query, refresh bool) (FeatureDetailsPage, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return FeatureDetailsPage{}, err
	}
	ctx := s.context()
	p, err := s.records.page(ctx, cl, q, refresh)
	if err != nil {
		return FeatureDetailsPage{}, err
	}
	v := s.serverVersion(ctx)
	return FeatureDetailsPage{Rows: p.rows, Total: p.total, Page: p.page, Pages: p.pages, ServerVersion: v,
		ProductInfo: v == "" || features.CompareVersions(v, productInfoSince) >= 0, LoadedAt: formatTime(p.loadedAt)}, nil
}

// loadSummaries uses the server's summaries when it has them and sums the
// records up otherwise.
func (s *FeaturesService) loadSummaries(ctx context.Context, cl *fne.Client) ([]features.Summary, error) {
	if sums, err := cl.FeatureSummaries(ctx); err == nil {
		out := make([]features.Summary, len(sums))
		for i, x := range sums {
			first, last := x.FirstExpiry, x.LastExpiry
			out[i] = features.Summary{Name: x.Name, Version: x.Key, TotalCount: int64(x.TotalCount), TotalUsed: int64(x.TotalUsed),
				FirstExpiration: first, LastExpiration: last, TotalOverdraft: int64(x.TotalOverdraft), Metered: x.Metered, Counted: !x.Uncounted}
			if out[i].Counted {
				out[i].TotalAvailable = max(out[i].TotalCount-out[i].TotalUsed, 0)
			} else {
				out[i].TotalCount = 0
			}
		}
		s.sumSource = "server"
		return out, nil
	} else if apperr.CodeOf(err) != apperr.NotSupported {
		return nil, err
	}
	list, err := cl.Features(ctx)
	if err != nil {
		return nil, err
	}
	recs := make([]features.Record, len(list))
	for i, f := range list {
		recs[i] = features.Record{Name: f.Name, Version: f.Version, Count: int64(f.Count), Used: int64(f.Used),
			OverdraftUsed: int64(f.OverdraftUsedCount), Expiry: f.Expiry, Metered: f.Metered, Uncounted: f.Uncounted}
	}
	s.sumSource = "computed"
	return features.Summarize(recs), nil
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

func yesNo(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

var summaryCSV = []column[features.Summary]{
	{"feature", "Feature", func(r *features.Summary) string { return r.Name }},
	{"version", "Version", func(r *features.Summary) string { return r.Version }},
	{"totalCount", "Total Count", func(r *features.Summary) string { return countText(r.TotalCount, !r.Counted) }},
	{"totalUsed", "Total Used", func(r *features.Summary) string { return strconv.FormatInt(r.TotalUsed, 10) }},
	{"totalAvailable", "Total Available", func(r *features.Summary) string { return countText(r.TotalAvailable, !r.Counted) }},
	{"firstExpiration", "First Expiration", func(r *features.Summary) string { return r.FirstExpiration }},
	{"lastExpiration", "Last Expiration", func(r *features.Summary) string { return r.LastExpiration }},
	{"totalOverdraft", "Total Overdraft", func(r *features.Summary) string { return strconv.FormatInt(r.TotalOverdraft, 10) }},
	{"metered", "Metered", func(r *features.Summary) string { return yesNo(r.Metered) }},
	{"counted", "Counted", func(r *features.Summary) string { return yesNo(r.Counted) }},
}

// Summary returns one page of the Summary tab.
func (s *FeaturesService) Summary(q listing.Query, refresh bool) (FeatureSummaryPage, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return FeatureSummaryPage{}, err
	}
	p, err := s.sums.page(s.context(), cl, q, refresh)
	if err != nil {
		return FeatureSummaryPage{}, err
	}
	s.sums.cache.mu.Lock()
	source := s.sumSource
	s.sums.cache.mu.Unlock()
	out := FeatureSummaryPage{Total: p.total, Page: p.page, Pages: p.pages, Source: source, LoadedAt: formatTime(p.loadedAt)}
	for _, r := range p.rows {
		out.Rows = append(out.Rows, FeatureSummaryRow{Summary: r, ExpiringSoon: features.ExpiringSoon(r.FirstExpiration, s.now())})
	}
	if out.Rows == nil {
		out.Rows = []FeatureSummaryRow{}
	}
	return out, nil
}

// Feature returns the Feature Details page of record id.
func (s *FeaturesService) Feature(id int64) (FeatureDetail, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return FeatureDetail{}, err
	}
	ctx := s.context()
	f, err := cl.Feature(ctx, id)
	if err != nil {
		return FeatureDetail{}, err
	}
	served, err := cl.FeatureClients(ctx, id)
	if err != nil && apperr.CodeOf(err) != apperr.NotSupported {
		return FeatureDetail{}, err
	}
	r := s.toRow(&f)
	d := FeatureDetail{ID: r.ID, Feature: r.Feature, Version: r.Version, StartDate: r.StartDate, TotalCount: r.Count,
		Available: r.Available, Used: r.Used, Reserved: int64(f.Reserved), Uncounted: r.Uncounted, VendorString: r.VendorString,
		Expiry: r.Expiry, Permanent: r.Permanent, ExpiringSoon: r.ExpiringSoon, ServedDevices: []ServedDeviceRow{}}
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

// ExportDetails writes every record matching q's search, in q's order, as
// CSV through a native save dialog; columns picks and orders the columns.
// It returns the file written, or "" when the user cancelled.
func (s *FeaturesService) ExportDetails(q listing.Query, columns []string) (string, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return "", err
	}
	return s.records.export(s.context(), cl, s.dialogs, q, columns)
}

// ExportSummary writes the Summary tab as CSV, like ExportDetails.
func (s *FeaturesService) ExportSummary(q listing.Query, columns []string) (string, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return "", err
	}
	return s.sums.export(s.context(), cl, s.dialogs, q, columns)
}
