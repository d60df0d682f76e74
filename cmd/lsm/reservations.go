package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/hostid"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/reservations"
)

func newReservationsCommand(l *lsm) *cobra.Command {
	res := group("reservations", "Reservation groups and reservation files")
	res.AddCommand(&cobra.Command{
		Use:   "check FILE...",
		Short: "Check reservation files without a server",
		Long: "check reads each reservation file (one group as an object, or an array of groups, in the server's\n" +
			"import/export JSON format) and prints one line per problem, FILE:LINE:COL: error|warning: message,\n" +
			"with the rules of the app's Import: an error is what the server refuses (the group is not imported),\n" +
			"a warning what it may read differently than meant. Names and host IDs already on a server are not\n" +
			"checked, as no server is asked. The exit status is 0 when no file has errors (warnings allowed),\n" +
			"1 when any has, and 2 when a file cannot be read.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			return checkFiles(cmd, files, checkReservations)
		},
	})
	res.AddCommand(reservationsList(l), reservationsAdd(l), reservationsExport(l), reservationsImport(l), reservationsDelete(l), reservationsEdit(l))
	return res
}

func reservationsList(l *lsm) *cobra.Command {
	var flags listFlags
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List the reservations, one row per entry, with whether the server can satisfy it",
		Example: "  lsm reservations list --search LAB -o csv",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, srv, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			view := operations.NewReservations(srv.shelf())
			page, err := view.List(cmd.Context(), cl, flags.query(), true)
			if err != nil {
				return err
			}
			table, err := view.ExportCSV(cmd.Context(), cl, flags.query(), nil)
			if err != nil {
				return err
			}
			return out.list(table, page.Rows)
		},
	}
	flags.add(cmd, "entries")
	return cmd
}

func reservationsExport(l *lsm) *cobra.Command {
	var file string
	cmd := &cobra.Command{
		Use:   "export [GROUP-ID...]",
		Short: "Write reservation groups in the server's import format (all when no ID is given)",
		Long: "export writes the groups as JSON, the format reservations import and the app's Import read, to\n" +
			"standard output or to --file.",
		Example: "  lsm reservations export > groups.json\n  lsm reservations export 3 7 --file two-groups.json",
		RunE: func(cmd *cobra.Command, args []string) error {
			ids, err := idArgs(args, "reservation group")
			if err != nil {
				return err
			}
			_, cl, err := l.client(cmd.Context())
			if err != nil {
				return err
			}
			data, err := operations.Export(cmd.Context(), cl, ids)
			if err != nil {
				return err
			}
			if file == "" {
				_, err = l.stdout.Write(data)
				return err
			}
			return operations.WriteFile(file, data)
		},
	}
	cmd.Flags().StringVarP(&file, "file", "f", "", "write to this file instead of standard output")
	return cmd
}

func reservationsImport(l *lsm) *cobra.Command {
	var replace, dryRun bool
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Create the groups of a reservation file, as the app's Import does",
		Long: "import checks the file against the server, prints what it will do with each group, and does it.\n" +
			"A group whose name is on the server already is skipped, or replaced with --replace (its definition is\n" +
			"kept in the app's \"Kept reservation groups\" folder until the new one is there). With --dry-run\n" +
			"nothing is sent. A group with errors is never sent; the exit status is 1 when any group failed.",
		Example: "  lsm reservations import groups.json --dry-run\n  lsm reservations import groups.json --replace",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := readChecked(args[0])
			if err != nil {
				return &exitError{code: exitUsage, msg: fmt.Sprintf("%s: %v", args[0], err)}
			}
			out, srv, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			view := operations.NewReservations(srv.shelf())
			preview, err := view.PreviewImport(cmd.Context(), cl, filepath.Base(args[0]), data)
			if err != nil {
				return err
			}
			plan := preview.Preview.Keep
			if replace {
				plan = preview.Preview.Replace
			}
			for _, p := range append(preview.Preview.Errors, preview.Preview.Warnings...) {
				fmt.Fprintf(l.stderr, "%s:%d:%d: %s\n", args[0], p.Line, p.Column, p.Message)
			}
			if dryRun {
				if err := printPlan(out, plan); err != nil {
					return err
				}
				if len(preview.Preview.Errors) > 0 {
					return &exitError{code: exitProblems}
				}
				return nil
			}
			printPlanSteps(l, plan)
			report, err := view.ApplyImport(cmd.Context(), cl, preview.Token, replace)
			if err != nil {
				return err
			}
			if err := printImport(l, out, report); err != nil {
				return err
			}
			if len(report.Failed) > 0 || report.Stopped != nil {
				return &exitError{code: exitProblems}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&replace, "replace", false, "replace the groups whose names are on the server already")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check the file and show the plan; send nothing")
	return cmd
}

