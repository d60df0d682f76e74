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
