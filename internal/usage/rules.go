package usage

import (
	"fmt"
	"strings"
	"time"
)

// RuleKind names one alert rule.
type RuleKind string

// The rules every profile is checked against.
const (
	// RuleBusy: a feature's utilisation at or above a threshold for a time.
	RuleBusy RuleKind = "busy"
	// RuleFull: every seat of a counted feature in use.
	RuleFull RuleKind = "full"
	// RuleExpiry: an increment of a feature ends within some days.
	RuleExpiry RuleKind = "expiry"
	// RuleUnreachable: the server did not answer for a time.
	RuleUnreachable RuleKind = "unreachable"
	// RuleOverdraft: seats beyond the feature's count are in use.
	RuleOverdraft RuleKind = "overdraft"
)

// Rules are the alert rules: global values with per-feature overrides.
type Rules struct {
	Busy        BusyRule        `json:"busy"`
	Full        Toggle          `json:"full"`
	Expiry      ExpiryRule      `json:"expiry"`
	Unreachable UnreachableRule `json:"unreachable"`
	Overdraft   Toggle          `json:"overdraft"`
	// Features override the busy threshold, or turn alerts off, for the
	// features they name (by feature name, any version).
	Features []FeatureRule `json:"features"`
}

// Toggle is a rule with nothing to set but whether it applies.
type Toggle struct {
	On bool `json:"on"`
}

// BusyRule raises an alert when utilisation stays at or above Percent for
// Minutes.
type BusyRule struct {
	On      bool `json:"on"`
	Percent int  `json:"percent"`
	Minutes int  `json:"minutes"`
}

// ExpiryRule raises an alert when an increment ends within Days.
type ExpiryRule struct {
	On   bool `json:"on"`
	Days int  `json:"days"`
}

// UnreachableRule raises an alert when the server has not answered for
// Minutes.
type UnreachableRule struct {
	On      bool `json:"on"`
	Minutes int  `json:"minutes"`
}

// FeatureRule is one feature's own busy threshold; Off silences every
// alert about the feature.
type FeatureRule struct {
	Feature string `json:"feature"`
	Off     bool   `json:"off"`
	Percent int    `json:"percent"`
	Minutes int    `json:"minutes"`
}

// DefaultRules are what a new installation alerts on.
func DefaultRules() Rules {
	return Rules{
		Busy:        BusyRule{On: true, Percent: 90, Minutes: 15},
		Full:        Toggle{On: true},
		Expiry:      ExpiryRule{On: true, Days: 30},
		Unreachable: UnreachableRule{On: true, Minutes: 10},
		Overdraft:   Toggle{On: true},
		Features:    []FeatureRule{},
	}
}

// Bounds of the rules' numbers.
const (
	MaxRuleMinutes = 24 * 60
	MaxExpiryDays  = 365
)

// RuleProblem is one invalid value of a rule set: the field it is in
// ("busy.percent", "features.2.minutes") and why.
type RuleProblem struct {
	Field, Message string
}

// Check lists what is wrong with r.
func (r Rules) Check() []RuleProblem {
	var out []RuleProblem
	percent := func(field string, v int) {
		if v < 1 || v > 100 {
			out = append(out, RuleProblem{field, "A utilisation threshold is a percentage from 1 to 100."})
		}
	}
	minutes := func(field string, v int) {
		if v < 0 || v > MaxRuleMinutes {
			out = append(out, RuleProblem{field, fmt.Sprintf("A time is from 0 to %d minutes.", MaxRuleMinutes)})
		}
	}
	percent("busy.percent", r.Busy.Percent)
	minutes("busy.minutes", r.Busy.Minutes)
	minutes("unreachable.minutes", r.Unreachable.Minutes)
	if r.Expiry.Days < 1 || r.Expiry.Days > MaxExpiryDays {
		out = append(out, RuleProblem{"expiry.days", fmt.Sprintf("The expiry warning is from 1 to %d days ahead.", MaxExpiryDays)})
	}
	seen := map[string]bool{}
	for i, f := range r.Features {
		field := fmt.Sprintf("features.%d", i)
		name := strings.TrimSpace(f.Feature)
		switch {
		case name == "":
			out = append(out, RuleProblem{field + ".feature", "Name the feature the rule is for."})
		case seen[strings.ToLower(name)]:
			out = append(out, RuleProblem{field + ".feature", fmt.Sprintf("%s has a rule already.", name)})
		}
		seen[strings.ToLower(name)] = true
		if !f.Off {
			percent(field+".percent", f.Percent)
			minutes(field+".minutes", f.Minutes)
		}
	}
	return out
}