// printPlan prints what an import will do with each group.
func printPlan(out printer, plan reservations.ImportPlan) error {
	table := operations.CSV{Header: []string{"Group", "Action", "Reason"}}
	for _, a := range plan.Actions {
		table.Rows = append(table.Rows, []string{a.Label, string(a.Action), a.Reason})
	}
	return out.list(table, plan)
}

// printPlanSteps tells a person on stderr what is about to be sent.
func printPlanSteps(l *lsm, plan reservations.ImportPlan) {
	s := plan.Summary
	fmt.Fprintf(l.stderr, "lsm: importing %d groups, replacing %d, skipping %d.\n", s.ToImport, s.ToReplace, s.Skipped)
}

// printImport prints an import's report: the counts, then each group that
// was named by the server, skipped, failed or not sent.
func printImport(l *lsm, out printer, r operations.ImportReport) error {
	if out.format == formatJSON {
		return out.json(r)
	}
	table := operations.CSV{Header: []string{"Group", "Outcome", "Message"}}
	add := func(outcome string, ms []operations.GroupMessage) {
		for _, m := range ms {
			msg := m.Message
			if m.KeptIn != "" {
				msg += " Its definition is kept in " + m.KeptIn + "."
			}
			table.Rows = append(table.Rows, []string{m.Group, outcome, msg})
		}
	}
	add("named by the server", r.Named)
	add("skipped", r.SkippedGroups)
	add("failed", r.Failed)
	add("not sent", r.NotSent)
	fmt.Fprintf(l.stderr, "lsm: %d imported, %d replaced, %d skipped, %d failed, %d not sent.\n", r.Imported, r.Replaced, r.Skipped, len(r.Failed), len(r.NotSent))
	if r.Stopped != nil {
		fmt.Fprintf(l.stderr, "lsm: the import stopped: %s Run the same command again to send only the rest.\n", r.Stopped.Message)
	}
	if len(table.Rows) == 0 {
		return nil
	}
	return out.list(table, r)
}

func reservationsDelete(l *lsm) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "delete GROUP-ID...",
		Short:   "Delete reservation groups",
		Example: "  lsm reservations delete 3 7 --yes",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ids, err := idArgs(args, "reservation group")
			if err != nil {
				return err
			}
			out, srv, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			if err := l.confirm(cmd, fmt.Sprintf("Delete %d reservation groups (%s) from the license server?", len(ids), strings.Join(args, ", "))); err != nil {
				return err
			}
			report, err := operations.NewReservations(srv.shelf()).Delete(cmd.Context(), cl, ids)
			if err != nil {
				return err
			}
			return printBatch(out, report.Results, report.Failed, report.Stopped, report)
		},
	}
	cmd.Flags().BoolP("yes", "y", false, "do not ask for a confirmation")
	return cmd
}

// printBatch prints a batch's result per group; a batch that failed in part
// or stopped exits 1.
func printBatch(out printer, results []operations.GroupResult, failed int, stopped *operations.Stopped, report any) error {
	table := operations.CSV{Header: []string{"Group", "ID", "Result", "Message"}}
	for _, r := range results {
		outcome := "done"
		switch {
		case r.Unknown:
			outcome = "not known"
		case r.NotSent:
			outcome = "not sent"
		case !r.OK:
			outcome = "failed"
		}
		table.Rows = append(table.Rows, []string{r.Group, fmt.Sprint(r.ID), outcome, r.Message})
	}
	if err := out.list(table, report); err != nil {
		return err
	}
	if failed > 0 || stopped != nil {
		return &exitError{code: exitProblems}
	}
	return nil
}

func checkReservations(data []byte) []finding {
	diags := reservations.Check(data)
	out := make([]finding, len(diags))
	for i, d := range diags {
		out[i] = finding{Line: d.Line, Column: d.Column, Warning: d.Warning, Message: d.Message}
	}
	return out
}

