package operations

import (
	"context"
	"fmt"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/reservations"
)

// GroupResult is what happened to one group of a submit or delete. Code
// and Message are set when it failed, with the server's own words;
// NotSent marks a group the batch stopped before, Unknown one whose answer
// was lost when the server could not be asked again. Rows are the
// positions, in the pending table submitted, of the rows that make the
// group.
type GroupResult struct {
	Group   string      `json:"group"`
	ID      int64       `json:"id"`
	Rows    []int       `json:"rows"`
	OK      bool        `json:"ok"`
	NotSent bool        `json:"notSent"`
	Unknown bool        `json:"unknown"`
	Code    apperr.Code `json:"code,omitempty"`
	Message string      `json:"message"`
}

// SubmitReport is the outcome of Submit, one result per group.
type SubmitReport struct {
	Results []GroupResult `json:"results"`
	Created int           `json:"created"`
	Failed  int           `json:"failed"`
	Stopped *Stopped      `json:"stopped"`
}

// DeleteReport is the outcome of Delete, one result per group.
type DeleteReport struct {
	Results []GroupResult `json:"results"`
	Deleted int           `json:"deleted"`
	Failed  int           `json:"failed"`
	Stopped *Stopped      `json:"stopped"`
}

// EditReport is the outcome of an edit in place: what is on the server now
// (Outcome, with the group there in Group) and, whatever happened, the
// original group's definition in the import format (OriginalJSON), taken
// before anything was deleted, so that nothing can be lost. When the
// original may be missing from the server, KeptIn is the file that holds
// its definition.
type EditReport struct {
	Outcome      Outcome            `json:"outcome"`
	Group        reservations.Group `json:"group"`
	Message      string             `json:"message"`
	OriginalJSON string             `json:"originalJson"`
	KeptIn       string             `json:"keptIn"`
}

func groupFailed(name string, id int64, err error) GroupResult {
	e := apperr.From(err)
	return GroupResult{Group: name, ID: id, Code: e.Code, Message: e.Message}
}

func groupNotSent(name string, id int64, b *batch) GroupResult {
	return GroupResult{Group: name, ID: id, NotSent: true, Code: apperr.CodeOf(b.stop), Message: b.notSent()}
}

// Submit creates the pending table's groups, one request per group, each
// accepted or refused whole by the server; nothing is retried. Invalid
// entries give invalid_input with a problem per row, an active model
// definition gives conflict, and nothing is sent in either case.
func (r *Reservations) Submit(ctx context.Context, srv ReservationServer, pending []reservations.PendingEntry) (SubmitReport, error) {
	if len(pending) == 0 {
		return SubmitReport{}, apperr.Invalid(apperr.FieldProblem("entries", apperr.ItemRequired, "Add at least one reservation entry."))
	}
	existing, err := srv.ReservationGroups(ctx)
	if err != nil {
		return SubmitReport{}, err
	}
	groups, problems := reservations.FromPending(pending, existing)
	if len(problems) > 0 {
		return SubmitReport{}, apperr.Invalid(problems...)
	}
	if err := refuseWhileModelActive(ctx, srv); err != nil {
		return SubmitReport{}, err
	}
	rowsOf := make([][]int, len(groups))
	for row, g := range reservations.RowGroups(pending) {
		rowsOf[g] = append(rowsOf[g], row)
	}
	rep := SubmitReport{Results: []GroupResult{}}
	b := newBatch(ctx, len(groups), "groups")
	defer r.list.invalidate()
	for i, g := range groups {
		var res GroupResult
		if !b.next(g.Name) {
			res = groupNotSent(g.Name, 0, b)
		} else if stored, err := srv.AddReservationGroup(ctx, g); unknown(err) {
			res = created(ctx, srv, g, err)
			b.end(err)
		} else if err != nil {
			if first := b.failed(err); first != nil {
				return SubmitReport{}, first
			}
			res = groupFailed(g.Name, 0, err)
			res.NotSent = b.stop != nil && notDone(err)
		} else {
			res = GroupResult{Group: g.Name, ID: stored.ID, OK: true}
		}
		res.Rows = rowsOf[i]
		rep.Results = append(rep.Results, res)
	}
	for _, res := range rep.Results {
		if !res.OK {
			rep.Failed++
		}
	}
	rep.Created = len(rep.Results) - rep.Failed
	b.finish()
	rep.Stopped = b.stopped()
	return rep, nil
}

