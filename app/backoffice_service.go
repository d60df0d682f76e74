package app

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/clientkey"
	"licenseservermanager/internal/exchanges"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/settings"
)

// MaxResponseSize bounds an offline response file; real ones are a few KB.
const MaxResponseSize = 10 << 20

// ActivationInput is one row of the Online Activations tab.
type ActivationInput struct {
	ActivationID string `json:"activationId"`
	Count        string `json:"count"`
}

// ActivationOutcome is the result of one activation ID.
type ActivationOutcome struct {
	ActivationID string `json:"activationId"`
	OK           bool   `json:"ok"`
	Message      string `json:"message"`
}

// SyncResult is what the Update Licenses tab shows after Refresh.
type SyncResult struct {
	RequestedAt string `json:"requestedAt"`
	Answer      string `json:"answer"`
}

// SavedFile is a request file written through the save dialog; Path is ""
// when the user cancelled.
type SavedFile struct {
	Path   string `json:"path"`
	Bytes  int    `json:"bytes"`
	Digest string `json:"digest"`
}

// ChosenFile is a file picked in the open dialog, already checked; Path is ""
// when the user cancelled.
type ChosenFile struct {
	Path   string `json:"path"`
	Name   string `json:"name"`
	Bytes  int    `json:"bytes"`
	Digest string `json:"digest"`
	// Note describes the file (for a key: its size and fingerprint).
	Note string `json:"note"`
}

// ResponseResult is the server's answer to a loaded response file.
type ResponseResult struct {
	ConfirmationRequestNeeded bool   `json:"confirmationRequestNeeded"`
	Message                   string `json:"message"`
}

// BackOfficeService is bound to the UI for the three Back Office views.
type BackOfficeService struct {
	base
	conns   *Connections
	store   *settings.Store
	dialogs Dialogs
	dir     string // where exchange histories are kept
	now     func() time.Time
}

// NewBackOfficeService builds the service; histories go to dir.
func NewBackOfficeService(conns *Connections, store *settings.Store, dialogs Dialogs, dir string, now func() time.Time) *BackOfficeService {
	if now == nil {
		now = time.Now
	}
	return &BackOfficeService{conns: conns, store: store, dialogs: dialogs, dir: dir, now: now}
}

var activationIDRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`)

// checkActivation validates one activation row; field keys are
// "rows.N.activationId" and "rows.N.count".
func checkActivation(i int, id, count string, fields map[string]string) (fne.Activation, bool) {
	id = strings.TrimSpace(id)
	ok := true
	if !activationIDRe.MatchString(id) {
		fields[fmt.Sprintf("rows.%d.activationId", i)] = "Enter the activation ID from your entitlement email (letters, digits, - _ . :)."
		ok = false
	}
	n, err := strconv.Atoi(strings.TrimSpace(count))
	if err != nil || n <= 0 {
		fields[fmt.Sprintf("rows.%d.count", i)] = "Enter a count of 1 or more."
		ok = false
	}
	return fne.Activation{ActivationID: id, Count: n}, ok
}

// Activate activates entitlements online. Each row gets its own result; the
// rows are the UI's and stay there after a failure.
func (s *BackOfficeService) Activate(rows []ActivationInput) ([]ActivationOutcome, error) {
	fields := map[string]string{}
	items := make([]fne.Activation, 0, len(rows))
	seen := map[string]int{}
	for i, r := range rows {
		a, ok := checkActivation(i, r.ActivationID, r.Count, fields)
		if prev, dup := seen[strings.ToUpper(a.ActivationID)]; dup && ok {
			fields[fmt.Sprintf("rows.%d.activationId", i)] = fmt.Sprintf("This activation ID is already in row %d.", prev+1)
			ok = false
		}
		seen[strings.ToUpper(a.ActivationID)] = i
		if ok {
			items = append(items, a)
		}
	}
	if len(rows) == 0 {
		return nil, apperr.New(apperr.InvalidInput, "Add at least one activation ID.")
	}
	if len(fields) > 0 {
		return nil, apperr.Invalid(fields)
	}
	cl, err := s.conns.Client()
	if err != nil {
		return nil, err
	}
	results, err := cl.Activate(s.context(), items)
	if err != nil {
		return nil, err
	}
	out := make([]ActivationOutcome, 0, len(results))
	for _, r := range results {
		msg := r.Message
		if msg == "" && r.OK() {
			msg = "Activated: the entitlements are now on the server."
		}
		out = append(out, ActivationOutcome{ActivationID: r.ActivationID, OK: r.OK(), Message: msg})
	}
	return out, nil
}

// Refresh asks the server to synchronise with the back office now.
func (s *BackOfficeService) Refresh() (SyncResult, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return SyncResult{}, err
	}
	at := s.now()
	if err := cl.Sync(s.context()); err != nil {
		return SyncResult{}, err
	}
	return SyncResult{RequestedAt: formatTime(at),
		Answer: "The server accepted the request and is retrieving pending license updates from the back office."}, nil
}

func (s *BackOfficeService) history() (*exchanges.Log, error) {
	p, ok := s.store.Active()
	if !ok {
		return nil, apperr.New(apperr.NotConfigured, "There is no active profile.")
	}
	return exchanges.Open(s.dir, p.ID), nil
}

func (s *BackOfficeService) record(e exchanges.Entry) {
	if h, err := s.history(); err == nil {
		e.Time = s.now().UTC()
		_ = h.Add(e)
	}
}

// saveBinary asks where to save data and writes it there.
func (s *BackOfficeService) saveBinary(title, name string, data []byte) (SavedFile, error) {
	if s.dialogs == nil {
		return SavedFile{}, apperr.New(apperr.NotSupported, "File dialogs are not available here.")
	}
	path, err := s.dialogs.SaveFile(title, name, FileFilter{"Binary request files (*.bin)", "*.bin"}, FileFilter{"All files", "*"})
	if err != nil {
		return SavedFile{}, apperr.Wrap(err, apperr.Internal, "The file dialog failed: %v", err)
	}
	if path == "" {
		return SavedFile{}, nil
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return SavedFile{}, apperr.Wrap(err, apperr.Internal, "Cannot write %s: %v", path, err)
	}
	return SavedFile{Path: path, Bytes: len(data), Digest: exchanges.Digest(data)}, nil
}

func stamp(t time.Time) string { return t.UTC().Format("20060102-150405") }

// DownloadCapabilityRequest saves a capability request (a poll for license
// updates) or, after a response that asked for it, a confirmation request.
func (s *BackOfficeService) DownloadCapabilityRequest(confirmation bool) (SavedFile, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return SavedFile{}, err
	}
	data, err := cl.CapabilityRequest(s.context())
	if err != nil {
		return SavedFile{}, err
	}
	kind, name := exchanges.CapabilityRequest, "capability-request-"+stamp(s.now())+".bin"
	if confirmation {
		kind, name = exchanges.ConfirmationRequest, "confirmation-request-"+stamp(s.now())+".bin"
	}
	f, err := s.saveBinary("Save the request for the back office", name, data)
	if err == nil && f.Path != "" {
		s.record(exchanges.Entry{Kind: kind, File: f.Path, Bytes: f.Bytes, Digest: f.Digest, OK: true, Result: "Saved"})
	}
	return f, err
}

// DownloadActivationRequest saves an offline activation request for one
// activation ID and count.
func (s *BackOfficeService) DownloadActivationRequest(in ActivationInput) (SavedFile, error) {
	fields := map[string]string{}
	a, ok := checkActivation(0, in.ActivationID, in.Count, fields)
	if !ok {
		// The view has a single row; name its fields plainly.
		return SavedFile{}, apperr.Invalid(fieldMessages{
			"activationId": fields["rows.0.activationId"], "count": fields["rows.0.count"],
		}.withoutEmpty())
	}
	cl, err := s.conns.Client()
	if err != nil {
		return SavedFile{}, err
	}
	data, err := cl.ActivationRequest(s.context(), a.ActivationID, a.Count)
	if err != nil {
		return SavedFile{}, err
	}
	f, err := s.saveBinary("Save the activation request for the back office", "activation-request-"+a.ActivationID+"-"+stamp(s.now())+".bin", data)
	if err == nil && f.Path != "" {
		s.record(exchanges.Entry{Kind: exchanges.ActivationRequest, File: f.Path, Bytes: f.Bytes, Digest: f.Digest,
			ActivationID: a.ActivationID, Count: a.Count, OK: true, Result: "Saved"})
	}
	return f, err
}

// readChosen opens the file dialog and reads the file with a size limit.
func (s *BackOfficeService) readChosen(title string, limit int, filters ...FileFilter) (string, []byte, error) {
	if s.dialogs == nil {
		return "", nil, apperr.New(apperr.NotSupported, "File dialogs are not available here.")
	}
	path, err := s.dialogs.OpenFile(title, filters...)
	if err != nil {
		return "", nil, apperr.Wrap(err, apperr.Internal, "The file dialog failed: %v", err)
	}
	if path == "" {
		return "", nil, nil
	}
	data, err := readLimited(path, limit)
	return path, data, err
}

func readLimited(path string, limit int) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.InvalidInput, "Cannot read %s: %v", path, err)
	}
	switch {
	case st.IsDir():
		return nil, apperr.New(apperr.InvalidInput, "%s is a folder, not a file.", path)
	case st.Size() == 0:
		return nil, apperr.New(apperr.InvalidInput, "%s is empty.", filepath.Base(path))
	case st.Size() > int64(limit):
		return nil, apperr.New(apperr.InvalidInput, "%s is %d KB, more than the %d KB a file of this kind can be.", filepath.Base(path), st.Size()>>10, limit>>10)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.InvalidInput, "Cannot read %s: %v", path, err)
	}
	return data, nil
}

// ChooseResponseFile picks a response file from the back office and checks
// what can be checked before it is sent (empty, too big).
func (s *BackOfficeService) ChooseResponseFile() (ChosenFile, error) {
	path, data, err := s.readChosen("Choose the response from the back office", MaxResponseSize,
		FileFilter{"Binary response files (*.bin)", "*.bin"}, FileFilter{"All files", "*"})
	if err != nil || path == "" {
		return ChosenFile{}, err
	}
	return ChosenFile{Path: path, Name: filepath.Base(path), Bytes: len(data), Digest: exchanges.Digest(data),
		Note: fmt.Sprintf("%d bytes, SHA-256 %s…", len(data), exchanges.Digest(data))}, nil
}

// UploadResponse loads the chosen response file into the server.
func (s *BackOfficeService) UploadResponse(path string) (ResponseResult, error) {
	data, err := readLimited(path, MaxResponseSize)
	if err != nil {
		return ResponseResult{}, err
	}
	cl, err := s.conns.Client()
	if err != nil {
		return ResponseResult{}, err
	}
	res, err := cl.UploadCapabilityResponse(s.context(), data)
	entry := exchanges.Entry{Kind: exchanges.Response, File: path, Bytes: len(data), Digest: exchanges.Digest(data)}
	if err != nil {
		entry.Result = apperr.From(err).Message
		s.record(entry)
		return ResponseResult{}, err
	}
	out := ResponseResult{ConfirmationRequestNeeded: res.ConfirmationRequestNeeded,
		Message: "The server loaded the response and updated its licenses."}
	if res.ConfirmationRequestNeeded {
		out.Message = "The server loaded the response. The back office needs a confirmation request: download it and send it to the back office."
	}
	entry.OK, entry.Result, entry.ConfirmationNeeded = true, out.Message, res.ConfirmationRequestNeeded
	s.record(entry)
	return out, nil
}

// History lists the active profile's offline exchanges, newest first.
func (s *BackOfficeService) History() ([]exchanges.Entry, error) {
	h, err := s.history()
	if err != nil {
		return nil, err
	}
	list, err := h.List()
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Internal, "%v", err)
	}
	if list == nil {
		list = []exchanges.Entry{}
	}
	return list, nil
}

// ChooseClientKey picks a public key file and checks it is a DER-encoded
// RSA key of 2048 bits, explaining exactly what is wrong otherwise.
func (s *BackOfficeService) ChooseClientKey() (ChosenFile, error) {
	path, data, err := s.readChosen("Choose the client's public key (DER)", clientkey.MaxSize,
		FileFilter{"DER public keys (*.der, *.key, *.pub)", "*.der;*.key;*.pub"}, FileFilter{"All files", "*"})
	if err != nil || path == "" {
		return ChosenFile{}, err
	}
	k, err := clientkey.Check(data)
	if err != nil {
		return ChosenFile{}, apperr.New(apperr.InvalidInput, "%s cannot be uploaded: %v.", filepath.Base(path), err)
	}
	return ChosenFile{Path: path, Name: filepath.Base(path), Bytes: len(data), Digest: exchanges.Digest(data),
		Note: fmt.Sprintf("RSA %d-bit public key, SHA-256 %s", k.Bits, k.Fingerprint)}, nil
}

// UploadClientKey checks the key file again and uploads it.
func (s *BackOfficeService) UploadClientKey(path string) (string, error) {
	data, err := readLimited(path, clientkey.MaxSize)
	if err != nil {
		return "", err
	}
	k, err := clientkey.Check(data)
	if err != nil {
		return "", apperr.New(apperr.InvalidInput, "%s cannot be uploaded: %v.", filepath.Base(path), err)
	}
	cl, err := s.conns.Client()
	if err != nil {
		return "", err
	}
	if _, err := cl.UploadRestLicensingKey(s.context(), data); err != nil {
		return "", err
	}
	return fmt.Sprintf("The server accepted the RSA %d-bit public key (SHA-256 %s).", k.Bits, k.Fingerprint), nil
}

// fieldMessages are per-field validation messages.
type fieldMessages map[string]string

// withoutEmpty drops fields without a message.
func (f fieldMessages) withoutEmpty() map[string]string {
	out := map[string]string{}
	for k, v := range f {
		if v != "" {
			out[k] = v
		}
	}
	return out
}
