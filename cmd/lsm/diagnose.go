package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/buildinfo"
	"licenseservermanager/internal/operations"
)

func newDiagnoseCommand(l *lsm) *cobra.Command {
	var report string
	cmd := &cobra.Command{
		Use:   "diagnose",
		Short: "Probe every endpoint the app uses and show how the server answered",
		Long: "diagnose is the app's Server diagnostics: each endpoint of the API table with its outcome, and the\n" +
			"traits of the server's release. --report writes the compatibility report (JSON when the name ends\n" +
			"in .json, text otherwise), which holds no value, address, user name or password, for the producer.",
		Example: "  lsm diagnose\n  lsm --profile Lab diagnose --report lab-compatibility.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, srv, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			d := operations.Diagnose(cmd.Context(), cl, srv.profile, srv.conns.Health)
			if report != "" {
				r := operations.Compatibility(d, "License Server Manager lsm (commit "+buildinfo.Commit+")")
				data := []byte(r.Text())
				if strings.HasSuffix(strings.ToLower(report), ".json") {
					data = r.JSON()
				}
				if err := operations.WriteFile(report, data); err != nil {
					return err
				}
				fmt.Fprintf(l.stderr, "lsm: the compatibility report is in %s.\n", report)
			}
			if !d.Reachable {
				return &exitError{code: exitConnection, msg: d.Problem}
			}
			fmt.Fprintln(l.stderr, "proxy:", d.Proxy)
			for _, t := range d.Traits {
				fmt.Fprintln(l.stderr, "trait:", t)
			}
			table := operations.CSV{Header: []string{"Method", "Path", "Outcome", "Status", "Message"}}
			for _, e := range d.Endpoints {
				status := ""
				if e.Answer != nil {
					status = fmt.Sprint(e.Answer.Status)
				}
				table.Rows = append(table.Rows, []string{e.Method, e.Path, string(e.Outcome), status, e.Message})
			}
			return out.list(table, d)
		},
	}
	cmd.Flags().StringVar(&report, "report", "", "also write the compatibility report to this file")
	return cmd
}
