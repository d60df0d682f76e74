package main

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/auditlog"
	"licenseservermanager/internal/collect"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/dashboard"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/settings"
)

// historyFile is the usage history and audit log the app keeps.
const historyFile = "history.db"

// openHistory opens the app's history file in dir once per run.
func (l *lsm) openHistory(dir string) (*history.Store, error) {
	if l.history != nil {
		return l.history, nil
	}
	st, err := history.Open(context.Background(), filepath.Join(dir, historyFile))
	if err != nil {
		return nil, err
	}
	l.history = st
	return st, nil
}

// audit has the changes of this run written to the audit log; a log that
// cannot be opened is said once and does not stop the command.
func (l *lsm) audit(conns *connect.Connections, dir string) {
	st, err := l.openHistory(dir)
	if err != nil {
		fmt.Fprintln(l.stderr, "lsm: note:", apperr.From(err).Message, "Changes of this run are not in the audit log.")
		return
	}
	conns.Audit(auditlog.Recorder{Store: st, Tool: "lsm"}.Record)
}

func newUsageCommand(l *lsm) *cobra.Command {
	usage := group("usage", "Usage history: take samples, list alerts")
	var all bool
	collectCmd := &cobra.Command{
		Use:   "collect",
		Short: "Take one usage sample of the profile (or of every profile with --all), for a scheduled task",
		Long: "collect takes one usage sample of a profile's server and writes it to the app's history, with the\n" +
			"alerts it raises. It logs in with the password the app saved (tick Remember in the app). With the\n" +
			"app running too, a sample of the same interval is written once. Exit status 1 when a sample could\n" +
			"not be taken (a login the collector cannot do, a refused read, a history that cannot be written),\n" +
			"4 when a server did not answer (the gap is recorded).",
		Example: "  lsm usage collect --all\n  lsm --profile Production usage collect -o json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, err := l.printer()
			if err != nil {
				return err
			}
			store, dir, err := l.openSettings()
			if err != nil {
				return err
			}
			snap := store.Snapshot()
			var profiles []settings.Profile
			if all {
				if l.profile != "" || l.server != "" {
					return usageError("--all collects every profile: leave out --profile and --server.")
				}
				profiles = snap.Profiles
			} else {
				if l.server != "" {
					return usageError("The history is kept per profile: use --profile, not --server.")
				}
				srv, err := l.open()
				if err != nil {
					return err
				}
				profiles = []settings.Profile{srv.profile}
			}
			st, err := l.openHistory(dir)
			if err != nil {
				return err
			}
			sessions := connect.NewSessions(connect.New(store.Active, l.network(store), nil), store, l.secrets, nil)
			plan := collect.PlanOf(snap, store.Policies())
			plan.Profiles = profiles
			results := collect.New(st, sessions.Saved, l.network(store), nil).Collect(cmd.Context(), plan)
			table := operations.CSV{Header: []string{"Profile", "Outcome", "Alerts opened", "Message"}}
			status := exitOK
			for _, r := range results {
				table.Rows = append(table.Rows, []string{r.ProfileName, string(r.Outcome), fmt.Sprint(len(r.Opened)), r.Message})
				switch r.Outcome {
				case collect.Unreachable:
					status = max(status, exitConnection)
				case collect.NeedsLogin, collect.Failed:
					status = max(status, exitProblems)
				}
			}
			if err := out.list(table, results); err != nil {
				return err
			}
			if status != exitOK {
				return &exitError{code: status}
			}
			return nil
		},
	}
	collectCmd.Flags().BoolVar(&all, "all", false, "every profile that records usage history")
	var cleared bool
	alerts := &cobra.Command{
		Use:     "alerts",
		Short:   "List the open alerts (with --cleared, also those of the last 30 days that ended)",
		Long:    "alerts lists what the usage history's alert rules raised, newest first, for monitoring scripts:\nlsm usage alerts -o json prints an array of {id, profileId, rule, subject, message, openedAt, clearedAt}.",
		Example: "  lsm usage alerts -o json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, store, st, p, err := l.historyOf()
			if err != nil {
				return err
			}
			q := history.AlertQuery{OpenOnly: !cleared}
			if cleared {
				q.Since = time.Now().AddDate(0, 0, -30)
			}
			if l.profile != "" {
				q.ProfileID = p.ID
			}
			list, err := st.Alerts(cmd.Context(), q)
			if err != nil {
				return err
			}
			names := map[string]string{}
			for _, p := range store.Snapshot().Profiles {
				names[p.ID] = p.Name
			}
			table := operations.CSV{Header: []string{"Opened", "Cleared", "Profile", "Rule", "Message"}}
			for _, a := range list {
				ended := ""
				if a.ClearedAt != nil {
					ended = a.ClearedAt.Local().Format(time.DateTime)
				}
				table.Rows = append(table.Rows, []string{a.OpenedAt.Local().Format(time.DateTime), ended, names[a.ProfileID], string(a.Rule), a.Message})
			}
			return out.list(table, list)
		},
	}
	alerts.Flags().BoolVar(&cleared, "cleared", false, "also the alerts of the last 30 days that have cleared")
	usage.AddCommand(collectCmd, alerts, usageOverview(l), usageFeatures(l), usageSeries(l), usageRecord(l))
	return usage
}

