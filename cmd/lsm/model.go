package main

import (
	"github.com/spf13/cobra"

	"licenseservermanager/internal/modeldef"
)

func newModelCommand() *cobra.Command {
	model := &cobra.Command{
		Use:   "model",
		Short: "Model definitions (named license pools)",
		// As for reservations: an unknown subcommand must fail, not show help.
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
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
	return model
}

func checkModel(data []byte) []finding {
	diags := modeldef.Validate(data)
	out := make([]finding, len(diags))
	for i, d := range diags {
		out[i] = finding{Line: d.Line, Column: d.Column, Warning: d.Severity == modeldef.SeverityWarning, Message: d.Message}
	}
	return out
}
