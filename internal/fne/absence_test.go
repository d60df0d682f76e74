package fne

import (
	"reflect"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/simulator"
)

// callOf sends the operation of each row of the table the way the app does;
// a row without one fails TestEveryOperationMayBeMissing.
var callOf = map[Op]func(c *Client) error{
	OpInstance:       func(c *Client) error { _, err := c.Instance(ctx); return err },
	OpPing:           func(c *Client) error { return c.Ping(ctx) },
	OpLegacyClients:  func(c *Client) error { _, err := c.LegacyClients(ctx); return err },
	OpHealth:         func(c *Client) error { _, err := c.Health(ctx); return err },
	OpInstanceHealth: func(c *Client) error { _, err := c.Health(ctx); return err },
	OpHostIDs:        func(c *Client) error { _, err := c.HostIDs(ctx); return err },
	OpAuthorize: func(c *Client) error {
		_, err := c.Login(ctx, simulator.AdminUser, simulator.AdminPassword)
		return err
	},
	OpChangePassword: func(c *Client) error {
		return c.ChangePassword(ctx, simulator.AdminUser, simulator.AdminPassword, "Another-Pass-42")
	},
	OpFeatures:         func(c *Client) error { _, err := c.Features(ctx); return err },
	OpFeature:          func(c *Client) error { _, err := c.Feature(ctx, 1); return err },
	OpFeatureClients:   func(c *Client) error { _, err := c.FeatureClients(ctx, 1); return err },
	OpFeatureSummaries: func(c *Client) error { _, err := c.FeatureSummaries(ctx); return err },
	OpClients:          func(c *Client) error { _, err := c.Devices(ctx); return err },
	OpClient:           func(c *Client) error { _, err := c.Device(ctx, 1); return err },
	OpClientFeatures:   func(c *Client) error { _, err := c.DeviceFeatures(ctx, 1); return err },
	OpDeleteClient:     func(c *Client) error { return c.DeleteDevice(ctx, 1) },
	OpReservationGroups: func(c *Client) error {
		_, err := c.ReservationGroups(ctx)
		return err
	},
	OpAddReservationGroup: func(c *Client) error {
		_, err := c.AddReservationGroup(ctx, reservations.Group{Name: "Absent", Reservations: []reservations.Reservation{{
			HostID: reservations.HostID{Value: "ABSENT-1", Type: "STRING"}, Entries: []reservations.Entry{{FeatureName: "Audio_Sync", FeatureVersion: "1.2", FeatureCount: 1}}}}})
		return err
	},
	OpDeleteReservationGroup: func(c *Client) error { return c.DeleteReservationGroup(ctx, 1) },
	OpPartitions:             func(c *Client) error { _, err := c.Partitions(ctx); return err },
	OpModel:                  func(c *Client) error { _, err := c.Model(ctx); return err },
	OpUploadModel: func(c *Client) error {
		return c.UploadModel(ctx, "model \"m\" {\n  partitions {\n    partition \"p\" {\n      \"Audio_Sync\" 1.2 1\n    }\n  }\n}\n")
	},
	OpDeleteModel:   func(c *Client) error { return c.DeleteModel(ctx) },
	OpConfiguration: func(c *Client) error { _, err := c.Configuration(ctx); return err },
	OpUpdateConfiguration: func(c *Client) error {
		return c.UpdateConfiguration(ctx, map[string]string{"licensing.borrowIntervalMax": "7d"})
	},
	OpActivations: func(c *Client) error {
		_, err := c.Activate(ctx, []Activation{{ActivationID: "ACT-1", Count: 1}})
		return err
	},
	OpSync:              func(c *Client) error { return c.Sync(ctx) },
	OpCapabilityRequest: func(c *Client) error { _, err := c.CapabilityRequest(ctx); return err },
	OpActivationRequest: func(c *Client) error { _, err := c.ActivationRequest(ctx, "ACT-1", 1); return err },
	OpCapabilityResponse: func(c *Client) error {
		_, err := c.UploadCapabilityResponse(ctx, []byte{1, 2, 3})
		return err
	},
	OpUploadRestKey: func(c *Client) error { _, err := c.UploadRestLicensingKey(ctx, []byte{1, 2, 3}); return err },
	OpRevokeRestKey: func(c *Client) error { return c.RevokeRestLicensingKey(ctx) },
}

