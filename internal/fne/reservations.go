package fne

import (
	"context"
	"fmt"

	"licenseservermanager/internal/reservations"
)

// wireGroup is a reservation group as servers send it. It differs from
// reservations.Group, which callers get, only in its number types: servers
// of some releases send IDs and counts as JSON strings, which FlexInt reads.
// Converting here keeps one group type above the client.
type wireGroup struct {
	ID           FlexInt           `json:"id,omitempty"`
	Name         string            `json:"name"`
	Reservations []wireReservation `json:"reservations"`
}

type wireReservation struct {
	ID      FlexInt                `json:"id,omitempty"`
	HostID  reservations.HostID    `json:"hostId"`
	Entries []wireReservationEntry `json:"reservationEntries"`
}

type wireReservationEntry struct {
	ID             FlexInt `json:"id,omitempty"`
	FeatureName    string  `json:"featureName"`
	FeatureVersion string  `json:"featureVersion"`
	FeatureCount   FlexInt `json:"featureCount"`
}

func (g wireGroup) group() reservations.Group {
	out := reservations.Group{ID: int64(g.ID), Name: g.Name, Reservations: make([]reservations.Reservation, len(g.Reservations))}
	for i, r := range g.Reservations {
		res := reservations.Reservation{ID: int64(r.ID), HostID: r.HostID, Entries: make([]reservations.Entry, len(r.Entries))}
		for j, e := range r.Entries {
			res.Entries[j] = reservations.Entry{ID: int64(e.ID), FeatureName: e.FeatureName, FeatureVersion: e.FeatureVersion, FeatureCount: int64(e.FeatureCount)}
		}
		out.Reservations[i] = res
	}
	return out
}

// ReservationGroups lists every reservation group.
func (c *Client) ReservationGroups(ctx context.Context) ([]reservations.Group, error) {
	var list []wireGroup
	if err := c.getJSON(ctx, call{op: OpReservationGroups}, &list); err != nil {
		return nil, err
	}
	out := make([]reservations.Group, len(list))
	for i, g := range list {
		out[i] = g.group()
	}
	return out, nil
}

// AddReservationGroup creates g as a new group (any IDs it carries are not
// sent); the server rejects it whole on any error and answers with the
// stored group, IDs filled in.
func (c *Client) AddReservationGroup(ctx context.Context, g reservations.Group) (reservations.Group, error) {
	var out wireGroup
	if err := c.sendJSON(ctx, call{op: OpAddReservationGroup, audit: &audited{summary: groupSummary(g)}}, g.WithoutIDs(), &out); err != nil {
		return reservations.Group{}, err
	}
	return out.group(), nil
}

// DeleteReservationGroup deletes a group with all its reservations.
func (c *Client) DeleteReservationGroup(ctx context.Context, id int64) error {
	_, err := c.do(ctx, call{op: OpDeleteReservationGroup, params: idParam(id), audit: &audited{summary: fmt.Sprintf("Reservation group %d deleted", id)}})
	return err
}
