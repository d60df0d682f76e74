package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/operations"
)

// newPoliciesCommand shows what the organisation's machine policies fix, so
// an administrator can check a rollout the way the app and lsm read it.
func newPoliciesCommand(l *lsm) *cobra.Command {
	return &cobra.Command{
		Use:   "policies",
		Short: "Show the machine policies in force (HKLM and HKCU Software\\Policies)",
		Long: "policies lists the organisation's machine policies that the app and lsm obey, read from\n" +
			"HKLM\\Software\\Policies\\<Company>\\LicenseServerManager and the same key under HKCU (HKLM wins).\n" +
			"A value that cannot be used is named on standard error and ignored.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, err := l.printer()
			if err != nil {
				return err
			}
			for _, p := range l.policies.Problems {
				fmt.Fprintf(l.stderr, "lsm: ignored %s (%s): %s\n", p.Name, p.Where, p.Message)
			}
			table := operations.CSV{Header: []string{"Policy", "Value"}}
			for _, s := range l.policies.InForce() {
				table.Rows = append(table.Rows, []string{s.Name, s.Value})
			}
			return out.list(table, l.policies)
		},
	}
}
