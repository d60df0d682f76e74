package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/features"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/reservations"
)

// MaxReservationsFile bounds an import file; a server's worth of
// reservations is far smaller, so anything bigger is the wrong file.
const MaxReservationsFile = 5 << 20

// modelActiveMessage explains why reservations cannot be added; the UI
// links to Named License Pools with it.
const modelActiveMessage = "Reservations and named license pools cannot coexist: a model definition (named license pools) is active on this server. Delete it under Named License Pools before adding reservations."

var reservationsFileFilter = FileFilter{DisplayName: "JSON files (*.json)", Pattern: "*.json"}

// ReservationGroupRef is a group as the delete list shows it.
type ReservationGroupRef struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	Reservations int    `json:"reservations"`
	Entries      int    `json:"entries"`
}

// ReservationsPage is one page of the Reservations view.
type ReservationsPage struct {
	Rows     []reservations.Row `json:"rows"`
	Total    int                `json:"total"`
	Page     int                `json:"page"`
	Pages    int                `json:"pages"`
	LoadedAt string             `json:"loadedAt"`
	// ModelActive is true while a model definition is loaded: reservations
	// cannot be added then, and ModelMessage says why.
	ModelActive  bool                  `json:"modelActive"`
	ModelMessage string                `json:"modelMessage,omitempty"`
	Groups       []ReservationGroupRef `json:"groups"`
}

// FeatureOption is a feature the Add page offers, with its versions on the
// server in ascending order.
type FeatureOption struct {
	Name     string   `json:"name"`
	Versions []string `json:"versions"`
}

// ValidationResult is the Add page's check of its pending table. Fields
// are keyed "entries.I.FIELD"; Groups are what Submit would create.
type ValidationResult struct {
	Valid        bool                 `json:"valid"`
	Fields       map[string]string    `json:"fields"`
	Groups       []reservations.Group `json:"groups"`
	ModelActive  bool                 `json:"modelActive"`
	ModelMessage string               `json:"modelMessage,omitempty"`
}

// GroupResult is what happened to one group of a submit or delete. Code
// and Message are set when it failed, with the server's own words.
type GroupResult struct {
	Group   string      `json:"group"`
	ID      int64       `json:"id,omitempty"`
	OK      bool        `json:"ok"`
	Code    apperr.Code `json:"code,omitempty"`
	Message string      `json:"message,omitempty"`
}

// SubmitReport is the outcome of Submit, one result per group. The UI
// keeps its pending table unless Failed is 0.
type SubmitReport struct {
	Results []GroupResult `json:"results"`
	Created int           `json:"created"`
	Failed  int           `json:"failed"`
}

// DeleteReport is the outcome of Delete, one result per group.
type DeleteReport struct {
	Results []GroupResult `json:"results"`
	Deleted int           `json:"deleted"`
	Failed  int           `json:"failed"`
}

// EditReport is the outcome of EditGroup. Replaced: the new version is on
// the server (Group). Otherwise Restored says whether the original was
// re-created (Group, with new IDs); if not, OriginalJSON holds it in the
// import format so that nothing is lost.
type EditReport struct {
	Replaced     bool               `json:"replaced"`
	Restored     bool               `json:"restored"`
	Group        reservations.Group `json:"group"`
	Message      string             `json:"message"`
	OriginalJSON string             `json:"originalJson,omitempty"`
}

// ImportPreviewResult is an import file read and checked against the
// server. Token names it for ApplyImport; Cancelled is true (and the rest
// empty) when the user closed the dialog.
type ImportPreviewResult struct {
	// Preview is a named field, not embedded: the Wails binding generator
	// drops the nested types of an embedded struct from another package.
	Preview   reservations.ImportPreview `json:"preview"`
	Token     string                     `json:"token"`
	FileName  string                     `json:"fileName"`
	Cancelled bool                       `json:"cancelled"`
}

// GroupMessage says why a group was skipped or failed. OriginalJSON is set
// when a replaced group could be neither replaced nor restored.
type GroupMessage struct {
	Group        string `json:"group"`
	Message      string `json:"message"`
	OriginalJSON string `json:"originalJson,omitempty"`
}

