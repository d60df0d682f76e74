package fne

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"licenseservermanager/internal/reservations"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFixturesDecode(t *testing.T) {
	t.Run("health", func(t *testing.T) {
		var body struct {
			LLS Health `json:"LLS"`
		}
		decodeFixture(t, "health.json", &body)
		h := body.LLS
		if h.Version != "2025.10.0" || h.InstanceID != "QX7K2M9PLT4R" || h.Security != "enabled" || h.Database.ConnectionCheck != "success" {
			t.Fatalf("%+v", h)
		}
	})
	t.Run("authorize", func(t *testing.T) {
		var ar authorizeReply
		decodeFixture(t, "authorize-response.json", &ar)
		s := sessionFromToken(ar.Token)
		want := []string{"ROLE_ADMIN", "ROLE_DROPCLIENT", "ROLE_READ", "ROLE_RESERVATIONS"}
		if s.User != "admin" || s.Instance != "QX7K2M9PLT4R" || !reflect.DeepEqual(s.Roles, want) || s.Expires.Unix() != 1764266400 || s.IssuedAt.Unix() != 1764180000 {
			t.Fatalf("%+v", s)
		}
		if ar.Expires != "2025-11-27T18:00:00.000Z" {
			t.Fatal(ar.Expires)
		}
	})
	t.Run("features", func(t *testing.T) {
		var fs []Feature
		decodeFixture(t, "features.json", &fs)
		if len(fs) != 4 || fs[0].Name != "3D_Rendering" || fs[0].Count != 100 || fs[0].Used != 75 || fs[0].Reserved != 20 ||
			fs[1].Expiry != "permanent" || !fs[2].Uncounted || !fs[3].Metered || fs[3].OverdraftUsedCount != 40 || fs[3].MeteredUndoInterval != 3600 {
			t.Fatalf("%+v", fs)
		}
	})
	t.Run("clients", func(t *testing.T) {
		var ds []Device
		decodeFixture(t, "clients.json", &ds)
		if len(ds) != 2 || ds[0].ID != 7749 || ds[0].HostID != (DeviceHostID{"STRING", "Controller2"}) || ds[0].HostName != "render-node-02" ||
			ds[1].MachineType != "VIRTUAL" || ds[1].Trusted || ds[0].ServerHostID.Value != "0A1B2C3D4E5F" {
			t.Fatalf("%+v", ds)
		}
	})
	t.Run("feature-clients", func(t *testing.T) {
		var sd []ServedDevice
		decodeFixture(t, "feature-clients.json", &sd)
		if len(sd) != 1 || sd[0].UseCount != 2 || sd[0].UsageKind != "CONCURRENT" || sd[0].Client.ID != 7749 || sd[0].Client.Expiry != "2025-11-27T09:41:07Z" {
			t.Fatalf("%+v", sd)
		}
	})
	t.Run("hostids", func(t *testing.T) {
		var body struct {
			HostIDs []ServerHostID `json:"hostids"`
		}
		decodeFixture(t, "hostids.json", &body)
		if len(body.HostIDs) != 3 || body.HostIDs[2] != (ServerHostID{"VM_UUID", "4C4C4544-0039-3610-8033-B7C04F4A5831"}) {
			t.Fatalf("%+v", body)
		}
	})
	t.Run("partitions", func(t *testing.T) {
		var body struct {
			Partitions []Partition `json:"partitions"`
		}
		decodeFixture(t, "partitions.json", &body)
		p := body.Partitions
		if len(p) != 2 || !p[0].Default || p[1].Name != "Pune" || p[1].LastModified != 1763640000000 ||
			p[1].Slices[0].Requested != "60%" || p[0].Slices[0].Requested != "remainder" || p[1].Slices[0].Feature.FeatureCount != 100 || p[1].Slices[0].ComputedCount != 60 {
			t.Fatalf("%+v", p)
		}
	})
	t.Run("reservation-group", func(t *testing.T) {
		var w wireGroup
		decodeFixture(t, "reservation-group.json", &w)
		g := w.group()
		if g.Name != "support" || len(g.Reservations) != 2 || g.Reservations[1].HostID != (reservations.HostID{Value: "Joe", Type: "USER"}) ||
			g.Reservations[0].Entries[1].FeatureCount != 2 || g.Reservations[0].Entries[0].FeatureVersion != "3.0" {
			t.Fatalf("%+v", g)
		}
	})
	t.Run("capability-response-upload-response", func(t *testing.T) {
		r := CapabilityResponseResult{ConfirmationRequestNeeded: true}
		decodeFixture(t, "capability-response-upload-response.json", &r)
		if r.ConfirmationRequestNeeded {
			t.Fatal("decoded true")
		}
	})
	t.Run("rest-licensing-keys-response", func(t *testing.T) {
		var r struct {
			PublicKey string `json:"publicKey"`
		}
		decodeFixture(t, "rest-licensing-keys-response.json", &r)
		if r.PublicKey != "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" {
			t.Fatal(r.PublicKey)
		}
	})
}

func decodeFixture(t *testing.T, name string, v any) {
	t.Helper()
	if err := json.Unmarshal(readFixture(t, name), v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func TestNumbersSentAsStrings(t *testing.T) {
	body := `[{"id": "1", "featureName": "F", "featureCount": "100", "used": "75", "overdraftCount": 1.0, "reserved": null, "sharedUsed": "", "unknownField": {"x": [1]}}]`
	var fs []Feature
	if err := json.Unmarshal([]byte(body), &fs); err != nil {
		t.Fatal(err)
	}
	f := fs[0]
	if f.ID != 1 || f.Count != 100 || f.Used != 75 || f.OverdraftCount != 1 || f.Reserved != 0 || f.SharedUsed != 0 {
		t.Fatalf("%+v", f)
	}
	var slice FeatureSlice
	if err := json.Unmarshal([]byte(`{"requested": 60, "slice": "40"}`), &slice); err != nil || slice.Requested != "60" || slice.Slice != 40 {
		t.Fatalf("%+v %v", slice, err)
	}
}

func TestFlexInt(t *testing.T) {
	tests := []struct {
		in      string
		want    FlexInt
		wantErr bool
	}{
		{`12`, 12, false}, {`-3`, -3, false}, {`"12"`, 12, false}, {`""`, 0, false}, {`null`, 0, false},
		{`1.5e3`, 1500, false}, {`"7.0"`, 7, false}, {`"abc"`, 0, true}, {`true`, 0, true}, {`"-"`, 0, true},
		// Beyond int64 a count is clamped, never wrapped to a negative one.
		{`1e30`, math.MaxInt64, false}, {`"99999999999999999999"`, math.MaxInt64, false}, {`-1e300`, math.MinInt64, false},
		{`9223372036854775807`, math.MaxInt64, false}, {`1e999`, math.MaxInt64, false},
	}
	for _, tt := range tests {
		var n FlexInt
		err := json.Unmarshal([]byte(tt.in), &n)
		if (err != nil) != tt.wantErr || err == nil && n != tt.want {
			t.Errorf("%s: %d, %v", tt.in, n, err)
		}
	}
	var s FlexString
	for in, want := range map[string]FlexString{`"60%"`: "60%", `60`: "60", `true`: "true", `null`: "", `"a\"b"`: `a"b`} {
		if err := json.Unmarshal([]byte(in), &s); err != nil || s != want {
			t.Errorf("%s: %q, %v", in, s, err)
		}
	}
}
