package modeldef

import (
	"math"

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
	// Requested is the amount as the model writes it; empty in the default
	// pool, which asks for nothing and keeps what is left.
	Requested string `json:"requested"`
	Count     int64  `json:"count"`
	Uncounted bool   `json:"uncounted"`
	// Short is set when the pool asked for more than was left; Shortfall
	// is how much it did not get.
	Short     bool  `json:"short"`
	Shortfall int64 `json:"shortfall"`
	// Missing is set when the server has no feature of that name and
	// version, so the pool gets none of it.
	Missing bool `json:"missing"`
}

// Allocate previews how the server would divide its features among the
// model's pools. The server's exact arithmetic is not public; these are our
// rules, chosen to be predictable:
//
//   - A feature is identified by name and exact version; the counts of all
//     its records are added up to its total.
//   - Exact counts are served first, in partition order, then percentages,
//     then remainders. A percentage is taken of the total (not of what is
//     left) and rounded down.
//   - A pool that asks for more than is left gets what is left and is marked
//     Short with the shortfall. A percentage above 100 counts as 100.
//   - A remainder takes everything still left, so a second remainder of the
//     same feature (which Validate refuses) gets nothing.
//   - An uncounted feature has no count to divide: every pool that names
//     it, and the default pool, receives it uncounted. A feature with any
//     uncounted record is uncounted.
//   - A feature the server does not have is Missing and gets 0.
//   - The default pool comes last and lists every feature the server has,
//     in the order first seen, with whatever no partition took.
//
// Records with the same name and version are added up.
func Allocate(m *Model, records []features.Stock) []PoolAllocation {
	type stock struct {
		name, version string
		total, left   int64
		uncounted     bool
	}
	stocks := map[featureKey]*stock{}
	var order []*stock
	for _, f := range records {
		k := featureKey{f.Name, f.Version}
		s := stocks[k]
		if s == nil {
			s = &stock{name: f.Name, version: f.Version}
			stocks[k] = s
			order = append(order, s)
		}
		s.uncounted = s.uncounted || f.Uncounted
		s.total = addCapped(s.total, max(f.Count, 0))
	}
	for _, s := range order {
		s.left = s.total
	}

	pools := make([]PoolAllocation, 0, len(m.Partitions)+1)
	for _, part := range m.Partitions {
		pa := PoolAllocation{Pool: part.Name, Features: make([]FeatureAllocation, len(part.Features))}
		for i, f := range part.Features {
			fa := FeatureAllocation{Name: f.Name, Version: f.Version, Requested: f.Amount.String()}
			s := stocks[featureKey{f.Name, f.Version}]
			fa.Missing = s == nil
			fa.Uncounted = s != nil && s.uncounted
			pa.Features[i] = fa
		}
		pools = append(pools, pa)
	}
	for _, kind := range []AmountKind{Count, Percent, Remainder} {
		for pi, part := range m.Partitions {
			for fi, f := range part.Features {
				fa := &pools[pi].Features[fi]
				s := stocks[featureKey{f.Name, f.Version}]
				if f.Amount.Kind != kind || s == nil || s.uncounted {
					continue
				}
				want := s.left
				switch kind {
				case Count:
					want = f.Amount.Value
				case Percent:
					want = percentOf(s.total, min(f.Amount.Value, 100))
				}
				fa.Count = min(want, s.left)
				s.left -= fa.Count
				if fa.Count < want {
					fa.Short, fa.Shortfall = true, want-fa.Count
				}
			}
		}
	}

	def := PoolAllocation{Pool: DefaultPool, Default: true, Features: make([]FeatureAllocation, len(order))}
	for i, s := range order {
		def.Features[i] = FeatureAllocation{Name: s.name, Version: s.version, Uncounted: s.uncounted}
		if !s.uncounted {
			def.Features[i].Count = s.left
		}
	}
	return append(pools, def)
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