// TestEveryOperationMayBeMissing removes each operation of the table from
// the server in turn: its call must say that this server (of its version)
// does not offer it, with the operation in the details, and every other
// read must still work. The health check is the exception: a server
// without one is no license server (or, on a CLS, not the instance named).
func TestEveryOperationMayBeMissing(t *testing.T) {
	for _, e := range Endpoints {
		if callOf[e.Op] == nil {
			t.Fatalf("no call for %s: add one to callOf", e.Op)
		}
	}
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		version := newEnv(t, simulator.Options{Dialect: dialect}).sim.Version()
		healthOp := OpHealth
		if dialect == simulator.DialectCLS {
			healthOp = OpInstanceHealth
		}
		for _, ep := range Endpoints {
			t.Run(string(ep.Op), func(t *testing.T) {
				e := newEnv(t, simulator.Options{Dialect: dialect, Without: []string{string(ep.Op)}})
				err := callOf[ep.Op](e.client)
				switch {
				case ep.Op == OpHealth || ep.Op == OpInstanceHealth:
					if ep.Op == healthOp && dialect == simulator.DialectCLS {
						// A CLS site that answers its ping but not the
						// instance's health reads as a wrong instance ID.
						wantCode(t, err, apperr.NotFound)
						return
					}
					if ep.Op == healthOp {
						if ae := wantCode(t, err, apperr.NotSupported); !strings.Contains(ae.Message, "not a FlexNet license server") {
							t.Fatalf("message %q", ae.Message)
						}
						return
					}
				case ep.Op == OpClients && dialect != simulator.DialectCLS:
					// A local server's device list falls back to the
					// server-level one.
					if err != nil || e.sim.Requests(string(OpLegacyClients)) != 1 {
						t.Fatalf("no fallback: %v", err)
					}
				default:
					ae := wantCode(t, err, apperr.NotSupported)
					want := "This server does not offer " + ep.Label
					if ep.Op != OpPing {
						want += " (server version " + version + ")"
					}
					if !strings.HasPrefix(ae.Message, want) || ae.Details["operation"] != string(ep.Op) {
						t.Fatalf("%q %v, want %q", ae.Message, ae.Details, want)
					}
					if o, ok := e.client.Observed(ep.Op); !ok || o.Outcome != ProbeNotSupported {
						t.Fatalf("observed %+v %v", o, ok)
					}
				}
				// The rest of the server still answers.
				for _, other := range []Op{OpFeatures, OpConfiguration, OpHostIDs} {
					if other != ep.Op {
						if err := callOf[other](e.client); err != nil {
							t.Fatalf("%s after removing %s: %v", other, ep.Op, err)
						}
					}
				}
			})
		}
	})
}

// TestAMissingRecordIsNotAMissingOperation: the license server's own 404
// for a record it does not have stays not_found.
func TestAMissingRecordIsNotAMissingOperation(t *testing.T) {
	e := newEnv(t, simulator.Options{})
	for _, call := range []func() error{
		func() error { _, err := e.client.Feature(ctx, 999999); return err },
		func() error { _, err := e.client.Device(ctx, 999999); return err },
		func() error { _, err := e.client.FeatureClients(ctx, 999999); return err },
		func() error { return e.client.DeleteDevice(ctx, 999999) },
	} {
		wantCode(t, call(), apperr.NotFound)
	}
}

func TestUnexpectedAnswers(t *testing.T) {
	list, model, file := EndpointFor(OpFeatures), EndpointFor(OpModel), EndpointFor(OpCapabilityRequest)
	sync, ping := EndpointFor(OpSync), EndpointFor(OpPing)
	tests := []struct {
		name        string
		e           Endpoint
		contentType string
		body        string
		want        string // "" when the answer is fine
	}{
		{"JSON", list, "application/json", `[]`, ""},
		{"JSON with a charset", list, "application/json; charset=utf-8", `[{"id":1}]`, ""},
		{"a +json type", list, "application/vnd.flexera+json", `[]`, ""},
		{"JSON under text/plain", list, "text/plain", `[{"id":1}]`, ""},
		{"no content type", list, "", `[]`, ""},
		{"empty", list, "text/html", "  ", ""},
		{"a web page", list, "text/html; charset=utf-8", "<!DOCTYPE html><html></html>", "web page where JSON was expected"},
		{"a web page without a type", list, "", "<html></html>", "web page"},
		{"XHTML", list, "application/xhtml+xml", "<html/>", "web page"},
		{"plain text for JSON", list, "text/plain", "OK", "text/plain where JSON was expected"},
		{"model text", model, "text/plain", "model \"m\" {}", ""},
		{"model as a page", model, "text/html", "<html></html>", "web page where text was expected"},
		{"a file", file, "application/octet-stream", "\x00\x01", ""},
		{"a file as a page", file, "text/html", "<html></html>", "web page where a file was expected"},
		{"text for a change is not read", sync, "text/plain", "OK", ""},
		{"a page for a change", sync, "text/html", "<html></html>", "web page"},
		{"ping answers anything", ping, "text/html", "<html></html>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := unexpectedAnswer(tt.e, tt.contentType, []byte(tt.body))
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Fatalf("%q, want %q", got, tt.want)
			}
		})
	}
}

// TestAnswersAreDescribedWithoutValues: the shape of a body names fields and
// kinds in the server's order, never what they hold.
func TestAnswersAreDescribedWithoutValues(t *testing.T) {
	tests := []struct {
		name, contentType, body string
		shape                   string
		fields                  []FieldShape
		indented                bool
	}{
		{"a list", "application/json", `[{"id":"7","featureCount":100,"ok":true,"x":null},{"other":1}]`, ShapeList,
			[]FieldShape{{"id", "string", []FieldShape{}}, {"featureCount", "number", []FieldShape{}}, {"ok", "boolean", []FieldShape{}}, {"x", "null", []FieldShape{}}}, false},
		{"an object with a list", "application/json", "{\n  \"hostids\": [ {\"value\": \"secret\", \"type\": \"ETHERNET\"} ],\n  \"meta\": {\"a\": 1}\n}", ShapeObject,
			[]FieldShape{{"hostids", "list", []FieldShape{{"value", "string", []FieldShape{}}, {"type", "string", []FieldShape{}}}}, {"meta", "object", []FieldShape{}}}, true},
		{"an empty list", "application/json", `[]`, ShapeList, []FieldShape{}, false},
		{"text", "text/plain", "model \"m\" {}", ShapeText, []FieldShape{}, false},
		{"a file", "application/octet-stream", "\x00\x01\x02", ShapeFile, []FieldShape{}, false},
		{"nothing", "", " ", ShapeEmpty, []FieldShape{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shape, fields, indented := describe(tt.contentType, []byte(tt.body))
			if shape != tt.shape || !reflect.DeepEqual(fields, tt.fields) || indented != tt.indented {
				t.Fatalf("%s %+v %v", shape, fields, indented)
			}
		})
	}
}
