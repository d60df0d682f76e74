package simulator

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"licenseservermanager/internal/modeldef"
)

// TestUploadAcceptsWhatTheCheckerAccepts posts every model of the modeldef
// corpus: the simulator takes exactly the ones the app's checker finds no
// error in, and keeps the previous model for the others.
func TestUploadAcceptsWhatTheCheckerAccepts(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "modeldef", "testdata", "corpus", "*", "*.model"))
	if err != nil || len(files) < 40 {
		t.Fatalf("corpus: %d files, %v", len(files), err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		s := New(Options{Security: SecurityOff, Dataset: DatasetPools})
		before := call(s, http.MethodGet, "/api/1.0/instances/~/model", "").Body.String()
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/1.0/instances/~/model", strings.NewReader(string(src))))
		accepted := rec.Code == http.StatusNoContent
		if valid := !modeldef.HasErrors(modeldef.Validate(src)); accepted != valid {
			t.Fatalf("%s: the simulator answered %d, the checker says valid=%v: %s", file, rec.Code, valid, rec.Body)
		}
		after := call(s, http.MethodGet, "/api/1.0/instances/~/model", "").Body.String()
		if accepted && after != string(src) || !accepted && (rec.Code != http.StatusBadRequest || after != before) {
			t.Fatalf("%s: answered %d; the model is now %q", file, rec.Code, after)
		}
		// The pools of an accepted model are derived from it.
		if accepted && call(s, http.MethodGet, "/api/1.0/instances/~/partitions", "").Code != http.StatusOK {
			t.Fatalf("%s: no pools", file)
		}
	}
}