// ImportReport is the outcome of ApplyImport.
type ImportReport struct {
	Imported      int            `json:"imported"`
	Replaced      int            `json:"replaced"`
	Skipped       int            `json:"skipped"`
	SkippedGroups []GroupMessage `json:"skippedGroups"`
	Failed        []GroupMessage `json:"failed"`
}

// ReservationsService is bound to the UI for the Reservations view.
type ReservationsService struct {
	base
	conns   *Connections
	dialogs Dialogs
	list    table[reservations.Row]
	// loaded is what the list's last load saw besides the rows; written by
	// load while the list cache's lock is held.
	loaded reservationsSnapshot

	mu sync.Mutex
	// preview is the last import file read; ApplyImport imports what was
	// checked here, never a copy sent back by the UI.
	preview *ImportPreviewResult
}

type reservationsSnapshot struct {
	groups      []reservations.Group
	modelActive bool
}

// NewReservationsService builds the service.
func NewReservationsService(conns *Connections, dialogs Dialogs) *ReservationsService {
	s := &ReservationsService{conns: conns, dialogs: dialogs}
	s.list = table[reservations.Row]{load: s.load, match: matchReservation, order: reservationColumns,
		csv: reservationCSV, file: "reservations.csv"}
	return s
}

func groupFromWire(g fne.ReservationGroup) reservations.Group {
	out := reservations.Group{ID: int64(g.ID), Name: g.Name, Reservations: make([]reservations.Reservation, len(g.Reservations))}
	for i, r := range g.Reservations {
		res := reservations.Reservation{ID: int64(r.ID), HostID: reservations.HostID{Value: r.HostID.Value, Type: r.HostID.Type},
			Entries: make([]reservations.Entry, len(r.Entries))}
		for j, e := range r.Entries {
			res.Entries[j] = reservations.Entry{ID: int64(e.ID), FeatureName: e.FeatureName, FeatureVersion: e.FeatureVersion, FeatureCount: int64(e.FeatureCount)}
		}
		out.Reservations[i] = res
	}
	return out
}

func groupToWire(g reservations.Group) fne.ReservationGroup {
	out := fne.ReservationGroup{Name: g.Name, Reservations: make([]fne.Reservation, len(g.Reservations))}
	for i, r := range g.Reservations {
		res := fne.Reservation{HostID: fne.ReservationHostID{Value: r.HostID.Value, Type: r.HostID.Type},
			Entries: make([]fne.ReservationEntry, len(r.Entries))}
		for j, e := range r.Entries {
			res.Entries[j] = fne.ReservationEntry{FeatureName: e.FeatureName, FeatureVersion: e.FeatureVersion, FeatureCount: fne.FlexInt(e.FeatureCount)}
		}
		out.Reservations[i] = res
	}
	return out
}

// readReservationGroups reads the groups as they are now: every change is
// checked against the server's current state, not the list on screen.
func readReservationGroups(ctx context.Context, cl *fne.Client) ([]reservations.Group, error) {
	list, err := cl.ReservationGroups(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]reservations.Group, len(list))
	for i, g := range list {
		out[i] = groupFromWire(g)
	}
	return out, nil
}

// modelDefinitionActive asks GET /model: an answer means a model
// definition is loaded; not_found means none, and a server without models
// has none either.
func modelDefinitionActive(ctx context.Context, cl *fne.Client) (bool, error) {
	_, err := cl.Model(ctx)
	switch apperr.CodeOf(err) {
	case "":
		return true, nil
	case apperr.NotFound, apperr.NotSupported:
		return false, nil
	}
	return false, err
}

func (s *ReservationsService) load(ctx context.Context, cl *fne.Client) ([]reservations.Row, error) {
	groups, err := readReservationGroups(ctx, cl)
	if err != nil {
		return nil, err
	}
	recs, err := cl.Features(ctx)
	if err != nil {
		return nil, err
	}
	active, err := modelDefinitionActive(ctx, cl)
	if err != nil {
		return nil, err
	}
	stock := make([]reservations.Stock, len(recs))
	for i, f := range recs {
		stock[i] = reservations.Stock{Name: f.Name, Version: f.Version, Count: int64(f.Count), Uncounted: f.Uncounted}
	}
	s.loaded = reservationsSnapshot{groups: groups, modelActive: active}
	return reservations.Status(groups, stock), nil
}

