package fne

import "context"

// ReservationGroup is a named set of reservations; it is created whole and
// can only be deleted, never edited. The same shape is the import/export
// file format, where the IDs are absent.
type ReservationGroup struct {
	ID           FlexInt       `json:"id,omitempty"`
	Name         string        `json:"name"`
	Reservations []Reservation `json:"reservations"`
}

// Reservation reserves features for one device or user host ID.
type Reservation struct {
	ID      FlexInt            `json:"id,omitempty"`
	HostID  ReservationHostID  `json:"hostId"`
	Entries []ReservationEntry `json:"reservationEntries"`
}

// ReservationHostID names the device or user a reservation is for.
type ReservationHostID struct {
	Value string `json:"value"`
	Type  string `json:"type"`
}

// ReservationEntry reserves count of a feature at or above a version.
type ReservationEntry struct {
	ID             FlexInt `json:"id,omitempty"`
	FeatureName    string  `json:"featureName"`
	FeatureVersion string  `json:"featureVersion"`
	FeatureCount   FlexInt `json:"featureCount"`
}

// ReservationGroups lists every reservation group.
func (c *Client) ReservationGroups(ctx context.Context) ([]ReservationGroup, error) {
	var out []ReservationGroup
	err := c.getJSON(ctx, call{op: OpReservationGroups}, &out)
	return out, err
}

// AddReservationGroup creates a group; the server rejects it whole on any
// error and answers with the stored group, IDs filled in.
func (c *Client) AddReservationGroup(ctx context.Context, g ReservationGroup) (ReservationGroup, error) {
	var out ReservationGroup
	err := c.sendJSON(ctx, call{op: OpAddReservationGroup}, g, &out)
	return out, err
}

// DeleteReservationGroup deletes a group with all its reservations.
func (c *Client) DeleteReservationGroup(ctx context.Context, id int64) error {
	_, err := c.do(ctx, call{op: OpDeleteReservationGroup, params: idParam(id)})
	return err
}
