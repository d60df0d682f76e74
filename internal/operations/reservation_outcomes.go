package operations

import (
	"cmp"
	"context"
	"fmt"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/safekeeping"
)

// lookup is what a read of the server's groups found about one group.
type lookup int

const (
	absent lookup = iota
	present
	unreadable // the server could not be asked again
)

// recheck reads the server's groups again and looks for the one that
// matches.
func recheck(ctx context.Context, srv ReservationServer, match func(reservations.Group) bool) (lookup, reservations.Group) {
	ctx, cancel := recheckContext(ctx)
	defer cancel()
	groups, err := srv.ReservationGroups(ctx)
	if err != nil {
		return unreadable, reservations.Group{}
	}
	for _, g := range groups {
		if match(g) {
			return present, g
		}
	}
	return absent, reservations.Group{}
}

// withID matches the server's group id.
func withID(id int64) func(reservations.Group) bool {
	return func(g reservations.Group) bool { return g.ID == id }
}

// created finds out whether a group whose creation lost its answer is on
// the server: the result of Submit and of an import's create. A group sent
// without a name is found by its host IDs (see Group.StoredAs), and the
// result names it as the server does.
func created(ctx context.Context, srv ReservationServer, g reservations.Group, err error) GroupResult {
	switch found, stored := recheck(ctx, srv, g.StoredAs); found {
	case present:
		return GroupResult{Group: cmp.Or(g.Name, stored.Name), ID: stored.ID, OK: true, Message: "The server's answer was lost, but it has the group: it was created."}
	case absent:
		return GroupResult{Group: g.Name, Code: apperr.OutcomeUnknown, Message: "The server's answer was lost, and it does not have the group: it was not created."}
	}
	return GroupResult{Group: g.Name, Unknown: true, Code: apperr.OutcomeUnknown,
		Message: apperr.From(err).Message + " The server could not be asked again: look at the list before you submit this group again."}
}

// deleted finds out whether a group whose deletion lost its answer is gone.
func deleted(ctx context.Context, srv ReservationServer, name string, id int64, err error) GroupResult {
	switch found, _ := recheck(ctx, srv, withID(id)); found {
	case absent:
		return GroupResult{Group: name, ID: id, OK: true, Message: "The server's answer was lost, but the group is gone: it was deleted."}
	case present:
		return GroupResult{Group: name, ID: id, Code: apperr.OutcomeUnknown, Message: "The server's answer was lost, and it still has the group: it was not deleted."}
	}
	return GroupResult{Group: name, ID: id, Unknown: true, Code: apperr.OutcomeUnknown,
		Message: apperr.From(err).Message + " The server could not be asked again: look at the list to see whether the group is still there."}
}

// Outcome says what an edit in place left on the server.
type Outcome string

const (
	// OutcomeReplaced: the new version is on the server.
	OutcomeReplaced Outcome = "replaced"
	// OutcomeUnchanged: the original was never deleted.
	OutcomeUnchanged Outcome = "unchanged"
	// OutcomeRestored: the new version was refused; the original was
	// re-created as it was (with new IDs).
	OutcomeRestored Outcome = "restored"
	// OutcomeLost: the original was deleted and could not be re-created;
	// only its definition in the report is left.
	OutcomeLost Outcome = "lost"
	// OutcomeUnknown: the server could not be asked what it holds.
	OutcomeUnknown Outcome = "unknown"
)

// replacement is what replaceGroup left on the server.
type replacement struct {
	outcome Outcome
	stored  reservations.Group // the new version or the restored original
	message string
	// stop is the failure that ends a batch (the session, the connection, a
	// lost answer), nil otherwise.
	stop error
	// definition is the original in the import format; kept is the file
	// that holds it while the original may be missing from the server.
	definition string
	kept       string
}

// mayBeLost tells whether the original may be missing from the server.
func (o Outcome) mayBeLost() bool { return o == OutcomeLost || o == OutcomeUnknown }

// replaceGroup deletes orig and creates next in its place, the server
// having no edit. Before anything is sent, orig's definition is kept on
// the shelf; the file stays only when the original may be lost. A delete
// the server refused changes nothing and is returned as err.
func replaceGroup(ctx context.Context, srv ReservationServer, shelf *safekeeping.Shelf, orig, next reservations.Group) (replacement, error) {
	definition := reservations.Export([]reservations.Group{orig})
	kept, err := shelf.Keep(orig.Name, definition)
	if err != nil {
		return replacement{}, err
	}
	rp, err := replaceSteps(ctx, srv, orig, next)
	if err == nil && rp.outcome.mayBeLost() {
		rp.kept = kept
	} else {
		shelf.Release(kept)
	}
	rp.definition = string(definition)
	return rp, err
}

