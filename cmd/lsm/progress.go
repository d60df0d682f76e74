package main

import (
	"fmt"
	"io"
	"sync"

	"github.com/schollz/progressbar/v3"

	"licenseservermanager/internal/progress"
)

// reporter shows the progress of long operations on stderr, never on
// stdout, which holds only results: a bar on a terminal, a line per step
// and per quarter of the work otherwise (logs of scheduled jobs).
type reporter struct {
	w     io.Writer
	bar   bool
	mu    sync.Mutex
	step  progress.Step
	shown int64 // quarters of the current step already written
	live  *progressbar.ProgressBar
}

func (r *reporter) report(s progress.Step) {
	r.mu.Lock()
	defer r.mu.Unlock()
	// A batch names each item in its message; it is one step all the same.
	same := s.Total == r.step.Total && s.Unit == r.step.Unit && (s.Total > 0 || s.Message == r.step.Message)
	r.step = s
	if r.bar {
		r.drawBar(s, same)
		return
	}
	quarter := int64(0)
	if s.Total > 0 {
		quarter = 4 * s.Done / s.Total
	}
	if same && quarter <= r.shown {
		return
	}
	r.shown = quarter
	if s.Total > 0 {
		fmt.Fprintf(r.w, "lsm: %s: %d of %d %s\n", s.Message, s.Done, s.Total, s.Unit)
	} else {
		fmt.Fprintf(r.w, "lsm: %s\n", s.Message)
	}
}

func (r *reporter) drawBar(s progress.Step, same bool) {
	if !same || r.live == nil {
		r.finishBar()
		total := s.Total
		if total <= 0 {
			total = -1 // a spinner: the amount is not known yet
		}
		opts := []progressbar.Option{progressbar.OptionSetWriter(r.w), progressbar.OptionSetDescription(s.Message),
			progressbar.OptionClearOnFinish(), progressbar.OptionShowCount(), progressbar.OptionThrottle(0)}
		if s.Unit == "bytes" {
			opts = append(opts, progressbar.OptionShowBytes(true))
		}
		r.live = progressbar.NewOptions64(total, opts...)
	}
	r.live.Describe(s.Message)
	_ = r.live.Set64(s.Done)
}

func (r *reporter) finishBar() {
	if r.live != nil {
		_ = r.live.Finish()
		r.live = nil
	}
}

// done clears a bar that is still drawn.
func (r *reporter) done() {
	r.mu.Lock()
	r.finishBar()
	r.mu.Unlock()
}
