package operations

import (
	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/orgpolicy"
)

// ModelChangesRefused is the error of a model upload or delete under the
// DisableModelUpload policy, nil when the policy allows it.
func ModelChangesRefused(pol orgpolicy.Policies) error {
	if !pol.DisableModelUpload {
		return nil
	}
	return apperr.New(apperr.Policy, "Your organisation does not allow changing the model definition from this computer (%s).", orgpolicy.Notice)
}

// PropertiesEditRefused is the error of a properties save under the
// DisablePropertiesEdit policy, nil when the policy allows it.
func PropertiesEditRefused(pol orgpolicy.Policies) error {
	if !pol.DisablePropertiesEdit {
		return nil
	}
	return apperr.New(apperr.Policy, "Your organisation does not allow changing the license server's properties from this computer (%s).", orgpolicy.Notice)
}

// Governed is v as the DisablePropertiesEdit policy lets it be edited:
// read-only, saying why, when the policy is set.
func (v PropertiesView) Governed(pol orgpolicy.Policies) PropertiesView {
	if err := PropertiesEditRefused(pol); err != nil && !v.ReadOnly {
		v.ReadOnly, v.ReadOnlyReason = true, apperr.From(err).Message
	}
	return v
}
