package simulator

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// catalogEntry is one feature name of the demo data and how many records
// (activations, entitlements, products) it has.
type catalogEntry struct {
	name     string
	versions []string
	metered  bool
	records  int
	product  string
}

var demoCatalog = []catalogEntry{
	{"3D_Rendering", []string{"3.2", "3.2", "3.0", "3.2"}, false, 4, "Studio Suite"},
	{"Export_to_CSV", []string{"4.8"}, false, 3, "Studio Suite"},
	{"Cloud_Render_Minutes", []string{"1.0"}, true, 3, "Render Cloud"},
	{"VR_MODE", []string{"1.0", "2.0"}, false, 3, "Viewer Pro"},
	{"2D_Wireframes", []string{"14.6"}, false, 2, "Drafting"},
	{"Animation", []string{"2022.1"}, false, 3, "Studio Suite"},
	{"Rotation", []string{"6.1"}, false, 2, "Viewer Pro"},
	{"Simulation_Pro", []string{"2.0"}, false, 3, "Simulation"},
	{"Mesh_Repair", []string{"1.5"}, false, 3, "Drafting"},
	{"Color_Grading", []string{"2.1"}, false, 2, "Post Production"},
	{"Batch_Render", []string{"3.0"}, false, 3, "Render Cloud"},
	{"Audio_Sync", []string{"1.2"}, false, 2, "Post Production"},
	{"Storage_GB", []string{"1.0"}, true, 2, "Render Cloud"},
}

// Demo activation IDs of the simulated back office.
const (
	DemoActivationOK      = "DEMO-ACT-1001"    // 500 units of 3D_Rendering 3.2
	DemoActivationLimited = "DEMO-ACT-LIMITED" // only 5 units: more fails as not enough entitlement
	DemoActivationHeld    = "DEMO-ACT-HELD"    // already holds 20 units: fewer fails
	demoHeldCount         = 20
)

var (
	aliasPrefixes = []string{"render-node", "ws-eng", "lab-pc", "build-agent", "design-mac", "sales-laptop"}
	vendorStrings = []string{"region:EMEA,group:Eng", "India:Bangalore,group:Eng,group:Sup", "region:AMER", "site:Pune", ""}
	counts        = []int64{5, 10, 20, 25, 50, 100, 200, 500}
)

// gen carries the generator's RNG, clock and caches of formatted dates.
type gen struct {
	rng   *rand.Rand
	now   time.Time
	dates map[int]string
	st    *state
	full  bool // product columns wanted
}

func (g *gen) day(offset int) string {
	if s, ok := g.dates[offset]; ok {
		return s
	}
	s := g.now.AddDate(0, 0, offset).Format("2006-01-02")
	g.dates[offset] = s
	return s
}

func (g *gen) stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

func (g *gen) hex(n int) string {
	const digits = "0123456789ABCDEF"
	b := make([]byte, n)
	for i := range b {
		b[i] = digits[g.rng.IntN(16)]
	}
	return string(b)
}

func (g *gen) uuid() string {
	return g.hex(8) + "-" + g.hex(4) + "-" + g.hex(4) + "-" + g.hex(4) + "-" + g.hex(12)
}

// seed builds the state for the configured dataset. Everything derives from
// the seeded RNG and Options.Now, so two servers with the same options hold
// the same data.
func (s *Server) seed() *state {
	st := newState()
	g := &gen{
		rng:   rand.New(rand.NewPCG(uint64(s.opts.Seed), 0x5eed)),
		now:   s.now().Truncate(time.Second),
		dates: map[int]string{},
		st:    st,
		full:  s.productFields,
	}
	st.hostIDs = []wireServerHostID{
		{Type: "ETHERNET", Value: "0A1B2C3D4E5F"},
		{Type: "ETHERNET", Value: "0A1B2C3D4E60"},
		{Type: "VM_UUID", Value: "4C4C4544-0039-3610-8033-B7C04F4A5831"},
	}
	st.settings = defaultSettings(s.opts)
	switch s.opts.Dataset {
	case DatasetLarge:
		catalog := make([]catalogEntry, 2000)
		for i := range catalog {
			catalog[i] = catalogEntry{name: "Feature_" + strconv.Itoa(10000 + i)[1:], versions: []string{"1.0", "2.0"}, metered: i%17 == 0, records: 50, product: "Product " + strconv.Itoa(i%40)}
		}
		g.features(catalog)
		g.devices(50000)
		g.serveAll(3, 4)
	default:
		g.features(demoCatalog)
		g.devices(160)
		g.serveAll(1, 0)
		g.entitlements()
		if s.opts.Dataset == DatasetPools {
			def, err := checkModel(demoModel)
			if err != nil {
				panic("simulator: the demo model is invalid: " + err.Error())
			}
			st.model, st.modelText, st.modelLoaded = def, demoModel, g.now
		} else {
			g.reservations()
		}
	}
	st.recomputeReserved()
	return st
}