// matchReservation finds rows by device ID, group or feature, ignoring case.
func matchReservation(r *reservations.Row, q string) bool {
	q = strings.ToLower(q)
	for _, f := range []string{r.DeviceID, r.Group, r.Feature} {
		if strings.Contains(strings.ToLower(f), q) {
			return true
		}
	}
	return false
}

var reservationColumns = listing.Columns[reservations.Row]{
	"group":    listing.By(func(r *reservations.Row) string { return listing.Fold(r.Group) }),
	"deviceId": listing.By(func(r *reservations.Row) string { return listing.Fold(r.DeviceID) }),
	"idType":   listing.By(func(r *reservations.Row) string { return r.IDType }),
	"feature":  listing.By(func(r *reservations.Row) string { return listing.Fold(r.Feature) }),
	"version":  func(a, b *reservations.Row) int { return features.CompareVersions(a.Version, b.Version) },
	"count":    listing.By(func(r *reservations.Row) int64 { return r.Count }),
	"status":   listing.By(func(r *reservations.Row) string { return r.Status }),
}

var reservationCSV = []column[reservations.Row]{
	{"status", "Status", func(r *reservations.Row) string { return r.Status }},
	{"deviceId", "Device ID", func(r *reservations.Row) string { return r.DeviceID }},
	{"idType", "ID Type", func(r *reservations.Row) string { return r.IDType }},
	{"group", "Reservation Group", func(r *reservations.Row) string { return r.Group }},
	{"feature", "Feature Name", func(r *reservations.Row) string { return r.Feature }},
	{"version", "Version", func(r *reservations.Row) string { return r.Version }},
	{"count", "Count", func(r *reservations.Row) string { return fmt.Sprint(r.Count) }},
	{"reason", "Reason", func(r *reservations.Row) string { return r.Reason }},
}

// List returns one page of reservation entries with their status; search
// matches device ID, group or feature. refresh reads the server again.
func (s *ReservationsService) List(q listing.Query, refresh bool) (ReservationsPage, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return ReservationsPage{}, err
	}
	p, err := s.list.page(s.context(), cl, q, refresh)
	if err != nil {
		return ReservationsPage{}, err
	}
	s.list.cache.mu.Lock()
	snap := s.loaded
	s.list.cache.mu.Unlock()
	out := ReservationsPage{Rows: p.rows, Total: p.total, Page: p.page, Pages: p.pages, LoadedAt: formatTime(p.loadedAt),
		ModelActive: snap.modelActive, Groups: make([]ReservationGroupRef, len(snap.groups))}
	if out.ModelActive {
		out.ModelMessage = modelActiveMessage
	}
	for i, g := range snap.groups {
		ref := ReservationGroupRef{ID: g.ID, Name: g.Name, Reservations: len(g.Reservations)}
		for _, r := range g.Reservations {
			ref.Entries += len(r.Entries)
		}
		out.Groups[i] = ref
	}
	return out, nil
}

// ExportCSV writes every row matching q as CSV through a save dialog.
func (s *ReservationsService) ExportCSV(q listing.Query, columns []string) (string, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return "", err
	}
	return s.list.export(s.context(), cl, s.dialogs, q, columns)
}

// Features lists the server's features and their versions for the Add
// page's picker, by name.
func (s *ReservationsService) Features() ([]FeatureOption, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return nil, err
	}
	recs, err := cl.Features(s.context())
	if err != nil {
		return nil, err
	}
	byName := map[string][]string{}
	for _, f := range recs {
		if !slices.Contains(byName[f.Name], f.Version) {
			byName[f.Name] = append(byName[f.Name], f.Version)
		}
	}
	out := make([]FeatureOption, 0, len(byName))
	for name, versions := range byName {
		slices.SortFunc(versions, features.CompareVersions)
		out = append(out, FeatureOption{Name: name, Versions: versions})
	}
	slices.SortFunc(out, func(a, b FeatureOption) int { return strings.Compare(listing.Fold(a.Name), listing.Fold(b.Name)) })
	return out, nil
}

