// Package collect takes the usage samples of the history: it reads each
// profile's server (health, features, pools), sums the readings up, writes
// them to the store with the alerts they raise or end, and keeps the
// hourly roll-ups and the retention. The desktop app runs it every few
// minutes; `lsm usage collect` runs it once, for a scheduled task.
package collect

import (
	"context"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/features"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/history"
	"licenseservermanager/internal/usage"
)

// Server is what a sample reads; it must be safe for concurrent use, as a
// sample reads the pools while the features come in.
type Server interface {
	Health(ctx context.Context) (fne.Health, error)
	Features(ctx context.Context) ([]fne.Feature, error)
	Partitions(ctx context.Context) ([]fne.Partition, error)
}

// ExpiryHorizon is how far ahead a sample records the increments that end.
const ExpiryHorizon = 366 * 24 * time.Hour

// Increments turns feature records into the increments usage sums.
func Increments(recs []fne.Feature) []usage.Increment {
	out := make([]usage.Increment, 0, len(recs))
	for i := range recs {
		r := &recs[i]
		in := usage.Increment{
			Name: r.Name, Version: r.Version, Used: int64(r.Used), Total: int64(r.Count),
			Reserved: int64(r.Reserved), Overdraft: int64(r.OverdraftUsedCount), Uncounted: r.Uncounted,
			Permanent: features.IsPermanent(r.Expiry),
		}
		if !in.Permanent {
			if day, ok := features.ExpiryDate(r.Expiry); ok {
				// An increment is valid through its expiry date.
				in.Expires = day.Add(24*time.Hour - time.Second)
			} else {
				// A date this client cannot read is not taken for an end.
				in.Permanent = true
			}
		}
		out = append(out, in)
	}
	return out
}

// Pools turns a server's partitions into the pool readings of a sample.
func Pools(parts []fne.Partition) []history.PoolUse {
	out := []history.PoolUse{}
	for _, p := range parts {
		for _, sl := range p.Slices {
			out = append(out, history.PoolUse{Pool: p.Name, Name: sl.Feature.FeatureName, Version: sl.Feature.FeatureVersion,
				Allocated: int64(sl.ComputedCount), Used: int64(sl.Used)})
		}
	}
	return out
}

// Take reads one sample of srv at now (clock times the health check). A
// server that does not answer gives an unreachable sample; one that
// answers but refuses the feature list gives an error, since nothing true
// can be written about its use.
func Take(ctx context.Context, srv Server, now time.Time, slot time.Duration, clock func() time.Time) (history.Snapshot, error) {
	sn := history.Snapshot{At: now, Slot: slot}
	start := clock()
	h, err := srv.Health(ctx)
	sn.Response = clock().Sub(start)
	if err != nil {
		if reachability(err) {
			sn.Problem = apperr.From(err).Message
			return sn, nil
		}
		return history.Snapshot{}, err
	}
	sn.Reachable, sn.Version = true, h.Version
	// The pools are read while the feature list, the long read, comes in.
	var parts []fne.Partition
	var partsErr error
	partsRead := make(chan struct{})
	go func() {
		defer close(partsRead)
		parts, partsErr = srv.Partitions(ctx)
	}()
	recs, err := srv.Features(ctx)
	<-partsRead
	if err != nil {
		if reachability(err) {
			sn.Reachable, sn.Problem = false, apperr.From(err).Message
			return sn, nil
		}
		return history.Snapshot{}, err
	}
	incs := Increments(recs)
	sn.Features = usage.Features(incs, now)
	sn.Expiries = usage.Expiries(incs, now, ExpiryHorizon)
	switch err := partsErr; {
	case err == nil:
		sn.Pools = Pools(parts)
	case apperr.CodeOf(err) == apperr.NotSupported, apperr.CodeOf(err) == apperr.AccessDenied:
		// A server without pools, or a user who may not see them: the
		// sample holds the features all the same.
	default:
		if reachability(err) {
			sn.Reachable, sn.Problem = false, apperr.From(err).Message
			return sn, nil
		}
		return history.Snapshot{}, err
	}
	return sn, nil
}

// reachability tells whether err means the server was not reached.
func reachability(err error) bool {
	switch apperr.CodeOf(err) {
	case apperr.Unreachable, apperr.Timeout, apperr.ServerError:
		return true
	}
	return false
}
