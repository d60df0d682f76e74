package exchanges

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestPendingUntilAResponseIsLoaded(t *testing.T) {
	l := Open(t.TempDir(), "p-1")
	t0 := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	steps := []Entry{
		{Time: t0, Kind: CapabilityRequest, File: `C:\x\cap1.bin`, Bytes: 120, OK: true},
		{Time: t0.Add(time.Hour), Kind: Response, File: "bad.bin", OK: false, Result: "not a response"},
		{Time: t0.Add(2 * time.Hour), Kind: Response, File: "resp1.bin", OK: true, ConfirmationNeeded: true},
		{Time: t0.Add(3 * time.Hour), Kind: ConfirmationRequest, File: "conf.bin", OK: true},
		{Time: t0.Add(4 * time.Hour), Kind: ActivationRequest, File: "act.bin", ActivationID: "A-1", Count: 2, OK: true},
		{Time: t0.Add(5 * time.Hour), Kind: ActivationRequest, File: "failed.bin", OK: false},
	}
	for _, e := range steps {
		if err := l.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := l.List()
	if err != nil {
		t.Fatal(err)
	}
	pending := map[string]bool{}
	for _, e := range got {
		pending[e.File] = e.Pending
	}
	want := map[string]bool{`C:\x\cap1.bin`: false, "bad.bin": false, "resp1.bin": false, "conf.bin": true, "act.bin": true, "failed.bin": false}
	for f, p := range want {
		if pending[f] != p {
			t.Errorf("%s pending = %v, want %v", f, pending[f], p)
		}
	}
	if got[0].File != "failed.bin" {
		t.Fatalf("newest first: %s", got[0].File)
	}
}

func TestDamagedHistoryIsSetAside(t *testing.T) {
	dir := t.TempDir()
	l := Open(dir, "p-2")
	if err := os.WriteFile(l.path, []byte("{nope"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := l.List(); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("list: %v", err)
	}
	if err := l.Add(Entry{Kind: CapabilityRequest, OK: true}); err != nil {
		t.Fatal(err)
	}
	if got, err := l.List(); err != nil || len(got) != 1 {
		t.Fatalf("%v %v", got, err)
	}
	if _, err := os.Stat(l.path + ".bak"); err != nil {
		t.Fatal("the damaged file must be kept")
	}
}

func TestBoundedAndDigest(t *testing.T) {
	l := Open(t.TempDir(), "p-3")
	for i := 0; i < MaxEntries+5; i++ {
		_ = l.Add(Entry{Kind: Response, OK: true})
	}
	got, _ := l.List()
	if len(got) != MaxEntries {
		t.Fatalf("%d entries", len(got))
	}
	if d := Digest([]byte("abc")); d != "ba7816bf8f01cfea" {
		t.Fatalf("digest %s", d)
	}
}
