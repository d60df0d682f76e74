package fne

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/simulator"
)

func TestOfflineRoundTrip(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		c := e.client

		poll, err := c.CapabilityRequest(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(poll) < 40 || poll[0] == '{' || !bytes.Contains(poll, []byte(e.sim.InstanceID())) {
			t.Fatalf("capability request is not a binary file of this instance: %q", poll)
		}
		resp, err := e.sim.MakeCapabilityResponse(poll)
		if err != nil {
			t.Fatal(err)
		}
		res, err := c.UploadCapabilityResponse(ctx, resp)
		if err != nil || res.ConfirmationRequestNeeded {
			t.Fatalf("poll response: %+v %v", res, err)
		}
		ae := wantCode(t, errOf(c.UploadCapabilityResponse(ctx, resp)), apperr.Conflict)
		if !strings.Contains(ae.Message, "already been loaded") {
			t.Fatalf("replay: %q", ae.Message)
		}

		act, err := c.ActivationRequest(ctx, simulator.DemoActivationOK, 25)
		if err != nil {
			t.Fatal(err)
		}
		before, _ := c.Features(ctx)
		resp, err = e.sim.MakeCapabilityResponse(act)
		if err != nil {
			t.Fatal(err)
		}
		res, err = c.UploadCapabilityResponse(ctx, resp)
		if err != nil || !res.ConfirmationRequestNeeded {
			t.Fatalf("activation response: %+v %v", res, err)
		}
		after, _ := c.Features(ctx)
		if len(after) != len(before)+1 || after[len(after)-1].Count != 25 {
			t.Fatalf("the activation added no record of 25 (%d → %d)", len(before), len(after))
		}
		_, err = c.ActivationRequest(ctx, "", 1)
		wantCode(t, err, apperr.InvalidInput)
		unknown, err := c.ActivationRequest(ctx, "NOT-A-REAL-ID", 1)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.sim.MakeCapabilityResponse(unknown); err == nil {
			t.Fatal("the back office answered an unknown activation ID")
		}

		other := simulator.New(simulator.Options{Security: simulator.SecurityOff, InstanceID: "OTHER0000000"})
		otherReq := getRaw(t, other, "/api/1.0/instances/~/capability_request")
		otherResp, err := other.MakeCapabilityResponse(otherReq)
		if err != nil {
			t.Fatal(err)
		}
		fresh, _ := c.CapabilityRequest(ctx)
		good, _ := e.sim.MakeCapabilityResponse(fresh)
		tampered := append([]byte{}, good...)
		tampered[len(tampered)-33] ^= 0xFF
		random := make([]byte, 512)
		rand.Read(random)
		refusals := []struct {
			name string
			file []byte
			want string
		}{
			{"random", random, "unknown format"},
			{"truncated", good[:len(good)-10], "truncated"},
			{"other instance", otherResp, "another license server"},
			{"a request", fresh, "is a request"},
			{"tampered", tampered, "signature"},
		}
		for _, tt := range refusals {
			ae := wantCode(t, errOf(c.UploadCapabilityResponse(ctx, tt.file)), apperr.InvalidInput)
			if !strings.Contains(ae.Message, tt.want) {
				t.Errorf("%s: %q, want %q", tt.name, ae.Message, tt.want)
			}
		}
		if _, err := c.UploadCapabilityResponse(ctx, good); err != nil {
			t.Fatalf("the intact response after the refusals: %v", err)
		}
		wantCode(t, errOf(c.UploadCapabilityResponse(ctx, nil)), apperr.InvalidInput)
	})
}

func errOf[T any](_ T, err error) error { return err }

func TestRestLicensingKeys(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect})
		c := e.client
		key := func(bits int) *rsa.PublicKey {
			k, err := rsa.GenerateKey(rand.Reader, bits)
			if err != nil {
				t.Fatal(err)
			}
			return &k.PublicKey
		}
		k2048 := key(2048)
		der, _ := x509.MarshalPKIXPublicKey(k2048)
		got, err := c.UploadRestLicensingKey(ctx, der)
		if err != nil || got != base64.StdEncoding.EncodeToString(der) {
			t.Fatalf("%q %v", got, err)
		}
		if _, err := c.UploadRestLicensingKey(ctx, x509.MarshalPKCS1PublicKey(k2048)); err != nil {
			t.Fatalf("PKCS#1 DER: %v", err)
		}
		small, _ := x509.MarshalPKIXPublicKey(key(1024))
		ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		ecDER, _ := x509.MarshalPKIXPublicKey(&ec.PublicKey)
		tests := []struct {
			name string
			in   []byte
			want string
		}{
			{"PEM", pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), "PEM"},
			{"1024-bit", small, "RSA 1024-bit"},
			{"EC", ecDER, "not an RSA key"},
			{"garbage", []byte("certainly not a key"), "not a DER-encoded public key"},
		}
		for _, tt := range tests {
			ae := wantCode(t, errOf(c.UploadRestLicensingKey(ctx, tt.in)), apperr.InvalidInput)
			if !strings.Contains(ae.Message, tt.want) {
				t.Errorf("%s: %q, want %q", tt.name, ae.Message, tt.want)
			}
		}
		wantCode(t, errOf(c.UploadRestLicensingKey(ctx, nil)), apperr.InvalidInput)
		if err := c.RevokeRestLicensingKey(ctx); err != nil {
			t.Fatalf("revoke (410) must succeed: %v", err)
		}
	})
}
