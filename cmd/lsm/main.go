// Command lsm is License Server Manager's console tool: the operations of
// the desktop app for IT scripts, on the same core. Its exit status is 0 on
// success, 1 when the files or the server it checked have errors, and 2 on
// a usage error or a file it cannot read.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// Exit statuses.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

// exitError ends the command with status code after its message (if any)
// has been printed.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes lsm with args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRoot()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintln(stderr, "lsm:", ee.msg)
		}
		return ee.code
	}
	// Cobra's own errors are about the command line: an unknown command or
	// flag, a missing argument.
	fmt.Fprintln(stderr, "lsm:", err)
	fmt.Fprintln(stderr, "Run 'lsm --help' for usage.")
	return exitUsage
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:           "lsm",
		Short:         "License Server Manager on the command line",
		Long:          "lsm checks model definitions and reservation files, and administers FlexNet Embedded license servers, with the same rules as the License Server Manager app.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newModelCommand(), newReservationsCommand())
	return root
}
