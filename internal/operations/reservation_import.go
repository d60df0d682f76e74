package operations

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"sync"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/reservations"
)

// ImportPreviewResult is an import file read and checked against the
// server. Token names it for ApplyImport; Cancelled is true (and the rest
// empty) when the user closed the file dialog.
type ImportPreviewResult struct {
	// Preview is a named field, not embedded: the Wails binding generator
	// drops the nested types of an embedded struct from another package.
	Preview   reservations.ImportPreview `json:"preview"`
	Token     string                     `json:"token"`
	FileName  string                     `json:"fileName"`
	Cancelled bool                       `json:"cancelled"`
}

// GroupMessage says why a group was skipped, failed or not sent, or what
// name the server gave a group the file did not name. Group is the group's
// name or, for a group without one, its label (see
// reservations.ImportGroup.Label). OriginalJSON is set when a replaced
// group could be neither replaced nor restored.
type GroupMessage struct {
	Group        string `json:"group"`
	Message      string `json:"message"`
	OriginalJSON string `json:"originalJson"`
	KeptIn       string `json:"keptIn"`
}

// ImportReport is the outcome of an import so far. An import that stopped
// (Stopped) lists the groups it did not reach in NotSent; applying the same
// preview again sends only those, and the report then covers both runs.
type ImportReport struct {
	Imported      int            `json:"imported"`
	Replaced      int            `json:"replaced"`
	Skipped       int            `json:"skipped"`
	SkippedGroups []GroupMessage `json:"skippedGroups"`
	// Named lists the imported groups the file gave no name, each with the
	// name the server gave it.
	Named   []GroupMessage `json:"named"`
	Failed  []GroupMessage `json:"failed"`
	NotSent []GroupMessage `json:"notSent"`
	Stopped *Stopped       `json:"stopped"`
	// Replace is the choice the import runs with: groups whose names exist
	// on the server are replaced, or kept and their namesakes skipped.
	Replace bool `json:"replace"`
}

// CancelledImport is the preview of a file dialog the user closed.
func CancelledImport() ImportPreviewResult {
	return ImportPreviewResult{Cancelled: true, Preview: reservations.ImportPreview{
		Groups: []reservations.ImportGroup{}, Errors: []reservations.Problem{}, Warnings: []reservations.Problem{},
		Keep: reservations.Plan(nil, nil, false), Replace: reservations.Plan(nil, nil, true),
	}}
}

// imports keeps the last import file checked: ApplyImport imports what was
// checked here, never a copy sent back by the UI, and remembers what it
// already did with it.
type imports struct {
	mu   sync.Mutex
	last *importRun
}

type importRun struct {
	preview ImportPreviewResult
	started bool
	// done marks the groups of the file (by index) the import is through
	// with: imported, replaced, refused or skipped.
	done   map[int]bool
	report ImportReport
}

// PreviewImport checks an import file against the server's groups and
// keeps it under a new token.
func (r *Reservations) PreviewImport(ctx context.Context, srv ReservationServer, fileName string, data []byte) (ImportPreviewResult, error) {
	existing, err := srv.ReservationGroups(ctx)
	if err != nil {
		return ImportPreviewResult{}, err
	}
	token, err := newImportToken()
	if err != nil {
		return ImportPreviewResult{}, err
	}
	out := ImportPreviewResult{Preview: reservations.Import(data, existing), Token: token, FileName: fileName}
	r.imports.mu.Lock()
	r.imports.last = &importRun{preview: out, done: map[int]bool{},
		report: ImportReport{SkippedGroups: []GroupMessage{}, Named: []GroupMessage{}, Failed: []GroupMessage{}, NotSent: []GroupMessage{}}}
	r.imports.mu.Unlock()
	return out, nil
}

func newImportToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", apperr.Wrap(err, apperr.Internal, "Cannot make an import token: %v", err)
	}
	return hex.EncodeToString(b), nil
}

