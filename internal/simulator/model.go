package simulator

import (
	"errors"
	"fmt"
	"strings"

	"licenseservermanager/internal/modeldef"
)

// maxModelSize is the largest model definition the server accepts.
const maxModelSize = 900 << 10

// modelDef is what the server keeps of a loaded model definition.
type modelDef struct {
	Name       string
	Partitions []partitionDef
}

type partitionDef struct {
	Name    string
	Entries []modelEntry
}

type modelEntry struct {
	Feature string
	Version string
	Amount  string // integer, "N%" or "remainder"
}

// checkModel is the simulator's model-definition check: the full parser and
// checks of internal/modeldef, so that the simulator refuses what the app's
// editor flags. It answers with the first few errors, each as line:column as
// a server does, and keeps what the pools need of a valid model.
func checkModel(text string) (*modelDef, error) {
	diags := modeldef.Validate([]byte(text))
	if modeldef.HasErrors(diags) {
		var msgs []string
		for _, d := range diags {
			if d.Severity == modeldef.SeverityError && len(msgs) < 3 {
				msgs = append(msgs, fmt.Sprintf("%d:%d: %s", d.Line, d.Column, d.Message))
			}
		}
		return nil, errors.New(strings.Join(msgs, "; "))
	}
	m, _ := modeldef.Parse([]byte(text))
	def := &modelDef{Name: m.Name}
	for _, part := range m.Partitions {
		pd := partitionDef{Name: part.Name}
		for _, f := range part.Features {
			pd.Entries = append(pd.Entries, modelEntry{Feature: f.Name, Version: f.Version, Amount: f.Amount.String()})
		}
		def.Partitions = append(def.Partitions, pd)
	}
	return def, nil
}
