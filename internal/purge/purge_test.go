package purge

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"licenseservermanager/internal/secrets"
)

func TestRunRemovesFoldersAndSavedPasswords(t *testing.T) {
	root := t.TempDir()
	p := Paths{SettingsDir: filepath.Join(root, "cfg"), LogDir: filepath.Join(root, "logs")}
	for _, d := range []string{p.SettingsDir, p.LogDir} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	doc := `{"schemaVersion":1,"profiles":[{"id":"p-a","rememberedUser":"admin"},{"id":"p-b","proxyUser":"corp\\bob"},{"id":"p-c","rememberedUser":"reader"}]}`
	if err := os.WriteFile(filepath.Join(p.SettingsDir, "settings.json"), []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	// Files set aside earlier still name saved logins: the single backup of
	// earlier versions and a numbered one, saved by Notepad with a BOM.
	if err := os.WriteFile(filepath.Join(p.SettingsDir, "settings.json.bak"), []byte(`{"profiles":[{"id":"p-old","rememberedUser":"ops"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(p.SettingsDir, "settings.json.bak.5"), []byte("\xef\xbb\xbf"+`{"profiles":[{"id":"p-five","rememberedUser":"eve"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_ = os.WriteFile(filepath.Join(p.LogDir, "app.log"), []byte("x"), 0o600)
	store := secrets.NewMemory()
	for _, e := range [][3]string{{"p-a", "admin", "1"}, {"p-c", "reader", "2"}, {"p-old", "ops", "3"}, {"p-five", "eve", "5"}, {secrets.ProxyProfile("p-b"), `corp\bob`, "6"}, {"p-b", `corp\bob`, "7"}, {"p-z", "keep", "4"}} {
		_ = store.Set(e[0], e[1], e[2])
	}
	if err := Run(p, store); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{p.SettingsDir, p.LogDir} {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Fatalf("%s still exists", d)
		}
	}
	for _, e := range [][2]string{{"p-a", "admin"}, {"p-c", "reader"}, {"p-old", "ops"}, {"p-five", "eve"}, {secrets.ProxyProfile("p-b"), `corp\bob`}} {
		if _, err := store.Get(e[0], e[1]); !errors.Is(err, secrets.ErrNotFound) {
			t.Fatalf("%v still saved", e)
		}
	}
	if pw, _ := store.Get("p-b", `corp\bob`); pw != "7" {
		t.Fatal("a proxy user's entry must not be taken for a server login's")
	}
	if pw, _ := store.Get("p-z", "keep"); pw != "4" {
		t.Fatal("an entry the settings do not name must be left alone")
	}
	// Running again on nothing is fine.
	if err := Run(p, store); err != nil {
		t.Fatal(err)
	}
}