// features makes the records of a catalog. Index rules rather than chance
// guarantee every kind the views must show: permanent, expiring within 30
// days, metered, uncounted and overdraft in use.
func (g *gen) features(catalog []catalogEntry) {
	k := 0
	for _, c := range catalog {
		for r := 0; r < c.records; r++ {
			f := &wireFeature{
				ID:             g.st.newID(),
				FeatureName:    c.name,
				FeatureVersion: c.versions[r%len(c.versions)],
				Type:           "CONCURRENT",
				FeatureKind:    "FEATURE",
				Vendor:         "demovendor",
				Concurrent:     true,
				ReceivedTime:   g.stamp(g.now.Add(-time.Duration(g.rng.IntN(90*24)) * time.Hour)),
			}
			f.FeatureID = "FID_" + c.name + "_" + strconv.Itoa(r+1)
			switch {
			case k%3 == 0:
				f.Expiry = "permanent"
			case k%5 == 1:
				f.Expiry = g.day(2 + g.rng.IntN(27))
			default:
				f.Expiry = g.day(60 + g.rng.IntN(900))
			}
			switch {
			case c.metered:
				f.Type, f.Concurrent, f.Metered = "METERED", false, true
				f.FeatureCount = int64(1000 * (1 + g.rng.IntN(10)))
				f.MeteredUndoInterval = 3600
				f.MeteredReusable = r%2 == 1
				f.Used = int64(g.rng.IntN(int(f.FeatureCount) / 2))
			case k%11 == 4:
				f.Uncounted = true
				f.Used = int64(5 + g.rng.IntN(30))
			default:
				f.FeatureCount = counts[g.rng.IntN(len(counts))]
				if k%4 == 2 {
					f.OverdraftCount = max(2, f.FeatureCount/10)
				}
				switch {
				case k%8 == 2:
					f.Used = f.FeatureCount + f.OverdraftCount/2
				case k%6 == 5:
					f.Used = f.FeatureCount
				default:
					f.Used = f.FeatureCount/4 + int64(g.rng.IntN(int(f.FeatureCount*3/4)+1))
				}
			}
			if g.full {
				f.StartDate = g.day(-30 - g.rng.IntN(700))
				f.VendorString = vendorStrings[k%len(vendorStrings)]
				f.ProductName = c.product
				f.ProductVersion = strconv.Itoa(2023+r%3) + "." + strconv.Itoa(1+r%2)
				f.ActivationID = "ACT-" + g.hex(4) + "-" + g.hex(4) + "-" + g.hex(4)
				f.EntitlementID = "ENT-" + strconv.Itoa(100000+g.rng.IntN(900000))
			}
			g.st.addFeature(f)
			k++
		}
	}
}

// devices makes n device records of every host ID and machine type.
func (g *gen) devices(n int) {
	server := wireHostID{Type: g.st.hostIDs[0].Type, Value: g.st.hostIDs[0].Value}
	for i := 0; i < n; i++ {
		d := &wireClient{
			ID:               int64(7700 + i),
			ServerHostID:     server,
			HostType:         "FLX_CLIENT",
			CorrelationID:    g.uuid(),
			Trusted:          i%3 != 0,
			RequestOperation: "REQUEST",
			ServedStatus:     "NORMAL",
		}
		switch i % 10 {
		case 0, 1, 2, 3, 4:
			d.HostID = wireHostID{Type: "ETHERNET", Value: g.hex(12)}
			d.MachineType = "PHYSICAL"
			if i%20 == 3 {
				d.MachineType = "UNKNOWN"
			}
		case 5, 6:
			d.HostID = wireHostID{Type: "STRING", Value: "Controller" + strconv.Itoa(i)}
			d.MachineType = "UNKNOWN"
		case 7, 8:
			d.HostID = wireHostID{Type: "VM_UUID", Value: g.uuid()}
			d.MachineType = "VIRTUAL"
		default:
			d.HostID = wireHostID{Type: "CONTAINER_ID", Value: g.hex(16)}
			d.MachineType = "VIRTUAL"
		}
		if i%25 == 0 {
			d.HostType = "FLX_SERVER"
		}
		d.RequestHostID = d.HostID
		if i%4 != 3 {
			d.HostName = aliasPrefixes[i%len(aliasPrefixes)] + "-" + strconv.Itoa(100 + i)[1:]
		}
		updated := g.now.Add(-time.Duration(1+g.rng.IntN(72*60)) * time.Minute)
		d.UpdateTime = g.stamp(updated)
		d.Expiry = g.stamp(updated.Add(7 * 24 * time.Hour))
		g.st.addDevice(d)
	}
}

