package operations

import (
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/progress"
	"licenseservermanager/internal/simulator"
)

const goodModel = `model "split" {
    partitions {
        partition "engineering" {
            "3D_Rendering" 3.2 10
        }
    }
    on any() {
        use "engineering", "default"
        accept
    }
}
`

func TestModelLifecycle(t *testing.T) {
	sim, cl := admin(t, simulator.Options{})
	models, res := NewModels(), newView(t)
	v, err := Pools(ctx, cl)
	if err != nil || v.ModelActive || len(v.Pools) != 1 || !v.Pools[0].Default {
		t.Fatalf("no model: %+v %v", v, err)
	}
	if m, err := Model(ctx, cl); err != nil || m.Active {
		t.Fatalf("model: %+v %v", m, err)
	}

	// An error is shown at its line and never reaches the server.
	bad := strings.Replace(goodModel, "3.2 10", "3.2 ten", 1)
	check := models.Check(ctx, cl, bad, true)
	if check.Valid || len(check.Diagnostics) == 0 || check.Diagnostics[0].Line != 4 {
		t.Fatalf("bad check: %+v", check)
	}
	if _, err := models.Upload(ctx, cl, bad, orgpolicy.Policies{}); apperr.CodeOf(err) != apperr.InvalidInput || !strings.Contains(err.Error(), "line 4") {
		t.Fatalf("bad upload: %v", err)
	}
	if sim.Requests("uploadModel") != 0 {
		t.Fatal("an invalid model reached the server")
	}

	// A good model is refused while reservation groups exist.
	check = models.Check(ctx, cl, goodModel, false)
	if !check.Valid || check.ModelName != "split" || len(check.Preview) != 2 || check.Preview[0].Features[0].Count != 10 {
		t.Fatalf("good check: %+v", check)
	}
	if _, err := models.Upload(ctx, cl, goodModel, orgpolicy.Policies{}); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("upload with reservations: %v", err)
	}
	page, err := res.List(ctx, cl, allReservations, true)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, g := range page.Groups {
		ids = append(ids, g.ID)
	}
	if _, err := res.Delete(ctx, cl, ids); err != nil {
		t.Fatal(err)
	}
	var steps []progress.Step
	if _, err := models.Upload(progress.With(ctx, func(s progress.Step) { steps = append(steps, s) }), cl, goodModel, orgpolicy.Policies{}); err != nil {
		t.Fatalf("upload: %v", err)
	}
	if len(steps) != 4 || steps[3].Done != 3 || steps[3].Total != 3 {
		t.Fatalf("upload steps %+v", steps)
	}
	v, err = Pools(ctx, cl)
	if err != nil || !v.ModelActive || len(v.Pools) != 2 || v.Pools[1].Name != "engineering" {
		t.Fatalf("pools: %+v %v", v, err)
	}
	// The server gives the pool what the preview said.
	if got := v.Pools[1].Features[0].Allocated; got != check.Preview[0].Features[0].Count {
		t.Fatalf("server allocated %d, preview said %d", got, check.Preview[0].Features[0].Count)
	}
	if m, err := Model(ctx, cl); err != nil || !m.Active || !strings.Contains(m.Text, "engineering") {
		t.Fatalf("model: %+v %v", m, err)
	}
	if err := DeleteModel(ctx, cl, orgpolicy.Policies{}); err != nil {
		t.Fatal(err)
	}
	if v, _ := Pools(ctx, cl); v.ModelActive {
		t.Fatal("the model is still active")
	}
}

func TestCheckWithoutAServerAndFormat(t *testing.T) {
	c := NewModels().Check(ctx, nil, goodModel, false)
	if !c.Valid || len(c.Preview) != 0 || c.ModelName != "split" {
		t.Fatalf("check without a server: %+v", c)
	}
	f, err := Format(strings.ReplaceAll(goodModel, "    ", "\t"))
	if err != nil || f != goodModel {
		t.Fatalf("format:\n%s\n%v", f, err)
	}
	if _, err := Format("model {"); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("format of a broken model: %v", err)
	}
}
