package connect

import (
	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/secrets"
	"licenseservermanager/internal/settings"
)

// SetProxy stores the proxy section of profile id; a proxy user who is
// replaced or removed has their saved proxy password forgotten, so no
// keyring entry outlives the setting that names it.
func SetProxy(store *settings.Store, sec secrets.Store, id string, in settings.ProxyInput) error {
	before, ok := store.Snapshot().Named(id)
	if err := store.SetProxy(id, in); err != nil {
		return err
	}
	if ok && before.ProxyUser != "" && before.ProxyUser != in.User && sec != nil {
		if err := sec.Delete(secrets.ProxyProfile(id), before.ProxyUser); err != nil {
			return apperr.Wrap(err, apperr.Internal, "The proxy setting is saved, but the old proxy password of %s could not be removed from the credential store.", before.ProxyUser)
		}
	}
	return nil
}

// SaveProxyPassword keeps the password of profile p's proxy user in the
// OS keyring ("" forgets it); it is never written to the settings.
func SaveProxyPassword(sec secrets.Store, p settings.Profile, password string) error {
	if p.ProxyUser == "" {
		return apperr.Invalid(apperr.FieldProblem(settings.FieldProxyUser, apperr.ItemRequired, "Enter and save the proxy user name first."))
	}
	if sec == nil {
		return apperr.New(apperr.NotConfigured, "No credential store is available to keep the proxy password.")
	}
	var err error
	if password == "" {
		err = sec.Delete(secrets.ProxyProfile(p.ID), p.ProxyUser)
	} else {
		err = sec.Set(secrets.ProxyProfile(p.ID), p.ProxyUser, password)
	}
	if err != nil {
		return apperr.Wrap(err, apperr.Internal, "The proxy password could not be saved in the credential store.")
	}
	return nil
}
