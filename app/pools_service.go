package app

import (
	"path/filepath"

	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/modeldef"
	"licenseservermanager/internal/operations"
)

// ChosenModel is a model file read through the open dialog; Path is "" when
// the user cancelled.
type ChosenModel struct {
	Path  string                `json:"path"`
	Name  string                `json:"name"`
	Text  string                `json:"text"`
	Check operations.ModelCheck `json:"check"`
}

// PoolsService is bound to the UI for the Named License Pools view.
type PoolsService struct {
	base
	conns *connect.Connections
	files files
	view  *operations.Models
}

// NewPoolsService builds the service.
func NewPoolsService(conns *connect.Connections, dialogs Dialogs) *PoolsService {
	return &PoolsService{conns: conns, files: files{dialogs}, view: operations.NewModels()}
}

// Pools lists every pool, the default one first.
func (s *PoolsService) Pools() (operations.PoolsView, error) {
	return call(s.conns, func(cl *fne.Client) (operations.PoolsView, error) { return operations.Pools(s.context(), cl) })
}

// Model returns the active model definition.
func (s *PoolsService) Model() (operations.ModelView, error) {
	return call(s.conns, func(cl *fne.Client) (operations.ModelView, error) { return operations.Model(s.context(), cl) })
}

// Check validates model text and previews the pools. The server's features
// are fetched once and reused while the user types; refresh fetches again.
// Without a server the check still runs, without a preview.
func (s *PoolsService) Check(text string, refresh bool) operations.ModelCheck {
	cl, err := s.conns.Client()
	if err != nil {
		return operations.CheckText(text)
	}
	return s.view.Check(s.context(), cl, text, refresh)
}

// ChooseModelFile reads a model definition through the open dialog and checks it.
func (s *PoolsService) ChooseModelFile() (ChosenModel, error) {
	path, err := s.files.open("Choose a model definition file", FileFilter{"Model definitions (*.model, *.txt)", "*.model;*.txt"}, FileFilter{"All files", "*"})
	if err != nil || path == "" {
		return ChosenModel{}, err
	}
	data, err := operations.ReadFile(path, modeldef.MaxSize)
	if err != nil {
		return ChosenModel{}, err
	}
	return ChosenModel{Path: path, Name: filepath.Base(path), Text: string(data), Check: s.Check(string(data), false)}, nil
}

// Upload checks the model and, when it has no errors and no reservation
// groups exist, makes it the active model, under the UI's operation op.
func (s *PoolsService) Upload(text, op string) (operations.ModelCheck, error) {
	ctx, done := s.operation(op)
	defer done()
	return call(s.conns, func(cl *fne.Client) (operations.ModelCheck, error) {
		return s.view.Upload(ctx, cl, text, s.conns.Policies())
	})
}

// DeleteModel removes the active model; all licenses return to the default pool.
func (s *PoolsService) DeleteModel() error {
	cl, err := s.conns.Client()
	if err != nil {
		return err
	}
	return operations.DeleteModel(s.context(), cl, s.conns.Policies())
}

// Format returns the model in canonical layout (comments are dropped).
func (s *PoolsService) Format(text string) (string, error) { return operations.Format(text) }