// IDTypes lists the host ID types for the Add page's ID Type picker.
func (s *ReservationsService) IDTypes() []string { return slices.Clone(reservations.HostIDTypes) }

// Validate checks the pending table against the rules and the server's
// current groups, without changing anything.
func (s *ReservationsService) Validate(pending []reservations.PendingEntry) (ValidationResult, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return ValidationResult{}, err
	}
	ctx := s.context()
	existing, err := readReservationGroups(ctx, cl)
	if err != nil {
		return ValidationResult{}, err
	}
	active, err := modelDefinitionActive(ctx, cl)
	if err != nil {
		return ValidationResult{}, err
	}
	groups, fields := reservations.FromPending(pending, existing)
	if groups == nil {
		groups = []reservations.Group{}
	}
	out := ValidationResult{Valid: len(fields) == 0 && len(pending) > 0, Fields: fields, Groups: groups, ModelActive: active}
	if active {
		out.ModelMessage = modelActiveMessage
	}
	return out, nil
}

// endsTheBatch tells whether a failure is about the session or the
// connection rather than one group: the next group would fail the same way,
// so the rest are not sent. When the very first request fails so, the
// error itself is returned, for the UI's login prompt or access banner.
func endsTheBatch(err error) bool {
	switch apperr.CodeOf(err) {
	case apperr.LoginRequired, apperr.AccessDenied, apperr.Unreachable, apperr.Timeout, apperr.Cancelled, apperr.NotConfigured:
		return true
	}
	return false
}

func groupFailed(name string, id int64, err error) GroupResult {
	e := apperr.From(err)
	return GroupResult{Group: name, ID: id, Code: e.Code, Message: e.Message}
}

// groupNotSent marks the groups left after a failure that stops everything.
func groupNotSent(name string, id int64, cause error) GroupResult {
	return GroupResult{Group: name, ID: id, Code: apperr.CodeOf(cause), Message: "Not sent: " + apperr.From(cause).Message}
}

// Submit creates the pending table's groups, one request per group, each
// accepted or refused whole by the server; nothing is retried. Invalid
// entries give invalid_input with fields "entries.I.FIELD", an active
// model definition gives conflict, and nothing is sent in either case.
func (s *ReservationsService) Submit(pending []reservations.PendingEntry) (SubmitReport, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return SubmitReport{}, err
	}
	ctx := s.context()
	if len(pending) == 0 {
		return SubmitReport{}, apperr.Invalid(map[string]string{"entries": "Add at least one reservation entry."})
	}
	existing, err := readReservationGroups(ctx, cl)
	if err != nil {
		return SubmitReport{}, err
	}
	groups, fields := reservations.FromPending(pending, existing)
	if len(fields) > 0 {
		return SubmitReport{}, apperr.Invalid(fields)
	}
	if err := refuseWhileModelActive(ctx, cl); err != nil {
		return SubmitReport{}, err
	}
	rep := SubmitReport{Results: []GroupResult{}}
	var stop error
	for _, g := range groups {
		if stop != nil {
			rep.Results = append(rep.Results, groupNotSent(g.Name, 0, stop))
			rep.Failed++
			continue
		}
		stored, err := cl.AddReservationGroup(ctx, groupToWire(g))
		if err != nil {
			if endsTheBatch(err) {
				if len(rep.Results) == 0 {
					return SubmitReport{}, err
				}
				stop = err
			}
			rep.Results = append(rep.Results, groupFailed(g.Name, 0, err))
			rep.Failed++
			continue
		}
		rep.Results = append(rep.Results, GroupResult{Group: g.Name, ID: int64(stored.ID), OK: true})
		rep.Created++
	}
	if rep.Created > 0 {
		s.list.invalidate()
	}
	return rep, nil
}

func refuseWhileModelActive(ctx context.Context, cl *fne.Client) error {
	active, err := modelDefinitionActive(ctx, cl)
	if err != nil {
		return err
	}
	if active {
		return apperr.New(apperr.Conflict, "%s", modelActiveMessage)
	}
	return nil
}