func reservationsEdit(l *lsm) *cobra.Command {
	return &cobra.Command{
		Use:   "edit GROUP-ID FILE",
		Short: "Replace a reservation group with the one group of a file (the app's Edit Group)",
		Long: "edit replaces the group with the group FILE holds, in the import format (export a group to get one to\n" +
			"change). The server cannot edit a group, so it is deleted and created again; its definition is kept in\n" +
			"the app's \"Kept reservation groups\" folder until the new one is there, and restored if the server\n" +
			"refuses the new one.",
		Example: "  lsm reservations export 7 > lab.json && $EDITOR lab.json && lsm reservations edit 7 lab.json",
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := idArg(args[0], "reservation group")
			if err != nil {
				return err
			}
			data, err := readChecked(args[1])
			if err != nil {
				return &exitError{code: exitUsage, msg: fmt.Sprintf("%s: %v", args[1], err)}
			}
			file := reservations.Import(data, nil)
			for _, p := range file.Errors {
				fmt.Fprintf(l.stderr, "%s:%d:%d: error: %s\n", args[1], p.Line, p.Column, p.Message)
			}
			if len(file.Errors) > 0 || len(file.Groups) != 1 {
				return &exitError{code: exitUsage, msg: fmt.Sprintf("%s must hold one valid group (it holds %d).", args[1], len(file.Groups))}
			}
			out, srv, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			g := file.Groups[0].Group
			var entries []reservations.PendingEntry
			for _, r := range g.Reservations {
				for _, e := range r.Entries {
					entries = append(entries, reservations.PendingEntry{GroupName: g.Name, DeviceID: r.HostID.Value, IDType: r.HostID.Type,
						FeatureName: e.FeatureName, Version: e.FeatureVersion, Count: e.FeatureCount})
				}
			}
			report, err := operations.NewReservations(srv.shelf()).Edit(cmd.Context(), cl, id, entries)
			if err != nil {
				return err
			}
			if err := out.record([][2]string{{"Outcome", string(report.Outcome)}, {"Message", report.Message}, {"Kept in", report.KeptIn}}, report); err != nil {
				return err
			}
			if report.Outcome != operations.OutcomeReplaced {
				return &exitError{code: exitProblems}
			}
			return nil
		},
	}
}

func reservationsAdd(l *lsm) *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "add GROUP DEVICE-ID[:TYPE] FEATURE:VERSION:COUNT...",
		Short: "Reserve features for a device in a new group (the app's Add page)",
		Long: "add checks the entries as the app's Add page does (version a.b, a positive count, a host ID no other\n" +
			"group reserves, the features on the server) and creates the group. TYPE is one of " + strings.Join(hostIDTypes(), ", ") + "\n" +
			"(STRING when none is given). With --dry-run the checks run and nothing is sent.",
		Example: "  lsm reservations add LAB-42 A1B2C3D4E5F6:ETHERNET CAD_Pro:2.0:3 Render:1.0:1",
		Args:    cobra.MinimumNArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			device, idType, found := strings.Cut(args[1], ":")
			if !found {
				idType = "STRING"
			}
			var pending []reservations.PendingEntry
			for _, a := range args[2:] {
				parts := strings.Split(a, ":")
				if len(parts) != 3 {
					return usageError("%q is not FEATURE:VERSION:COUNT.", a)
				}
				n, err := strconv.ParseInt(parts[2], 10, 64)
				if err != nil {
					return usageError("The count of %q is not a whole number.", a)
				}
				pending = append(pending, reservations.PendingEntry{GroupName: args[0], DeviceID: device, IDType: strings.ToUpper(idType),
					FeatureName: parts[0], Version: parts[1], Count: n})
			}
			out, srv, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			check, err := operations.Validate(cmd.Context(), cl, pending, 0)
			if err != nil {
				return err
			}
			if !check.Valid {
				return &exitError{code: exitUsage, msg: problemText(apperr.Invalid(check.Problems...))}
			}
			if dryRun {
				fmt.Fprintln(l.stderr, "lsm: the entries are valid (a dry run sends nothing).")
				return nil
			}
			report, err := operations.NewReservations(srv.shelf()).Submit(cmd.Context(), cl, pending)
			if err != nil {
				return err
			}
			return printBatch(out, report.Results, report.Failed, report.Stopped, report)
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check the entries; send nothing")
	return cmd
}

func hostIDTypes() []string { return hostid.Types }
