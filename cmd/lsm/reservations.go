package main

import (
	"github.com/spf13/cobra"

	"licenseservermanager/internal/reservations"
)

func newReservationsCommand() *cobra.Command {
	res := &cobra.Command{
		Use:   "reservations",
		Short: "Reservation groups and reservation files",
		// Cobra shows the help for an unknown subcommand of a command that
		// does not run: a script's typo would then pass with status 0.
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
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
	return res
}

func checkReservations(data []byte) []finding {
	diags := reservations.Check(data)
	out := make([]finding, len(diags))
	for i, d := range diags {
		out[i] = finding{Line: d.Line, Column: d.Column, Warning: d.Warning, Message: d.Message}
	}
	return out
}
