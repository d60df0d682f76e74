package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
)

// profileView is one row of lsm profiles list.
type profileView struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Active         bool   `json:"active"`
	ServerType     string `json:"serverType"`
	Host           string `json:"host"`
	Port           int    `json:"port"`
	HTTPS          bool   `json:"https"`
	InstanceID     string `json:"instanceId"`
	RememberedUser string `json:"rememberedUser"`
}

func newProfilesCommand(l *lsm) *cobra.Command {
	profiles := group("profiles", "The app's server profiles")
	profiles.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "List the profiles, the active one marked",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, store, err := l.settingsOnly()
			if err != nil {
				return err
			}
			s := store.Snapshot()
			views := make([]profileView, 0, len(s.Profiles))
			table := operations.CSV{Header: []string{"Active", "Name", "Server", "Type", "Saved password of"}}
			for _, p := range s.Profiles {
				v := profileView{ID: p.ID, Name: p.Name, Active: p.ID == s.ActiveProfileID, ServerType: string(p.ServerType), Host: p.Host,
					Port: p.Port, HTTPS: p.HTTPS, InstanceID: p.InstanceID, RememberedUser: p.RememberedUser}
				views = append(views, v)
				active := ""
				if v.Active {
					active = "*"
				}
				table.Rows = append(table.Rows, []string{active, p.Name, address(p), string(p.ServerType), p.RememberedUser})
			}
			return out.list(table, views)
		},
	})
	var server string
	var use bool
	add := &cobra.Command{
		Use:     "add NAME --server URL",
		Short:   "Add a profile for a server, as the app's Settings would",
		Example: "  lsm profiles add Production --server https://lls01.corp.example:7070",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, store, err := l.settingsOnly()
			if err != nil {
				return err
			}
			target, err := connect.ProfileFromURL(server)
			if err != nil {
				return &exitError{code: exitUsage, msg: errText(err)}
			}
			previous, hadActive := store.Active()
			p, err := store.AddProfile(args[0])
			if err != nil {
				return &exitError{code: exitUsage, msg: problemText(err)}
			}
			in := settings.ServerInput{PageSize: settings.DefaultPageSize, Host: target.Host, ServerType: target.ServerType, Port: target.Port,
				InstanceID: target.InstanceID, HTTPS: target.HTTPS}
			if err := store.SaveServer(in); err != nil {
				_ = store.DeleteProfile(p.ID)
				return &exitError{code: exitUsage, msg: problemText(err)}
			}
			if !use && hadActive {
				if err := store.SetActive(previous.ID); err != nil {
					return err
				}
			}
			fmt.Fprintf(l.stdout, "The profile %s is added for %s.\n", p.Name, server)
			return nil
		},
	}
	add.Flags().StringVar(&server, "server", "", "the server's address: http[s]://host[:port] or https://site/api/1.0/instances/ID")
	add.Flags().BoolVar(&use, "use", false, "make it the active profile")
	_ = add.MarkFlagRequired("server")
	remove := &cobra.Command{
		Use:   "remove NAME",
		Short: "Remove a profile and the password saved for it",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, p, err := l.namedProfile(args[0])
			if err != nil {
				return err
			}
			if err := l.confirm(cmd, fmt.Sprintf("Remove the profile %s?", p.Name)); err != nil {
				return err
			}
			if p.RememberedUser != "" {
				if err := l.secrets.Delete(p.ID, p.RememberedUser); err != nil && !errors.Is(err, secrets.ErrNotFound) {
					return apperr.Wrap(err, apperr.Internal, "The saved password of %s could not be removed: %v", p.Name, err)
				}
			}
			if err := store.DeleteProfile(p.ID); err != nil {
				return err
			}
			fmt.Fprintf(l.stdout, "The profile %s is removed.\n", p.Name)
			return nil
		},
	}
	remove.Flags().BoolP("yes", "y", false, "do not ask for a confirmation")
	rename := &cobra.Command{
		Use:   "rename NAME NEW-NAME",
		Short: "Rename a profile",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, p, err := l.namedProfile(args[0])
			if err != nil {
				return err
			}
			if err := store.RenameProfile(p.ID, args[1]); err != nil {
				return &exitError{code: exitUsage, msg: problemText(err)}
			}
			fmt.Fprintf(l.stdout, "The profile %s is now %s.\n", p.Name, strings.TrimSpace(args[1]))
			return nil
		},
	}
	var fingerprint, caFile string
	trust := &cobra.Command{
		Use:   "trust NAME (--fingerprint SHA256 | --ca-file PEM)",
		Short: "Trust a server's certificate (a pinned fingerprint) or an extra CA bundle for a profile",
		Long: "trust does what the app's certificate prompt and CA file setting do: the fingerprint is the SHA-256 of\n" +
			"the server's certificate (lsm diagnose and the app show it); the CA file is a PEM bundle trusted besides\n" +
			"the system's roots. There is no way to skip the check.",
		Example: "  lsm profiles trust Lab --fingerprint 3F:9A:...\n  lsm profiles trust Production --ca-file corp-root.pem",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, p, err := l.namedProfile(args[0])
			if err != nil {
				return err
			}
			if fingerprint == "" && caFile == "" {
				return usageError("Give --fingerprint or --ca-file.")
			}
			if fingerprint != "" {
				if _, err := fne.NormalizeFingerprint(fingerprint); err != nil {
					return &exitError{code: exitUsage, msg: errText(err)}
				}
			}
			if fingerprint == "" {
				fingerprint = p.PinnedFingerprint
			}
			if caFile == "" {
				caFile = p.CAFile
			}
			if err := store.SetTLSTrust(p.ID, fingerprint, caFile); err != nil {
				return &exitError{code: exitUsage, msg: problemText(err)}
			}
			fmt.Fprintf(l.stdout, "The profile %s trusts the certificate and CA file given.\n", p.Name)
			return nil
		},
	}
	trust.Flags().StringVar(&fingerprint, "fingerprint", "", "the SHA-256 fingerprint of the server's certificate (hex, colons optional)")
	trust.Flags().StringVar(&caFile, "ca-file", "", "a PEM bundle of CAs to trust besides the system's")
	profiles.AddCommand(add, remove, rename, trust)
	profiles.AddCommand(newProxyCommands(l)...)
	profiles.AddCommand(&cobra.Command{
		Use:     "use NAME",
		Short:   "Make a profile the active one, in the app too",
		Example: "  lsm profiles use Production",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, p, err := l.namedProfile(args[0])
			if err != nil {
				return err
			}
			if err := store.SetActive(p.ID); err != nil {
				return err
			}
			fmt.Fprintf(l.stdout, "The active profile is %s.\n", p.Name)
			return nil
		},
	})
	return profiles
}

// settingsOnly opens the app's settings for the commands that ask no
// server.
func (l *lsm) settingsOnly() (printer, *settings.Store, error) {
	out, err := l.printer()
	if err != nil {
		return printer{}, nil, err
	}
	store, _, err := l.openSettings()
	return out, store, err
}

// address is where a profile's server is, as a URL.
func address(p settings.Profile) string {
	switch {
	case p.Host == "":
		return "(not configured)"
	case p.ServerType == settings.ServerCLS:
		return "https://" + p.Host + "/api/1.0/instances/" + p.InstanceID
	case p.HTTPS:
		return "https://" + p.Host + ":" + strconv.Itoa(p.Port)
	}
	return "http://" + p.Host + ":" + strconv.Itoa(p.Port)
}

// namedProfile is the saved profile called name, with the settings it is in.
func (l *lsm) namedProfile(name string) (*settings.Store, settings.Profile, error) {
	_, store, err := l.settingsOnly()
	if err != nil {
		return nil, settings.Profile{}, err
	}
	p, ok := store.Snapshot().Named(name)
	if !ok {
		return nil, settings.Profile{}, usageError("There is no profile %q: see lsm profiles list.", name)
	}
	return store, p, nil
}