// Delete deletes the groups, each on its own; the report says which went.
func (s *ReservationsService) Delete(groupIDs []int64) (DeleteReport, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return DeleteReport{}, err
	}
	if len(groupIDs) == 0 {
		return DeleteReport{}, apperr.New(apperr.InvalidInput, "Select the reservation groups to delete.")
	}
	ctx := s.context()
	existing, err := readReservationGroups(ctx, cl)
	if err != nil {
		return DeleteReport{}, err
	}
	names := map[int64]string{}
	for _, g := range existing {
		names[g.ID] = g.Name
	}
	rep := DeleteReport{Results: []GroupResult{}}
	var stop error
	for _, id := range groupIDs {
		name, ok := names[id]
		switch {
		case stop != nil:
			rep.Results = append(rep.Results, groupNotSent(name, id, stop))
			rep.Failed++
			continue
		case !ok:
			rep.Results = append(rep.Results, GroupResult{ID: id, Code: apperr.NotFound, Message: fmt.Sprintf("Reservation group %d is no longer on the server.", id)})
			rep.Failed++
			continue
		}
		if err := cl.DeleteReservationGroup(ctx, id); err != nil {
			if endsTheBatch(err) {
				if len(rep.Results) == 0 {
					return DeleteReport{}, err
				}
				stop = err
			}
			rep.Results = append(rep.Results, groupFailed(name, id, err))
			rep.Failed++
			continue
		}
		rep.Results = append(rep.Results, GroupResult{Group: name, ID: id, OK: true})
		rep.Deleted++
	}
	if rep.Deleted > 0 {
		s.list.invalidate()
	}
	return rep, nil
}

// replacement is what replaceGroup did.
type replacement struct {
	stored   reservations.Group // the new group, or the restored original
	addErr   error              // why the new group was refused
	restored bool
	lostErr  error // why the original could not be re-created either
}

// replaceGroup deletes orig and creates next in its place, the server
// having no edit. If next is refused, orig (as read just before) is
// created again. A failed delete changes nothing and is returned as err.
func replaceGroup(ctx context.Context, cl *fne.Client, orig, next reservations.Group) (replacement, error) {
	if err := cl.DeleteReservationGroup(ctx, orig.ID); err != nil {
		return replacement{}, err
	}
	stored, err := cl.AddReservationGroup(ctx, groupToWire(next))
	if err == nil {
		return replacement{stored: groupFromWire(stored)}, nil
	}
	out := replacement{addErr: err}
	back, rerr := cl.AddReservationGroup(ctx, groupToWire(orig.WithoutIDs()))
	if rerr != nil {
		out.lostErr = rerr
		return out, nil
	}
	out.stored, out.restored = groupFromWire(back), true
	return out, nil
}

// message tells the user what a failed replacement left behind.
func (r replacement) message(name string) string {
	refused := apperr.From(r.addErr).Message
	if r.restored {
		return fmt.Sprintf("The new version of %q was refused: %s The original group was re-created as it was.", name, refused)
	}
	return fmt.Sprintf("The new version of %q was refused: %s Re-creating the original failed too: %s Its definition is kept here as JSON; import it to restore it.",
		name, refused, apperr.From(r.lostErr).Message)
}

