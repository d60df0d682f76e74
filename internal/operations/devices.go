package operations

import (
	"context"
	"strings"
	"time"

	"licenseservermanager/internal/features"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
)

// DeviceRow is one device of the Devices view.
type DeviceRow struct {
	ID           int64      `json:"id"`
	DeviceID     string     `json:"deviceId"`
	IDType       string     `json:"idType"`
	DeviceType   DeviceType `json:"deviceType"`
	Alias        string     `json:"alias"`
	Status       string     `json:"status"`
	Expiry       string     `json:"expiry"`
	ExpiringSoon bool       `json:"expiringSoon"`
	Updated      string     `json:"updated"`
}

// DeviceType is what kind of machine a device is.
type DeviceType string

// Device types, as the server's machine type says.
const (
	DevicePhysical DeviceType = "physical"
	DeviceVirtual  DeviceType = "virtual"
	DeviceUnknown  DeviceType = "unknown"
)

// DevicesPage is one page of the Devices view.
type DevicesPage struct {
	Rows     []DeviceRow `json:"rows"`
	Total    int         `json:"total"`
	Page     int         `json:"page"`
	Pages    int         `json:"pages"`
	LoadedAt string      `json:"loadedAt"`
}

// ConsumedFeature is a feature served to a device.
type ConsumedFeature struct {
	Feature string `json:"feature"`
	Version string `json:"version"`
	Count   int64  `json:"count"`
	Expiry  string `json:"expiry"`
}

// DeviceDetail is the Device Details page.
type DeviceDetail struct {
	DeviceRow
	HostType         string            `json:"hostType"`
	ServerHostID     string            `json:"serverHostId"`
	CorrelationID    string            `json:"correlationId"`
	Trusted          bool              `json:"trusted"`
	RequestOperation string            `json:"requestOperation"`
	DeviceExpiry     string            `json:"deviceExpiry"`
	Consumed         []ConsumedFeature `json:"consumed"`
	// ConsumedNote says why Consumed is empty when the server does not
	// list a device's features.
	ConsumedNote string `json:"consumedNote"`
}

// Devices is the Devices view over the last read of the device list.
type Devices struct {
	now  func() time.Time
	list table[DeviceRow, struct{}]
}

// NewDevices builds the view; now is injectable for tests.
func NewDevices(now func() time.Time) *Devices {
	if now == nil {
		now = time.Now
	}
	return &Devices{now: now, list: table[DeviceRow, struct{}]{match: matchDevice, order: deviceColumns, csv: deviceCSV}}
}

func machineType(t string) DeviceType {
	switch strings.ToUpper(t) {
	case "PHYSICAL":
		return DevicePhysical
	case "VIRTUAL":
		return DeviceVirtual
	}
	return DeviceUnknown
}

func (d *Devices) toRow(r *fne.Device) DeviceRow {
	return DeviceRow{ID: int64(r.ID), DeviceID: r.HostID.Value, IDType: r.HostID.Type, DeviceType: machineType(r.MachineType),
		Alias: r.HostName, Status: r.ServedStatus, Expiry: r.Expiry, ExpiringSoon: features.ExpiringSoon(r.Expiry, d.now()), Updated: r.UpdateTime}
}

func (d *Devices) load(srv DeviceServer) func(context.Context) ([]DeviceRow, struct{}, error) {
	return func(ctx context.Context) ([]DeviceRow, struct{}, error) {
		list, err := srv.Devices(ctx)
		if err != nil {
			return nil, struct{}{}, err
		}
		rows := make([]DeviceRow, len(list))
		for i := range list {
			rows[i] = d.toRow(&list[i])
		}
		return rows, struct{}{}, nil
	}
}

// matchDevice finds a device by ID or alias, ignoring case.
func matchDevice(r *DeviceRow, q string) bool {
	q = strings.ToLower(q)
	return strings.Contains(strings.ToLower(r.DeviceID), q) || strings.Contains(strings.ToLower(r.Alias), q)
}

var deviceColumns = listing.Columns[DeviceRow]{
	"deviceId":   listing.By(func(r *DeviceRow) string { return listing.Fold(r.DeviceID) }),
	"idType":     listing.By(func(r *DeviceRow) string { return r.IDType }),
	"deviceType": listing.By(func(r *DeviceRow) DeviceType { return r.DeviceType }),
	"alias":      listing.By(func(r *DeviceRow) string { return listing.Fold(r.Alias) }),
	"status":     listing.By(func(r *DeviceRow) string { return r.Status }),
	"expiry":     listing.By(func(r *DeviceRow) string { return r.Expiry }),
}

var deviceCSV = []column[DeviceRow]{
	{"deviceId", "Device ID", func(r *DeviceRow) string { return r.DeviceID }},
	{"idType", "ID Type", func(r *DeviceRow) string { return r.IDType }},
	{"deviceType", "Device Type", func(r *DeviceRow) string { return string(r.DeviceType) }},
	{"alias", "Alias", func(r *DeviceRow) string { return r.Alias }},
	{"status", "Status", func(r *DeviceRow) string { return r.Status }},
	{"expiry", "Expiry", func(r *DeviceRow) string { return r.Expiry }},
}

// List returns one page of devices; the search matches device ID or alias.
func (d *Devices) List(ctx context.Context, srv DeviceServer, q listing.Query, refresh bool) (DevicesPage, error) {
	p, err := d.list.page(ctx, srv, q, refresh, d.load(srv))
	if err != nil {
		return DevicesPage{}, err
	}
	return DevicesPage{Rows: p.Rows, Total: p.Total, Page: p.Page, Pages: p.Pages, LoadedAt: p.LoadedAt}, nil
}

// Get returns the Device Details page of device id.
func (d *Devices) Get(ctx context.Context, srv DeviceServer, id int64) (DeviceDetail, error) {
	rec, err := srv.Device(ctx, id)
	if err != nil {
		return DeviceDetail{}, err
	}
	consumed, err := srv.DeviceFeatures(ctx, id)
	note, err := notOffered(err)
	if err != nil {
		return DeviceDetail{}, err
	}
	out := DeviceDetail{DeviceRow: d.toRow(&rec), HostType: deviceRole(rec.HostType), ServerHostID: rec.ServerHostID.Value,
		CorrelationID: rec.CorrelationID, Trusted: rec.Trusted, RequestOperation: rec.RequestOperation, DeviceExpiry: rec.Expiry,
		Consumed: make([]ConsumedFeature, 0, len(consumed)), ConsumedNote: note}
	for _, f := range consumed {
		out.Consumed = append(out.Consumed, ConsumedFeature{Feature: f.Name, Version: f.Version, Count: int64(f.ServedCount), Expiry: f.Expiry})
	}
	return out, nil
}

// Delete removes a device record (the server wants ROLE_DROPCLIENT).
func (d *Devices) Delete(ctx context.Context, srv DeviceServer, id int64) error {
	err := settle(ctx, srv.DeleteDevice(ctx, id), "deleting the device", func(ctx context.Context) (bool, error) {
		return gone(srv.Device(ctx, id))
	})
	if err != nil {
		return err
	}
	d.list.invalidate()
	return nil
}

// Export renders every device matching q, with the columns keys picks.
func (d *Devices) Export(ctx context.Context, srv DeviceServer, q listing.Query, keys []string) (CSV, error) {
	return d.list.export(ctx, srv, q, keys, d.load(srv))
}
