package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/operations"
)

// backOffice is the app's back-office operations with their exchange
// history, in the app's settings folder.
func (s *server) backOffice() *operations.BackOffice {
	return operations.NewBackOffice(s.settingsDir, nil)
}

func newActivateCommand(l *lsm) *cobra.Command {
	return &cobra.Command{
		Use:   "activate ACTIVATION-ID[:COUNT]...",
		Short: "Activate licenses online from the back office",
		Long: "activate asks the back office, through the server, for each activation ID (COUNT copies, 1 when\n" +
			"none is given) and prints a result per ID. The exit status is 1 when any ID failed.",
		Example: "  lsm activate ACT-1234-5678 ACT-9999-0000:5",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out, err := l.printer()
			if err != nil {
				return err
			}
			rows := make([]operations.ActivationInput, len(args))
			for i, a := range args {
				id, n, found := strings.Cut(a, ":")
				if !found {
					n = "1"
				}
				rows[i] = operations.ActivationInput{ActivationID: id, Count: n}
			}
			srv, cl, err := l.client(cmd.Context())
			if err != nil {
				return err
			}
			results, err := srv.backOffice().Activate(cmd.Context(), cl, rows)
			if err != nil {
				return err
			}
			table := operations.CSV{Header: []string{"Activation ID", "Result", "Message"}}
			failed := false
			for _, r := range results {
				outcome := "activated"
				if !r.OK {
					outcome, failed = "failed", true
				}
				table.Rows = append(table.Rows, []string{r.ActivationID, outcome, r.Message})
			}
			if err := out.list(table, results); err != nil {
				return err
			}
			if failed {
				return &exitError{code: exitProblems}
			}
			return nil
		},
	}
}

func newSyncCommand(l *lsm) *cobra.Command {
	return &cobra.Command{
		Use:   "sync",
		Short: "Ask the server to synchronize with the back office now (Update Licenses)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, srv, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			r, err := srv.backOffice().Refresh(cmd.Context(), cl)
			if err != nil {
				return err
			}
			return out.record([][2]string{{"Requested", r.RequestedAt}, {"Answer", r.Answer}}, r)
		},
	}
}

func newOfflineCommand(l *lsm) *cobra.Command {
	offline := group("offline", "Offline license updates: request files for the back office and its responses")
	var file string
	var confirmation bool
	saved := func(cmd *cobra.Command, srv *server, req operations.RequestFile) error {
		out, err := l.printer()
		if err != nil {
			return err
		}
		path := file
		if path == "" {
			path = req.Name
		}
		f, err := srv.backOffice().SaveRequest(srv.profile.ID, req, path)
		if err != nil {
			return err
		}
		return out.record([][2]string{{"Saved to", f.Path}, {"Bytes", fmt.Sprint(f.Bytes)}, {"SHA-256", f.Digest}}, f)
	}
	capability := &cobra.Command{
		Use:     "capability-request",
		Short:   "Save a capability request for the back office",
		Example: "  lsm offline capability-request --file request.bin",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			srv, cl, err := l.profileClient(cmd)
			if err != nil {
				return err
			}
			req, err := srv.backOffice().CapabilityRequest(cmd.Context(), cl, confirmation)
			if err != nil {
				return err
			}
			return saved(cmd, srv, req)
		},
	}
	capability.Flags().BoolVar(&confirmation, "confirmation", false, "a confirmation request, which the last response asked for")
	activation := &cobra.Command{
		Use:     "activation-request ACTIVATION-ID[:COUNT]",
		Short:   "Save an activation request for the back office",
		Example: "  lsm offline activation-request ACT-1234-5678:2 --file act.bin",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, n, found := strings.Cut(args[0], ":")
			if !found {
				n = "1"
			}
			srv, cl, err := l.profileClient(cmd)
			if err != nil {
				return err
			}
			req, err := srv.backOffice().ActivationRequest(cmd.Context(), cl, operations.ActivationInput{ActivationID: id, Count: n})
			if err != nil {
				return err
			}
			return saved(cmd, srv, req)
		},
	}
	for _, c := range []*cobra.Command{capability, activation} {
		c.Flags().StringVarP(&file, "file", "f", "", "the file to write (default: the name the app gives it, in this folder)")
	}
	load := &cobra.Command{
		Use:     "load-response FILE",
		Short:   "Load the back office's response into the server",
		Example: "  lsm offline load-response response.bin",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := operations.ReadResponseFile(args[0]); err != nil {
				return &exitError{code: exitUsage, msg: fmt.Sprintf("%s: %s", args[0], errText(err))}
			}
			srv, cl, err := l.profileClient(cmd)
			if err != nil {
				return err
			}
			r, err := srv.backOffice().UploadResponse(cmd.Context(), cl, srv.profile.ID, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintln(l.stdout, r.Message)
			return nil
		},
	}
	history := &cobra.Command{
		Use:   "history",
		Short: "List the profile's offline exchanges, newest first, with what is still pending",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, err := l.printer()
			if err != nil {
				return err
			}
			srv, err := l.open()
			if err != nil {
				return err
			}
			id, err := srv.profileID()
			if err != nil {
				return err
			}
			list, err := srv.backOffice().History(id)
			if err != nil {
				return err
			}
			table := operations.CSV{Header: []string{"Time", "Kind", "File", "Activation ID", "Result", "Pending"}}
			for _, e := range list {
				pending := ""
				if e.Pending {
					pending = "yes"
				}
				table.Rows = append(table.Rows, []string{e.Time.Format("2006-01-02 15:04:05"), string(e.Kind), e.File, e.ActivationID, e.Result, pending})
			}
			return out.list(table, list)
		},
	}
	offline.AddCommand(capability, activation, load, history)
	return offline
}

// profileClient is client for the commands whose history is kept per
// profile: a --server address has none.
func (l *lsm) profileClient(cmd *cobra.Command) (*server, *fne.Client, error) {
	srv, cl, err := l.client(cmd.Context())
	if err != nil {
		return nil, nil, err
	}
	if _, err := srv.profileID(); err != nil {
		return nil, nil, err
	}
	return srv, cl, nil
}

func newClientKeyCommand(l *lsm) *cobra.Command {
	key := group("clientkey", "The client's public key for signed REST licensing")
	key.AddCommand(&cobra.Command{
		Use:   "check FILE",
		Short: "Check a public key file (DER, RSA 2048-bit) without a server",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := operations.CheckClientKey(args[0])
			if err != nil {
				return &exitError{code: exitUsage, msg: errText(err)}
			}
			fmt.Fprintf(l.stdout, "%s: %s\n", filepath.Base(f.Path), f.Note)
			return nil
		},
	}, &cobra.Command{
		Use:     "upload FILE",
		Short:   "Upload a client's public key to the server",
		Example: "  lsm clientkey upload client.der",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := operations.CheckClientKey(args[0]); err != nil {
				return &exitError{code: exitUsage, msg: errText(err)}
			}
			_, cl, err := l.client(cmd.Context())
			if err != nil {
				return err
			}
			msg, err := operations.UploadClientKey(cmd.Context(), cl, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintln(l.stdout, msg)
			return nil
		},
	})
	return key
}