// historyOf opens the settings and the history, and picks the profile of
// --profile (else the active one).
func (l *lsm) historyOf() (printer, *settings.Store, *history.Store, settings.Profile, error) {
	out, err := l.printer()
	if err != nil {
		return printer{}, nil, nil, settings.Profile{}, err
	}
	if l.server != "" {
		return printer{}, nil, nil, settings.Profile{}, usageError("The history is kept per profile: use --profile, not --server.")
	}
	store, dir, err := l.openSettings()
	if err != nil {
		return printer{}, nil, nil, settings.Profile{}, err
	}
	p, ok := store.Active()
	if l.profile != "" {
		if p, ok = store.Snapshot().Named(l.profile); !ok {
			return printer{}, nil, nil, settings.Profile{}, usageError("There is no profile %q: see lsm profiles list.", l.profile)
		}
	}
	st, err := l.openHistory(dir)
	return out, store, st, p, err
}

func usageOverview(l *lsm) *cobra.Command {
	return &cobra.Command{
		Use:   "overview",
		Short: "The Dashboard's overview: every profile's state, features near capacity or full, next expiries",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, store, st, p, err := l.historyOf()
			if err != nil {
				return err
			}
			plan := collect.PlanOf(store.Snapshot(), store.Policies())
			ov, err := dashboard.Read(cmd.Context(), st, plan, p.ID, nil, time.Now())
			if err != nil {
				return err
			}
			if l.output == "json" {
				return out.json(ov)
			}
			table := operations.CSV{Header: []string{"Profile", "Reachable", "Version", "Last sample", "Open alerts", "Note"}}
			for _, s := range ov.Profiles {
				last := ""
				if s.LastSample != nil {
					last = s.LastSample.Local().Format(time.DateTime)
				}
				table.Rows = append(table.Rows, []string{s.Name, fmt.Sprint(s.Reachable), s.Version, last, fmt.Sprint(s.OpenAlerts), s.Note})
			}
			for _, f := range ov.NearCapacity {
				table.Rows = append(table.Rows, []string{f.Profile, "", "", "", "", fmt.Sprintf("%s %s at %d of %d seats", f.Name, f.Version, f.Used, f.Total)})
			}
			for _, e := range ov.Expiries {
				ending, rest := fmt.Sprintf("%d seats", e.Seats), fmt.Sprint(e.Rest)
				if e.Uncounted {
					ending = "uncounted seats"
				}
				if e.RestUncounted {
					rest += " and uncounted"
				}
				table.Rows = append(table.Rows, []string{e.Profile, "", "", "", "", fmt.Sprintf("%s %s: %s end on %s (%s stay)", e.Name, e.Version, ending, e.Expires.Format(time.DateOnly), rest)})
			}
			return out.list(table, ov)
		},
	}
}

func usageFeatures(l *lsm) *cobra.Command {
	return &cobra.Command{
		Use:   "features",
		Short: "The features the profile's history holds",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, _, st, p, err := l.historyOf()
			if err != nil {
				return err
			}
			keys, err := st.Known(cmd.Context(), p.ID)
			if err != nil {
				return err
			}
			table := operations.CSV{Header: []string{"Feature", "Version"}}
			for _, k := range keys {
				table.Rows = append(table.Rows, []string{k.Name, k.Version})
			}
			return out.list(table, keys)
		},
	}
}

