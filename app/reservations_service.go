package app

import (
	"path/filepath"
	"slices"

	"licenseservermanager/internal/connect"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/hostid"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/operations"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/safekeeping"
)

var reservationsFileFilter = FileFilter{DisplayName: "JSON files (*.json)", Pattern: "*.json"}

// ReservationsService is bound to the UI for the Reservations view.
type ReservationsService struct {
	base
	conns *connect.Connections
	files files
	view  *operations.Reservations
}

// NewReservationsService builds the service; shelf keeps a group's
// definition on disk while a change replaces it.
func NewReservationsService(conns *connect.Connections, dialogs Dialogs, shelf *safekeeping.Shelf) *ReservationsService {
	return &ReservationsService{conns: conns, files: files{dialogs}, view: operations.NewReservations(shelf)}
}

// List returns one page of reservation entries with their status; search
// matches device ID, group or feature. A refresh reads the server again
// under the UI's operation op (progress, cancel).
func (s *ReservationsService) List(q listing.Query, refresh bool, op string) (operations.ReservationsPage, error) {
	ctx, done := s.operation(op)
	defer done()
	return call(s.conns, func(cl *fne.Client) (operations.ReservationsPage, error) { return s.view.List(ctx, cl, q, refresh) })
}

// ExportCSV saves every row matching q as CSV through a save dialog.
func (s *ReservationsService) ExportCSV(q listing.Query, columns []string) (string, error) {
	return call(s.conns, func(cl *fne.Client) (string, error) {
		table, err := s.view.ExportCSV(s.context(), cl, q, columns)
		return saveCSV(s.files, "reservations.csv", table, err)
	})
}

// Features lists the server's features and their versions for the Add
// page's picker, by name.
func (s *ReservationsService) Features() ([]operations.FeatureOption, error) {
	return call(s.conns, func(cl *fne.Client) ([]operations.FeatureOption, error) {
		return operations.FeatureOptions(s.context(), cl)
	})
}

// IDTypes lists the host ID types for the Add page's ID Type picker.
func (s *ReservationsService) IDTypes() []string { return slices.Clone(hostid.Types) }

// Group returns group id with its entries as pending rows, to edit it.
func (s *ReservationsService) Group(id int64) (operations.EditableGroup, error) {
	return call(s.conns, func(cl *fne.Client) (operations.EditableGroup, error) {
		return operations.GroupForEdit(s.context(), cl, id)
	})
}

// Validate checks the pending table against the rules and the server's
// current groups, without changing anything; editing is the ID of the
// group the table edits, 0 on the Add page.
func (s *ReservationsService) Validate(pending []reservations.PendingEntry, editing int64) (operations.ValidationResult, error) {
	return call(s.conns, func(cl *fne.Client) (operations.ValidationResult, error) {
		return operations.Validate(s.context(), cl, pending, editing)
	})
}

// Submit creates the pending table's groups, one request per group, under
// the UI's operation op.
func (s *ReservationsService) Submit(pending []reservations.PendingEntry, op string) (operations.SubmitReport, error) {
	ctx, done := s.operation(op)
	defer done()
	return call(s.conns, func(cl *fne.Client) (operations.SubmitReport, error) { return s.view.Submit(ctx, cl, pending) })
}

// Delete deletes the groups, each on its own, under the UI's operation op.
func (s *ReservationsService) Delete(groupIDs []int64, op string) (operations.DeleteReport, error) {
	ctx, done := s.operation(op)
	defer done()
	return call(s.conns, func(cl *fne.Client) (operations.DeleteReport, error) { return s.view.Delete(ctx, cl, groupIDs) })
}

// EditGroup replaces group groupID with the entries given, as one
// operation, restoring the original if the server refuses them.
func (s *ReservationsService) EditGroup(groupID int64, entries []reservations.PendingEntry) (operations.EditReport, error) {
	return call(s.conns, func(cl *fne.Client) (operations.EditReport, error) {
		return s.view.Edit(s.context(), cl, groupID, entries)
	})
}

// PreviewImport asks for a JSON file and checks it against the server's
// groups; the preview is kept for ApplyImport.
func (s *ReservationsService) PreviewImport() (operations.ImportPreviewResult, error) {
	return call(s.conns, func(cl *fne.Client) (operations.ImportPreviewResult, error) {
		path, err := s.files.open("Import reservations", reservationsFileFilter)
		switch {
		case err != nil:
			return operations.ImportPreviewResult{}, err
		case path == "":
			return operations.CancelledImport(), nil
		}
		data, err := operations.ReadFile(path, operations.MaxReservationsFile)
		if err != nil {
			return operations.ImportPreviewResult{}, err
		}
		return s.view.PreviewImport(s.context(), cl, filepath.Base(path), data)
	})
}

// ApplyImport imports the file previewed under token, under the UI's
// operation op; applied again after a stop it sends only the rest.
func (s *ReservationsService) ApplyImport(token string, replaceExisting bool, op string) (operations.ImportReport, error) {
	ctx, done := s.operation(op)
	defer done()
	return call(s.conns, func(cl *fne.Client) (operations.ImportReport, error) {
		return s.view.ApplyImport(ctx, cl, token, replaceExisting)
	})
}

// Export saves the groups with the given IDs (all when none are given) in
// the import format through a save dialog. It returns the file written,
// or "" when the user cancelled.
func (s *ReservationsService) Export(groupIDs []int64) (string, error) {
	return call(s.conns, func(cl *fne.Client) (string, error) {
		data, err := operations.Export(s.context(), cl, groupIDs)
		if err != nil {
			return "", err
		}
		path, err := s.files.save("Export reservations", "reservations.json", ".json", reservationsFileFilter)
		if err != nil || path == "" {
			return "", err
		}
		if err := operations.WriteFile(path, data); err != nil {
			return "", err
		}
		return path, nil
	})
}

// SaveDefinition saves the definition of group, in the import format, to
// a file the user picks: the copy of a group that may be missing from the
// server. It returns the file written, or "" when the user cancelled.
func (s *ReservationsService) SaveDefinition(group, definition string) (string, error) {
	path, err := s.files.save("Save the group's definition", safekeeping.FileName(group)+".json", ".json", reservationsFileFilter)
	if err != nil || path == "" {
		return "", err
	}
	if err := operations.WriteFile(path, []byte(definition)); err != nil {
		return "", err
	}
	return path, nil
}
