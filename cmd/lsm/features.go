package main

import (
	"fmt"
	"math"
	"strconv"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/operations"
)

// listFlags are the search and order of a list command, as the app's
// search box and column headers set them.
type listFlags struct {
	search, sort string
	desc         bool
}

func (f *listFlags) add(cmd *cobra.Command, what string) {
	cmd.Flags().StringVar(&f.search, "search", "", "show only the "+what+" the app's search would find")
	cmd.Flags().StringVar(&f.sort, "sort", "", "sort by this column key (as in the JSON output)")
	cmd.Flags().BoolVar(&f.desc, "desc", false, "sort in descending order")
}

// query is every row matching the flags, on one page.
func (f listFlags) query() listing.Query {
	return listing.Query{Page: 1, PageSize: math.MaxInt32, Search: f.search, SortBy: f.sort, SortDesc: f.desc}
}

// idArg reads a record ID argument.
func idArg(s, what string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError("%q is not a %s ID: IDs are positive whole numbers (see the list).", s, what)
	}
	return id, nil
}

// idArgs reads record ID arguments.
func idArgs(args []string, what string) ([]int64, error) {
	ids := make([]int64, 0, len(args))
	for _, a := range args {
		id, err := idArg(a, what)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func newFeaturesCommand(l *lsm) *cobra.Command {
	features := group("features", "The server's features: records, summary and details")
	view := operations.NewFeatures(nil)

	var details listFlags
	list := &cobra.Command{
		Use:     "list",
		Short:   "List every feature record (the Details tab)",
		Example: "  lsm features list\n  lsm features list --search CAD -o csv > features.csv",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, srv, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			page, err := view.Details(cmd.Context(), cl, srv.conns.ServerVersion(cmd.Context()), details.query(), true)
			if err != nil {
				return err
			}
			table, err := view.ExportDetails(cmd.Context(), cl, details.query(), nil)
			if err != nil {
				return err
			}
			return out.list(table, page.Rows)
		},
	}
	details.add(list, "records")

	var sums listFlags
	summary := &cobra.Command{
		Use:   "summary",
		Short: "Sum the features up by name and version (the Summary tab)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, _, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			page, err := view.Summary(cmd.Context(), cl, sums.query(), true)
			if err != nil {
				return err
			}
			if page.Source == operations.SummaryComputed {
				fmt.Fprintln(l.stderr, "lsm: this server does not sum up its features, so lsm added up the feature records.")
			}
			table, err := view.ExportSummary(cmd.Context(), cl, sums.query(), nil)
			if err != nil {
				return err
			}
			return out.list(table, page.Rows)
		},
	}
	sums.add(summary, "features")

	show := &cobra.Command{
		Use:     "show ID",
		Short:   "Show one feature record and the devices it serves",
		Example: "  lsm features show 12",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out, err := l.printer()
			if err != nil {
				return err
			}
			id, err := idArg(args[0], "feature")
			if err != nil {
				return err
			}
			_, cl, err := l.client(cmd.Context())
			if err != nil {
				return err
			}
			d, err := view.Feature(cmd.Context(), cl, id)
			if err != nil {
				return err
			}
			served := fmt.Sprint(len(d.ServedDevices))
			if d.ServedNote != "" {
				served = d.ServedNote
			}
			return out.record([][2]string{
				{"Feature Name", d.Feature}, {"Version", d.Version}, {"Start Date", d.StartDate}, {"Total Count", count(d.TotalCount, d.Uncounted)},
				{"Available", count(d.Available, d.Uncounted)}, {"Used Count", fmt.Sprint(d.Used)}, {"Reserved Count", fmt.Sprint(d.Reserved)},
				{"Vendor String", d.VendorString}, {"Feature Expiry", d.Expiry}, {"Served devices", served},
			}, d)
		},
	}
	features.AddCommand(list, summary, show)
	return features
}

func count(n int64, uncounted bool) string {
	if uncounted {
		return "uncounted"
	}
	return fmt.Sprint(n)
}
