package fne

import (
	"context"
	"sort"
	"strconv"
)

// Feature is one feature record (GET /features). Several records may share a
// name and version (different activations, entitlements, products, expiry).
// The product fields are sent by servers from release 2024.10 on.
type Feature struct {
	ID                  FlexInt `json:"id"`
	FeatureID           string  `json:"featureId"`
	Name                string  `json:"featureName"`
	Version             string  `json:"featureVersion"`
	Count               FlexInt `json:"featureCount"`
	Used                FlexInt `json:"used"`
	SharedUsed          FlexInt `json:"sharedUsed"`
	Reserved            FlexInt `json:"reserved"`
	AssignedReserved    FlexInt `json:"assignedReserved"`
	UnassignedReserved  FlexInt `json:"unassignedReserved"`
	OverdraftCount      FlexInt `json:"overdraftCount"`
	OverdraftUsedCount  FlexInt `json:"overdraftUsedCount"`
	UncappedOverdraft   bool    `json:"uncappedOverdraft"`
	Type                string  `json:"type"`
	FeatureKind         string  `json:"featureKind"`
	Vendor              string  `json:"vendor"`
	Expiry              string  `json:"expiry"` // a date or "permanent"
	ReceivedTime        string  `json:"receivedTime"`
	Metered             bool    `json:"metered"`
	MeteredReusable     bool    `json:"meteredReusable"`
	MeteredUndoInterval FlexInt `json:"meteredUndoInterval"`
	Concurrent          bool    `json:"concurrent"`
	Uncounted           bool    `json:"uncounted"`
	StartDate           string  `json:"startDate,omitempty"`
	VendorString        string  `json:"vendorString,omitempty"`
	ProductName         string  `json:"productName,omitempty"`
	ProductVersion      string  `json:"productVersion,omitempty"`
	ActivationID        string  `json:"activationId,omitempty"`
	EntitlementID       string  `json:"entitlementId,omitempty"`
}

// ServedDevice is a device holding count of a feature
// (GET /features/{id}/clients/).
type ServedDevice struct {
	ID            FlexInt `json:"id"`
	UseCount      FlexInt `json:"useCount"`
	UsageKind     string  `json:"usageKind"`
	ReservedCount FlexInt `json:"reservedCount"`
	Client        Device  `json:"client"`
}

// FeatureSummary is one row of GET /features/summaries: the records of one
// feature name summed up, per second key (the version).
type FeatureSummary struct {
	Name           string  `json:"-"`
	Key            string  `json:"-"`
	TotalCount     FlexInt `json:"totalCount"`
	TotalUsed      FlexInt `json:"totalUsed"`
	TotalOverdraft FlexInt `json:"totalOverdraft"`
	FirstExpiry    string  `json:"firstExpiry"`
	LastExpiry     string  `json:"lastExpiry"`
	Metered        bool    `json:"metered"`
	Uncounted      bool    `json:"uncounted"`
}

// Features lists every feature record. The server has no paging.
func (c *Client) Features(ctx context.Context) ([]Feature, error) {
	var out []Feature
	err := c.getJSON(ctx, call{op: OpFeatures}, &out)
	return out, err
}

// Feature reads one feature record.
func (c *Client) Feature(ctx context.Context, id int64) (Feature, error) {
	var out Feature
	err := c.getJSON(ctx, call{op: OpFeature, params: idParam(id)}, &out)
	return out, err
}

// FeatureClients lists the devices served by feature record id.
func (c *Client) FeatureClients(ctx context.Context, id int64) ([]ServedDevice, error) {
	var out []ServedDevice
	err := c.getJSON(ctx, call{op: OpFeatureClients, params: idParam(id)}, &out)
	return out, err
}

// FeatureSummaries reads the server's own summaries, sorted by name and key.
// Servers without the endpoint (local ones so far) answer not_supported, and
// the caller computes the summary from Features.
func (c *Client) FeatureSummaries(ctx context.Context) ([]FeatureSummary, error) {
	var body map[string]map[string]FeatureSummary
	if err := c.getJSON(ctx, call{op: OpFeatureSummaries}, &body); err != nil {
		return nil, err
	}
	out := make([]FeatureSummary, 0, len(body))
	for name, byKey := range body {
		for key, s := range byKey {
			s.Name, s.Key = name, key
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Key < out[j].Key
	})
	return out, nil
}

func idParam(id int64) []string {
	return []string{"id", strconv.FormatInt(id, 10)}
}
