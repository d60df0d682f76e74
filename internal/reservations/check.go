package reservations

import (
	"cmp"
	"fmt"
	"slices"
)

// Diagnostic is one problem of a reservations file at its place, as a
// command line prints it after the file name.
type Diagnostic struct {
	Line    int
	Column  int
	Warning bool
	Message string
}

// String is the LINE:COL: error|warning: message form.
func (d Diagnostic) String() string {
	severity := "error"
	if d.Warning {
		severity = "warning"
	}
	return fmt.Sprintf("%d:%d: %s: %s", d.Line, d.Column, severity, d.Message)
}

// Check checks a reservations file as Import does, without a server: what
// it says is all that is known before the server's groups are read. The
// errors and warnings come in the file's order, an error before a warning
// at the same place.
func Check(data []byte) []Diagnostic {
	p := parse(data)
	out := make([]Diagnostic, 0, len(p.Errors)+len(p.Warnings))
	for _, e := range p.Errors {
		out = append(out, Diagnostic{Line: e.Line, Column: e.Column, Message: e.Message})
	}
	for _, w := range p.Warnings {
		out = append(out, Diagnostic{Line: w.Line, Column: w.Column, Warning: true, Message: w.Message})
	}
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return out
}
