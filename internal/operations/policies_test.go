package operations

import (
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/simulator"
)

// TestPoliciesRefuseChanges: DisableModelUpload and DisablePropertiesEdit
// refuse the change before anything is sent; the other policy does not
// stand in the way.
func TestPoliciesRefuseChanges(t *testing.T) {
	sim, cl := admin(t, simulator.Options{})
	noModel := orgpolicy.Policies{DisableModelUpload: true}
	noProperties := orgpolicy.Policies{DisablePropertiesEdit: true}
	changes := map[string]string{"licensing.renewInterval": "20"}
	tests := []struct {
		name string
		op   string // the simulator's operation the change would send
		do   func() error
		want apperr.Code
	}{
		{"upload under DisableModelUpload", "uploadModel", func() error { _, err := NewModels().Upload(ctx, cl, goodModel, noModel); return err }, apperr.Policy},
		{"delete under DisableModelUpload", "deleteModel", func() error { return DeleteModel(ctx, cl, noModel) }, apperr.Policy},
		{"properties under DisablePropertiesEdit", "updateConfiguration", func() error { _, err := SaveProperties(ctx, cl, false, changes, noProperties); return err }, apperr.Policy},
		{"properties under DisableModelUpload", "updateConfiguration", func() error { _, err := SaveProperties(ctx, cl, false, changes, noModel); return err }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := sim.Requests(tt.op)
			err := tt.do()
			if apperr.CodeOf(err) != tt.want {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
			if sent := sim.Requests(tt.op) > before; sent != (tt.want == "") {
				t.Fatalf("sent to the server: %t", sent)
			}
		})
	}
}

func TestPropertiesUnderDisablePropertiesEdit(t *testing.T) {
	_, cl := admin(t, simulator.Options{})
	v, err := Properties(ctx, cl, false)
	if err != nil {
		t.Fatal(err)
	}
	if g := v.Governed(orgpolicy.Policies{}); g.ReadOnly {
		t.Fatal("read-only without the policy")
	}
	g := v.Governed(orgpolicy.Policies{DisablePropertiesEdit: true})
	if !g.ReadOnly || g.ReadOnlyReason != apperr.From(PropertiesEditRefused(orgpolicy.Policies{DisablePropertiesEdit: true})).Message {
		t.Fatalf("under the policy: %t %q", g.ReadOnly, g.ReadOnlyReason)
	}
	cls, err := Properties(ctx, cl, true)
	if err != nil {
		t.Fatal(err)
	}
	if g := cls.Governed(orgpolicy.Policies{DisablePropertiesEdit: true}); g.ReadOnlyReason != clsReadOnly {
		t.Fatalf("a CLS says why it is read-only first: %q", g.ReadOnlyReason)
	}
}
