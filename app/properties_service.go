package app

import (
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/settings"
)

// PropertiesService is bound to the UI for the Properties view.
type PropertiesService struct {
	base
	conns *connect.Connections
	store *settings.Store
}

// NewPropertiesService builds the service.
func NewPropertiesService(conns *connect.Connections, store *settings.Store) *PropertiesService {
	return &PropertiesService{conns: conns, store: store}
}

func (s *PropertiesService) isCLS() bool {
	p, _ := s.store.Active()
	return p.ServerType == settings.ServerCLS
}

// Get reads the server's general properties and policy settings.
func (s *PropertiesService) Get() (operations.PropertiesView, error) {
	return call(s.conns, func(cl *fne.Client) (operations.PropertiesView, error) {
		v, err := operations.Properties(s.context(), cl, s.isCLS())
		if err != nil {
			return operations.PropertiesView{}, err
		}
		return v.Governed(s.conns.Policies()), nil
	})
}

// Save checks and sends the changed settings (name to new value), one at a
// time, under the UI's operation op; the report says what was saved, what
// was refused and what a stop left unsent.
func (s *PropertiesService) Save(changes map[string]string, op string) (operations.SaveReport, error) {
	ctx, done := s.operation(op)
	defer done()
	return call(s.conns, func(cl *fne.Client) (operations.SaveReport, error) {
		return operations.SaveProperties(ctx, cl, s.isCLS(), changes, s.conns.Policies())
	})
}