// ForFeature is the busy rule of a feature and whether it is alerted on at
// all.
func (r Rules) ForFeature(name string) (BusyRule, bool) {
	for _, f := range r.Features {
		if strings.EqualFold(strings.TrimSpace(f.Feature), name) {
			return BusyRule{On: r.Busy.On, Percent: f.Percent, Minutes: f.Minutes}, !f.Off
		}
	}
	return r.Busy, true
}

// Reading is one sample as the rules see it: whether the server answered
// and, when it did, its features.
type Reading struct {
	At        time.Time
	Reachable bool
	Features  []FeatureUse
}

// Subject names what an alert is about: a feature ("name version"), or
// the server itself ("").
func Subject(name, version string) string { return name + " " + version }

// StateKey identifies one rule's state for one subject.
type StateKey struct {
	Rule    RuleKind `json:"rule"`
	Subject string   `json:"subject"`
}

// Event is an alert that a reading opened or cleared.
type Event struct {
	Key     StateKey
	Change  Change
	At      time.Time
	Message string
}

// Evaluate steps every rule for every subject of the reading and returns
// the new states and what opened or cleared. A subject missing from the
// reading (a feature gone from the server, or every feature while the
// server is unreachable) keeps its state: nothing is known about it now.
// A rule turned off clears what it had open.
func Evaluate(r Rules, states map[StateKey]AlertState, rd Reading) (map[StateKey]AlertState, []Event) {
	next := make(map[StateKey]AlertState, len(states))
	for k, st := range states {
		next[k] = st
	}
	var events []Event
	step := func(k StateKey, on bool, c Condition, holds bool, message string) {
		st := next[k]
		if !on {
			holds, c = false, Condition{}
			if !st.Open {
				delete(next, k)
				return
			}
		}
		st, ch := c.Step(st, holds, rd.At)
		next[k] = st
		if ch != Unchanged {
			events = append(events, Event{Key: k, Change: ch, At: rd.At, Message: message})
		}
		if !st.Open && !st.Holding {
			delete(next, k)
		}
	}
	minutes := func(m int) time.Duration { return time.Duration(m) * time.Minute }
	step(StateKey{RuleUnreachable, ""}, r.Unreachable.On, Condition{Hold: minutes(r.Unreachable.Minutes)}, !rd.Reachable,
		fmt.Sprintf("The server has not answered for %d minutes.", r.Unreachable.Minutes))
	if !rd.Reachable {
		return next, events
	}
	for _, f := range rd.Features {
		subject := Subject(f.Name, f.Version)
		busy, alerted := r.ForFeature(f.Name)
		util := f.Utilisation()
		step(StateKey{RuleBusy, subject}, alerted && busy.On && f.Counted, Condition{Hold: minutes(busy.Minutes)},
			util*100 >= float64(busy.Percent),
			fmt.Sprintf("%s is at %d of %d seats, %d%% or more for %d minutes.", subject, f.Used, f.Total, busy.Percent, busy.Minutes))
		step(StateKey{RuleFull, subject}, alerted && r.Full.On && f.Counted, Condition{}, f.Counted && f.Total > 0 && f.Used >= f.Total,
			fmt.Sprintf("Every seat of %s is in use (%d of %d): new requests may be denied.", subject, f.Used, f.Total))
		expiring := !f.Earliest.IsZero() && f.Earliest.Before(rd.At.AddDate(0, 0, r.Expiry.Days))
		step(StateKey{RuleExpiry, subject}, alerted && r.Expiry.On, Condition{}, expiring,
			fmt.Sprintf("An increment of %s ends on %s.", subject, f.Earliest.Format("2006-01-02")))
		step(StateKey{RuleOverdraft, subject}, alerted && r.Overdraft.On, Condition{}, f.Overdraft > 0,
			fmt.Sprintf("%s uses %d overdraft seats beyond its %d.", subject, f.Overdraft, f.Total))
	}
	return next, events
}
