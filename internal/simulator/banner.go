package simulator

import (
	"fmt"
	"strings"
)

// Banner is what the standalone simulator prints on start: where it is, who
// it is and how to log in.
func Banner(r *Running) string {
	var b strings.Builder
	base := r.URL + "/api/1.0/instances/"
	if r.opts.CLS {
		base += r.InstanceID()
	} else {
		base += "~"
	}
	fmt.Fprintf(&b, "License server simulator (FlexNet Embedded REST API), version %s\n", r.opts.Version)
	fmt.Fprintf(&b, "  URL:          %s\n", r.URL)
	fmt.Fprintf(&b, "  Admin base:   %s\n", base)
	fmt.Fprintf(&b, "  Instance ID:  %s\n", r.InstanceID())
	fmt.Fprintf(&b, "  Dialect:      %s\n", r.opts.Dialect)
	fmt.Fprintf(&b, "  Dataset:      %s\n", r.opts.Dataset)
	switch r.opts.Security {
	case SecurityOff:
		fmt.Fprintf(&b, "  Security:     off (no login needed)\n")
	case SecurityAnonymous:
		fmt.Fprintf(&b, "  Security:     anonymous (reads without login; log in to change anything)\n")
	default:
		fmt.Fprintf(&b, "  Security:     on (log in to do anything)\n")
	}
	if r.opts.Security != SecurityOff {
		fmt.Fprintf(&b, "  Users:        %s / %s (all roles), %s / %s (read only), %s / %s (producer)\n",
			AdminUser, AdminPassword, ReaderUser, ReaderPassword, ProducerUser, ProducerPassword)
		if r.opts.FirstLogin {
			fmt.Fprintf(&b, "                %s must change the password at first login\n", AdminUser)
		}
	}
	if r.Fingerprint != "" {
		fmt.Fprintf(&b, "  Certificate:  self-signed, SHA-256 %s\n", r.Fingerprint)
	}
	if r.opts.Dataset != DatasetLarge {
		fmt.Fprintf(&b, "  Activation:   %s succeeds, %s has only 5 units, %s holds %d (lower fails)\n",
			DemoActivationOK, DemoActivationLimited, DemoActivationHeld, demoHeldCount)
	}
	return b.String()
}
