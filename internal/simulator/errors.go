package simulator

import "net/http"

// failure is one kind of refusal: its HTTP status and the key that real
// servers put in their error body ({"key": "glsErr.…", "message": …,
// "arguments": […]}). Every refusal of the simulator is a row of this table,
// so a key is written nowhere else.
type failure struct {
	status int
	key    string
}

var (
	failNotFound           = failure{http.StatusNotFound, "glsErr.notFound"} // no such endpoint, record or user
	failMethodNotAllowed   = failure{http.StatusMethodNotAllowed, "glsErr.methodNotAllowed"}
	failUnknownInstance    = failure{http.StatusNotFound, "glsErr.instanceNotFound"}
	failLoginRequired      = failure{http.StatusUnauthorized, "glsErr.authenticationRequired"}
	failTokenInvalid       = failure{http.StatusUnauthorized, "glsErr.invalidToken"}
	failTokenExpired       = failure{http.StatusUnauthorized, "glsErr.tokenExpired"}
	failUserAuthFailed     = failure{http.StatusUnauthorized, "glsErr.userAuthFailed"}
	failAccessDenied       = failure{http.StatusForbidden, "glsErr.accessDenied"}
	failPasswordChange     = failure{http.StatusForbidden, "glsErr.passwordChangeRequired"}
	failReadOnly           = failure{http.StatusForbidden, "glsErr.readOnly"}
	failBadRequest         = failure{http.StatusBadRequest, "glsErr.badRequest"}
	failInvalidValue       = failure{http.StatusBadRequest, "glsErr.invalidValue"}
	failInvalidPassword    = failure{http.StatusBadRequest, "glsErr.invalidPassword"}
	failInvalidReservation = failure{http.StatusBadRequest, "glsErr.invalidReservationGroup"}
	failInvalidModel       = failure{http.StatusBadRequest, "glsErr.invalidModel"}
	failModelTooLarge      = failure{http.StatusRequestEntityTooLarge, "glsErr.modelTooLarge"}
	failPoolsOrReservation = failure{http.StatusConflict, "glsErr.modelReservationConflict"}
	failInvalidActivation  = failure{http.StatusBadRequest, "glsErr.invalidActivation"}
	failInvalidKey         = failure{http.StatusBadRequest, "glsErr.invalidPublicKey"}
	failKeyRevoked         = failure{http.StatusGone, "glsErr.keyRevoked"}
	failInvalidResponse    = failure{http.StatusBadRequest, "glsErr.invalidCapabilityResponse"}
	failResponseLoaded     = failure{http.StatusConflict, "glsErr.capabilityResponseAlreadyProcessed"}
	failInternal           = failure{http.StatusInternalServerError, "glsErr.internalError"}
	// failInjected has the status of its fault, set with withStatus.
	failInjected = failure{key: "glsErr.injectedFault"}
)

// withStatus is f answered with another status.
func (f failure) withStatus(status int) failure {
	f.status = status
	return f
}
