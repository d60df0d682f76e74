// Package modeldef reads, checks, formats and previews FlexNet Embedded model
// definitions: the text that defines a server's named license pools
// (written "partition" in the language) and the rules that send clients to
// them.
//
// The grammar is the vendor's (see MODEL-GRAMMAR.md in the project's shared
// notes): lowercase keywords, quoted names, a flat condition of terms joined
// by and/or, and a rule body of optional parts in a fixed order.
//
//	model "NAME" {
//	    partitions {                          // optional
//	        partition "P" {
//	            "FEATURE" 1.0 10              // or 60%, or remainder
//	            "OTHER" 2.0 5 vendor string matches "V"
//	        }
//	    }
//	    on hostid("A/ETHERNET") and not hostname("b") {
//	        use "P", "default"                // optional
//	        without requested features {      // optional
//	            all from "P"                  // or feature specs
//	        }
//	        accept                            // or deny, continue; optional
//	    }
//	}
//
// Validate is the entry point for an editor, an upload or a script: it
// reports every problem it can find at once, each with a line and a column.
// An error is what the server's grammar or its documented rules refuse;
// everything else that deserves attention is a warning, which never blocks
// an upload.
package modeldef

// Pos is a place in the source: 1-based line, and 1-based column counted in
// runes (not bytes), which is what an editor shows.
type Pos struct {
	Line   int
	Column int
}

// Model is a parsed model definition. Positions point at the name strings,
// which is where a diagnostic about a name belongs.
type Model struct {
	Name string
	Pos  Pos
	// PoolsBlock tells whether the model has a partitions block, which is
	// optional and may be empty; PoolsPos is its keyword.
	PoolsBlock bool
	PoolsPos   Pos
	Pools      []Pool
	Rules      []Rule
}

// Pool is a named license pool and the features it takes.
type Pool struct {
	Name     string
	Pos      Pos
	Features []FeatureSpec
}

// FeatureSpec names a feature and how much of it a pool takes (or, in a
// rule's without-requested-features clause, how much the server hands out).
type FeatureSpec struct {
	Name string
	// Version is INT or INT.INT as written, without spaces, so that the
	// formatter gives it back unchanged and "3.2" is matched as the server
	// lists it.
	Version string
	Amount  Amount
	// Vendor is the vendor string the feature must match, when HasVendor.
	Vendor    string
	HasVendor bool
	Pos       Pos
}

// AmountKind says how a pool's share of a feature is written.
type AmountKind string

const (
	Count     AmountKind = "count"     // an exact number of licenses
	Percent   AmountKind = "percent"   // a share of the feature's total count
	Remainder AmountKind = "remainder" // what the pools before leave
)

// Amount is a pool's share of a feature. Value is the count or the
// percentage; it is 0 for Remainder.
type Amount struct {
	Kind  AmountKind
	Value int64
	Pos   Pos
}

// Action is what a rule does with a matching client.
type Action string

const (
	Accept Action = "accept"
	Deny   Action = "deny"
	// Continue adds the rule's pools and goes on to the later rules.
	Continue Action = "continue"
)

// Rule sends the clients its condition selects to the pools it uses. Every
// part of the body is optional: `on any() {}` parses.
type Rule struct {
	Pos  Pos // the "on" keyword
	Cond Cond
	Use  []string
	// UsePos[i] is where Use[i] is written, so that an unknown pool is
	// reported on its own name.
	UsePos []Pos
	// Server is the without-requested-features clause, nil without one.
	Server    *ServerSpec
	Action    Action // "" when the rule has none
	ActionPos Pos
}

// ServerSpec is `without requested features { ... }`: what the server hands
// out to a client that names no features. Either AllFrom lists pools whose
// whole content is handed out, or Features lists the features.
type ServerSpec struct {
	Pos        Pos // the "without" keyword
	AllFrom    []string
	AllFromPos []Pos
	Features   []FeatureSpec
}

// Cond is a rule's condition: terms joined by and/or. The grammar is flat
// (no parentheses) and the server's precedence is not documented, so the
// operators are kept in order, as written: len(Ops) == len(Terms)-1.
type Cond struct {
	Terms []Term
	Ops   []Op
}

// Op joins two terms.
type Op string

const (
	And Op = "and"
	Or  Op = "or"
)

// Term is one condition, negated when Not.
type Term struct {
	Not  bool
	Atom Atom
}

// AtomKind names one of the server's condition functions.
type AtomKind string

const (
	HostID     AtomKind = "hostid"
	HostName   AtomKind = "hostname"
	HostType   AtomKind = "hosttype"
	Dictionary AtomKind = "dictionary"
	Any        AtomKind = "any"
)

// Atom is a call such as hostid("7A7A77AAA77A/ETHERNET").
type Atom struct {
	Kind AtomKind
	Args []Arg
	Pos  Pos
}

// Arg is one argument of an atom. For hostid, hostname and hosttype only
// Value is set; a hostid value keeps its "/TYPE" suffix as written. For
// dictionary, Key is set and either Value or AnyValue (written *).
type Arg struct {
	Key      string
	Value    string
	AnyValue bool
	Pos      Pos
}
