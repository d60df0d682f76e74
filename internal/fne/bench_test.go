package fne

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"licenseservermanager/internal/simulator"
)

var (
	largeOnce sync.Once
	largeSrv  *httptest.Server
)

// largeServer serves the large dataset (100,000 feature records) for the
// whole benchmark binary; generating and encoding it is not what is
// measured, so one warm-up request fills the simulator's cache.
func largeServer(b *testing.B) *httptest.Server {
	b.Helper()
	largeOnce.Do(func() {
		sim := simulator.New(simulator.Options{Security: simulator.SecurityOff, Dataset: simulator.DatasetLarge})
		largeSrv = httptest.NewServer(sim)
		fetchFeatures(b, largeSrv)
	})
	return largeSrv
}

func fetchFeatures(b *testing.B, srv *httptest.Server) []byte {
	resp, err := http.Get(srv.URL + "/api/1.0/instances/~/features")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.Fatal(err)
	}
	return body
}

// BenchmarkFeaturesLarge is the client's whole path: request, body and
// decoding into []Feature. The list must be one the scanner reads itself:
// one it leaves to encoding/json would measure the slow path instead.
func BenchmarkFeaturesLarge(b *testing.B) {
	srv := largeServer(b)
	s := featureScanner{b: fetchFeatures(b, srv)}
	if _, ok := s.list(); !ok {
		b.Fatal("the scanner leaves the large list to encoding/json")
	}
	c := New(Options{Target: target(b, srv)})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		fs, err := c.Features(ctx)
		if err != nil || len(fs) != 100000 {
			b.Fatalf("%d records, %v", len(fs), err)
		}
	}
}

// BenchmarkFeaturesLargeBareJSON decodes the same bytes with a bare
// json.Unmarshal into plain structs: the floor the client is held to.
func BenchmarkFeaturesLargeBareJSON(b *testing.B) {
	body := fetchFeatures(b, largeServer(b))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var fs []bareFeature
		if err := json.Unmarshal(body, &fs); err != nil || len(fs) != 100000 {
			b.Fatalf("%d records, %v", len(fs), err)
		}
	}
}

// bareFeature is the floor: the same fields as Feature in plain Go types,
// decoded by encoding/json with no custom unmarshalers.
type bareFeature struct {
	ID                  int64  `json:"id"`
	FeatureID           string `json:"featureId"`
	Name                string `json:"featureName"`
	Version             string `json:"featureVersion"`
	Count               int64  `json:"featureCount"`
	Used                int64  `json:"used"`
	SharedUsed          int64  `json:"sharedUsed"`
	Reserved            int64  `json:"reserved"`
	AssignedReserved    int64  `json:"assignedReserved"`
	UnassignedReserved  int64  `json:"unassignedReserved"`
	OverdraftCount      int64  `json:"overdraftCount"`
	OverdraftUsedCount  int64  `json:"overdraftUsedCount"`
	UncappedOverdraft   bool   `json:"uncappedOverdraft"`
	Type                string `json:"type"`
	FeatureKind         string `json:"featureKind"`
	Vendor              string `json:"vendor"`
	Expiry              string `json:"expiry"`
	ReceivedTime        string `json:"receivedTime"`
	Metered             bool   `json:"metered"`
	MeteredReusable     bool   `json:"meteredReusable"`
	MeteredUndoInterval int64  `json:"meteredUndoInterval"`
	Concurrent          bool   `json:"concurrent"`
	Uncounted           bool   `json:"uncounted"`
	StartDate           string `json:"startDate"`
	VendorString        string `json:"vendorString"`
	ProductName         string `json:"productName"`
	ProductVersion      string `json:"productVersion"`
	ActivationID        string `json:"activationId"`
	EntitlementID       string `json:"entitlementId"`
}