func usageSeries(l *lsm) *cobra.Command {
	var last time.Duration
	cmd := &cobra.Command{
		Use:     "series FEATURE VERSION",
		Short:   "A feature's use over a range: peak, mean, 95th percentile, time at 100%, and the points",
		Example: "  lsm usage series CAD 2.0 --last 720h -o csv > cad-30-days.csv",
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			out, store, st, p, err := l.historyOf()
			if err != nil {
				return err
			}
			now := time.Now()
			q := dashboard.SeriesQuery{ProfileID: p.ID, Name: args[0], Version: args[1], From: now.Add(-last), To: now}
			s, err := dashboard.ReadSeries(cmd.Context(), st, q, now, history.GapOf(collect.PlanOf(store.Snapshot(), store.Policies()).Interval), time.Local)
			if err != nil {
				return err
			}
			if l.output != "table" {
				return out.list(s.CSV(time.Local), s)
			}
			p95 := fmt.Sprint(s.Stats.P95)
			if !s.Exact {
				p95 += " (from hourly peaks)"
			}
			return out.record([][2]string{
				{"Feature", args[0] + " " + args[1]}, {"Range", q.From.Local().Format(time.DateTime) + " to " + q.To.Local().Format(time.DateTime)},
				{"Peak", fmt.Sprint(s.Stats.Peak)}, {"Mean", fmt.Sprintf("%.2f", s.Stats.Mean)}, {"95th percentile", p95},
				{"Time at 100%", (time.Duration(s.Stats.FullSeconds) * time.Second).String()},
				{"Time covered", (time.Duration(s.Stats.CoveredSeconds) * time.Second).String()}, {"Points", fmt.Sprintf("%d (%s)", len(s.Points), s.Resolution)},
			}, s)
		},
	}
	cmd.Flags().DurationVar(&last, "last", 7*24*time.Hour, "the range: this long up to now (24h, 168h, 720h, 8760h)")
	return cmd
}

func usageRecord(l *lsm) *cobra.Command {
	return &cobra.Command{
		Use:       "record on|off",
		Short:     "Turn the profile's usage history on or off",
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"on", "off"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] != "on" && args[0] != "off" {
				return usageError("Say on or off.")
			}
			_, store, _, p, err := l.historyOf()
			if err != nil {
				return err
			}
			if err := store.SetRecordHistory(p.ID, args[0] == "on"); err != nil {
				return err
			}
			fmt.Fprintf(l.stdout, "Usage history of %s is %s.\n", p.Name, args[0])
			return nil
		},
	}
}

func newAuditCommand(l *lsm) *cobra.Command {
	audit := group("audit", "The audit log of changes made through the app and lsm")
	var since time.Duration
	var outcome, search string
	list := &cobra.Command{
		Use:     "list",
		Short:   "List the changes, newest first",
		Example: "  lsm audit list --since 168h --outcome failed\n  lsm --profile Production audit list -o csv > changes.csv",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch history.Outcome(outcome) {
			case "", history.OutcomeDone, history.OutcomeFailed, history.OutcomeUnknown:
			default:
				return usageError("--outcome is done, failed or unknown.")
			}
			out, _, st, p, err := l.historyOf()
			if err != nil {
				return err
			}
			q := history.AuditQuery{Outcome: history.Outcome(outcome), Text: search}
			if since > 0 {
				q.From = time.Now().Add(-since)
			}
			if l.profile != "" {
				q.ProfileID = p.ID
			}
			entries, err := st.Audit(cmd.Context(), q)
			if err != nil {
				return err
			}
			return out.list(auditlog.CSV(entries, time.Local), entries)
		},
	}
	list.Flags().DurationVar(&since, "since", 0, "only changes this recent (for example 24h; default: all)")
	list.Flags().StringVar(&outcome, "outcome", "", "only changes with this outcome: done, failed or unknown")
	list.Flags().StringVar(&search, "search", "", "only changes whose operation, summary, user, server or profile contain this text")
	audit.AddCommand(list)
	return audit
}