// Delete deletes the groups, each on its own; the report says which went.
func (r *Reservations) Delete(ctx context.Context, srv ReservationServer, ids []int64) (DeleteReport, error) {
	if len(ids) == 0 {
		return DeleteReport{}, apperr.New(apperr.InvalidInput, "Select the reservation groups to delete.")
	}
	existing, err := srv.ReservationGroups(ctx)
	if err != nil {
		return DeleteReport{}, err
	}
	names := map[int64]string{}
	for _, g := range existing {
		names[g.ID] = g.Name
	}
	rep := DeleteReport{Results: []GroupResult{}}
	b := newBatch(ctx, len(ids), "groups")
	// A deletion makes no pending rows; the UI reads Rows as a list.
	none := []int{}
	defer r.list.invalidate()
	for _, id := range ids {
		name, ok := names[id]
		if !ok {
			rep.Results = append(rep.Results, GroupResult{ID: id, Rows: none, Code: apperr.NotFound, Message: fmt.Sprintf("Reservation group %d is no longer on the server.", id)})
			rep.Failed++
			continue
		}
		var res GroupResult
		if !b.next(name) {
			res = groupNotSent(name, id, b)
		} else if err := srv.DeleteReservationGroup(ctx, id); unknown(err) {
			res = deleted(ctx, srv, name, id, err)
			b.end(err)
		} else if err != nil {
			if first := b.failed(err); first != nil {
				return DeleteReport{}, first
			}
			res = groupFailed(name, id, err)
			res.NotSent = b.stop != nil && notDone(err)
		} else {
			res = GroupResult{Group: name, ID: id, OK: true}
		}
		res.Rows = none
		rep.Results = append(rep.Results, res)
		if res.OK {
			rep.Deleted++
		} else {
			rep.Failed++
		}
	}
	b.finish()
	rep.Stopped = b.stopped()
	return rep, nil
}

// Edit replaces group id with the entries given, as one operation: the
// server cannot edit a group, so it deletes it and creates the new version.
// If the server refuses the new version, the original is re-created from
// the copy read just before deleting it, and the report says so; if even
// that fails, the report carries the original as JSON and the file it is
// kept in. All entries must
// share one group name (the group may be renamed).
func (r *Reservations) Edit(ctx context.Context, srv ReservationServer, id int64, entries []reservations.PendingEntry) (EditReport, error) {
	if len(entries) == 0 {
		return EditReport{}, apperr.Invalid(apperr.FieldProblem("entries", apperr.ItemRequired, "A group needs at least one reservation entry; use Delete to remove it."))
	}
	existing, err := srv.ReservationGroups(ctx)
	if err != nil {
		return EditReport{}, err
	}
	orig, others, err := splitGroup(existing, id)
	if err != nil {
		return EditReport{}, err
	}
	groups, problems := checkPending(entries, others, true)
	if len(problems) > 0 {
		return EditReport{}, apperr.Invalid(problems...)
	}
	// With a model active the new version would be refused, and so would
	// the original: check before deleting anything.
	if err := refuseWhileModelActive(ctx, srv); err != nil {
		return EditReport{}, err
	}
	rp, err := replaceGroup(ctx, srv, r.shelf, orig, groups[0])
	if err != nil {
		return EditReport{}, err
	}
	r.list.invalidate()
	out := EditReport{Outcome: rp.outcome, Group: rp.stored, Message: rp.message, OriginalJSON: rp.definition, KeptIn: rp.kept}
	if rp.outcome.mayBeLost() {
		out.Group = orig
	}
	return out, nil
}
