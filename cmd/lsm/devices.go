package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"licenseservermanager/internal/operations"
)

func newDevicesCommand(l *lsm) *cobra.Command {
	devices := group("devices", "The devices the server serves")
	view := operations.NewDevices(nil)

	var flags listFlags
	list := &cobra.Command{
		Use:     "list",
		Short:   "List the devices",
		Example: "  lsm devices list --search render -o json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out, _, cl, err := l.start(cmd)
			if err != nil {
				return err
			}
			page, err := view.List(cmd.Context(), cl, flags.query(), true)
			if err != nil {
				return err
			}
			table, err := view.Export(cmd.Context(), cl, flags.query(), nil)
			if err != nil {
				return err
			}
			return out.list(table, page.Rows)
		},
	}
	flags.add(list, "devices")

	show := &cobra.Command{
		Use:   "show ID",
		Short: "Show one device and the features it holds",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out, err := l.printer()
			if err != nil {
				return err
			}
			id, err := idArg(args[0], "device")
			if err != nil {
				return err
			}
			_, cl, err := l.client(cmd.Context())
			if err != nil {
				return err
			}
			d, err := view.Get(cmd.Context(), cl, id)
			if err != nil {
				return err
			}
			consumed := fmt.Sprint(len(d.Consumed))
			if d.ConsumedNote != "" {
				consumed = d.ConsumedNote
			}
			return out.record([][2]string{
				{"Device ID", d.DeviceID}, {"ID Type", d.IDType}, {"Device Type", string(d.DeviceType)}, {"Alias", d.Alias},
				{"Host Type", d.HostType}, {"Server Host ID", d.ServerHostID}, {"Device Expiry", d.DeviceExpiry}, {"Consumed features", consumed},
			}, d)
		},
	}

	del := &cobra.Command{
		Use:     "delete ID",
		Short:   "Delete a device record (it needs ROLE_DROPCLIENT)",
		Example: "  lsm devices delete 41 --yes",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := idArg(args[0], "device")
			if err != nil {
				return err
			}
			_, cl, err := l.client(cmd.Context())
			if err != nil {
				return err
			}
			d, err := view.Get(cmd.Context(), cl, id)
			if err != nil {
				return err
			}
			if err := l.confirm(cmd, fmt.Sprintf("Delete the record of device %s from the license server?", d.DeviceID)); err != nil {
				return err
			}
			if err := view.Delete(cmd.Context(), cl, id); err != nil {
				return err
			}
			fmt.Fprintf(l.stdout, "The record of device %s is deleted.\n", d.DeviceID)
			return nil
		},
	}
	del.Flags().BoolP("yes", "y", false, "do not ask for a confirmation")
	devices.AddCommand(list, show, del)
	return devices
}
