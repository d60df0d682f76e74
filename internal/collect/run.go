package collect

import (
	"context"
	"time"
)

// Clock is the loop's time; tests give it a fake one.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

// SystemClock is the real time.
type SystemClock struct{}

// Now is time.Now.
func (SystemClock) Now() time.Time { return time.Now() }

// After is time.After.
func (SystemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Run collects a round at once and then at every multiple of the plan's
// interval (so that the samples of the app and of a scheduled task fall in
// the same slots), until ctx ends. plan is asked each round, so a change of
// the settings applies from the next one; round hears of every round.
func (c *Collector) Run(ctx context.Context, clock Clock, plan func() Plan, round func([]Result)) {
	for {
		p := plan()
		results := c.Collect(ctx, p)
		if ctx.Err() != nil {
			return
		}
		round(results)
		interval := p.Interval
		if interval < time.Minute {
			interval = time.Minute
		}
		now := clock.Now()
		next := now.Truncate(interval).Add(interval)
		select {
		case <-ctx.Done():
			return
		case <-clock.After(next.Sub(now)):
		}
	}
}
