package simulator

import (
	"errors"
	"fmt"

	"licenseservermanager/internal/modeldef"
)

// maxModelSize is the largest model definition the server accepts.
const maxModelSize = 900 << 10

// modelDef is what the server keeps of a loaded model definition.
type modelDef struct {
	parsed *modeldef.Model
}

// checkModel is the simulator's model-definition check: the full parser and
// checks of internal/modeldef, so that the simulator refuses exactly what
// the app's checker refuses. It answers with the first few errors, each as
// line:column as a server does (one error each, joined), and keeps the
// parsed model for the pools.
func checkModel(text string) (*modelDef, error) {
	diags := modeldef.Validate([]byte(text))
	if modeldef.HasErrors(diags) {
		var errs []error
		for _, d := range diags {
			if d.Severity == modeldef.SeverityError && len(errs) < 3 {
				errs = append(errs, fmt.Errorf("%d:%d: %s", d.Line, d.Column, d.Message))
			}
		}
		return nil, errors.Join(errs...)
	}
	m, _ := modeldef.Parse([]byte(text))
	return &modelDef{parsed: m}, nil
}