// EditGroup replaces group groupID with the entries given, as one
// operation: the server cannot edit a group, so it deletes it and creates
// the new version. If the server refuses the new version, the original is
// re-created from the copy read just before deleting it, and the report
// says so; if even that fails, the report carries the original as JSON.
// All entries must share one group name (the group may be renamed).
func (s *ReservationsService) EditGroup(groupID int64, entries []reservations.PendingEntry) (EditReport, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return EditReport{}, err
	}
	if len(entries) == 0 {
		return EditReport{}, apperr.Invalid(map[string]string{"entries": "A group needs at least one reservation entry; use Delete to remove it."})
	}
	ctx := s.context()
	existing, err := readReservationGroups(ctx, cl)
	if err != nil {
		return EditReport{}, err
	}
	i := slices.IndexFunc(existing, func(g reservations.Group) bool { return g.ID == groupID })
	if i < 0 {
		return EditReport{}, apperr.New(apperr.NotFound, "Reservation group %d is no longer on the server; refresh the list.", groupID)
	}
	orig := existing[i]
	groups, fields := reservations.FromPending(entries, slices.Delete(slices.Clone(existing), i, i+1))
	for j, p := range entries {
		if len(groups) > 1 && !strings.EqualFold(strings.TrimSpace(p.GroupName), groups[0].Name) {
			fields[reservations.PendingField(j, reservations.FieldGroupName)] = fmt.Sprintf("All entries of the edited group must have the same group name (%q).", groups[0].Name)
		}
	}
	if len(fields) > 0 {
		return EditReport{}, apperr.Invalid(fields)
	}
	// With a model active the new version would be refused, and so would
	// the original: check before deleting anything.
	if err := refuseWhileModelActive(ctx, cl); err != nil {
		return EditReport{}, err
	}
	r, err := replaceGroup(ctx, cl, orig, groups[0])
	if err != nil {
		return EditReport{}, err
	}
	s.list.invalidate()
	if r.addErr == nil {
		return EditReport{Replaced: true, Group: r.stored, Message: fmt.Sprintf("Group %q was replaced.", r.stored.Name)}, nil
	}
	out := EditReport{Restored: r.restored, Group: r.stored, Message: r.message(orig.Name)}
	if !r.restored {
		out.Group, out.OriginalJSON = orig, string(reservations.Export([]reservations.Group{orig}))
	}
	return out, nil
}

// PreviewImport asks for a JSON file and checks it against the server's
// groups. The preview is kept here under its token for ApplyImport.
func (s *ReservationsService) PreviewImport() (ImportPreviewResult, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return ImportPreviewResult{}, err
	}
	if s.dialogs == nil {
		return ImportPreviewResult{}, apperr.New(apperr.NotSupported, "File dialogs are not available here.")
	}
	path, err := s.dialogs.OpenFile("Import reservations", reservationsFileFilter)
	if err != nil {
		return ImportPreviewResult{}, apperr.Wrap(err, apperr.Internal, "The file dialog failed: %v", err)
	}
	if path == "" {
		return ImportPreviewResult{Cancelled: true, Preview: reservations.ImportPreview{
			Groups: []reservations.ImportGroup{}, Errors: []reservations.Problem{}, Warnings: []reservations.Problem{},
			Keep: reservations.Plan(nil, nil, false), Replace: reservations.Plan(nil, nil, true),
		}}, nil
	}
	data, err := readLimited(path, MaxReservationsFile)
	if err != nil {
		return ImportPreviewResult{}, err
	}
	existing, err := readReservationGroups(s.context(), cl)
	if err != nil {
		return ImportPreviewResult{}, err
	}
	token, err := newImportToken()
	if err != nil {
		return ImportPreviewResult{}, err
	}
	out := ImportPreviewResult{Preview: reservations.Import(data, existing), Token: token, FileName: filepath.Base(path)}
	s.mu.Lock()
	s.preview = &out
	s.mu.Unlock()
	return out, nil
}

func newImportToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", apperr.Wrap(err, apperr.Internal, "Cannot make an import token: %v", err)
	}
	return hex.EncodeToString(b), nil
}

