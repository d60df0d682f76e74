package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/modeldef"
	"licenseservermanager/internal/operations"
)

func newModelCommand(l *lsm) *cobra.Command {
	model := group("model", "Model definitions (named license pools)")
	model.AddCommand(&cobra.Command{
		Use:   "check FILE...",
		Short: "Check model definition files without a server",
		Long: "check reads each model definition and prints one line per problem, FILE:LINE:COL: error|warning: message,\n" +
			"with the rules of the app's Model editor: an error is what the server refuses, a warning what it accepts\n" +
			"but probably does not do what was meant. The exit status is 0 when no file has errors (warnings allowed),\n" +
			"1 when any has, and 2 when a file cannot be read.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			return checkFiles(cmd, files, checkModel)
		},
	})
	model.AddCommand(modelShow(l), modelUpload(l), modelDelete(l), &cobra.Command{
		Use:   "format FILE",
		Short: "Print a model definition laid out as the app's Format does",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := readChecked(args[0])
			if err != nil {
				return &exitError{code: exitUsage, msg: fmt.Sprintf("%s: %v", args[0], err)}
			}
			text, err := operations.Format(string(data))
			if err != nil {
				printFindings(l.stderr, args[0], checkModel(data))
				return &exitError{code: exitUsage, msg: args[0] + " has errors, so it cannot be laid out."}
			}
			_, err = io.WriteString(l.stdout, text)
			return err
		},
	})
	return model
}

func modelShow(l *lsm) *cobra.Command {
	return &cobra.Command{
		Use:     "show",
		Short:   "Print the server's active model definition",
		Example: "  lsm model show > current.model",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, cl, err := l.client(cmd.Context())
			if err != nil {
				return err
			}
			m, err := operations.Model(cmd.Context(), cl)
			if err != nil {
				return err
			}
			if !m.Active {
				return &exitError{code: exitProblems, msg: "No model definition is active: the server has only its default pool."}
			}
			_, err = io.WriteString(l.stdout, m.Text)
			return err
		},
	}
}

func modelUpload(l *lsm) *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "upload FILE",
		Short: "Check a model definition against the server and make it the active one",
		Long: "upload checks the file as the app's Model editor does and prints its problems as FILE:LINE:COL lines;\n" +
			"a file with errors is never sent (exit status 2). It is also refused while reservation groups exist.\n" +
			"With --dry-run it prints what each pool would receive from the server's features, and sends nothing.",
		Example: "  lsm model upload engineering.model --dry-run\n  lsm model upload engineering.model",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := readChecked(args[0])
			if err != nil {
				return &exitError{code: exitUsage, msg: fmt.Sprintf("%s: %v", args[0], err)}
			}
			out, _, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			models := operations.NewModels()
			check := models.Check(cmd.Context(), cl, string(data), true)
			printFindings(l.stderr, args[0], checkModel(data))
			if !check.Valid {
				return &exitError{code: exitUsage, msg: args[0] + " has errors: nothing was sent."}
			}
			if dryRun {
				if check.PreviewNote != "" {
					fmt.Fprintln(l.stderr, "lsm:", check.PreviewNote)
				}
				table := operations.CSV{Header: []string{"Pool", "Feature", "Version", "Requested", "Count", "Note"}}
				for _, p := range check.Preview {
					for _, f := range p.Features {
						note := ""
						switch {
						case f.Missing:
							note = "not on the server"
						case f.Short:
							note = fmt.Sprintf("short by %d", f.Shortfall)
						}
						table.Rows = append(table.Rows, []string{p.Pool, f.Name, f.Version, f.Requested, count(f.Count, f.Uncounted), note})
					}
				}
				if err := out.list(table, check); err != nil {
					return err
				}
				// A dry run says what the upload would meet.
				return operations.RefuseWhileReservations(cmd.Context(), cl)
			}
			if _, err := models.Upload(cmd.Context(), cl, string(data), l.policies); err != nil {
				return err
			}
			fmt.Fprintf(l.stdout, "The model definition %s is active.\n", check.ModelName)
			return nil
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "check and preview the pools; send nothing")
	return cmd
}

func modelDelete(l *lsm) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "delete",
		Short: "Delete the active model definition: every license goes back to the default pool",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, cl, err := l.client(cmd.Context())
			if err != nil {
				return err
			}
			if err := l.confirm(cmd, "Delete the model definition? Every named pool goes, and its licenses return to the default pool."); err != nil {
				return err
			}
			if err := operations.DeleteModel(cmd.Context(), cl, l.policies); err != nil {
				return err
			}
			fmt.Fprintln(l.stdout, "The model definition is deleted.")
			return nil
		},
	}
	cmd.Flags().BoolP("yes", "y", false, "do not ask for a confirmation")
	return cmd
}

func newPoolsCommand(l *lsm) *cobra.Command {
	pools := group("pools", "Named license pools")
	pools.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "List every pool and the features it holds, the default pool first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, _, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			v, err := operations.Pools(cmd.Context(), cl)
			if err != nil {
				return err
			}
			table := operations.CSV{Header: []string{"Pool", "Feature", "Version", "Requested", "Allocated", "Used", "Expiry", "Status"}}
			for _, p := range v.Pools {
				for _, f := range p.Features {
					table.Rows = append(table.Rows, []string{p.Name, f.Feature, f.Version, f.Requested, count(f.Allocated, f.Uncounted), fmt.Sprint(f.Used), f.Expiry, f.Status})
				}
			}
			return out.list(table, v)
		},
	})
	return pools
}

func checkModel(data []byte) []finding {
	diags := modeldef.Validate(data)
	out := make([]finding, len(diags))
	for i, d := range diags {
		out[i] = finding{Line: d.Line, Column: d.Column, Warning: d.Severity == modeldef.SeverityWarning, Message: d.Message}
	}
	return out
}
