package operations

import (
	"context"
	"fmt"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/reservations"
)

// GroupResult is what happened to one group of a submit or delete. Code
// and Message are set when it failed, with the server's own words;
// NotSent marks a group the batch stopped before. Rows are the positions,
// in the pending table submitted, of the rows that make the group.
type GroupResult struct {
	Group   string      `json:"group"`
	ID      int64       `json:"id"`
	Rows    []int       `json:"rows"`
	OK      bool        `json:"ok"`
	NotSent bool        `json:"notSent"`
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

// EditReport is the outcome of an edit in place. Replaced: the new version
// is on the server (Group). Otherwise Restored says whether the original
// was re-created (Group, with new IDs); if not, OriginalJSON holds it in
// the import format so that nothing is lost.
type EditReport struct {
	Replaced     bool               `json:"replaced"`
	Restored     bool               `json:"restored"`
	Group        reservations.Group `json:"group"`
	Message      string             `json:"message"`
	OriginalJSON string             `json:"originalJson"`
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
		} else if stored, err := srv.AddReservationGroup(ctx, g); err != nil {
			if first := b.failed(err); first != nil {
				return SubmitReport{}, first
			}
			res = groupFailed(g.Name, 0, err)
			res.NotSent = b.stop != nil && notDone(err)
		} else {
			res = GroupResult{Group: g.Name, ID: stored.ID, OK: true}
			rep.Created++
		}
		res.Rows = rowsOf[i]
		rep.Results = append(rep.Results, res)
	}
	rep.Failed = len(rep.Results) - rep.Created
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
		} else if err := srv.DeleteReservationGroup(ctx, id); err != nil {
			if first := b.failed(err); first != nil {
				return DeleteReport{}, first
			}
			res = groupFailed(name, id, err)
			res.NotSent = b.stop != nil && notDone(err)
		} else {
			res = GroupResult{Group: name, ID: id, OK: true}
			rep.Deleted++
		}
		res.Rows = none
		rep.Results = append(rep.Results, res)
		if !res.OK {
			rep.Failed++
		}
	}
	b.finish()
	rep.Stopped = b.stopped()
	return rep, nil
}

// replacement is what replaceGroup did.
type replacement struct {
	stored   reservations.Group // the new group, or the restored original
	addErr   error              // why the new group was refused
	restored bool
	lostErr  error // why the original could not be re-created either
}

// replaceGroup deletes orig and creates next in its place, the server
// having no edit. If next is refused, orig (as read just before) is
// created again. A failed delete changes nothing and is returned as err.
func replaceGroup(ctx context.Context, srv ReservationServer, orig, next reservations.Group) (replacement, error) {
	if err := srv.DeleteReservationGroup(ctx, orig.ID); err != nil {
		return replacement{}, err
	}
	stored, err := srv.AddReservationGroup(ctx, next)
	if err == nil {
		return replacement{stored: stored}, nil
	}
	out := replacement{addErr: err}
	// The restore goes out even when the user cancelled meanwhile: the
	// original must not stay deleted.
	back, rerr := srv.AddReservationGroup(context.WithoutCancel(ctx), orig.WithoutIDs())
	if rerr != nil {
		out.lostErr = rerr
		return out, nil
	}
	out.stored, out.restored = back, true
	return out, nil
}

// message tells the user what a failed replacement left behind.
func (r replacement) message(name string) string {
	refused := apperr.From(r.addErr).Message
	if r.restored {
		return fmt.Sprintf("The new version of %q was refused: %s The original group was re-created as it was.", name, refused)
	}
	return fmt.Sprintf("The new version of %q was refused: %s Re-creating the original failed too: %s Its definition is kept here as JSON; import it to restore it.",
		name, refused, apperr.From(r.lostErr).Message)
}

// Edit replaces group id with the entries given, as one operation: the
// server cannot edit a group, so it deletes it and creates the new version.
// If the server refuses the new version, the original is re-created from
// the copy read just before deleting it, and the report says so; if even
// that fails, the report carries the original as JSON. All entries must
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
	rp, err := replaceGroup(ctx, srv, orig, groups[0])
	if err != nil {
		return EditReport{}, err
	}
	r.list.invalidate()
	if rp.addErr == nil {
		return EditReport{Replaced: true, Group: rp.stored, Message: fmt.Sprintf("Group %q was replaced.", rp.stored.Name)}, nil
	}
	out := EditReport{Restored: rp.restored, Group: rp.stored, Message: rp.message(orig.Name)}
	if !rp.restored {
		out.Group, out.OriginalJSON = orig, string(reservations.Export([]reservations.Group{orig}))
	}
	return out, nil
}
