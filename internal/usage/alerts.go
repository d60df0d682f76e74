package usage

import "time"

// Condition is a rule's test at one moment, and Hold how long it must stay
// so before an alert opens, and stay otherwise before it clears: the same
// time both ways, so that a value hovering at a threshold does not flap.
type Condition struct {
	Hold time.Duration
}

// AlertState is where one rule stands for one subject (a feature, a
// server). It is a value: the caller keeps it between readings.
type AlertState struct {
	// Open says the alert is raised.
	Open bool `json:"open"`
	// Since is when the condition last changed to what it is now; the zero
	// time before the first reading.
	Since time.Time `json:"since"`
	// Holding is the condition's value since Since.
	Holding bool `json:"holding"`
	// OpenedAt is when the open alert was raised.
	OpenedAt time.Time `json:"openedAt"`
}

// Change is what a reading did to an alert.
type Change int

const (
	Unchanged Change = iota
	Opened
	Cleared
)

// Step applies one reading (the condition true or false at now) to st. An
// alert opens once the condition has held for Hold, and clears once it has
// been false for Hold; with no Hold it follows each reading.
func (c Condition) Step(st AlertState, holds bool, now time.Time) (AlertState, Change) {
	if st.Since.IsZero() || holds != st.Holding {
		st.Since, st.Holding = now, holds
	}
	held := now.Sub(st.Since) >= c.Hold
	switch {
	case !st.Open && holds && held:
		st.Open, st.OpenedAt = true, st.Since.Add(c.Hold)
		return st, Opened
	case st.Open && !holds && held:
		st.Open, st.OpenedAt = false, time.Time{}
		return st, Cleared
	}
	return st, Unchanged
}
