package modeldef

import (
	"errors"
	"fmt"
)

// Severity tells whether a diagnostic stops an upload.
type Severity string

const (
	// SeverityError marks a model the server would refuse or misread.
	SeverityError Severity = "error"
	// SeverityWarning marks a model that loads but probably does not do
	// what its author meant.
	SeverityWarning Severity = "warning"
)

// Diagnostic is one problem found in a model definition. EndColumn is the
// column just after the offending text on the same line (the end is
// exclusive, as editors mark ranges), or 0 when there is no single token to
// underline.
type Diagnostic struct {
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndColumn int      `json:"endColumn"`
	Severity  Severity `json:"severity"`
	Message   string   `json:"message"`
	// Fix, when set, is the one edit that corrects the problem, for an
	// editor to offer as one click.
	Fix *Fix `json:"fix,omitempty"`
}

// Fix replaces the text of one line from Column up to EndColumn (exclusive,
// in runes) with Text.
type Fix struct {
	Label     string `json:"label"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndColumn int    `json:"endColumn"`
	Text      string `json:"text"`
}

// String gives the diagnostic as a user reads it in a list:
// `line 4, column 12: expected a version such as 3.2, found "abc"`.
func (d Diagnostic) String() string {
	if d.Severity == SeverityWarning {
		return fmt.Sprintf("line %d, column %d: warning: %s", d.Line, d.Column, d.Message)
	}
	return fmt.Sprintf("line %d, column %d: %s", d.Line, d.Column, d.Message)
}

// Short gives the diagnostic as compilers print it after a file name:
// `4:12: error: expected a version such as 3.2, found "abc"`.
func (d Diagnostic) Short() string {
	return fmt.Sprintf("%d:%d: %s: %s", d.Line, d.Column, d.Severity, d.Message)
}

// HasErrors reports whether any diagnostic is an error (warnings do not
// stop an upload).
func HasErrors(diags []Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == SeverityError {
			return true
		}
	}
	return false
}

// maxSyntaxErrors bounds what one parse reports: past it the rest is mostly
// fallout of the first mistakes, and a 900 KB file of garbage must still
// answer quickly.
const maxSyntaxErrors = 50

// errTooMany stops the lexer and parser once maxSyntaxErrors is reached.
var errTooMany = errors.New("too many syntax errors")

// reporter collects the syntax diagnostics of one parse. It keeps one error
// per line: a second one on the same line is nearly always a consequence of
// the first, and showing it would only bury the real mistake.
type reporter struct {
	diags     []Diagnostic
	errors    int
	errLines  map[int]bool
	truncated bool
}

func (r *reporter) errorAt(pos Pos, end int, format string, args ...any) {
	r.fixable(pos, end, nil, format, args...)
}

// fixable reports an error that fix corrects (nil: no fix).
func (r *reporter) fixable(pos Pos, end int, fix *Fix, format string, args ...any) {
	if r.errLines[pos.Line] {
		return
	}
	if r.errors >= maxSyntaxErrors {
		if !r.truncated {
			r.truncated = true
			r.diags = append(r.diags, Diagnostic{Line: pos.Line, Column: pos.Column, Severity: SeverityError,
				Message: "too many errors; correct the ones above and validate again"})
		}
		panic(errTooMany)
	}
	if r.errLines == nil {
		r.errLines = map[int]bool{}
	}
	r.errLines[pos.Line] = true
	r.errors++
	r.diags = append(r.diags, Diagnostic{Line: pos.Line, Column: pos.Column, EndColumn: end,
		Severity: SeverityError, Message: fmt.Sprintf(format, args...), Fix: fix})
}

func (r *reporter) warnAt(pos Pos, end int, format string, args ...any) {
	r.diags = append(r.diags, Diagnostic{Line: pos.Line, Column: pos.Column, EndColumn: end,
		Severity: SeverityWarning, Message: fmt.Sprintf(format, args...)})
}
