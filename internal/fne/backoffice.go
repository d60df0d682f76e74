package fne

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"licenseservermanager/internal/apperr"
)

// Activation asks the back office for count of an activation ID.
type Activation struct {
	ActivationID string `json:"activationId"`
	Count        int    `json:"count"`
}

// ActivationResult is the outcome of one activation ID.
type ActivationResult struct {
	ActivationID string `json:"activationId"`
	Status       string `json:"status"`
	Message      string `json:"message"`
}

// OK tells whether the activation succeeded.
func (r ActivationResult) OK() bool {
	switch r.Status {
	case "SUCCESS", "success", "OK", "ok", "ACTIVATED":
		return true
	}
	return false
}

// CapabilityResponseResult is the server's answer to a loaded offline response.
type CapabilityResponseResult struct {
	ConfirmationRequestNeeded bool `json:"confirmationRequestNeeded"`
}

// Activate activates entitlements online. One bad ID does not fail the
// call: each ID gets its own result.
func (c *Client) Activate(ctx context.Context, items []Activation) ([]ActivationResult, error) {
	if len(items) == 0 {
		return nil, apperr.New(apperr.InvalidInput, "Enter at least one activation ID.")
	}
	body := struct {
		Activations []Activation `json:"activations"`
	}{items}
	var raw json.RawMessage
	if err := c.sendJSON(ctx, call{op: OpActivations, audit: &audited{summary: activationSummary(items)}}, body, &raw); err != nil {
		return nil, err
	}
	return decodeActivationResults(raw)
}

// decodeActivationResults accepts a bare array or an object wrapping it,
// since the answer's envelope is not documented.
func decodeActivationResults(raw json.RawMessage) ([]ActivationResult, error) {
	var out []ActivationResult
	if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("[")) {
		err := decodeInto(OpActivations, raw, &out)
		return out, err
	}
	var env struct {
		Activations []ActivationResult `json:"activations"`
		Results     []ActivationResult `json:"results"`
	}
	if err := decodeInto(OpActivations, raw, &env); err != nil {
		return nil, err
	}
	if env.Results != nil {
		return env.Results, nil
	}
	return env.Activations, nil
}

// Sync asks the server to synchronise with the back office now; the server
// accepts (202) and works in the background.
func (c *Client) Sync(ctx context.Context) error {
	_, err := c.do(ctx, call{op: OpSync, audit: &audited{summary: "Synchronised with the back office"}})
	return err
}

// CapabilityRequest returns an offline capability request (a poll for
// updates) to carry to the back office.
func (c *Client) CapabilityRequest(ctx context.Context) ([]byte, error) {
	return c.binary(ctx, call{op: OpCapabilityRequest})
}

// ActivationRequest returns an offline activation request for count of an
// activation ID.
func (c *Client) ActivationRequest(ctx context.Context, activationID string, count int) ([]byte, error) {
	if activationID == "" || count <= 0 {
		return nil, apperr.New(apperr.InvalidInput, "Enter an activation ID and a count above zero.")
	}
	b, err := json.Marshal(Activation{ActivationID: activationID, Count: count})
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Internal, "Cannot encode the request: %v", err)
	}
	return c.binary(ctx, call{op: OpActivationRequest, body: b, contentType: "application/json"})
}

func (c *Client) binary(ctx context.Context, cl call) ([]byte, error) {
	r, err := c.do(ctx, cl)
	if err != nil {
		return nil, err
	}
	if len(r.body) == 0 {
		return nil, apperr.New(apperr.ServerError, "The server sent an empty file for %s.", EndpointFor(cl.op).Label)
	}
	return r.body, nil
}

// UploadCapabilityResponse loads a response file from the back office.
func (c *Client) UploadCapabilityResponse(ctx context.Context, data []byte) (CapabilityResponseResult, error) {
	var out CapabilityResponseResult
	if len(data) == 0 {
		return out, apperr.New(apperr.InvalidInput, "The response file is empty.")
	}
	r, err := c.do(ctx, call{op: OpCapabilityResponse, body: data, contentType: "application/octet-stream", audit: &audited{summary: fmt.Sprintf("Offline response loaded (%d bytes)", len(data))}})
	if err != nil || len(bytes.TrimSpace(r.body)) == 0 {
		return out, err
	}
	err = decodeInto(OpCapabilityResponse, r.body, &out)
	return out, err
}

// UploadRestLicensingKey uploads a client's RSA 2048-bit public key (DER)
// and returns the key as the server stored it (base64 DER).
func (c *Client) UploadRestLicensingKey(ctx context.Context, der []byte) (string, error) {
	if len(der) == 0 {
		return "", apperr.New(apperr.InvalidInput, "The key file is empty.")
	}
	var out struct {
		PublicKey string `json:"publicKey"`
	}
	r, err := c.do(ctx, call{op: OpUploadRestKey, body: der, contentType: "application/octet-stream", audit: &audited{summary: "Client key uploaded"}})
	if err != nil {
		return "", err
	}
	err = decodeInto(OpUploadRestKey, r.body, &out)
	return out.PublicKey, err
}

// RevokeRestLicensingKey removes the client key. Servers answer 410 Gone
// on success, which is therefore not an error here.
func (c *Client) RevokeRestLicensingKey(ctx context.Context) error {
	_, err := c.do(ctx, call{op: OpRevokeRestKey, okStatus: []int{http.StatusGone}, audit: &audited{summary: "Client key revoked"}})
	return err
}
