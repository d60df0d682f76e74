package simulator

import (
	"strconv"
	"strings"
)

// partitionList derives the license pools from the active model: each named
// pool takes its amounts of the matching records (name and version), the
// default pool keeps the rest. Without a model there is only the default
// pool.
func (st *state) partitionList() wirePartitions {
	lastModified := st.modelLoaded.UnixMilli()
	if st.model == nil {
		lastModified = 0
	}
	type group struct {
		records []*wireFeature
		total   int64
		left    int64
		usedAll int64
		usedOut int64
	}
	groups := map[string]*group{}
	key := func(name, version string) string { return name + "\x00" + version }
	if st.model != nil {
		for _, part := range st.model.Partitions {
			for _, e := range part.Entries {
				groups[key(e.Feature, e.Version)] = &group{}
			}
		}
		for _, f := range st.features {
			if g := groups[key(f.FeatureName, f.FeatureVersion)]; g != nil {
				g.records = append(g.records, f)
				g.total += f.FeatureCount
				g.usedAll += f.Used
			}
		}
		for _, g := range groups {
			g.left = g.total
		}
	}

	sliceID := int64(0)
	newSlice := func(f *wireFeature, count, used int64, requested string) wireSlice {
		sliceID++
		return wireSlice{
			ID: sliceID,
			Feature: wireSliceFeature{
				ID: f.ID, Type: f.Type, FeatureName: f.FeatureName, FeatureVersion: f.FeatureVersion,
				Expiry: f.Expiry, FeatureCount: f.FeatureCount, Used: f.Used,
			},
			Slice: count, Used: used, ComputedCount: count, Requested: requested,
			Uncounted: f.Uncounted, Status: "NORMAL",
		}
	}

	var named []wirePartition
	if st.model != nil {
		// Exact counts first, then percentages, then "remainder": the order
		// modeldef.Allocate documents, so the app's pool preview matches.
		amounts := map[*modelEntry]int64{}
		passOf := func(amount string) int {
			switch {
			case amount == "remainder":
				return 2
			case strings.HasSuffix(amount, "%"):
				return 1
			}
			return 0
		}
		for pass := 0; pass < 3; pass++ {
			for pi := range st.model.Partitions {
				for ei := range st.model.Partitions[pi].Entries {
					e := &st.model.Partitions[pi].Entries[ei]
					g := groups[key(e.Feature, e.Version)]
					if passOf(e.Amount) != pass {
						continue
					}
					var n int64
					switch {
					case pass == 2:
						n = g.left
					case strings.HasSuffix(e.Amount, "%"):
						pct, _ := strconv.ParseInt(strings.TrimSuffix(e.Amount, "%"), 10, 64)
						n = g.total * pct / 100
					default:
						n, _ = strconv.ParseInt(e.Amount, 10, 64)
					}
					n = min(n, g.left)
					g.left -= n
					amounts[e] = n
				}
			}
		}
		for pi, part := range st.model.Partitions {
			wp := wirePartition{ID: int64(pi + 2), Name: part.Name, LastModified: lastModified, ActiveFeatureSlices: []wireSlice{}}
			for ei := range part.Entries {
				e := &st.model.Partitions[pi].Entries[ei]
				g := groups[key(e.Feature, e.Version)]
				if len(g.records) == 0 {
					continue
				}
				n := amounts[e]
				used := min(n, g.usedAll-g.usedOut)
				g.usedOut += used
				wp.ActiveFeatureSlices = append(wp.ActiveFeatureSlices, newSlice(g.records[0], n, used, e.Amount))
			}
			named = append(named, wp)
		}
	}

	def := wirePartition{ID: 1, Name: "default", LastModified: lastModified, Default: true, ActiveFeatureSlices: []wireSlice{}}
	for _, f := range st.features {
		g := groups[key(f.FeatureName, f.FeatureVersion)]
		if g == nil {
			def.ActiveFeatureSlices = append(def.ActiveFeatureSlices, newSlice(f, f.FeatureCount, f.Used, "remainder"))
			continue
		}
		if f == g.records[0] {
			def.ActiveFeatureSlices = append(def.ActiveFeatureSlices, newSlice(f, g.left, g.usedAll-g.usedOut, "remainder"))
		}
	}
	return wirePartitions{Partitions: append([]wirePartition{def}, named...)}
}
