package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/policy"
	"licenseservermanager/internal/settings"
)

// settingRow is one policy setting as lsm properties lists it.
type settingRow struct {
	Section string `json:"section"`
	operations.PolicySetting
}

func newPropertiesCommand(l *lsm) *cobra.Command {
	props := group("properties", "The server's properties and policy settings")
	read := func(cmd *cobra.Command) (*server, operations.PropertiesView, []settingRow, error) {
		srv, cl, err := l.client(cmd.Context())
		if err != nil {
			return nil, operations.PropertiesView{}, nil, err
		}
		v, err := operations.Properties(cmd.Context(), cl, srv.profile.ServerType == settings.ServerCLS)
		if err != nil {
			return nil, v, nil, err
		}
		var rows []settingRow
		for _, sec := range v.Sections {
			for _, st := range sec.Settings {
				rows = append(rows, settingRow{Section: sec.Name, PolicySetting: st})
			}
		}
		return srv, v, rows, nil
	}
	props.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "List every policy setting with its value",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, err := l.printer()
			if err != nil {
				return err
			}
			_, v, rows, err := read(cmd)
			if err != nil {
				return err
			}
			table := operations.CSV{Header: []string{"Section", "Name", "Value", "Locked"}}
			table.Rows = append(table.Rows, []string{"General", policy.HostIDSetting, v.SelectedHostID, v.ReadOnlyReason})
			for _, r := range rows {
				table.Rows = append(table.Rows, []string{r.Section, r.Name, r.Value, r.LockedReason})
			}
			return out.list(table, v)
		},
	}, &cobra.Command{
		Use:     "get NAME...",
		Short:   "Print the values of settings, one per line",
		Example: "  lsm properties get licensing.borrowIntervalMax",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, v, rows, err := read(cmd)
			if err != nil {
				return err
			}
			for _, name := range args {
				if name == policy.HostIDSetting {
					fmt.Fprintln(l.stdout, v.SelectedHostID)
					continue
				}
				i := slices.IndexFunc(rows, func(r settingRow) bool { return r.Name == name })
				if i < 0 {
					return usageError("The server has no setting %q: see lsm properties list.", name)
				}
				fmt.Fprintln(l.stdout, rows[i].Value)
			}
			return nil
		},
	})
	var dryRun bool
	set := &cobra.Command{
		Use:   "set NAME=VALUE...",
		Short: "Change settings, each checked as the app checks it, then sent one at a time",
		Long: "set checks every value first (durations take s/m/h/d/w, lists are written [a,b]) and sends nothing\n" +
			"when one is wrong. It then sends the changed settings one at a time and prints a result for each;\n" +
			"a setting that already has the value is not sent. With --dry-run nothing is sent.",
		Example: "  lsm properties set licensing.borrowIntervalMax=7d --dry-run\n  lsm properties set licensing.borrowIntervalMax=7d licensing.renewInterval=1h",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			changes := map[string]string{}
			for _, a := range args {
				name, value, ok := strings.Cut(a, "=")
				if !ok || strings.TrimSpace(name) == "" {
					return usageError("%q is not NAME=VALUE.", a)
				}
				changes[strings.TrimSpace(name)] = value
			}
			out, srv, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			cls := srv.profile.ServerType == settings.ServerCLS
			if dryRun {
				current, err := operations.Properties(cmd.Context(), cl, cls)
				if err != nil {
					return err
				}
				send, problems := operations.CheckSettings(current, changes)
				if len(problems) > 0 {
					return &exitError{code: exitUsage, msg: problemText(apperr.Invalid(problems...))}
				}
				names := slices.Sorted(maps.Keys(send))
				table := operations.CSV{Header: []string{"Name", "New value"}}
				for _, n := range names {
					table.Rows = append(table.Rows, []string{n, send[n]})
				}
				fmt.Fprintf(l.stderr, "lsm: %d settings would be sent (a dry run sends nothing).\n", len(names))
				return out.list(table, send)
			}
			rep, err := operations.SaveProperties(cmd.Context(), cl, cls, changes, l.policies)
			if apperr.CodeOf(err) == apperr.InvalidInput {
				return &exitError{code: exitUsage, msg: problemText(err)}
			}
			if err != nil {
				return err
			}
			table := operations.CSV{Header: []string{"Name", "Result", "Message"}}
			for _, n := range rep.Saved {
				table.Rows = append(table.Rows, []string{n, "saved", ""})
			}
			for _, f := range rep.Failed {
				table.Rows = append(table.Rows, []string{f.Name, "failed", f.Message})
			}
			for _, n := range rep.NotSent {
				table.Rows = append(table.Rows, []string{n, "not sent", ""})
			}
			if err := out.list(table, rep); err != nil {
				return err
			}
			if rep.Stopped != nil {
				fmt.Fprintf(l.stderr, "lsm: the save stopped: %s Run the same command again to send only the rest.\n", rep.Stopped.Message)
			}
			if len(rep.Failed) > 0 || rep.Stopped != nil {
				return &exitError{code: exitProblems}
			}
			return nil
		},
	}
	set.Flags().BoolVar(&dryRun, "dry-run", false, "check the values and show what would be sent; send nothing")
	props.AddCommand(set)
	return props
}

// problemText is an invalid_input error with each problem on a line, led
// by what it is in (a setting, an entry, a field).
func problemText(err error) string {
	e := apperr.From(err)
	var lines []string
	if len(e.Items) != 1 {
		lines = append(lines, e.Message)
	}
	for _, it := range e.Items {
		where := strings.TrimSpace(it.Item + " " + it.Field)
		switch {
		case len(e.Items) == 1 && where != "":
			lines = append(lines, where+": "+it.Message)
		case len(e.Items) == 1:
			lines = append(lines, it.Message)
		default:
			lines = append(lines, "  "+where+": "+it.Message)
		}
	}
	return strings.Join(lines, "\n")
}
