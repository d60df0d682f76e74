package app

import (
	"context"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/features"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
)

// DeviceRow is one device of the Devices view.
type DeviceRow struct {
	ID           int64  `json:"id"`
	DeviceID     string `json:"deviceId"`
	IDType       string `json:"idType"`
	DeviceType   string `json:"deviceType"` // physical, virtual or unknown
	Alias        string `json:"alias"`
	Status       string `json:"status"`
	Expiry       string `json:"expiry"`
	ExpiringSoon bool   `json:"expiringSoon"`
	Updated      string `json:"updated"`
}

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
}

// DevicesService is bound to the UI for the Devices view.
type DevicesService struct {
	base
	conns   *Connections
	dialogs Dialogs
	now     func() time.Time
	list    table[DeviceRow]
}

// NewDevicesService builds the service.
func NewDevicesService(conns *Connections, dialogs Dialogs, now func() time.Time) *DevicesService {
	if now == nil {
		now = time.Now
	}
	s := &DevicesService{conns: conns, dialogs: dialogs, now: now}
	s.list = table[DeviceRow]{load: s.load, match: matchDevice, order: deviceColumns, csv: deviceCSV, file: "devices.csv"}
	return s
}

func machineType(t string) string {
	switch strings.ToUpper(t) {
	case "PHYSICAL":
		return "physical"
	case "VIRTUAL":
		return "virtual"
	}
	return "unknown"
}

func (s *DevicesService) toRow(d *fne.Device) DeviceRow {
	return DeviceRow{ID: int64(d.ID), DeviceID: d.HostID.Value, IDType: d.HostID.Type, DeviceType: machineType(d.MachineType),
		Alias: d.HostName, Status: d.ServedStatus, Expiry: d.Expiry, ExpiringSoon: features.ExpiringSoon(d.Expiry, s.now()), Updated: d.UpdateTime}
}

func (s *DevicesService) load(ctx context.Context, cl *fne.Client) ([]DeviceRow, error) {
	list, err := cl.Devices(ctx)
	if err != nil {
		return nil, err
	}
	rows := make([]DeviceRow, len(list))
	for i := range list {
		rows[i] = s.toRow(&list[i])
	}
	return rows, nil
}

// matchDevice finds a device by ID or alias, ignoring case.
func matchDevice(r *DeviceRow, q string) bool {
	q = strings.ToLower(q)
	return strings.Contains(strings.ToLower(r.DeviceID), q) || strings.Contains(strings.ToLower(r.Alias), q)
}

var deviceColumns = listing.Columns[DeviceRow]{
	"deviceId":   listing.By(func(r *DeviceRow) string { return listing.Fold(r.DeviceID) }),
	"idType":     listing.By(func(r *DeviceRow) string { return r.IDType }),
	"deviceType": listing.By(func(r *DeviceRow) string { return r.DeviceType }),
	"alias":      listing.By(func(r *DeviceRow) string { return listing.Fold(r.Alias) }),
	"status":     listing.By(func(r *DeviceRow) string { return r.Status }),
	"expiry":     listing.By(func(r *DeviceRow) string { return r.Expiry }),
}

var deviceCSV = []column[DeviceRow]{
	{"deviceId", "Device ID", func(r *DeviceRow) string { return r.DeviceID }},
	{"idType", "ID Type", func(r *DeviceRow) string { return r.IDType }},
	{"deviceType", "Device Type", func(r *DeviceRow) string { return r.DeviceType }},
	{"alias", "Alias", func(r *DeviceRow) string { return r.Alias }},
	{"status", "Status", func(r *DeviceRow) string { return r.Status }},
	{"expiry", "Expiry", func(r *DeviceRow) string { return r.Expiry }},
}

// List returns one page of devices; search matches device ID or alias.
func (s *DevicesService) List(q listing.Query, refresh bool) (DevicesPage, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return DevicesPage{}, err
	}
	p, err := s.list.page(s.context(), cl, q, refresh)
	if err != nil {
		return DevicesPage{}, err
	}
	return DevicesPage{Rows: p.rows, Total: p.total, Page: p.page, Pages: p.pages, LoadedAt: formatTime(p.loadedAt)}, nil
}

// Get returns the Device Details page of device id.
func (s *DevicesService) Get(id int64) (DeviceDetail, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return DeviceDetail{}, err
	}
	ctx := s.context()
	d, err := cl.Device(ctx, id)
	if err != nil {
		return DeviceDetail{}, err
	}
	consumed, err := cl.DeviceFeatures(ctx, id)
	if err != nil && apperr.CodeOf(err) != apperr.NotSupported {
		return DeviceDetail{}, err
	}
	out := DeviceDetail{DeviceRow: s.toRow(&d), HostType: deviceRole(d.HostType), ServerHostID: d.ServerHostID.Value,
		CorrelationID: d.CorrelationID, Trusted: d.Trusted, RequestOperation: d.RequestOperation, DeviceExpiry: d.Expiry,
		Consumed: []ConsumedFeature{}}
	for _, f := range consumed {
		out.Consumed = append(out.Consumed, ConsumedFeature{Feature: f.Name, Version: f.Version, Count: int64(f.ServedCount), Expiry: f.Expiry})
	}
	return out, nil
}

// Delete removes a device record (the server wants ROLE_DROPCLIENT).
func (s *DevicesService) Delete(id int64) error {
	cl, err := s.conns.Client()
	if err != nil {
		return err
	}
	if err := cl.DeleteDevice(s.context(), id); err != nil {
		return err
	}
	s.list.invalidate()
	return nil
}

// Export writes every device matching q as CSV through a save dialog.
func (s *DevicesService) Export(q listing.Query, columns []string) (string, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return "", err
	}
	return s.list.export(s.context(), cl, s.dialogs, q, columns)
}
