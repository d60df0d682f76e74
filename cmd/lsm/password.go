package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/connect"
)

func newPasswordCommand(l *lsm) *cobra.Command {
	password := group("password", "Passwords of the server's users")
	password.AddCommand(&cobra.Command{
		Use:   "reset",
		Short: "Change a user's password (the app's Reset Password)",
		Long: "reset logs in with the current password (LSM_PASSWORD, the first line of standard input with\n" +
			"--password-stdin, or the terminal) and sets the new one: LSM_NEW_PASSWORD, the second line of\n" +
			"standard input with --password-stdin, or typed twice at the terminal. A password the app saved for\n" +
			"the profile is replaced by the new one.",
		Example: "  lsm password reset --user admin\n  printf '%s\\n%s\\n' \"$OLD\" \"$NEW\" | lsm password reset --password-stdin",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			srv, err := l.open()
			if err != nil {
				return err
			}
			creds, err := l.credentials()
			if err != nil {
				return err
			}
			user, err := creds.password()
			if err != nil {
				return err
			}
			current := creds.Password
			next, confirm, err := l.newPassword(user)
			if err != nil {
				return err
			}
			if _, err := srv.sessions.ChangePassword(cmd.Context(), connect.PasswordInput{User: user, Current: current, New: next, Confirm: confirm}); err != nil {
				return err
			}
			fmt.Fprintf(l.stdout, "The password of %s is changed.\n", user)
			return nil
		},
	})
	return password
}

// newPassword is the new password and its confirmation, from where the
// current one came: the environment, standard input, or the terminal.
func (l *lsm) newPassword(user string) (string, string, error) {
	switch {
	case l.passwordStdin:
		line, _ := l.line()
		return line, line, nil
	case l.getenv("LSM_NEW_PASSWORD") != "":
		pw := l.getenv("LSM_NEW_PASSWORD")
		return pw, pw, nil
	case l.terminal && l.readPassword != nil:
		fmt.Fprintf(l.stderr, "New password for %s: ", user)
		next, err := l.readPassword()
		fmt.Fprintln(l.stderr)
		if err != nil {
			return "", "", err
		}
		fmt.Fprint(l.stderr, "Type it again: ")
		confirm, err := l.readPassword()
		fmt.Fprintln(l.stderr)
		return next, confirm, err
	}
	return "", "", usageError("No new password: give it in LSM_NEW_PASSWORD, as the second line of standard input with --password-stdin, or at the terminal.")
}
