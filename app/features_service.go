package app

import (
	"time"

	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/operations"
)

// FeaturesService is bound to the UI for the Features view.
type FeaturesService struct {
	base
	conns *connect.Connections
	files files
	view  *operations.Features
}

// NewFeaturesService builds the service; now is injectable for tests.
func NewFeaturesService(conns *connect.Connections, dialogs Dialogs, now func() time.Time) *FeaturesService {
	return &FeaturesService{conns: conns, files: files{dialogs}, view: operations.NewFeatures(now)}
}

// Details returns one page of feature records. refresh fetches the list
// again (the view does so when it opens and on demand), under the UI's
// operation op, which reports progress and can be cancelled.
func (s *FeaturesService) Details(q listing.Query, refresh bool, op string) (operations.FeatureDetailsPage, error) {
	ctx, done := s.operation(op)
	defer done()
	return call(s.conns, func(cl *fne.Client) (operations.FeatureDetailsPage, error) {
		return s.view.Details(ctx, cl, s.conns.ServerVersion(ctx), q, refresh)
	})
}

// Summary returns one page of the Summary tab, like Details.
func (s *FeaturesService) Summary(q listing.Query, refresh bool, op string) (operations.FeatureSummaryPage, error) {
	ctx, done := s.operation(op)
	defer done()
	return call(s.conns, func(cl *fne.Client) (operations.FeatureSummaryPage, error) {
		return s.view.Summary(ctx, cl, q, refresh)
	})
}

// Feature returns the Feature Details page of record id.
func (s *FeaturesService) Feature(id int64) (operations.FeatureDetail, error) {
	return call(s.conns, func(cl *fne.Client) (operations.FeatureDetail, error) { return s.view.Feature(s.context(), cl, id) })
}

// ExportDetails saves every record matching q's search, in q's order, as
// CSV through a native save dialog; columns picks and orders the columns.
// It returns the file written, or "" when the user cancelled.
func (s *FeaturesService) ExportDetails(q listing.Query, columns []string) (string, error) {
	return call(s.conns, func(cl *fne.Client) (string, error) {
		table, err := s.view.ExportDetails(s.context(), cl, q, columns)
		return saveCSV(s.files, "features-details.csv", table, err)
	})
}

// ExportSummary saves the Summary tab as CSV, like ExportDetails.
func (s *FeaturesService) ExportSummary(q listing.Query, columns []string) (string, error) {
	return call(s.conns, func(cl *fne.Client) (string, error) {
		table, err := s.view.ExportSummary(s.context(), cl, q, columns)
		return saveCSV(s.files, "features-summary.csv", table, err)
	})
}
