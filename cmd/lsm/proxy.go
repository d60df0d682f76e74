package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/settings"
)

// newProxyCommands are lsm profiles proxy and proxy-login: the Settings
// view's proxy section.
func newProxyCommands(l *lsm) []*cobra.Command {
	var mode, url, user string
	proxy := &cobra.Command{
		Use:   "proxy NAME --mode system|none|manual [--url HOST:PORT] [--proxy-user USER]",
		Short: "Choose how a profile's server is reached: the system's proxy, no proxy, or this proxy",
		Long: "proxy sets what the app's Settings view sets in its proxy section. With --mode system (the default) the\n" +
			"Windows proxy settings (or HTTPS_PROXY and NO_PROXY elsewhere) decide; none goes direct; manual goes\n" +
			"through --url. --proxy-user names the proxy user whose password proxy-login keeps in the keyring\n" +
			"(\"\" for none). The ProxyServer policy, when set, overrides all of it. lsm status says which proxy is used.",
		Example: "  lsm profiles proxy Production --mode manual --url proxy.corp.example:8080 --proxy-user 'CORP\\bob'\n" +
			"  lsm profiles proxy Lab --mode none",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, p, err := l.namedProfile(args[0])
			if err != nil {
				return err
			}
			if !cmd.Flags().Changed("proxy-user") {
				user = p.ProxyUser
			}
			in := settings.ProxyInput{Mode: settings.ProxyMode(mode), URL: url, User: user}
			if err := connect.SetProxy(store, l.secrets, p.ID, in); err != nil {
				if apperr.CodeOf(err) == apperr.InvalidInput {
					return &exitError{code: exitUsage, msg: problemText(err)}
				}
				return err
			}
			fmt.Fprintf(l.stdout, "The proxy setting of %s is saved.\n", p.Name)
			return nil
		},
	}
	proxy.Flags().StringVar(&mode, "mode", string(settings.ProxySystem), "system, none or manual")
	proxy.Flags().StringVar(&url, "url", "", "the proxy of --mode manual: host:port or http(s)://host:port")
	proxy.Flags().StringVar(&user, "proxy-user", "", "the proxy user name (its password: proxy-login)")

	login := &cobra.Command{
		Use:   "proxy-login NAME",
		Short: "Save the password of a profile's proxy user in the keyring",
		Long: "proxy-login keeps the proxy user's password (LSM_PROXY_PASSWORD, the first line of standard input with\n" +
			"--password-stdin, or typed at the terminal) in the OS keyring, never in the settings. An empty password\n" +
			"forgets it. The password is sent to the proxy only: NTLM when the proxy offers it on the way to an HTTPS\n" +
			"server, else Basic.",
		Example: "  printf '%s\\n' \"$PW\" | lsm profiles proxy-login Production --password-stdin",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, p, err := l.namedProfile(args[0])
			if err != nil {
				return err
			}
			if p.ProxyUser == "" {
				return usageError("The profile %s has no proxy user: set one with lsm profiles proxy %s --proxy-user USER.", p.Name, p.Name)
			}
			pw, err := l.proxyPassword(p.ProxyUser)
			if err != nil {
				return err
			}
			if err := connect.SaveProxyPassword(l.secrets, p, pw); err != nil {
				return err
			}
			fmt.Fprintf(l.stdout, "The proxy password of %s is saved for %s.\n", p.ProxyUser, p.Name)
			return nil
		},
	}
	return []*cobra.Command{proxy, login}
}

// proxyPassword reads the proxy password as credentials reads a server's:
// never from a flag.
func (l *lsm) proxyPassword(user string) (string, error) {
	switch {
	case l.passwordStdin:
		line, err := l.line()
		if err != nil && line == "" {
			return "", usageError("--password-stdin was given, but standard input holds no password%s.", errSuffix(err))
		}
		return line, nil
	case l.getenv("LSM_PROXY_PASSWORD") != "":
		return l.getenv("LSM_PROXY_PASSWORD"), nil
	case l.terminal && l.readPassword != nil:
		fmt.Fprintf(l.stderr, "Proxy password for %s: ", user)
		pw, err := l.readPassword()
		fmt.Fprintln(l.stderr)
		return pw, err
	}
	return "", usageError("No proxy password: give it in LSM_PROXY_PASSWORD, on standard input with --password-stdin, or at the terminal.")
}
