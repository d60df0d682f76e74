package synth

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"licenseservermanager/internal/collect"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/dashboard"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/settings"
	"licenseservermanager/internal/simulator"
	"licenseservermanager/internal/simulator/simtest"
	"licenseservermanager/internal/usage"
)

// The benchmarks of issue 16 run on one store: a year of 5-minute samples
// of 500 features on one profile, as the store keeps it (hourly roll-ups
// for the year, raw samples for the last 30 days). LSM_BENCH_STORE names
// where to keep it (tools/perf.sh opens the Dashboard on it); a temporary
// file otherwise. Every figure is given beside a baseline measured in the
// same run, as a ratio.
var year struct {
	once  sync.Once
	path  string
	store *history.Store
	end   time.Time
	took  time.Duration
	err   error
}

const benchFeatures = 500

func benchFeatureSet() []usage.FeatureUse {
	out := make([]usage.FeatureUse, benchFeatures)
	for i := range out {
		out[i] = usage.FeatureUse{Name: fmt.Sprintf("Feature_%03d", i), Version: "1.0", Total: int64(10 + i%90), Counted: true}
	}
	return out
}

func yearStore(b *testing.B) (*history.Store, time.Time) {
	b.Helper()
	year.once.Do(func() {
		year.path = os.Getenv("LSM_BENCH_STORE")
		if year.path == "" {
			dir, err := os.MkdirTemp("", "lsm-bench-")
			if err != nil {
				year.err = err
				return
			}
			year.path = filepath.Join(dir, "history.db")
		}
		os.Remove(year.path)
		ctx := context.Background()
		if year.store, year.err = history.Open(ctx, year.path); year.err != nil {
			return
		}
		year.end = time.Now().UTC().Truncate(time.Hour)
		start := time.Now()
		year.err = Fill(ctx, year.store, Plan{ProfileID: settings.DemoProfileID, Features: benchFeatureSet(), Version: "2025.10.0",
			From: year.end.AddDate(-1, 0, 0), RawFrom: year.end.AddDate(0, 0, -history.RawDays), To: year.end, Interval: 5 * time.Minute, Rules: usage.DefaultRules()})
		year.took = time.Since(start)
	})
	if year.err != nil {
		b.Fatal(year.err)
	}
	return year.store, year.end
}

// pointLookup is the baseline of the reads: the time of one primary-key
// lookup of one reading, the least a read of the store can cost.
func pointLookup(b *testing.B, st *history.Store, end time.Time) time.Duration {
	const n = 200
	ctx := context.Background()
	start := time.Now()
	for i := 0; i < n; i++ {
		at := end.Add(-time.Duration(i+1) * 5 * time.Minute)
		if _, err := st.Series(ctx, settings.DemoProfileID, "Feature_250", "1.0", at, at.Add(time.Second)); err != nil {
			b.Fatal(err)
		}
	}
	return time.Since(start) / n
}

func report(b *testing.B, what time.Duration, baseline time.Duration) {
	b.ReportMetric(float64(what.Microseconds())/1000, "ms/op")
	b.ReportMetric(float64(baseline.Microseconds())/1000, "baseline-ms")
	b.ReportMetric(float64(what)/float64(baseline), "x-baseline")
}

// BenchmarkStoreYear reports the store's size on disk and the time it took
// to write, against the raw readings it stands for (8 bytes a number).
func BenchmarkStoreYear(b *testing.B) {
	st, _ := yearStore(b)
	_ = st
	var size int64
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(year.path + suffix); err == nil {
			size += fi.Size()
		}
	}
	readings := int64(365*24*12) * benchFeatures
	b.ReportMetric(float64(size)/(1<<20), "MB")
	b.ReportMetric(float64(size)/float64(readings), "bytes/reading")
	b.ReportMetric(year.took.Seconds(), "s-to-generate")
	for i := 0; i < b.N; i++ {
	}
}

func benchSeries(b *testing.B, days int) {
	st, end := yearStore(b)
	base := pointLookup(b, st, end)
	q := struct{ from, to time.Time }{end.AddDate(0, 0, -days), end}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		var err error
		if days <= history.RawDays {
			_, err = st.Series(context.Background(), settings.DemoProfileID, "Feature_250", "1.0", q.from, q.to)
		} else {
			_, err = st.Hours(context.Background(), settings.DemoProfileID, "Feature_250", "1.0", q.from, q.to)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	report(b, time.Since(start)/time.Duration(b.N), base)
}

// BenchmarkSeries30Days reads one feature's raw samples of 30 days.
func BenchmarkSeries30Days(b *testing.B) { benchSeries(b, 30) }

// BenchmarkSeries1Year reads one feature's hourly roll-ups of a year.
func BenchmarkSeries1Year(b *testing.B) { benchSeries(b, 365) }

// BenchmarkSampleLargeDataset takes one sample of the simulator's large
// dataset (100,000 feature records) over HTTP: reading, summing up,
// writing and stepping the alerts. The baseline is the feature list's read
// alone.
func BenchmarkSampleLargeDataset(b *testing.B) {
	sim, cl := simtest.Client(b, simulator.Options{Security: simulator.SecurityOff, Dataset: simulator.DatasetLarge})
	ctx := context.Background()
	start := time.Now()
	const reads = 3
	for i := 0; i < reads; i++ {
		if _, err := cl.Features(ctx); err != nil {
			b.Fatal(err)
		}
	}
	base := time.Since(start) / reads
	st, err := history.Open(ctx, filepath.Join(b.TempDir(), "history.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	now := time.Now().UTC().Truncate(5 * time.Minute)
	p := simtest.Profile(b, sim)
	p.ID = "large"
	col := collect.New(st, nil, connect.Network{}, func() time.Time { return now })
	plan := collect.Plan{Profiles: []settings.Profile{p}, Interval: 5 * time.Minute, Rules: usage.DefaultRules(), RetentionDays: 400}
	b.ResetTimer()
	start = time.Now()
	for i := 0; i < b.N; i++ {
		now = now.Add(5 * time.Minute)
		if r := col.Collect(ctx, plan); r[0].Outcome != collect.Written {
			b.Fatalf("%+v", r[0])
		}
	}
	report(b, time.Since(start)/time.Duration(b.N), base)
}

// BenchmarkOverviewYear reads the Dashboard's overview of the year store:
// the Go side of its first paint.
func BenchmarkOverviewYear(b *testing.B) {
	st, end := yearStore(b)
	base := pointLookup(b, st, end)
	profiles := []settings.Profile{{ID: settings.DemoProfileID, Name: "Demo server"}}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := dashboard.Read(context.Background(), st, collect.Plan{Profiles: profiles, Rules: usage.DefaultRules()}, settings.DemoProfileID, nil, end); err != nil {
			b.Fatal(err)
		}
	}
	report(b, time.Since(start)/time.Duration(b.N), base)
}
