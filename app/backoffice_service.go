package app

import (
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/exchanges"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/settings"
)

var (
	requestFilters  = []FileFilter{{"Binary request files (*.bin)", "*.bin"}, {"All files", "*"}}
	responseFilters = []FileFilter{{"Binary response files (*.bin)", "*.bin"}, {"All files", "*"}}
	keyFilters      = []FileFilter{{"DER public keys (*.der, *.key, *.pub)", "*.der;*.key;*.pub"}, {"All files", "*"}}
)

// BackOfficeService is bound to the UI for the three Back Office views.
type BackOfficeService struct {
	base
	conns *connect.Connections
	store *settings.Store
	files files
	ops   *operations.BackOffice
}

// NewBackOfficeService builds the service; exchange histories go to dir.
func NewBackOfficeService(conns *connect.Connections, store *settings.Store, dialogs Dialogs, dir string, now func() time.Time) *BackOfficeService {
	return &BackOfficeService{conns: conns, store: store, files: files{dialogs}, ops: operations.NewBackOffice(dir, now)}
}

// Activate activates entitlements online; each row gets its own result.
func (s *BackOfficeService) Activate(rows []operations.ActivationInput) ([]operations.ActivationOutcome, error) {
	return call(s.conns, func(cl *fne.Client) ([]operations.ActivationOutcome, error) {
		return s.ops.Activate(s.context(), cl, rows)
	})
}

// Refresh asks the server to synchronise with the back office now.
func (s *BackOfficeService) Refresh() (operations.SyncResult, error) {
	return call(s.conns, func(cl *fne.Client) (operations.SyncResult, error) { return s.ops.Refresh(s.context(), cl) })
}

func (s *BackOfficeService) profileID() (string, error) {
	p, ok := s.store.Active()
	if !ok {
		return "", apperr.New(apperr.NotConfigured, "There is no active profile.")
	}
	return p.ID, nil
}

// saveRequest asks where to save a request the server generated and
// records it in the history; an empty SavedFile means the user cancelled.
func (s *BackOfficeService) saveRequest(title string, req operations.RequestFile, err error) (operations.SavedFile, error) {
	if err != nil {
		return operations.SavedFile{}, err
	}
	id, err := s.profileID()
	if err != nil {
		return operations.SavedFile{}, err
	}
	path, err := s.files.save(title, req.Name, "", requestFilters...)
	if err != nil || path == "" {
		return operations.SavedFile{}, err
	}
	return s.ops.SaveRequest(id, req, path)
}

// DownloadCapabilityRequest saves a capability request (a poll for license
// updates) or, after a response that asked for it, a confirmation request.
func (s *BackOfficeService) DownloadCapabilityRequest(confirmation bool) (operations.SavedFile, error) {
	return call(s.conns, func(cl *fne.Client) (operations.SavedFile, error) {
		req, err := s.ops.CapabilityRequest(s.context(), cl, confirmation)
		return s.saveRequest("Save the request for the back office", req, err)
	})
}

// DownloadActivationRequest saves an offline activation request for one
// activation ID and count.
func (s *BackOfficeService) DownloadActivationRequest(in operations.ActivationInput) (operations.SavedFile, error) {
	return call(s.conns, func(cl *fne.Client) (operations.SavedFile, error) {
		req, err := s.ops.ActivationRequest(s.context(), cl, in)
		return s.saveRequest("Save the activation request for the back office", req, err)
	})
}

// ChooseResponseFile picks a response file from the back office and checks
// what can be checked before it is sent.
func (s *BackOfficeService) ChooseResponseFile() (operations.ChosenFile, error) {
	path, err := s.files.open("Choose the response from the back office", responseFilters...)
	if err != nil || path == "" {
		return operations.ChosenFile{}, err
	}
	return operations.ReadResponseFile(path)
}

// UploadResponse loads the chosen response file into the server.
func (s *BackOfficeService) UploadResponse(path string) (operations.ResponseResult, error) {
	id, err := s.profileID()
	if err != nil {
		return operations.ResponseResult{}, err
	}
	return call(s.conns, func(cl *fne.Client) (operations.ResponseResult, error) {
		return s.ops.UploadResponse(s.context(), cl, id, path)
	})
}

// History lists the active profile's offline exchanges, newest first.
func (s *BackOfficeService) History() ([]exchanges.Entry, error) {
	id, err := s.profileID()
	if err != nil {
		return nil, err
	}
	return s.ops.History(id)
}

// ChooseClientKey picks a public key file and checks it is a DER-encoded
// RSA key of 2048 bits, explaining exactly what is wrong otherwise.
func (s *BackOfficeService) ChooseClientKey() (operations.ChosenFile, error) {
	path, err := s.files.open("Choose the client's public key (DER)", keyFilters...)
	if err != nil || path == "" {
		return operations.ChosenFile{}, err
	}
	return operations.CheckClientKey(path)
}

// UploadClientKey checks the key file again and uploads it.
func (s *BackOfficeService) UploadClientKey(path string) (string, error) {
	return call(s.conns, func(cl *fne.Client) (string, error) { return operations.UploadClientKey(s.context(), cl, path) })
}
