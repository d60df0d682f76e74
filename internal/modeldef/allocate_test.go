package modeldef

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"licenseservermanager/internal/features"
)

// showPools writes an allocation compactly: "pool: name version count[flags]; ...".
func showPools(pools []PoolAllocation) string {
	var out []string
	for _, p := range pools {
		var fs []string
		for _, f := range p.Features {
			s := fmt.Sprintf("%s %s %d", f.Name, f.Version, f.Count)
			if f.Requested != "" {
				s += " (" + f.Requested + ")"
			}
			if f.Uncounted {
				s += " uncounted"
			}
			if f.Short {
				s += fmt.Sprintf(" short %d", f.Shortfall)
			}
			if f.Missing {
				s += " missing"
			}
			if f.Higher {
				s += " higher"
			}
			if f.Vendor != "" {
				s += " [" + f.Vendor + "]"
			}
			fs = append(fs, s)
		}
		name := p.Pool
		if p.Default {
			name += "*"
		}
		out = append(out, name+": "+strings.Join(fs, ", "))
	}
	return strings.Join(out, " | ")
}

func TestAllocate(t *testing.T) {
	example := string(readTestdata(t, "example.model"))
	tests := []struct {
		name     string
		model    string
		features []features.Stock
		want     string
	}{
		{"example", example,
			[]features.Stock{st("3D_Rendering", "3.2", 60, false), st("3D_Rendering", "3.2", 40, false), st("Export_to_CSV", "4.8", 7, false), st("Other", "1.0", 5, false)},
			"engineering: 3D_Rendering 3.2 60 (60%), Export_to_CSV 4.8 7 (remainder) | sales: 3D_Rendering 3.2 10 (10) | default*: 3D_Rendering 3.2 30, Export_to_CSV 4.8 0, Other 1.0 5"},
		{"pools fill in file order", example,
			[]features.Stock{st("3D_Rendering", "3.2", 15, false), st("Export_to_CSV", "4.8", 1, false)},
			"engineering: 3D_Rendering 3.2 9 (60%), Export_to_CSV 4.8 1 (remainder) | sales: 3D_Rendering 3.2 6 (10) short 4 | default*: 3D_Rendering 3.2 0, Export_to_CSV 4.8 0"},
		{"percentages round down", `model "m" { partitions { partition "a" { "F" 1.0 33% } partition "b" { "F" 1.0 33% } partition "c" { "F" 1.0 remainder } } }`,
			[]features.Stock{st("F", "1.0", 10, false)},
			"a: F 1.0 3 (33%) | b: F 1.0 3 (33%) | c: F 1.0 4 (remainder) | default*: F 1.0 0"},
		{"a higher version serves when the version asked for runs out", `model "m" { partitions { partition "a" { "F" 1.0 8 } partition "b" { "F" 2.0 5 } } }`,
			[]features.Stock{st("F", "2.0", 6, false), st("F", "1.0", 5, false), st("F", "0.9", 4, false)},
			"a: F 1.0 8 (8) higher | b: F 2.0 3 (5) short 2 | default*: F 2.0 0, F 1.0 0, F 0.9 4"},
		{"never a lower version", `model "m" { partitions { partition "a" { "F" 3.0 1 } } }`,
			[]features.Stock{st("F", "2.0", 6, false)},
			"a: F 3.0 0 (1) missing | default*: F 2.0 6"},
		{"a vendor string selects its records", `model "m" { partitions { partition "a" { "F" 1.0 remainder vendor string matches "gold" } } }`,
			[]features.Stock{{Name: "F", Version: "1.0", Count: 4, VendorString: "gold"}, {Name: "F", Version: "1.0", Count: 3, VendorString: "silver"}},
			"a: F 1.0 4 (remainder) [gold] | default*: F 1.0 0 [gold], F 1.0 3 [silver]"},
		{"features the server lacks", example,
			[]features.Stock{st("3D_Rendering", "3.1", 10, false)},
			"engineering: 3D_Rendering 3.2 0 (60%) missing, Export_to_CSV 4.8 0 (remainder) missing | sales: 3D_Rendering 3.2 0 (10) missing | default*: 3D_Rendering 3.1 10"},
		{"uncounted features", example,
			[]features.Stock{st("3D_Rendering", "3.2", 0, true), st("Export_to_CSV", "4.8", 5, false), st("Export_to_CSV", "4.8", 0, true)},
			"engineering: 3D_Rendering 3.2 0 (60%) uncounted, Export_to_CSV 4.8 0 (remainder) uncounted | sales: 3D_Rendering 3.2 0 (10) uncounted | default*: 3D_Rendering 3.2 0 uncounted, Export_to_CSV 4.8 0 uncounted"},
		{"a second remainder gets nothing", `model "m" { partitions { partition "a" { "F" 1.0 remainder } partition "b" { "F" 1.0 remainder } } }`,
			[]features.Stock{st("F", "1.0", 10, false)},
			"a: F 1.0 10 (remainder) | b: F 1.0 0 (remainder) | default*: F 1.0 0"},
		{"percentages above 100 count as 100", `model "m" { partitions { partition "a" { "F" 1.0 150% } } }`,
			[]features.Stock{st("F", "1.0", 10, false)},
			"a: F 1.0 10 (150%) | default*: F 1.0 0"},
		{"negative counts count as 0", `model "m" { partitions { partition "a" { "F" 1.0 remainder } } }`,
			[]features.Stock{st("F", "1.0", -5, false), st("F", "1.0", 3, false)},
			"a: F 1.0 3 (remainder) | default*: F 1.0 0"},
		{"huge totals", `model "m" { partitions { partition "a" { "F" 1.0 99% } } }`,
			[]features.Stock{st("F", "1.0", math.MaxInt64, false), st("F", "1.0", math.MaxInt64, false)},
			fmt.Sprintf("a: F 1.0 %d (99%%) | default*: F 1.0 %d", math.MaxInt64/100*99+math.MaxInt64%100*99/100, math.MaxInt64-(math.MaxInt64/100*99+math.MaxInt64%100*99/100))},
		{"no features", example, nil,
			"engineering: 3D_Rendering 3.2 0 (60%) missing, Export_to_CSV 4.8 0 (remainder) missing | sales: 3D_Rendering 3.2 0 (10) missing | default*: "},
		{"empty pool", `model "m" { partitions { partition "a" { } } }`,
			[]features.Stock{st("F", "1.0", 2, false)},
			"a:  | default*: F 1.0 2"},
		{"no partitions block", `model "m" { on any() { use "default" accept } }`,
			[]features.Stock{st("F", "1.0", 2, false)},
			"default*: F 1.0 2"},
		{"a pool defined twice fills twice", `model "m" { partitions { partition "a" { "F" 1.0 3 } partition "a" { "F" 1.0 2 } } }`,
			[]features.Stock{st("F", "1.0", 8, false)},
			"a: F 1.0 3 (3) | a: F 1.0 2 (2) | default*: F 1.0 3"},
	}
	for _, tt := range tests {
		m, _ := Parse([]byte(tt.model))
		if got := showPools(Allocate(m, tt.features)); got != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.name, got, tt.want)
		}
	}
}

func st(name, version string, count int64, uncounted bool) features.Stock {
	return features.Stock{Name: name, Version: version, Count: count, Uncounted: uncounted}
}