// ApplyImport imports the file previewed under token. Groups whose names
// exist on the server are replaced when replaceExisting is set (with the
// same restore-on-failure as EditGroup) and skipped otherwise. The plan is
// made again against the server as it is now, since it may have changed
// since the preview.
func (s *ReservationsService) ApplyImport(token string, replaceExisting bool) (ImportReport, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return ImportReport{}, err
	}
	s.mu.Lock()
	p := s.preview
	s.mu.Unlock()
	if p == nil || p.Token != token {
		return ImportReport{}, apperr.New(apperr.NotFound, "This import preview is no longer current; open the file again.")
	}
	ctx := s.context()
	existing, err := readReservationGroups(ctx, cl)
	if err != nil {
		return ImportReport{}, err
	}
	if err := refuseWhileModelActive(ctx, cl); err != nil {
		return ImportReport{}, err
	}
	plan := reservations.Plan(p.Preview.Groups, existing, replaceExisting)
	rep := ImportReport{SkippedGroups: []GroupMessage{}, Failed: []GroupMessage{}}
	byID := map[int64]reservations.Group{}
	for _, g := range existing {
		byID[g.ID] = g
	}
	var stop error
	sent := 0
	// Replacements go first: the plan counts on the hosts they free.
	for _, kind := range []reservations.Action{reservations.ActionReplace, reservations.ActionCreate} {
		for _, a := range plan.Actions {
			if a.Action != kind {
				continue
			}
			g := p.Preview.Groups[a.Index].Group
			if stop != nil {
				rep.Failed = append(rep.Failed, GroupMessage{Group: g.Name, Message: "Not sent: " + apperr.From(stop).Message})
				continue
			}
			sent++
			m, err := importOne(ctx, cl, a, g, byID[a.Replaces])
			switch {
			case m == nil && kind == reservations.ActionCreate:
				rep.Imported++
			case m == nil:
				rep.Replaced++
			case endsTheBatch(err) && sent == 1:
				return ImportReport{}, err
			default:
				if endsTheBatch(err) {
					stop = err
				}
				rep.Failed = append(rep.Failed, *m)
			}
		}
	}
	for _, a := range plan.Actions {
		if a.Action == reservations.ActionSkip {
			rep.Skipped++
			rep.SkippedGroups = append(rep.SkippedGroups, GroupMessage{Group: a.Name, Message: a.Reason})
		}
	}
	if rep.Imported+rep.Replaced > 0 || len(rep.Failed) > 0 {
		s.list.invalidate()
	}
	return rep, nil
}

// importOne carries out one create or replace of an import plan. It
// returns nil when the group went through, else the failure to report,
// with the error that caused it when that error may stop the import.
func importOne(ctx context.Context, cl *fne.Client, a reservations.GroupAction, g, orig reservations.Group) (*GroupMessage, error) {
	if a.Action == reservations.ActionCreate {
		if _, err := cl.AddReservationGroup(ctx, groupToWire(g)); err != nil {
			return &GroupMessage{Group: g.Name, Message: apperr.From(err).Message}, err
		}
		return nil, nil
	}
	r, err := replaceGroup(ctx, cl, orig, g)
	switch {
	case err != nil:
		return &GroupMessage{Group: g.Name, Message: apperr.From(err).Message}, err
	case r.addErr == nil:
		return nil, nil
	}
	m := &GroupMessage{Group: g.Name, Message: r.message(orig.Name)}
	if !r.restored {
		m.OriginalJSON = string(reservations.Export([]reservations.Group{orig}))
	}
	return m, nil
}

// Export saves the groups with the given IDs (all when none are given) in
// the import format through a save dialog. It returns the file written, or
// "" when the user cancelled.
func (s *ReservationsService) Export(groupIDs []int64) (string, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return "", err
	}
	if s.dialogs == nil {
		return "", apperr.New(apperr.NotSupported, "File dialogs are not available here.")
	}
	existing, err := readReservationGroups(s.context(), cl)
	if err != nil {
		return "", err
	}
	chosen := existing
	if len(groupIDs) > 0 {
		chosen = nil
		for _, id := range groupIDs {
			i := slices.IndexFunc(existing, func(g reservations.Group) bool { return g.ID == id })
			if i < 0 {
				return "", apperr.New(apperr.NotFound, "Reservation group %d is no longer on the server; refresh the list.", id)
			}
			chosen = append(chosen, existing[i])
		}
	}
	path, err := s.dialogs.SaveFile("Export reservations", "reservations.json", reservationsFileFilter)
	if err != nil {
		return "", apperr.Wrap(err, apperr.Internal, "The file dialog failed: %v", err)
	}
	if path == "" {
		return "", nil
	}
	if !strings.HasSuffix(strings.ToLower(path), ".json") {
		path += ".json"
	}
	if err := os.WriteFile(path, reservations.Export(chosen), 0o644); err != nil {
		return "", apperr.Wrap(err, apperr.Internal, "Cannot write %s: %v", path, err)
	}
	return path, nil
}
