// Command lsm is License Server Manager's console tool: the operations of
// the desktop app for IT scripts, on the same core, with the app's
// settings, profiles and saved passwords. Its exit statuses are in exit.go.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/buildinfo"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/progress"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
)

// deps are what lsm takes from its process, so that tests can run it
// in-process against a simulator, a temp settings folder and a memory
// keyring.
type deps struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	secrets        secrets.Store
	// settingsDir is the app's settings folder; machineDefaults the
	// administrator's defaults file beside the executables.
	settingsDir     func() (string, error)
	machineDefaults string
	// policies are the organisation's machine policies.
	policies orgpolicy.Policies
	// terminal says whether a person is at stdin, who can be asked for a
	// password or a confirmation; readPassword reads one without echo.
	terminal     bool
	readPassword func() (string, error)
	// width is the terminal's width for tables; 0 when output is no
	// terminal (tables are then not cut).
	width int
	// barOnStderr: stderr is a terminal, where progress is a bar.
	barOnStderr bool
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, systemDeps(), os.Args[1:])
	stop()
	os.Exit(code)
}

func systemDeps() deps {
	d := deps{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
		secrets: secrets.Keyring{}, settingsDir: settings.Dir,
		terminal:     term.IsTerminal(int(os.Stdin.Fd())),
		readPassword: func() (string, error) { b, err := term.ReadPassword(int(os.Stdin.Fd())); return string(b), err },
		policies:     orgpolicy.Machine(buildinfo.Company),
	}
	if exe, err := os.Executable(); err == nil {
		d.machineDefaults = filepath.Join(filepath.Dir(exe), "defaults.json")
	}
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
		d.width = w
	}
	d.barOnStderr = term.IsTerminal(int(os.Stderr.Fd()))
	return d
}

// run executes lsm with args and returns the exit status.
func run(ctx context.Context, d deps, args []string) int {
	l := &lsm{deps: d, progress: &reporter{w: d.stderr, bar: d.barOnStderr}}
	root := newRoot(l)
	root.SetArgs(args)
	root.SetIn(d.stdin)
	root.SetOut(d.stdout)
	root.SetErr(d.stderr)
	err := root.ExecuteContext(ctx)
	l.progress.done()
	if l.history != nil {
		l.history.Close()
	}
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(d.stderr, "lsm:", ee.msg)
		}
		return ee.code
	}
	var ae *apperr.Error
	if !errors.As(err, &ae) {
		// Cobra's own errors are about the command line: an unknown
		// command or flag, a missing argument.
		fmt.Fprintln(d.stderr, "lsm:", err)
		fmt.Fprintln(d.stderr, "Run 'lsm --help' for usage.")
		return exitUsage
	}
	printError(d.stderr, ae)
	return statusOf(err)
}

// printError writes a failure and its per-item problems to stderr.
func printError(w io.Writer, e *apperr.Error) {
	fmt.Fprintln(w, "lsm:", e.Message)
	for _, it := range e.Items {
		where := strings.TrimSpace(it.Item + " " + it.Field)
		if where == "" {
			fmt.Fprintf(w, "  %s\n", it.Message)
		} else {
			fmt.Fprintf(w, "  %s: %s\n", where, it.Message)
		}
	}
}

func newRoot(l *lsm) *cobra.Command {
	root := &cobra.Command{
		Use:   "lsm",
		Short: "License Server Manager on the command line",
		Long: "lsm checks model definitions and reservation files, and administers FlexNet Embedded license servers,\n" +
			"with the same rules, settings, profiles and saved passwords as the License Server Manager app.\n\n" +
			"The server is the app's active profile, another one (--profile), or any address (--server).\n" +
			"A command logs in by itself when the server needs it: with the password in LSM_PASSWORD or on\n" +
			"standard input (--password-stdin), else the one the app saved, else it asks on the terminal.",
		Example: "  lsm status\n" +
			"  lsm --profile Production reservations export > groups.json\n" +
			"  LSM_PASSWORD=... lsm --server http://lls01:7070 features list -o csv",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.PersistentPreRun = func(cmd *cobra.Command, _ []string) {
		cmd.SetContext(progress.With(cmd.Context(), l.progress.report))
	}
	f := root.PersistentFlags()
	f.StringVar(&l.profile, "profile", "", "the saved profile to use (name or ID; default: the app's active profile)")
	f.StringVar(&l.server, "server", "", "a server by address instead of a profile: http[s]://host[:port] or https://site/api/1.0/instances/ID")
	f.StringVar(&l.user, "user", "", "the user to log in as (default: the saved one, else admin)")
	f.BoolVar(&l.passwordStdin, "password-stdin", false, "read the password from the first line of standard input")
	f.StringVarP(&l.output, "output", "o", "table", "output format: table, json or csv")
	root.MarkFlagsMutuallyExclusive("profile", "server")
	root.AddCommand(newStatusCommand(l), newLoginCommand(l), newLogoutCommand(l), newProfilesCommand(l), newDiagnoseCommand(l),
		newFeaturesCommand(l), newDevicesCommand(l), newPoolsCommand(l), newModelCommand(l), newReservationsCommand(l),
		newPropertiesCommand(l), newActivateCommand(l), newSyncCommand(l), newOfflineCommand(l), newClientKeyCommand(l),
		newPasswordCommand(l), newUsageCommand(l), newAuditCommand(l), newPoliciesCommand(l), newSetupCommand(l))
	return root
}

// version is what lsm --version prints: the stamp of the build (make
// stamps it as it does the app's).
func version() string {
	v := buildinfo.Version
	if v == "" {
		v = "(development build)"
	}
	return fmt.Sprintf("lsm %s (commit %s, built %s)", v, buildinfo.Commit, buildinfo.Date)
}
