package fne

import (
	"context"
	"fmt"

	"licenseservermanager/internal/apperr"
)

// DeviceHostID is a host ID as the server reports it on a device. It is
// not reservations.HostID: the server names the same two values
// hostidType and hostidValue here.
type DeviceHostID struct {
	Type  string `json:"hostidType"`
	Value string `json:"hostidValue"`
}

// Device is a client device known to the server (GET /clients).
type Device struct {
	ID               FlexInt      `json:"id"`
	HostID           DeviceHostID `json:"hostid"`
	RequestHostID    DeviceHostID `json:"requestHostid"`
	ServerHostID     DeviceHostID `json:"serverHostid"`
	CollectedHostIDs string       `json:"collectedHostIds"`
	HostType         string       `json:"hostType"`
	MachineType      string       `json:"machineType"` // PHYSICAL, VIRTUAL or UNKNOWN
	HostName         string       `json:"hostName"`    // the device alias
	CorrelationID    string       `json:"correlationId"`
	Trusted          bool         `json:"trusted"`
	RequestOperation string       `json:"requestOperation"`
	ServedStatus     string       `json:"servedStatus"`
	UpdateTime       string       `json:"updateTime"`
	Expiry           string       `json:"expiry"`
}

// DeviceFeature is a feature record as consumed by one device, with the
// count served to it.
type DeviceFeature struct {
	Feature
	ServedCount FlexInt `json:"servedCount"`
	UsageKind   string  `json:"usageKind"`
}

// Devices lists every device record. A server without the instance's
// device list is asked for the server-level one of older servers.
func (c *Client) Devices(ctx context.Context) ([]Device, error) {
	var out []Device
	err := c.getJSON(ctx, call{op: OpClients}, &out)
	if apperr.CodeOf(err) != apperr.NotSupported {
		return out, err
	}
	if legacy, lerr := c.LegacyClients(ctx); apperr.CodeOf(lerr) != apperr.NotSupported {
		return legacy, lerr
	}
	return nil, err
}

// LegacyClients lists the device records at {root}/api/1.0/clients, where
// older local servers keep them.
func (c *Client) LegacyClients(ctx context.Context) ([]Device, error) {
	var out []Device
	err := c.getJSON(ctx, call{op: OpLegacyClients}, &out)
	return out, err
}

// Device reads one device record.
func (c *Client) Device(ctx context.Context, id int64) (Device, error) {
	var out Device
	err := c.getJSON(ctx, call{op: OpClient, params: idParam(id)}, &out)
	return out, err
}

// DeviceFeatures lists the features served to device id.
func (c *Client) DeviceFeatures(ctx context.Context, id int64) ([]DeviceFeature, error) {
	var out []DeviceFeature
	err := c.getJSON(ctx, call{op: OpClientFeatures, params: idParam(id)}, &out)
	return out, err
}

// DeleteDevice removes a device record (ROLE_DROPCLIENT); its count returns
// to the pool.
func (c *Client) DeleteDevice(ctx context.Context, id int64) error {
	_, err := c.do(ctx, call{op: OpDeleteClient, params: idParam(id), audit: &audited{summary: fmt.Sprintf("Device record %d deleted", id)}})
	return err
}
