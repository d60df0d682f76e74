package main

import (
	"strings"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/settings"
)

// newSetupCommand is what the MSI package runs from its custom actions
// (installer/msi/LicenseServerManager.wxs): the server presets of the
// installation, in the defaults.json beside lsm.exe that the app and lsm
// read, written by the rules they read it with. It takes no
// folder: a path ending in a backslash ([INSTALLFOLDER]) would escape its
// closing quote on a Windows command line. Hidden, as no person needs it;
// installer/README.md describes it.
func newSetupCommand(l *lsm) *cobra.Command {
	setup := &cobra.Command{
		Use:    "setup",
		Short:  "Installer support: the installation's server presets (defaults.json)",
		Hidden: true,
		Args:   cobra.NoArgs,
	}
	var p settings.Presets
	write := &cobra.Command{
		Use:   "write-defaults",
		Short: "Check the server presets and write them to defaults.json beside lsm.exe",
		Long: "write-defaults checks the presets as the NSIS installer checks /HOST= /PORT= /HTTPS= /CLS=, and as\n" +
			"the app's Settings view checks a server, then writes defaults.json beside lsm.exe. An empty value\n" +
			"is a preset not given (an MSI property that is not set). Nothing is written when a preset is\n" +
			"invalid: each problem is printed, and lsm exits 2, which fails the MSI installation (1603).",
		Example: "  lsm setup write-defaults --host lls01.example --port 7071 --https 1",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if l.machineDefaults == "" {
				return usageError("The folder of lsm.exe is not known, so defaults.json cannot be written beside it.")
			}
			err := settings.WritePresets(l.machineDefaults, p)
			if items := apperr.ItemsOf(err); len(items) > 0 {
				msgs := make([]string, len(items))
				for i, it := range items {
					msgs[i] = it.Message
				}
				return &exitError{code: exitUsage, msg: "the server presets are not valid, nothing was written:\n  " + strings.Join(msgs, "\n  ")}
			}
			return err
		},
	}
	f := write.Flags()
	f.StringVar(&p.Host, "host", "", "the license server's host name or IP address (HOST)")
	f.StringVar(&p.Port, "port", "", "its port, 1-65535 (PORT; default 7070)")
	f.StringVar(&p.HTTPS, "https", "", "1 for HTTPS, 0 for HTTP (HTTPS; default 0)")
	f.StringVar(&p.CLS, "cls", "", "a Cloud License Server's instance ID (CLS)")
	setup.AddCommand(write)
	return setup
}
