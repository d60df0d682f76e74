package operations

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/clientkey"
	"licenseservermanager/internal/exchanges"
	"licenseservermanager/internal/fne"
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

// RequestFile is a request the server generated for the back office, with
// the name to suggest when it is saved.
type RequestFile struct {
	Kind exchanges.Kind
	Name string
	Data []byte
	// ActivationID and Count are set for an offline activation request.
	ActivationID string
	Count        int
}

// SavedFile is a request file written where the user chose; Path is ""
// when the user cancelled.
type SavedFile struct {
	Path   string `json:"path"`
	Bytes  int    `json:"bytes"`
	Digest string `json:"digest"`
}

// ChosenFile is a file the user picked, already checked; Path is "" when
// the user cancelled.
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

// BackOffice is the three Back Office views: online activation and sync,
// offline exchanges with their history per profile (kept in dir), and the
// client key.
type BackOffice struct {
	dir string
	now func() time.Time
}

// NewBackOffice keeps exchange histories in dir; now is injectable.
func NewBackOffice(dir string, now func() time.Time) *BackOffice {
	if now == nil {
		now = time.Now
	}
	return &BackOffice{dir: dir, now: now}
}

var activationIDRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`)

// checkActivation validates one activation row named item.
func checkActivation(item, id, count string) (fne.Activation, []apperr.Item) {
	id = strings.TrimSpace(id)
	var problems []apperr.Item
	if !activationIDRe.MatchString(id) {
		problems = append(problems, apperr.Item{Item: item, Field: "activationId", Code: requiredOr(id, apperr.ItemFormat),
			Message: "Enter the activation ID from your entitlement email (letters, digits, - _ . :)."})
	}
	n, err := strconv.Atoi(strings.TrimSpace(count))
	if err != nil || n <= 0 {
		problems = append(problems, apperr.Item{Item: item, Field: "count", Code: requiredOr(strings.TrimSpace(count), apperr.ItemFormat),
			Message: "Enter a count of 1 or more."})
	}
	return fne.Activation{ActivationID: id, Count: n}, problems
}

func requiredOr(value, code string) string {
	if value == "" {
		return apperr.ItemRequired
	}
	return code
}

// Activate activates entitlements online. Each row gets its own result;
// problems name their row by its position (from 0).
func (o *BackOffice) Activate(ctx context.Context, srv BackOfficeServer, rows []ActivationInput) ([]ActivationOutcome, error) {
	if len(rows) == 0 {
		return nil, apperr.New(apperr.InvalidInput, "Add at least one activation ID.")
	}
	var problems []apperr.Item
	items := make([]fne.Activation, 0, len(rows))
	seen := map[string]int{}
	for i, r := range rows {
		item := strconv.Itoa(i)
		a, bad := checkActivation(item, r.ActivationID, r.Count)
		if prev, dup := seen[strings.ToUpper(a.ActivationID)]; dup && len(bad) == 0 {
			bad = append(bad, apperr.Item{Item: item, Field: "activationId", Code: apperr.ItemTaken, Message: fmt.Sprintf("This activation ID is already in row %d.", prev+1)})
		}
		seen[strings.ToUpper(a.ActivationID)] = i
		problems = append(problems, bad...)
		items = append(items, a)
	}
	if len(problems) > 0 {
		return nil, apperr.Invalid(problems...)
	}
	results, err := srv.Activate(ctx, items)
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
func (o *BackOffice) Refresh(ctx context.Context, srv BackOfficeServer) (SyncResult, error) {
	at := o.now()
	if err := srv.Sync(ctx); err != nil {
		return SyncResult{}, err
	}
	return SyncResult{RequestedAt: formatTime(at),
		Answer: "The server accepted the request and is retrieving pending license updates from the back office."}, nil
}

func stamp(t time.Time) string { return t.UTC().Format("20060102-150405") }

// CapabilityRequest has the server generate a capability request (a poll
// for license updates) or, after a response that asked for it, a
// confirmation request.
func (o *BackOffice) CapabilityRequest(ctx context.Context, srv BackOfficeServer, confirmation bool) (RequestFile, error) {
	data, err := srv.CapabilityRequest(ctx)
	if err != nil {
		return RequestFile{}, err
	}
	if confirmation {
		return RequestFile{Kind: exchanges.ConfirmationRequest, Name: "confirmation-request-" + stamp(o.now()) + ".bin", Data: data}, nil
	}
	return RequestFile{Kind: exchanges.CapabilityRequest, Name: "capability-request-" + stamp(o.now()) + ".bin", Data: data}, nil
}

// ActivationRequest has the server generate an offline activation request
// for one activation ID and count (the form's fields, item "").
func (o *BackOffice) ActivationRequest(ctx context.Context, srv BackOfficeServer, in ActivationInput) (RequestFile, error) {
	a, problems := checkActivation("", in.ActivationID, in.Count)
	if len(problems) > 0 {
		return RequestFile{}, apperr.Invalid(problems...)
	}
	data, err := srv.ActivationRequest(ctx, a.ActivationID, a.Count)
	if err != nil {
		return RequestFile{}, err
	}
	return RequestFile{Kind: exchanges.ActivationRequest, Name: "activation-request-" + a.ActivationID + "-" + stamp(o.now()) + ".bin", Data: data,
		ActivationID: a.ActivationID, Count: a.Count}, nil
}

// SaveRequest writes a request to path and records it in profileID's
// exchange history.
func (o *BackOffice) SaveRequest(profileID string, req RequestFile, path string) (SavedFile, error) {
	if err := WriteFile(path, req.Data); err != nil {
		return SavedFile{}, err
	}
	f := SavedFile{Path: path, Bytes: len(req.Data), Digest: exchanges.Digest(req.Data)}
	o.record(profileID, exchanges.Entry{Kind: req.Kind, File: path, Bytes: f.Bytes, Digest: f.Digest,
		ActivationID: req.ActivationID, Count: req.Count, OK: true, Result: "Saved"})
	return f, nil
}

func (o *BackOffice) record(profileID string, e exchanges.Entry) {
	e.Time = o.now().UTC()
	// The exchange itself is done; a history that cannot be written only
	// loses the note of it.
	_ = exchanges.Open(o.dir, profileID).Add(e)
}

// ReadResponseFile checks a response file from the back office as far as
// it can be checked before it is sent (empty, too big).
func ReadResponseFile(path string) (ChosenFile, error) {
	data, err := ReadFile(path, MaxResponseSize)
	if err != nil {
		return ChosenFile{}, err
	}
	return ChosenFile{Path: path, Name: filepath.Base(path), Bytes: len(data), Digest: exchanges.Digest(data),
		Note: fmt.Sprintf("%d bytes, SHA-256 %s…", len(data), exchanges.Digest(data))}, nil
}

// UploadResponse loads the response file at path into the server and
// records the outcome in profileID's history.
func (o *BackOffice) UploadResponse(ctx context.Context, srv BackOfficeServer, profileID, path string) (ResponseResult, error) {
	data, err := ReadFile(path, MaxResponseSize)
	if err != nil {
		return ResponseResult{}, err
	}
	res, err := srv.UploadCapabilityResponse(ctx, data)
	entry := exchanges.Entry{Kind: exchanges.Response, File: path, Bytes: len(data), Digest: exchanges.Digest(data)}
	if err != nil {
		entry.Result = apperr.From(err).Message
		o.record(profileID, entry)
		return ResponseResult{}, err
	}
	out := ResponseResult{ConfirmationRequestNeeded: res.ConfirmationRequestNeeded,
		Message: "The server loaded the response and updated its licenses."}
	if res.ConfirmationRequestNeeded {
		out.Message = "The server loaded the response. The back office needs a confirmation request: download it and send it to the back office."
	}
	entry.OK, entry.Result, entry.ConfirmationNeeded = true, out.Message, res.ConfirmationRequestNeeded
	o.record(profileID, entry)
	return out, nil
}

// History lists profileID's offline exchanges, newest first.
func (o *BackOffice) History(profileID string) ([]exchanges.Entry, error) {
	list, err := exchanges.Open(o.dir, profileID).List()
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Internal, "%v", err)
	}
	if list == nil {
		list = []exchanges.Entry{}
	}
	return list, nil
}

// readClientKey reads and checks a public key file: a DER-encoded RSA key
// of 2048 bits, explaining exactly what is wrong otherwise.
func readClientKey(path string) ([]byte, clientkey.Key, error) {
	data, err := ReadFile(path, clientkey.MaxSize)
	if err != nil {
		return nil, clientkey.Key{}, err
	}
	k, err := clientkey.Check(data)
	if err != nil {
		return nil, clientkey.Key{}, apperr.New(apperr.InvalidInput, "%s cannot be uploaded: %v.", filepath.Base(path), err)
	}
	return data, k, nil
}

// CheckClientKey checks the key file at path before it is uploaded.
func CheckClientKey(path string) (ChosenFile, error) {
	data, k, err := readClientKey(path)
	if err != nil {
		return ChosenFile{}, err
	}
	return ChosenFile{Path: path, Name: filepath.Base(path), Bytes: len(data), Digest: exchanges.Digest(data),
		Note: fmt.Sprintf("RSA %d-bit public key, SHA-256 %s", k.Bits, k.Fingerprint)}, nil
}

// UploadClientKey checks the key file again and uploads it.
func UploadClientKey(ctx context.Context, srv BackOfficeServer, path string) (string, error) {
	data, k, err := readClientKey(path)
	if err != nil {
		return "", err
	}
	if _, err := srv.UploadRestLicensingKey(ctx, data); err != nil {
		return "", err
	}
	return fmt.Sprintf("The server accepted the RSA %d-bit public key (SHA-256 %s).", k.Bits, k.Fingerprint), nil
}
