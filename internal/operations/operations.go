// Package operations is the core of what the app does against a license
// server: every read a view shows, and every change with its report
// (reservation groups submitted, deleted, edited in place and imported;
// model definitions checked and uploaded; policy settings saved; back
// office exchanges; diagnostics). The desktop app's bound services and the
// console tool both call it, so the two can never disagree.
//
// An operation takes plain Go types, a context (whose cancellation stops a
// batch, and which carries the progress receiver of internal/progress) and
// the server behind one of the small interfaces below, which *fne.Client
// satisfies and tests fake. A batch that ends early returns its report with
// Stopped set, never the report and an error together.
package operations

import (
	"context"

	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/reservations"
)

// FeatureServer reads feature records.
type FeatureServer interface {
	Features(ctx context.Context) ([]fne.Feature, error)
}

// FeatureDetailServer reads one feature record and what uses it, and the
// server's own summaries where it has them.
type FeatureDetailServer interface {
	FeatureServer
	Feature(ctx context.Context, id int64) (fne.Feature, error)
	FeatureClients(ctx context.Context, id int64) ([]fne.ServedDevice, error)
	FeatureSummaries(ctx context.Context) ([]fne.FeatureSummary, error)
}

// DeviceServer reads and deletes device records.
type DeviceServer interface {
	Devices(ctx context.Context) ([]fne.Device, error)
	Device(ctx context.Context, id int64) (fne.Device, error)
	DeviceFeatures(ctx context.Context, id int64) ([]fne.DeviceFeature, error)
	DeleteDevice(ctx context.Context, id int64) error
}

// ReservationServer holds the reservation groups. Model is asked because
// reservations and a model definition cannot coexist on a server.
type ReservationServer interface {
	ReservationGroups(ctx context.Context) ([]reservations.Group, error)
	AddReservationGroup(ctx context.Context, g reservations.Group) (reservations.Group, error)
	DeleteReservationGroup(ctx context.Context, id int64) error
	Model(ctx context.Context) (string, error)
}

// ReservationReader is what the Reservations list reads: the groups, and
// the feature records whose counts satisfy them.
type ReservationReader interface {
	ReservationServer
	FeatureServer
}

// ModelServer holds the model definition and its license pools.
type ModelServer interface {
	FeatureServer
	Partitions(ctx context.Context) ([]fne.Partition, error)
	Model(ctx context.Context) (string, error)
	UploadModel(ctx context.Context, text string) error
	DeleteModel(ctx context.Context) error
	ReservationGroups(ctx context.Context) ([]reservations.Group, error)
}

// PropertiesServer holds the policy settings.
type PropertiesServer interface {
	Health(ctx context.Context) (fne.Health, error)
	Configuration(ctx context.Context) ([]fne.Setting, error)
	UpdateConfiguration(ctx context.Context, changed map[string]string) error
	HostIDs(ctx context.Context) ([]fne.ServerHostID, error)
}

// BackOfficeServer exchanges licenses with the back office.
type BackOfficeServer interface {
	Activate(ctx context.Context, items []fne.Activation) ([]fne.ActivationResult, error)
	Sync(ctx context.Context) error
	CapabilityRequest(ctx context.Context) ([]byte, error)
	ActivationRequest(ctx context.Context, activationID string, count int) ([]byte, error)
	UploadCapabilityResponse(ctx context.Context, data []byte) (fne.CapabilityResponseResult, error)
	UploadRestLicensingKey(ctx context.Context, der []byte) (string, error)
}

var (
	_ FeatureDetailServer = (*fne.Client)(nil)
	_ DeviceServer        = (*fne.Client)(nil)
	_ ReservationReader   = (*fne.Client)(nil)
	_ ModelServer         = (*fne.Client)(nil)
	_ PropertiesServer    = (*fne.Client)(nil)
	_ BackOfficeServer    = (*fne.Client)(nil)
)
