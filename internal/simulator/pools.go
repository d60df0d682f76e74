package simulator

import (
	"licenseservermanager/internal/features"
	"licenseservermanager/internal/modeldef"
)

// partitionList derives the license pools from the active model with
// modeldef.Allocate, the same division the app previews, so that the
// preview and the pools after an upload agree. Without a model there is
// only the default pool.
func (st *state) partitionList() wirePartitions {
	lastModified := st.modelLoaded.UnixMilli()
	if st.model == nil {
		lastModified = 0
	}
	type key struct{ name, version, vendor string }
	first := map[key]*wireFeature{}
	used := map[key]int64{}
	stock := make([]features.Stock, 0, len(st.features))
	for _, f := range st.features {
		k := key{f.FeatureName, f.FeatureVersion, f.VendorString}
		if first[k] == nil {
			first[k] = f
		}
		used[k] += f.Used
		stock = append(stock, features.Stock{Name: f.FeatureName, Version: f.FeatureVersion, Count: f.FeatureCount, Uncounted: f.Uncounted, VendorString: f.VendorString})
	}
	model := &modeldef.Model{}
	if st.model != nil {
		model = st.model.parsed
	}

	sliceID := int64(0)
	// slice is a pool's share of a feature. Its use is taken from the
	// feature's clients in pool order, the default pool keeping the rest.
	slice := func(fa modeldef.FeatureAllocation, f *wireFeature, requested string, rest bool) wireSlice {
		sliceID++
		k := key{f.FeatureName, f.FeatureVersion, f.VendorString}
		n := min(fa.Count, used[k])
		if rest {
			n = used[k]
		}
		used[k] -= n
		return wireSlice{
			ID: sliceID,
			Feature: wireSliceFeature{
				ID: f.ID, Type: f.Type, FeatureName: f.FeatureName, FeatureVersion: f.FeatureVersion,
				Expiry: f.Expiry, FeatureCount: f.FeatureCount, Used: f.Used,
			},
			Slice: fa.Count, Used: n, ComputedCount: fa.Count, Requested: requested,
			Uncounted: fa.Uncounted, Status: "NORMAL",
		}
	}

	var named []wirePartition
	var def wirePartition
	for i, pa := range modeldef.Allocate(model, stock) {
		if pa.Default {
			def = wirePartition{ID: 1, Name: modeldef.DefaultPool, LastModified: lastModified, Default: true, ActiveFeatureSlices: []wireSlice{}}
			for _, fa := range pa.Features {
				def.ActiveFeatureSlices = append(def.ActiveFeatureSlices, slice(fa, first[key{fa.Name, fa.Version, fa.Vendor}], "remainder", true))
			}
			continue
		}
		wp := wirePartition{ID: int64(i + 2), Name: pa.Pool, LastModified: lastModified, ActiveFeatureSlices: []wireSlice{}}
		for _, fa := range pa.Features {
			// A pool shows the records it drew on; a feature the server
			// lacks has none to show.
			f := recordFor(st.features, fa)
			if f == nil {
				continue
			}
			wp.ActiveFeatureSlices = append(wp.ActiveFeatureSlices, slice(fa, f, fa.Requested, false))
		}
		named = append(named, wp)
	}
	return wirePartitions{Partitions: append([]wirePartition{def}, named...)}
}

// recordFor is the first record a pool's entry draws on: its own version
// if the server has it, else the lowest higher one.
func recordFor(records []*wireFeature, fa modeldef.FeatureAllocation) *wireFeature {
	var best *wireFeature
	for _, f := range records {
		if f.FeatureName != fa.Name || fa.Vendor != "" && f.VendorString != fa.Vendor || features.CompareVersions(f.FeatureVersion, fa.Version) < 0 {
			continue
		}
		if best == nil || features.CompareVersions(f.FeatureVersion, best.FeatureVersion) < 0 {
			best = f
		}
	}
	return best
}
