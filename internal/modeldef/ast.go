// Package modeldef reads, checks, formats and previews FlexNet Embedded model
// definitions: the text that defines a server's named license pools
// (partitions) and the rules that send clients to them.
//
// The grammar is the one the server documents:
//
//	model "NAME" {
//	    partitions {
//	        partition "P" {
//	            "FEATURE" VERSION AMOUNT
//	        }
//	    }
//	    on MATCHER {
//	        use "P", "default"
//	        accept
//	    }
//	}
//
// Validate is the entry point for an editor or an upload: it reports every
// problem it can find at once, each with a line and a column.
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
	Name       string
	Pos        Pos
	Partitions []Partition
	Rules      []Rule
}

// Partition is a named license pool and the features it takes.
type Partition struct {
	Name     string
	Pos      Pos
	Features []Feature
}

// Feature is one line of a partition: a feature name and version, and how
// much of it the pool takes.
type Feature struct {
	Name string
	// Version is kept as written (digits separated by dots) so that the
	// formatter gives it back unchanged and "3.2" is matched as the server
	// lists it.
	Version string
	Amount  Amount
	Pos     Pos
}

// AmountKind says how a partition's share of a feature is written.
type AmountKind string

const (
	Count     AmountKind = "count"     // an exact number of licenses
	Percent   AmountKind = "percent"   // a share of the feature's total count
	Remainder AmountKind = "remainder" // what the other partitions leave
)

// Amount is a partition's share of a feature. Value is the count or the
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
)

// Rule sends the clients its matcher selects to the pools it uses. Rules are
// evaluated in order; the first that matches decides.
type Rule struct {
	Matcher Expr
	Use     []string
	// UsePos[i] is where Use[i] is written, so that an unknown pool is
	// reported on its own name.
	UsePos []Pos
	// Action is empty when the rule has neither accept nor deny; Validate
	// reports that.
	Action Action
	Pos    Pos // the "on" keyword
}

// Expr is a matcher expression: a *Matcher, *Not or *Binary. A parsed rule
// never holds a nil Expr.
type Expr interface{ isExpr() }

// MatcherKind names one of the server's matcher functions.
type MatcherKind string

const (
	HostID     MatcherKind = "hostid"
	HostName   MatcherKind = "hostname"
	HostType   MatcherKind = "hosttype"
	Dictionary MatcherKind = "dictionary"
	Any        MatcherKind = "any"
)

// Matcher is a call such as hostid("7A7A77AAA77A/ETHERNET").
type Matcher struct {
	Kind MatcherKind
	Args []Arg
}

// Arg is one argument of a matcher. For hostid, hostname and hosttype only
// Value is set; a hostid value keeps its "/TYPE" suffix as written. For
// dictionary, Key is set and either Value or AnyValue (written *).
type Arg struct {
	Key      string
	Value    string
	AnyValue bool
	Pos      Pos
}

// Not negates its operand.
type Not struct {
	X Expr
}

// Op is a binary boolean operator.
type Op string

const (
	And Op = "AND"
	Or  Op = "OR"
)

// Binary combines two expressions with AND or OR. Parentheses are not kept:
// the tree's shape is what they meant, and Format writes back the ones it
// needs.
type Binary struct {
	Op Op
	X  Expr
	Y  Expr
}

func (*Matcher) isExpr() {}
func (*Not) isExpr()     {}
func (*Binary) isExpr()  {}