// replaceSteps deletes orig, creates next, and when next is refused
// creates orig (as read just before) again. Every answer that was lost is
// followed by a read of the server, so the replacement reports what is
// there, never what it hoped.
func replaceSteps(ctx context.Context, srv ReservationServer, orig, next reservations.Group) (replacement, error) {
	// A lost answer ends a batch even when the read after it told what
	// happened: the connection that lost it cannot be trusted with more.
	var lost error
	if err := srv.DeleteReservationGroup(ctx, orig.ID); err != nil {
		if !unknown(err) {
			return replacement{}, err
		}
		lost = err
		switch found, _ := recheck(ctx, srv, withID(orig.ID)); found {
		case present:
			return replacement{outcome: OutcomeUnchanged, stored: orig, stop: err,
				message: fmt.Sprintf("The answer to deleting %q was lost, and the server still has it: nothing was changed.", orig.Name)}, nil
		case unreadable:
			return replacement{outcome: OutcomeUnknown, stop: err,
				message: fmt.Sprintf("The answer to deleting %q was lost and the server could not be asked again, so it may be deleted. Its definition is kept here as JSON; if the group is missing from the list, import it to restore it.", orig.Name)}, nil
		}
	}
	stored, err := srv.AddReservationGroup(ctx, next)
	if err == nil {
		return replacement{outcome: OutcomeReplaced, stored: stored, stop: lost, message: fmt.Sprintf("Group %q was replaced.", stored.Name)}, nil
	}
	if unknown(err) {
		// Before the original is created again, the server is asked what
		// it holds: the new version may be there, and a restore then
		// would be refused or, after a rename, leave both.
		switch found, there := recheck(ctx, srv, next.StoredAs); found {
		case present:
			return replacement{outcome: OutcomeReplaced, stored: there, stop: err,
				message: fmt.Sprintf("The answer was lost, but the server has the new version: group %q was replaced.", there.Name)}, nil
		case unreadable:
			return replacement{outcome: OutcomeUnknown, stop: err,
				message: fmt.Sprintf("%s The server could not be asked whether it has the new version of %q; the original is deleted. Its definition is kept here as JSON; if neither is in the list, import it to restore the original.", apperr.From(err).Message, orig.Name)}, nil
		}
	}
	failed := "was refused: " + apperr.From(err).Message
	if unknown(err) {
		failed = "was not created: the answer was lost, and the server does not have it."
	}
	// The restore goes out even when the user cancelled meanwhile: the
	// original must not stay deleted.
	rctx, cancel := recheckContext(ctx)
	defer cancel()
	back, rerr := srv.AddReservationGroup(rctx, orig.WithoutIDs())
	if unknown(rerr) {
		lost = cmp.Or(lost, rerr)
		switch found, there := recheck(ctx, srv, orig.StoredAs); found {
		case present:
			back, rerr = there, nil
		case unreadable:
			return replacement{outcome: OutcomeUnknown, stop: rerr,
				message: fmt.Sprintf("The new version of %q %s The answer to re-creating the original was lost and the server could not be asked again. Its definition is kept here as JSON; if the group is missing from the list, import it to restore it.", orig.Name, failed)}, nil
		}
	}
	if rerr != nil {
		return replacement{outcome: OutcomeLost, stop: firstStop(lost, err, rerr),
			message: fmt.Sprintf("The new version of %q %s Re-creating the original failed too: %s Its definition is kept here as JSON; import it to restore it.", orig.Name, failed, apperr.From(rerr).Message)}, nil
	}
	return replacement{outcome: OutcomeRestored, stored: back, stop: firstStop(lost, err),
		message: fmt.Sprintf("The new version of %q %s The original group was re-created as it was.", orig.Name, failed)}, nil
}

// firstStop is the first of errs that ends a batch, nil if none does.
func firstStop(errs ...error) error {
	for _, err := range errs {
		if endsTheBatch(err) {
			return err
		}
	}
	return nil
}
