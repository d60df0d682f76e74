package simulator

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

var fixedNow = time.Date(2025, 11, 26, 12, 0, 0, 0, time.UTC)

func fixedClock() time.Time { return fixedNow }

func get(t *testing.T, s *Server, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

func TestDemoDatasetIsRealisticAndConsistent(t *testing.T) {
	s := New(Options{Security: SecurityOff, Now: fixedClock})
	st := s.st
	if len(st.features) < 30 || len(st.devices) < 150 || len(st.hostIDs) != 3 || len(st.groups) < 3 {
		t.Fatalf("features %d devices %d hostids %d groups %d", len(st.features), len(st.devices), len(st.hostIDs), len(st.groups))
	}
	perName := map[string]int{}
	kinds := map[string]bool{}
	soon := fixedNow.AddDate(0, 0, 30).Format("2006-01-02")
	for _, f := range st.features {
		perName[f.FeatureName]++
		switch {
		case f.Expiry == "permanent":
			kinds["permanent"] = true
		case f.Expiry <= soon:
			kinds["expiring"] = true
		}
		if f.Metered {
			kinds["metered"] = true
		}
		if f.Uncounted {
			kinds["uncounted"] = true
		}
		if f.OverdraftUsedCount > 0 && f.Used > f.FeatureCount {
			kinds["overdraft"] = true
		}
		var sum int64
		for _, sv := range st.serves[f.ID] {
			sum += sv.useCount
			if st.deviceByID[sv.deviceID] == nil {
				t.Fatalf("feature %d served to missing device %d", f.ID, sv.deviceID)
			}
		}
		if sum != f.Used {
			t.Fatalf("feature %d (%s): used %d but served %d", f.ID, f.FeatureName, f.Used, sum)
		}
		if f.ActivationID == "" || f.ProductName == "" || f.StartDate == "" || f.EntitlementID == "" {
			t.Fatalf("feature %d lacks product fields on %s", f.ID, s.opts.Version)
		}
	}
	for _, k := range []string{"permanent", "expiring", "metered", "uncounted", "overdraft"} {
		if !kinds[k] {
			t.Errorf("no %s feature record", k)
		}
	}
	multi := 0
	for _, n := range perName {
		if n > 1 {
			multi++
		}
	}
	if multi < 5 {
		t.Errorf("only %d feature names have several records", multi)
	}
	machines, aliases := map[string]bool{}, 0
	for _, d := range st.devices {
		machines[d.MachineType] = true
		if d.HostName != "" {
			aliases++
		}
	}
	if !machines["PHYSICAL"] || !machines["VIRTUAL"] || !machines["UNKNOWN"] || aliases < len(st.devices)/2 {
		t.Errorf("machine types %v, aliases %d", machines, aliases)
	}
	reserved := int64(0)
	for _, f := range st.features {
		reserved += f.Reserved
	}
	if reserved == 0 {
		t.Error("reservation groups reserve nothing on the features")
	}
}

func TestDatasetIsDeterministic(t *testing.T) {
	a := get(t, New(Options{Security: SecurityOff, Now: fixedClock}), "/api/1.0/instances/~/features").Body.String()
	b := get(t, New(Options{Security: SecurityOff, Now: fixedClock}), "/api/1.0/instances/~/features").Body.String()
	c := get(t, New(Options{Security: SecurityOff, Now: fixedClock, Seed: 7}), "/api/1.0/instances/~/features").Body.String()
	if a != b {
		t.Fatal("two servers with the same options hold different features")
	}
	if a == c {
		t.Fatal("the seed does not change the data")
	}
}

func TestProductFieldsOnlyFrom2024_10(t *testing.T) {
	for _, tt := range []struct {
		version string
		want    bool
	}{{"2025.10.0", true}, {"2024.10", true}, {"2024.08.1", false}, {"2023.12", false}} {
		rec := get(t, New(Options{Security: SecurityOff, Version: tt.version, Now: fixedClock}), "/api/1.0/instances/~/features")
		var list []map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"productName", "productVersion", "activationId", "entitlementId", "startDate"} {
			if _, ok := list[0][key]; ok != tt.want {
				t.Errorf("%s: %s present %v, want %v", tt.version, key, ok, tt.want)
			}
		}
	}
}

func TestLargeDataset(t *testing.T) {
	if testing.Short() {
		t.Skip("large dataset")
	}
	s := New(Options{Security: SecurityOff, Dataset: DatasetLarge, Now: fixedClock})
	if len(s.st.features) != 100000 || len(s.st.devices) != 50000 {
		t.Fatalf("features %d devices %d", len(s.st.features), len(s.st.devices))
	}
	used := 0
	for _, f := range s.st.features {
		if f.Used > 0 {
			used++
		}
	}
	if used == 0 {
		t.Fatal("nothing in use in the large dataset")
	}
}

func TestPoolsDatasetDerivesPartitionsFromModel(t *testing.T) {
	s := New(Options{Security: SecurityOff, Dataset: DatasetPools, Now: fixedClock})
	if len(s.st.groups) != 0 {
		t.Fatal("the pools dataset must not have reservations")
	}
	var body wirePartitions
	if err := json.Unmarshal(get(t, s, "/api/1.0/instances/~/partitions").Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, p := range body.Partitions {
		names = append(names, p.Name)
	}
	if strings.Join(names, ",") != "default,engineering,sales" || !body.Partitions[0].Default {
		t.Fatalf("partitions %v", names)
	}
	var total, inPools int64
	for _, f := range s.st.features {
		if f.FeatureName == "3D_Rendering" && f.FeatureVersion == "3.2" {
			total += f.FeatureCount
		}
	}
	for _, p := range body.Partitions {
		for _, sl := range p.ActiveFeatureSlices {
			if sl.Feature.FeatureName == "3D_Rendering" && sl.Feature.FeatureVersion == "3.2" {
				inPools += sl.ComputedCount
				if p.Name == "engineering" && (sl.ComputedCount != total*60/100 || sl.Requested != "60%") {
					t.Errorf("engineering slice %d of %d, requested %s", sl.ComputedCount, total, sl.Requested)
				}
				if p.Name == "sales" && sl.ComputedCount != min(10, total-total*60/100) {
					t.Errorf("sales slice %d", sl.ComputedCount)
				}
			}
		}
	}
	if inPools != total {
		t.Fatalf("the pools hold %d of 3D_Rendering 3.2, the records %d", inPools, total)
	}
}

func TestSettingsCoverTheGuideGroups(t *testing.T) {
	var list []wireSetting
	if err := json.Unmarshal(get(t, New(Options{Security: SecurityOff}), "/api/1.0/instances/~/configuration").Body.Bytes(), &list); err != nil {
		t.Fatal(err)
	}
	groups := map[string]bool{}
	editable := map[string]bool{}
	for _, s := range list {
		groups[s.Group] = true
		editable[s.Name] = s.Editable
	}
	for _, g := range []string{groupSecurity, groupSync, groupLicensing, groupFailover, groupPolling, groupLocal, groupLogging} {
		if !groups[g] {
			t.Errorf("no setting in group %q", g)
		}
	}
	for _, locked := range []string{"licensing.responseLifetime", "lfs.syncTo.enabled", "failover.maintenanceInterval", "database.backup-enabled", "licensing.allowDuplicateClients", "licensing.borrowInterval"} {
		if ed, ok := editable[locked]; !ok || ed {
			t.Errorf("%s: present %v editable %v", locked, ok, ed)
		}
	}
	if !editable["security.token.duration"] || !editable["licensing.borrowIntervalMax"] {
		t.Error("documented editable settings are not editable")
	}
}
