package fne

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/simulator"
)

// TestLegacyBodiesDecode reads a legacy server's bodies as they come (every
// number a string, indented, no product columns) and holds what the client
// decodes against them value by value.
func TestLegacyBodiesDecode(t *testing.T) {
	e := loggedIn(t, simulator.Options{Dialect: simulator.DialectLegacy})
	raw := func(path string) []map[string]any {
		t.Helper()
		req, _ := http.NewRequest("GET", e.srv.URL+e.base+path, nil)
		tok := e.client.currentToken()
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := e.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if !bytes.HasPrefix(body, []byte("[\n  {\n    \"")) {
			t.Fatalf("%s is not indented: %.60q", path, body)
		}
		var out []map[string]any
		if err := json.Unmarshal(body, &out); err != nil || len(out) == 0 {
			t.Fatalf("%s: %d records, %v", path, len(out), err)
		}
		return out
	}
	number := func(v any) FlexInt {
		t.Helper()
		s, ok := v.(string)
		n, err := strconv.ParseInt(s, 10, 64)
		if !ok || err != nil {
			t.Fatalf("%#v is not a number sent as a string", v)
		}
		return FlexInt(n)
	}

	fs, err := e.client.Features(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wire := raw("/features")
	if len(wire) != len(fs) {
		t.Fatalf("%d records decoded of %d", len(fs), len(wire))
	}
	for i, w := range wire {
		f := fs[i]
		if number(w["id"]) != f.ID || number(w["featureCount"]) != f.Count || number(w["used"]) != f.Used || number(w["reserved"]) != f.Reserved {
			t.Fatalf("record %d: %v decoded as %+v", i, w, f)
		}
		for _, product := range []string{"productName", "productVersion", "activationId", "entitlementId", "startDate", "vendorString"} {
			if _, ok := w[product]; ok {
				t.Fatalf("a legacy record has %s: %v", product, w)
			}
		}
	}

	groups, err := e.client.ReservationGroups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wg := raw("/reservationgroups")
	entry := wg[0]["reservations"].([]any)[0].(map[string]any)["reservationEntries"].([]any)[0].(map[string]any)
	if number(wg[0]["id"]) != FlexInt(groups[0].ID) || number(entry["featureCount"]) != FlexInt(groups[0].Reservations[0].Entries[0].FeatureCount) ||
		number(entry["id"]) != FlexInt(groups[0].Reservations[0].Entries[0].ID) {
		t.Fatalf("group %v decoded as %+v", wg[0], groups[0])
	}

	devs, err := e.client.Devices(ctx)
	if err != nil || number(raw("/clients")[0]["id"]) != devs[0].ID {
		t.Fatalf("devices %v", err)
	}
	served, err := e.client.FeatureClients(ctx, int64(fs[0].ID))
	wf := raw("/features/" + strconv.FormatInt(int64(fs[0].ID), 10) + "/clients/")
	if err != nil || number(wf[0]["useCount"]) != served[0].UseCount || number(wf[0]["client"].(map[string]any)["id"]) != served[0].Client.ID {
		t.Fatalf("served %+v %v", served, err)
	}
	parts, err := e.client.Partitions(ctx)
	if err != nil || parts[0].ID != 1 || parts[0].Slices[0].Slice == 0 {
		t.Fatalf("partitions %+v %v", parts, err)
	}
}

// TestEveryWireCountIsFlexible holds the types the client decodes from a
// server: every integer in them is a FlexInt, which reads a number or a
// string, so no release's spelling of a count or an ID breaks a list.
func TestEveryWireCountIsFlexible(t *testing.T) {
	flexInt := reflect.TypeOf(FlexInt(0))
	var check func(path string, typ reflect.Type)
	check = func(path string, typ reflect.Type) {
		switch typ.Kind() {
		case reflect.Struct:
			for i := 0; i < typ.NumField(); i++ {
				f := typ.Field(i)
				if f.Tag.Get("json") != "-" {
					check(path+"."+f.Name, f.Type)
				}
			}
		case reflect.Slice, reflect.Map:
			check(path+"[]", typ.Elem())
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
			if typ != flexInt {
				t.Errorf("%s is a %s, not a FlexInt", path, typ)
			}
		}
	}
	for _, v := range []any{
		Health{}, ServerHostID{}, Instance{}, Feature{}, ServedDevice{}, FeatureSummary{}, Device{}, DeviceFeature{},
		wireGroup{}, Partition{}, Setting{}, ActivationResult{}, CapabilityResponseResult{}, authorizeReply{},
	} {
		check(reflect.TypeOf(v).Name(), reflect.TypeOf(v))
	}
}

// TestObservedEndpoints reads the instance, the CLS ping and the older
// server-level device list on each dialect, where a server has them.
func TestObservedEndpoints(t *testing.T) {
	eachDialect(t, func(t *testing.T, dialect simulator.Dialect) {
		e := loggedIn(t, simulator.Options{Dialect: dialect, InstanceID: "INST00000042", Version: "2025.10.0"})
		in, err := e.client.Instance(ctx)
		if err != nil || in.ID != "INST00000042" || in.HostName == "" || in.Version != "2025.10.0" {
			t.Fatalf("instance %+v %v", in, err)
		}
		devs, err := e.client.Devices(ctx)
		if err != nil {
			t.Fatal(err)
		}
		legacy, lerr := e.client.LegacyClients(ctx)
		pingErr := e.client.Ping(ctx)
		if dialect == simulator.DialectCLS {
			if pingErr != nil {
				t.Fatalf("ping: %v", pingErr)
			}
			wantCode(t, lerr, apperr.NotSupported)
			return
		}
		wantCode(t, pingErr, apperr.NotSupported)
		if lerr != nil || !reflect.DeepEqual(legacy, devs) {
			t.Fatalf("the server-level list differs: %d of %d devices, %v", len(legacy), len(devs), lerr)
		}
	})
}

// TestDevicesFallBackToTheServerLevelList is an older server without the
// instance's device list: the devices come from {root}/api/1.0/clients.
func TestDevicesFallBackToTheServerLevelList(t *testing.T) {
	e := loggedIn(t, simulator.Options{Dialect: simulator.DialectLegacy})
	want, _ := e.client.Devices(ctx)
	e.sim.SetFault(simulator.Fault{Target: string(OpClients), Status: 404})
	got, err := e.client.Devices(ctx)
	if err != nil || len(got) == 0 || !reflect.DeepEqual(got, want) || e.sim.Requests(string(OpLegacyClients)) != 1 {
		t.Fatalf("%d devices, %v", len(got), err)
	}
	// Without either list the first refusal is reported.
	e.sim.SetFault(simulator.Fault{Target: string(OpLegacyClients), Status: 404})
	_, err = e.client.Devices(ctx)
	if ae := wantCode(t, err, apperr.NotSupported); ae.Message != "This server does not offer a device list (server version 2018.11.0)." {
		t.Fatalf("message %q", ae.Message)
	}
}

// TestAWrongCLSInstanceIsNamed tells a CLS site that is up (its ping
// answers) from a host that is no license server.
func TestAWrongCLSInstanceIsNamed(t *testing.T) {
	e := newEnv(t, simulator.Options{Dialect: simulator.DialectCLS})
	wrong := e.clientLike(func(o *Options) { o.InstanceID = "NOSUCH000000" })
	_, err := wrong.Health(ctx)
	ae := wantCode(t, err, apperr.NotFound)
	if !strings.Contains(ae.Message, "has no instance NOSUCH000000") || ae.Details["instanceId"] != "NOSUCH000000" {
		t.Fatalf("%q %v", ae.Message, ae.Details)
	}
}
