package operations

import "licenseservermanager/internal/apperr"

// notOffered turns the absence of an optional part of a view into the note
// the view shows in its place: a server that lacks the operation still
// shows the rest of the page. Any other failure is the view's.
func notOffered(err error) (string, error) {
	if apperr.CodeOf(err) == apperr.NotSupported {
		return apperr.From(err).Message, nil
	}
	return "", err
}
