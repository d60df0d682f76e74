package operations

import (
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/simulator"
)

// lostAnswers are the ways a change's answer can be lost on the simulator:
// after the server acted, or before (the connection closes as the request
// arrives), each time once.
var lostAnswers = []struct {
	name  string
	fault func(op string) simulator.Fault
	done  bool
}{
	{"after the server acted", func(op string) simulator.Fault { return simulator.Fault{Target: op, DropAfter: true, Times: 1} }, true},
	{"before the server acted", func(op string) simulator.Fault { return simulator.Fault{Target: op, Drop: true, Times: 1} }, false},
}

func TestALostDeviceDeleteIsSettled(t *testing.T) {
	for _, tt := range lostAnswers {
		t.Run(tt.name, func(t *testing.T) {
			sim, cl := admin(t, simulator.Options{})
			view := NewDevices(demoNow)
			page, err := view.List(ctx, cl, listing.Query{Page: 1, PageSize: 1}, true)
			if err != nil {
				t.Fatal(err)
			}
			id := page.Rows[0].ID
			sim.SetFault(tt.fault(string(fne.OpDeleteClient)))
			err = view.Delete(ctx, cl, id)
			sim.ClearFaults()
			_, readErr := cl.Device(ctx, id)
			isGone := apperr.CodeOf(readErr) == apperr.NotFound
			if isGone != tt.done || (err == nil) != tt.done {
				t.Fatalf("delete said %v; the device is gone: %v", err, isGone)
			}
			if !tt.done && (apperr.CodeOf(err) == apperr.OutcomeUnknown || !strings.Contains(apperr.From(err).Message, "not done")) {
				t.Fatalf("a delete the server shows was not done: %v", err)
			}
		})
	}
}

func TestALostModelUploadIsSettled(t *testing.T) {
	for _, tt := range lostAnswers {
		t.Run(tt.name, func(t *testing.T) {
			sim, cl := admin(t, simulator.Options{})
			groups, err := cl.ReservationGroups(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range groups {
				if err := cl.DeleteReservationGroup(ctx, g.ID); err != nil {
					t.Fatal(err)
				}
			}
			sim.SetFault(tt.fault(string(fne.OpUploadModel)))
			_, err = NewModels().Upload(ctx, cl, goodModel, orgpolicy.Policies{})
			sim.ClearFaults()
			_, readErr := cl.Model(ctx)
			if there := readErr == nil; there != tt.done || (err == nil) != tt.done {
				t.Fatalf("upload said %v; the model is there: %v", err, there)
			}
			if !tt.done && apperr.CodeOf(err) == apperr.OutcomeUnknown {
				t.Fatalf("an upload the server shows was not done: %v", err)
			}
		})
	}
	// Over another definition that the upload would replace, a lost answer
	// before the server acted cannot be told from a rewrite: it stays unknown.
	sim, cl := admin(t, simulator.Options{Dataset: simulator.DatasetPools})
	sim.SetFault(lostAnswers[1].fault(string(fne.OpUploadModel)))
	if _, err := NewModels().Upload(ctx, cl, goodModel, orgpolicy.Policies{}); apperr.CodeOf(err) != apperr.OutcomeUnknown {
		t.Fatalf("over another model: %v", err)
	}
}

func TestALostModelDeleteIsSettled(t *testing.T) {
	for _, tt := range lostAnswers {
		t.Run(tt.name, func(t *testing.T) {
			sim, cl := admin(t, simulator.Options{Dataset: simulator.DatasetPools})
			sim.SetFault(tt.fault(string(fne.OpDeleteModel)))
			err := DeleteModel(ctx, cl, orgpolicy.Policies{})
			sim.ClearFaults()
			_, readErr := cl.Model(ctx)
			if isGone := apperr.CodeOf(readErr) == apperr.NotFound; isGone != tt.done || (err == nil) != tt.done {
				t.Fatalf("delete said %v; the model is gone: %v", err, isGone)
			}
		})
	}
}

func TestALostSettingSaveIsSettled(t *testing.T) {
	for _, tt := range lostAnswers {
		t.Run(tt.name, func(t *testing.T) {
			sim, cl := admin(t, simulator.Options{})
			sim.SetFault(tt.fault(string(fne.OpUpdateConfiguration)))
			rep, err := SaveProperties(ctx, cl, false, map[string]string{"licensing.renewInterval": "20", "security.token.duration": "3d"}, orgpolicy.Policies{})
			sim.ClearFaults()
			now, perr := Properties(ctx, cl, false)
			if perr != nil {
				t.Fatal(perr)
			}
			first := now.valueOf("licensing.renewInterval") == "20"
			if first != tt.done {
				t.Fatalf("the first setting is saved: %v, want %v", first, tt.done)
			}
			if tt.done {
				// Settled as saved, the batch still stops: the connection
				// that lost an answer is not trusted with the next one.
				if err != nil || len(rep.Saved) != 1 || rep.Saved[0] != "licensing.renewInterval" || rep.Stopped == nil || len(rep.NotSent) != 1 {
					t.Fatalf("%+v %v", rep, err)
				}
			} else if apperr.CodeOf(err) == apperr.OutcomeUnknown || err == nil {
				// The very first request changed nothing: the call fails as
				// the connection did, and may be repeated as it is.
				t.Fatalf("%+v %v", rep, err)
			}
			if now.valueOf("security.token.duration") == "3d" {
				t.Fatal("a setting after the lost answer was sent")
			}
		})
	}
}
