package dashboard

import "licenseservermanager/internal/apperr"

func invalidRange(msg string) error {
	return apperr.Invalid(apperr.FieldProblem("range", apperr.ItemFormat, msg))
}
