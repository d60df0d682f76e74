package applog

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRedactsSecretsByAttributeName(t *testing.T) {
	dir := t.TempDir()
	log, closer, err := Open(dir, slog.LevelDebug)
	if err != nil {
		t.Fatal(err)
	}
	log.Info("login", "user", "admin", "password", "Admin123!", "accessToken", "eyJhbGciOi", "Authorization", "Bearer xyz")
	closer.Close()
	raw, err := os.ReadFile(filepath.Join(dir, "app.log"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(raw)
	for _, secret := range []string{"Admin123!", "eyJhbGciOi", "Bearer xyz"} {
		if strings.Contains(got, secret) {
			t.Fatalf("log contains secret %q: %s", secret, got)
		}
	}
	if !strings.Contains(got, "user=admin") || strings.Count(got, "[redacted]") != 3 {
		t.Fatalf("unexpected log: %s", got)
	}
}

func TestRotatingFileKeepsBoundedHistory(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	w, err := NewRotatingFile(path, 100, 2)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte(strings.Repeat("x", 39) + "\n") // 40 bytes: two lines fit, the third rotates
	for i := 0; i < 10; i++ {
		if _, err := w.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	for _, name := range []string{"app.log", "app.log.1", "app.log.2"} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if st.Size() > 100 {
			t.Fatalf("%s is %d bytes, over the limit", name, st.Size())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "app.log.3")); !os.IsNotExist(err) {
		t.Fatalf("app.log.3 should not exist: %v", err)
	}
}
