package app

import (
	"time"

	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/operations"
)

// DevicesService is bound to the UI for the Devices view.
type DevicesService struct {
	base
	conns *connect.Connections
	files files
	view  *operations.Devices
}

// NewDevicesService builds the service; now is injectable for tests.
func NewDevicesService(conns *connect.Connections, dialogs Dialogs, now func() time.Time) *DevicesService {
	return &DevicesService{conns: conns, files: files{dialogs}, view: operations.NewDevices(now)}
}

// List returns one page of devices; search matches device ID or alias. A
// refresh runs under the UI's operation op (progress, cancel).
func (s *DevicesService) List(q listing.Query, refresh bool, op string) (operations.DevicesPage, error) {
	ctx, done := s.operation(op)
	defer done()
	return call(s.conns, func(cl *fne.Client) (operations.DevicesPage, error) { return s.view.List(ctx, cl, q, refresh) })
}

// Get returns the Device Details page of device id.
func (s *DevicesService) Get(id int64) (operations.DeviceDetail, error) {
	return call(s.conns, func(cl *fne.Client) (operations.DeviceDetail, error) { return s.view.Get(s.context(), cl, id) })
}

// Delete removes a device record (the server wants ROLE_DROPCLIENT).
func (s *DevicesService) Delete(id int64) error {
	cl, err := s.conns.Client()
	if err != nil {
		return err
	}
	return s.view.Delete(s.context(), cl, id)
}

// Export saves every device matching q as CSV through a save dialog.
func (s *DevicesService) Export(q listing.Query, columns []string) (string, error) {
	return call(s.conns, func(cl *fne.Client) (string, error) {
		table, err := s.view.Export(s.context(), cl, q, columns)
		return saveCSV(s.files, "devices.csv", table, err)
	})
}
