package modeldef

import (
	"math"
	"slices"

	"licenseservermanager/internal/features"
)

// PoolAllocation is what one pool would receive.
type PoolAllocation struct {
	Pool     string              `json:"pool"`
	Default  bool                `json:"default"`
	Features []FeatureAllocation `json:"features"`
}

// FeatureAllocation is one feature's share in a pool.
type FeatureAllocation struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	// Vendor is the vendor string the model's entry selects, "" for any.
	Vendor string `json:"vendor"`
	// Requested is the amount as the model writes it; empty in the default
	// pool, which asks for nothing and keeps what is left.
	Requested string `json:"requested"`
	Count     int64  `json:"count"`
	Uncounted bool   `json:"uncounted"`
	// Short is set when the pool asked for more than was left; Shortfall
	// is how much it did not get.
	Short     bool  `json:"short"`
	Shortfall int64 `json:"shortfall"`
	// Missing is set when the server has no feature of that name (and
	// vendor string) at that version or higher, so the pool gets none.
	Missing bool `json:"missing"`
	// Higher is set when some of the count comes from a higher version,
	// which the server uses when the version asked for runs out.
	Higher bool `json:"higher"`
}

// stock is what is left of one name, version and vendor string.
type stock struct {
	name, version, vendor string
	total, left           int64
	uncounted             bool
}

// Allocate previews how the server would divide its features among the
// model's pools, following what its documentation says of an upload:
//
//   - Pools fill top-down in file order, each entry in turn.
//   - An entry takes from the same version first, then from the next
//     higher ones (never a lower one); with a vendor string, only from
//     records of that vendor string.
//   - An amount is a count, or N% of the feature's total (rounded down;
//     above 100 counts as 100), or remainder: everything still left, so
//     every later pool gets none.
//   - A pool that asks for more than is left gets what is left and is
//     marked Short with the shortfall.
//   - An uncounted feature has no count to divide: every pool that names
//     it, and the default pool, receives it uncounted.
//   - The default pool comes last and lists every record's feature, in the
//     order first seen, with whatever no pool took.
//
// Expiry (the server fills longer expiries first) is not considered: the
// preview counts licenses, not records.
func Allocate(m *Model, records []features.Stock) []PoolAllocation {
	type key struct{ name, version, vendor string }
	byKey := map[key]*stock{}
	var order []*stock
	byName := map[string][]*stock{}
	for _, r := range records {
		k := key{r.Name, r.Version, r.VendorString}
		s := byKey[k]
		if s == nil {
			s = &stock{name: r.Name, version: r.Version, vendor: r.VendorString}
			byKey[k] = s
			order = append(order, s)
			byName[r.Name] = append(byName[r.Name], s)
		}
		s.uncounted = s.uncounted || r.Uncounted
		s.total = addCapped(s.total, max(r.Count, 0))
	}
	for _, s := range order {
		s.left = s.total
	}

	pools := make([]PoolAllocation, 0, len(m.Pools)+1)
	for _, pool := range m.Pools {
		pa := PoolAllocation{Pool: pool.Name, Features: make([]FeatureAllocation, len(pool.Features))}
		for i, f := range pool.Features {
			pa.Features[i] = take(f, candidates(byName[f.Name], f))
		}
		pools = append(pools, pa)
	}

	def := PoolAllocation{Pool: DefaultPool, Default: true, Features: make([]FeatureAllocation, len(order))}
	for i, s := range order {
		def.Features[i] = FeatureAllocation{Name: s.name, Version: s.version, Vendor: s.vendor, Uncounted: s.uncounted}
		if !s.uncounted {
			def.Features[i].Count = s.left
		}
	}
	return append(pools, def)
}

// candidates are the stocks an entry may draw on, in the order it draws:
// its own version first, then the higher ones, lowest first.
func candidates(named []*stock, f FeatureSpec) []*stock {
	var out []*stock
	for _, s := range named {
		if (!f.HasVendor || s.vendor == f.Vendor) && features.CompareVersions(s.version, f.Version) >= 0 {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b *stock) int { return features.CompareVersions(a.version, b.version) })
	return out
}

// take gives entry f its share of the candidates, taking it from them.
func take(f FeatureSpec, from []*stock) FeatureAllocation {
	fa := FeatureAllocation{Name: f.Name, Version: f.Version, Vendor: f.Vendor, Requested: f.Amount.String(), Missing: len(from) == 0}
	var total, left int64
	for _, s := range from {
		fa.Uncounted = fa.Uncounted || s.uncounted
		total, left = addCapped(total, s.total), addCapped(left, s.left)
	}
	if fa.Missing || fa.Uncounted {
		return fa
	}
	want := left
	switch f.Amount.Kind {
	case Count:
		want = f.Amount.Value
	case Percent:
		want = percentOf(total, min(f.Amount.Value, 100))
	}
	need := want
	for _, s := range from {
		n := min(need, s.left)
		if n > 0 && features.CompareVersions(s.version, f.Version) != 0 {
			fa.Higher = true
		}
		s.left -= n
		need -= n
	}
	fa.Count = want - need
	if need > 0 {
		fa.Short, fa.Shortfall = true, need
	}
	return fa
}

// percentOf is total*pct/100 rounded down, computed so that it cannot
// overflow for any total and 0 <= pct <= 100.
func percentOf(total, pct int64) int64 {
	return total/100*pct + total%100*pct/100
}

func addCapped(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}