// ApplyImport imports the file previewed under token. Groups whose names
// exist on the server are replaced when replace is set (with the same
// restore-on-failure as Edit) and skipped otherwise. The plan is made again
// against the server as it is now, since it may have changed since the
// preview; groups an earlier run of the same import went through are not
// sent again.
func (r *Reservations) ApplyImport(ctx context.Context, srv ReservationServer, token string, replace bool) (ImportReport, error) {
	r.imports.mu.Lock()
	defer r.imports.mu.Unlock()
	run := r.imports.last
	if run == nil || run.preview.Token != token {
		return ImportReport{}, apperr.New(apperr.NotFound, "This import preview is no longer current; open the file again.")
	}
	if run.started && run.report.Replace != replace {
		return ImportReport{}, apperr.New(apperr.Conflict, "This import has begun with a different choice for groups that exist on the server; continue it as it began, or open the file again.")
	}
	existing, err := srv.ReservationGroups(ctx)
	if err != nil {
		return ImportReport{}, err
	}
	if err := refuseWhileModelActive(ctx, srv); err != nil {
		return ImportReport{}, err
	}
	groups := run.preview.Preview.Groups
	plan := reservations.Plan(groups, existing, replace)
	byID := map[int64]reservations.Group{}
	for _, g := range existing {
		byID[g.ID] = g
	}
	// Replacements go first: the plan counts on the hosts they free.
	var todo []reservations.GroupAction
	for _, kind := range []reservations.Action{reservations.ActionReplace, reservations.ActionCreate} {
		for _, a := range plan.Actions {
			if a.Action == kind && !run.done[a.Index] {
				todo = append(todo, a)
			}
		}
	}
	rep := run.report
	rep.Replace = replace
	rep.SkippedGroups, rep.Named, rep.Failed = slices.Clone(rep.SkippedGroups), slices.Clone(rep.Named), slices.Clone(rep.Failed)
	rep.NotSent, rep.Stopped = []GroupMessage{}, nil
	done := maps.Clone(run.done)
	b := newBatch(ctx, len(todo), "groups")
	defer r.list.invalidate()
	for _, a := range todo {
		g := groups[a.Index].Group
		if !b.next(a.Label) {
			rep.NotSent = append(rep.NotSent, GroupMessage{Group: a.Label, Message: b.notSent()})
			continue
		}
		step, err := r.importOne(ctx, srv, a, g, byID[a.Replaces])
		m, touched := step.failed, step.touched
		switch {
		case m == nil:
			done[a.Index] = true
			if a.Action == reservations.ActionCreate {
				rep.Imported++
			} else {
				rep.Replaced++
			}
			if g.Name == "" {
				rep.Named = append(rep.Named, GroupMessage{Group: a.Label, Message: fmt.Sprintf("The server named it %q.", step.stored)})
			}
			b.end(err)
		case touched:
			// The server's group may have changed: whatever came after,
			// this group is reported (with its definition when it may be
			// lost) and never sent again.
			done[a.Index] = true
			rep.Failed = append(rep.Failed, *m)
			b.end(err)
		case unknown(err):
			// Its answer was lost, and the server does not have it: it is
			// sent again when the import continues.
			rep.NotSent = append(rep.NotSent, *m)
			b.end(err)
		case b.failed(err) != nil:
			// Nothing of this run happened: the caller may repair the cause
			// and apply again, which starts where the import stands.
			return ImportReport{}, err
		case b.stop != nil && notDone(err):
			rep.NotSent = append(rep.NotSent, GroupMessage{Group: a.Label, Message: b.notSent()})
		default:
			done[a.Index] = true
			rep.Failed = append(rep.Failed, *m)
		}
	}
	for _, a := range plan.Actions {
		if a.Action == reservations.ActionSkip && !done[a.Index] {
			done[a.Index] = true
			rep.Skipped++
			rep.SkippedGroups = append(rep.SkippedGroups, GroupMessage{Group: a.Label, Message: a.Reason})
		}
	}
	b.finish()
	rep.Stopped = b.stopped()
	run.started, run.report, run.done = true, rep, done
	return rep, nil
}

// importStep is what one create or replace of an import did: failed is
// nil when the group went through, and then stored is the name the server
// gave it; touched says the server's groups may have changed on the way (a
// lost answer, a delete).
type importStep struct {
	failed  *GroupMessage
	touched bool
	stored  string
}

// importOne carries out one create or replace of an import plan, with the
// error that ends the batch, if any. Failures name the group by a.Label.
func (r *Reservations) importOne(ctx context.Context, srv ReservationServer, a reservations.GroupAction, g, orig reservations.Group) (importStep, error) {
	fail := func(msg string) *GroupMessage { return &GroupMessage{Group: a.Label, Message: msg} }
	if a.Action == reservations.ActionCreate {
		stored, err := srv.AddReservationGroup(ctx, g)
		switch {
		case unknown(err):
			res := created(ctx, srv, g, err)
			if res.OK {
				return importStep{touched: true, stored: res.Group}, err
			}
			return importStep{failed: fail(res.Message), touched: res.Unknown}, err
		case err != nil:
			return importStep{failed: fail(apperr.From(err).Message)}, err
		}
		return importStep{stored: stored.Name}, nil
	}
	rp, err := replaceGroup(ctx, srv, r.shelf, orig, g)
	switch {
	case err != nil:
		return importStep{failed: fail(apperr.From(err).Message)}, err
	case rp.outcome == OutcomeReplaced:
		return importStep{touched: true, stored: rp.stored.Name}, rp.stop
	}
	m := fail(rp.message)
	if rp.outcome.mayBeLost() {
		m.OriginalJSON, m.KeptIn = rp.definition, rp.kept
	}
	return importStep{failed: m, touched: rp.outcome != OutcomeUnchanged}, rp.stop
}
