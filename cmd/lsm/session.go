package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/settings"
)

// statusView is what lsm status reports (its JSON is documented in the
// README).
type statusView struct {
	Profile         string   `json:"profile"`
	URL             string   `json:"url"`
	ServerType      string   `json:"serverType"`
	Version         string   `json:"version"`
	InstanceID      string   `json:"instanceId"`
	SecurityEnabled bool     `json:"securityEnabled"`
	LoggedIn        bool     `json:"loggedIn"`
	User            string   `json:"user"`
	Roles           []string `json:"roles"`
	// Proxy is the way to the server: the proxy (or direct) and why.
	Proxy string `json:"proxy"`
}

func newStatusCommand(l *lsm) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Show the server's version and security, and who is logged in",
		Long: "status asks the server for its health, and logs in when a password is at hand (it never asks for one),\n" +
			"to show the user and roles the login has, and which proxy (or none) leads to the server, and why.",
		Example: "  lsm status\n  lsm --profile Production status -o json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, err := l.printer()
			if err != nil {
				return err
			}
			srv, err := l.open()
			if err != nil {
				return err
			}
			h, err := srv.conns.Health(cmd.Context())
			if err != nil {
				return err
			}
			creds, err := l.credentials()
			if err != nil {
				return err
			}
			creds.Ask = nil
			st, err := srv.sessions.EnsureLogin(cmd.Context(), creds.Credentials)
			if err != nil && apperr.CodeOf(err) != apperr.LoginRequired {
				return err
			}
			cl, _ := srv.conns.Client()
			v := statusView{Profile: srv.profile.Name, URL: cl.RootURL(), ServerType: string(srv.profile.ServerType), Version: h.Version,
				InstanceID: h.InstanceID, SecurityEnabled: h.SecurityEnabled, LoggedIn: st.LoggedIn, User: st.User, Roles: st.Roles,
				Proxy: cl.RouteSummary()}
			if v.Roles == nil {
				v.Roles = []string{}
			}
			login := "not needed"
			switch {
			case st.LoggedIn:
				login = fmt.Sprintf("%s (%s)", st.User, strings.Join(st.Roles, ", "))
			case h.SecurityEnabled:
				login = "not logged in: no password at hand"
			}
			return out.record([][2]string{
				{"Profile", v.Profile}, {"Address", v.URL}, {"Proxy", v.Proxy}, {"Server type", v.ServerType}, {"Version", v.Version},
				{"Instance ID", v.InstanceID}, {"Security", onOff(v.SecurityEnabled)}, {"Login", login},
			}, v)
		},
	}
}

func onOff(b bool) string {
	if b {
		return "enabled"
	}
	return "disabled"
}

func newLoginCommand(l *lsm) *cobra.Command {
	var remember bool
	cmd := &cobra.Command{
		Use:   "login",
		Short: "Check a login, and save its password for the app and lsm",
		Long: "login logs in with the password from LSM_PASSWORD, standard input (--password-stdin) or the terminal.\n" +
			"With --remember the password is saved in the OS credential store under the profile, where the app\n" +
			"finds it too (and the other way round); later commands then log in by themselves. Without it nothing\n" +
			"is saved: the login only shows that the password works.",
		Example: "  lsm login --user admin --remember\n  printf '%s\\n' \"$PW\" | lsm --profile Lab login --password-stdin",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if remember && l.policies.DisableRememberPassword {
				// Refused before a server or a password is asked for.
				return settings.RememberRefused()
			}
			srv, err := l.open()
			if err != nil {
				return err
			}
			if remember && srv.profile.ID == "" {
				return usageError("A password is only saved for a profile: add one in the app (or lsm profiles), then use --profile.")
			}
			h, err := srv.conns.Health(cmd.Context())
			if err != nil {
				return err
			}
			if !h.SecurityEnabled {
				fmt.Fprintln(l.stdout, "The server has security disabled: it needs no login.")
				return nil
			}
			creds, err := l.credentials()
			if err != nil {
				return err
			}
			user, err := creds.password()
			if err != nil {
				return err
			}
			var st connect.State
			if remember {
				st, err = srv.sessions.Login(cmd.Context(), connect.LoginInput{User: user, Password: creds.Password, Remember: true})
			} else {
				creds.User, creds.Ask = user, nil
				st, err = srv.sessions.EnsureLogin(cmd.Context(), creds.Credentials)
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(l.stdout, "Logged in as %s (%s).\n", st.User, strings.Join(st.Roles, ", "))
			switch {
			case st.Problem != "":
				// The login worked, what was asked for did not: a script
				// relying on the saved password must not go on.
				return &exitError{code: exitProblems, msg: st.Problem}
			case remember:
				fmt.Fprintf(l.stdout, "The password is saved for the profile %s.\n", srv.profile.Name)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&remember, "remember", false, "save the password in the OS credential store for the profile")
	return cmd
}

func newLogoutCommand(l *lsm) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "Forget the password saved for the profile",
		Long: "logout removes the password the app or lsm login --remember saved for the profile from the OS\n" +
			"credential store. Each lsm command logs in for itself only, so no session is left to end.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			srv, err := l.open()
			if err != nil {
				return err
			}
			if srv.profile.RememberedUser == "" {
				fmt.Fprintf(l.stdout, "No password is saved for %s.\n", srv.profile.Name)
				return nil
			}
			if _, err := srv.sessions.Logout(true); err != nil {
				return err
			}
			fmt.Fprintf(l.stdout, "The saved password of %s for %s is forgotten.\n", srv.profile.RememberedUser, srv.profile.Name)
			return nil
		},
	}
}