// serveAll spreads the used count of every every-th record over random
// devices, so a feature's used count is the sum of its served devices; the
// other records of a large dataset keep nothing in use. pieces, when set,
// caps the number of devices per record to keep the large dataset quick.
func (g *gen) serveAll(every int, pieces int64) {
	devs := g.st.devices
	for i, f := range g.st.features {
		used, total := f.Used, f.Used
		f.Used = 0
		if i%every != 0 {
			continue
		}
		for used > 0 {
			chunk := int64(1 + g.rng.IntN(3))
			if f.Metered {
				chunk = int64(10 + g.rng.IntN(300))
			}
			if pieces > 0 {
				chunk = max(chunk, (total+pieces-1)/pieces)
			}
			chunk = min(chunk, used)
			g.st.serveTo(f, devs[g.rng.IntN(len(devs))], chunk)
			used -= chunk
		}
	}
}

// reservations makes groups consistent with the demo features and devices.
func (g *gen) reservations() {
	dev := func(i int) wireResHost {
		d := g.st.devices[i]
		return wireResHost{Value: d.HostID.Value, Type: d.HostID.Type}
	}
	add := func(name string, res ...wireReservation) {
		grp := &wireGroup{ID: g.st.newID(), Name: name}
		for _, r := range res {
			r.ID = g.st.newID()
			for i := range r.Entries {
				r.Entries[i].ID = g.st.newID()
			}
			grp.Reservations = append(grp.Reservations, r)
		}
		g.st.groups = append(g.st.groups, grp)
	}
	entry := func(name, version string, count int64) wireEntry {
		return wireEntry{FeatureName: name, FeatureVersion: version, FeatureCount: count}
	}
	add("Engineering",
		wireReservation{HostID: dev(0), Entries: []wireEntry{entry("3D_Rendering", "3.0", 5), entry("Mesh_Repair", "1.5", 2)}},
		wireReservation{HostID: dev(5), Entries: []wireEntry{entry("Animation", "2022.1", 3)}},
	)
	add("Support", wireReservation{HostID: wireResHost{Value: "JOE", Type: "USER"}, Entries: []wireEntry{entry("Export_to_CSV", "4.8", 2)}})
	add("Sales",
		wireReservation{HostID: dev(8), Entries: []wireEntry{entry("VR_MODE", "1.0", 1), entry("Rotation", "6.1", 2)}},
		wireReservation{HostID: dev(11), Entries: []wireEntry{entry("Color_Grading", "2.1", 1)}},
	)
}

// entitlements stocks the simulated back office and marks the held
// activation IDs of the seeded records.
func (g *gen) entitlements() {
	st := g.st
	st.entitlements[DemoActivationOK] = entitlement{feature: "3D_Rendering", version: "3.2", available: 500, product: "Studio Suite"}
	st.entitlements[DemoActivationLimited] = entitlement{feature: "Mesh_Repair", version: "1.5", available: 5, product: "Drafting"}
	st.entitlements[DemoActivationHeld] = entitlement{feature: "VR_MODE", version: "1.0", available: 100, product: "Viewer Pro"}
	f := &wireFeature{
		ID: st.newID(), FeatureID: "FID_VR_MODE_held", FeatureName: "VR_MODE", FeatureVersion: "1.0",
		FeatureCount: demoHeldCount, Type: "CONCURRENT", FeatureKind: "FEATURE", Vendor: "demovendor",
		Expiry: "permanent", ReceivedTime: g.stamp(g.now.AddDate(0, -2, 0)), Concurrent: true,
	}
	if g.full {
		f.StartDate, f.ProductName, f.ProductVersion = g.day(-60), "Viewer Pro", "2025.1"
		f.ActivationID, f.EntitlementID = DemoActivationHeld, "ENT-424242"
	}
	st.addFeature(f)
	st.held[DemoActivationHeld] = f.ID
}

// demoModel is the model definition of the pools dataset.
const demoModel = `// Demo model: engineering gets most of the rendering seats.
model "engineering-split" {
    partitions {
        partition "engineering" {
            "3D_Rendering" 3.2 60%
            "Export_to_CSV" 4.8 remainder
        }
        partition "sales" {
            "3D_Rendering" 3.2 10
        }
    }
    on hostname("render-node-01", "ws-eng-02") {
        use "engineering"
        accept
    }
    on dictionary("department": "sales") {
        use "sales", "default"
        accept
    }
    on any() {
        use "default"
        accept
    }
}
`
