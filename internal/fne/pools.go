package fne

import (
	"context"
	"fmt"
	"strings"

	"licenseservermanager/internal/apperr"
)

// MaxModelSize is the largest model definition a server accepts.
const MaxModelSize = 900 << 10

// Partition is a license pool: the default one or a named one from the
// active model definition.
type Partition struct {
	ID           FlexInt        `json:"id"`
	Name         string         `json:"name"`
	LastModified FlexInt        `json:"lastModified"` // epoch milliseconds
	Default      bool           `json:"default"`
	Slices       []FeatureSlice `json:"activeFeatureSlices"`
}

// FeatureSlice is the part of one feature record a pool holds.
type FeatureSlice struct {
	ID            FlexInt      `json:"id"`
	Feature       SliceFeature `json:"feature"`
	Slice         FlexInt      `json:"slice"`
	Used          FlexInt      `json:"used"`
	ComputedCount FlexInt      `json:"computedCount"`
	Requested     FlexString   `json:"requested"` // "60", "60%" or "remainder"
	Uncounted     bool         `json:"uncounted"`
	Status        string       `json:"status"`
}

// SliceFeature is the short feature record inside a slice.
type SliceFeature struct {
	ID             FlexInt `json:"id"`
	Type           string  `json:"type"`
	FeatureName    string  `json:"featureName"`
	FeatureVersion string  `json:"featureVersion"`
	Expiry         string  `json:"expiry"`
	FeatureCount   FlexInt `json:"featureCount"`
	Used           FlexInt `json:"used"`
}

// Partitions lists the license pools.
func (c *Client) Partitions(ctx context.Context) ([]Partition, error) {
	var body struct {
		Partitions []Partition `json:"partitions"`
	}
	err := c.getJSON(ctx, call{op: OpPartitions}, &body)
	return body.Partitions, err
}

// Model returns the text of the active model definition; not_found when none
// is loaded.
func (c *Client) Model(ctx context.Context) (string, error) {
	r, err := c.do(ctx, call{op: OpModel})
	if err != nil {
		return "", err
	}
	return string(r.body), nil
}

// UploadModel replaces the model definition. The server parses it and keeps
// the previous one when it fails; its parse error comes back as invalid_input.
func (c *Client) UploadModel(ctx context.Context, text string) error {
	if len(text) > MaxModelSize {
		return apperr.New(apperr.InvalidInput, "The model definition is %d KB; a server accepts at most 900 KB.", len(text)>>10)
	}
	if len(text) == 0 {
		return apperr.New(apperr.InvalidInput, "The model definition is empty.")
	}
	_, err := c.do(ctx, call{op: OpUploadModel, body: []byte(text), contentType: "text/plain; charset=utf-8", audit: &audited{summary: fmt.Sprintf("Model definition uploaded (%d lines)", strings.Count(strings.TrimRight(text, "\n"), "\n")+1)}})
	return err
}

// DeleteModel removes the model definition, leaving only the default pool.
func (c *Client) DeleteModel(ctx context.Context) error {
	_, err := c.do(ctx, call{op: OpDeleteModel, audit: &audited{summary: "Model definition deleted"}})
	return err
}
