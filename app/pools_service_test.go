package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/listing"
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

func TestPoolsModelLifecycle(t *testing.T) {
	e := adminEnv(t, simulator.Options{})
	dlg := &fakeDialogs{}
	svc := NewPoolsService(e.conns, dlg)
	res := NewReservationsService(e.conns, dlg)

	v, err := svc.Pools()
	if err != nil || v.ModelActive || len(v.Pools) != 1 || !v.Pools[0].Default {
		t.Fatalf("no model: %+v %v", v, err)
	}
	if m, err := svc.Model(); err != nil || m.Active {
		t.Fatalf("model: %+v %v", m, err)
	}

	// An error is shown at its line and never reaches the server.
	bad := strings.Replace(goodModel, "3.2 10", "3.2 ten", 1)
	check, err := svc.Check(bad, true)
	if err != nil || check.Valid || len(check.Diagnostics) == 0 || check.Diagnostics[0].Line != 4 {
		t.Fatalf("bad check: %+v %v", check, err)
	}
	if _, err := svc.Upload(bad); apperr.CodeOf(err) != apperr.InvalidInput || !strings.Contains(err.Error(), "line 4") {
		t.Fatalf("bad upload: %v", err)
	}
	if e.sim.Requests("uploadModel") != 0 {
		t.Fatal("an invalid model reached the server")
	}

	// A good model is refused while reservation groups exist.
	check, err = svc.Check(goodModel, false)
	if err != nil || !check.Valid || check.ModelName != "split" || len(check.Preview) != 2 || check.Preview[0].Features[0].Count != 10 {
		t.Fatalf("good check: %+v %v", check, err)
	}
	if _, err := svc.Upload(goodModel); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("upload with reservations: %v", err)
	}
	page, err := res.List(listing.Query{Page: 1, PageSize: 500}, true)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, g := range page.Groups {
		ids = append(ids, g.ID)
	}
	if _, err := res.Delete(ids); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Upload(goodModel); err != nil {
		t.Fatalf("upload: %v", err)
	}
	v, err = svc.Pools()
	if err != nil || !v.ModelActive || len(v.Pools) != 2 || v.Pools[1].Name != "engineering" {
		t.Fatalf("pools: %+v %v", v, err)
	}
	// The server gives the pool what the preview said.
	if got := v.Pools[1].Features[0].Allocated; got != check.Preview[0].Features[0].Count {
		t.Fatalf("server allocated %d, preview said %d", got, check.Preview[0].Features[0].Count)
	}
	if m, err := svc.Model(); err != nil || !m.Active || !strings.Contains(m.Text, "engineering") {
		t.Fatalf("model: %+v %v", m, err)
	}
	if err := svc.DeleteModel(); err != nil {
		t.Fatal(err)
	}
	if v, _ := svc.Pools(); v.ModelActive {
		t.Fatal("the model is still active")
	}
}

func TestChooseModelFileAndFormat(t *testing.T) {
	e := adminEnv(t, simulator.Options{})
	dir := t.TempDir()
	dlg := &fakeDialogs{}
	svc := NewPoolsService(e.conns, dlg)
	if c, err := svc.ChooseModelFile(); err != nil || c.Path != "" {
		t.Fatalf("cancel: %+v %v", c, err)
	}
	path := filepath.Join(dir, "m.model")
	_ = os.WriteFile(path, []byte(strings.ReplaceAll(goodModel, "    ", "\t")), 0o600)
	dlg.openPath = path
	c, err := svc.ChooseModelFile()
	if err != nil || c.Name != "m.model" || !c.Check.Valid {
		t.Fatalf("choose: %+v %v", c, err)
	}
	f, err := svc.Format(c.Text)
	if err != nil || f != goodModel {
		t.Fatalf("format:\n%s\n%v", f, err)
	}
	if _, err := svc.Format("model {"); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("format of a broken model: %v", err)
	}
	big := filepath.Join(dir, "big.model")
	_ = os.WriteFile(big, make([]byte, 901*1024), 0o600)
	dlg.openPath = big
	if _, err := svc.ChooseModelFile(); apperr.CodeOf(err) != apperr.InvalidInput {
		t.Fatalf("too big: %v", err)
	}
}
