package operations

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/features"
	"licenseservermanager/internal/listing"
	"licenseservermanager/internal/reservations"
	"licenseservermanager/internal/safekeeping"
)

// MaxReservationsFile bounds an import file; a server's worth of
// reservations is far smaller, so anything bigger is the wrong file.
const MaxReservationsFile = 5 << 20

// ModelActiveMessage explains why reservations cannot be added; the UI
// links to Named License Pools with it.
const ModelActiveMessage = "Reservations and named license pools cannot coexist: a model definition (named license pools) is active on this server. Delete it under Named License Pools before adding reservations."

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
	ModelMessage string                `json:"modelMessage"`
	Groups       []ReservationGroupRef `json:"groups"`
}

// FeatureOption is a feature the Add page offers, with its versions on the
// server in ascending order.
type FeatureOption struct {
	Name     string   `json:"name"`
	Versions []string `json:"versions"`
}

// ValidationResult is the Add page's check of its pending table. Problems
// name their row (apperr.Item.Item, see reservations.PendingItem); Groups
// are what Submit would create, and GroupOf says for each row the index
// of its group in Groups.
type ValidationResult struct {
	Valid        bool                 `json:"valid"`
	Problems     []apperr.Item        `json:"problems"`
	Groups       []reservations.Group `json:"groups"`
	GroupOf      []int                `json:"groupOf"`
	ModelActive  bool                 `json:"modelActive"`
	ModelMessage string               `json:"modelMessage"`
}

// EditableGroup is a group on the server as the Add page edits it.
type EditableGroup struct {
	ID      int64                       `json:"id"`
	Name    string                      `json:"name"`
	Entries []reservations.PendingEntry `json:"entries"`
}

// reservationsMeta is what a read of the list learned besides its rows.
type reservationsMeta struct {
	groups      []reservations.Group
	modelActive bool
}

// Reservations is the Reservations view: the list of the last server read,
// the changes that invalidate it, and the import files checked but not yet
// applied.
type Reservations struct {
	list    table[reservations.Row, reservationsMeta]
	imports imports
	// shelf keeps a group's definition on disk while it is replaced.
	shelf *safekeeping.Shelf
}

// NewReservations builds the view, keeping definitions on shelf.
func NewReservations(shelf *safekeeping.Shelf) *Reservations {
	return &Reservations{list: table[reservations.Row, reservationsMeta]{match: matchReservation, order: reservationColumns, csv: reservationCSV}, shelf: shelf}
}

// modelDefinitionActive asks GET /model: an answer means a model
// definition is loaded; not_found means none, and a server without models
// has none either.
func modelDefinitionActive(ctx context.Context, srv ReservationServer) (bool, error) {
	_, err := srv.Model(ctx)
	switch apperr.CodeOf(err) {
	case "":
		return true, nil
	case apperr.NotFound, apperr.NotSupported:
		return false, nil
	}
	return false, err
}

func refuseWhileModelActive(ctx context.Context, srv ReservationServer) error {
	active, err := modelDefinitionActive(ctx, srv)
	if err != nil {
		return err
	}
	if active {
		return apperr.New(apperr.Conflict, "%s", ModelActiveMessage)
	}
	return nil
}

func loadReservations(srv ReservationReader) func(context.Context) ([]reservations.Row, reservationsMeta, error) {
	return func(ctx context.Context) ([]reservations.Row, reservationsMeta, error) {
		groups, err := srv.ReservationGroups(ctx)
		if err != nil {
			return nil, reservationsMeta{}, err
		}
		recs, err := readFeatures(ctx, srv)
		if err != nil {
			return nil, reservationsMeta{}, err
		}
		active, err := modelDefinitionActive(ctx, srv)
		if err != nil {
			return nil, reservationsMeta{}, err
		}
		return reservations.Satisfy(groups, stockOf(recs)), reservationsMeta{groups: groups, modelActive: active}, nil
	}
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
	"status":   listing.By(func(r *reservations.Row) reservations.Status { return r.Status }),
}

var reservationCSV = []column[reservations.Row]{
	{"status", "Status", func(r *reservations.Row) string { return string(r.Status) }},
	{"deviceId", "Device ID", func(r *reservations.Row) string { return r.DeviceID }},
	{"idType", "ID Type", func(r *reservations.Row) string { return r.IDType }},
	{"group", "Reservation Group", func(r *reservations.Row) string { return r.Group }},
	{"feature", "Feature Name", func(r *reservations.Row) string { return r.Feature }},
	{"version", "Version", func(r *reservations.Row) string { return r.Version }},
	{"count", "Count", func(r *reservations.Row) string { return fmt.Sprint(r.Count) }},
	{"reason", "Reason", func(r *reservations.Row) string { return r.Reason }},
}

// List returns one page of reservation entries with their status; the
// search matches device ID, group or feature.
func (r *Reservations) List(ctx context.Context, srv ReservationReader, q listing.Query, refresh bool) (ReservationsPage, error) {
	p, err := r.list.page(ctx, srv, q, refresh, loadReservations(srv))
	if err != nil {
		return ReservationsPage{}, err
	}
	out := ReservationsPage{Rows: p.Rows, Total: p.Total, Page: p.Page, Pages: p.Pages, LoadedAt: p.LoadedAt,
		ModelActive: p.Meta.modelActive, Groups: make([]ReservationGroupRef, len(p.Meta.groups))}
	if out.ModelActive {
		out.ModelMessage = ModelActiveMessage
	}
	for i, g := range p.Meta.groups {
		ref := ReservationGroupRef{ID: g.ID, Name: g.Name, Reservations: len(g.Reservations)}
		for _, res := range g.Reservations {
			ref.Entries += len(res.Entries)
		}
		out.Groups[i] = ref
	}
	return out, nil
}

// ExportCSV renders every row matching q with the columns keys picks.
func (r *Reservations) ExportCSV(ctx context.Context, srv ReservationReader, q listing.Query, keys []string) (CSV, error) {
	return r.list.export(ctx, srv, q, keys, loadReservations(srv))
}

// FeatureOptions lists the server's features and their versions for the
// Add page's picker, by name.
func FeatureOptions(ctx context.Context, srv FeatureServer) ([]FeatureOption, error) {
	recs, err := srv.Features(ctx)
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

// groupsBut reads the server's groups as they are now, without the group
// being edited (0 for none): every change is checked against the server's
// current state, and an edited group's own name and hosts are its own.
func groupsBut(ctx context.Context, srv ReservationServer, editing int64) ([]reservations.Group, error) {
	groups, err := srv.ReservationGroups(ctx)
	if err != nil || editing == 0 {
		return groups, err
	}
	_, others, err := splitGroup(groups, editing)
	return others, err
}

// Validate checks the pending table against the rules and the server's
// current groups, without changing anything. editing is the ID of the
// group the table edits, or 0 on the Add page.
func Validate(ctx context.Context, srv ReservationServer, pending []reservations.PendingEntry, editing int64) (ValidationResult, error) {
	existing, err := groupsBut(ctx, srv, editing)
	if err != nil {
		return ValidationResult{}, err
	}
	active, err := modelDefinitionActive(ctx, srv)
	if err != nil {
		return ValidationResult{}, err
	}
	groups, problems := checkPending(pending, existing, editing != 0)
	out := ValidationResult{Valid: len(problems) == 0 && len(pending) > 0, Problems: problems, Groups: groups,
		GroupOf: reservations.RowGroups(pending), ModelActive: active}
	if out.Problems == nil {
		out.Problems = []apperr.Item{}
	}
	if out.Groups == nil {
		out.Groups = []reservations.Group{}
	}
	if active {
		out.ModelMessage = ModelActiveMessage
	}
	return out, nil
}

// checkPending is FromPending, and for an edited group the rule that every
// entry keeps to one group (which may be renamed).
func checkPending(pending []reservations.PendingEntry, existing []reservations.Group, oneGroup bool) ([]reservations.Group, []apperr.Item) {
	groups, problems := reservations.FromPending(pending, existing)
	if !oneGroup || len(groups) < 2 {
		return groups, problems
	}
	for j, p := range pending {
		if !strings.EqualFold(strings.TrimSpace(p.GroupName), groups[0].Name) {
			problems = append(problems, apperr.Item{Item: reservations.PendingItem(j), Field: reservations.FieldGroupName, Code: reservations.CodeOtherGroup,
				Message: fmt.Sprintf("All entries of the edited group must have the same group name (%q).", groups[0].Name)})
		}
	}
	return groups, problems
}

// GroupForEdit returns group id with its entries as pending rows.
func GroupForEdit(ctx context.Context, srv ReservationServer, id int64) (EditableGroup, error) {
	g, err := findGroup(ctx, srv, id)
	if err != nil {
		return EditableGroup{}, err
	}
	return EditableGroup{ID: g.ID, Name: g.Name, Entries: reservations.ToPending(g)}, nil
}

func findGroup(ctx context.Context, srv ReservationServer, id int64) (reservations.Group, error) {
	groups, err := srv.ReservationGroups(ctx)
	if err != nil {
		return reservations.Group{}, err
	}
	g, _, err := splitGroup(groups, id)
	return g, err
}

// splitGroup finds group id among groups and returns it and the others.
func splitGroup(groups []reservations.Group, id int64) (reservations.Group, []reservations.Group, error) {
	i := slices.IndexFunc(groups, func(g reservations.Group) bool { return g.ID == id })
	if i < 0 {
		return reservations.Group{}, nil, apperr.New(apperr.NotFound, "Reservation group %d is no longer on the server; refresh the list.", id)
	}
	return groups[i], slices.Delete(slices.Clone(groups), i, i+1), nil
}

// Export writes the groups with the given IDs (all when none are given) in
// the import format.
func Export(ctx context.Context, srv ReservationServer, ids []int64) ([]byte, error) {
	groups, err := srv.ReservationGroups(ctx)
	if err != nil {
		return nil, err
	}
	chosen := groups
	if len(ids) > 0 {
		chosen = nil
		for _, id := range ids {
			i := slices.IndexFunc(groups, func(g reservations.Group) bool { return g.ID == id })
			if i < 0 {
				return nil, apperr.New(apperr.NotFound, "Reservation group %d is no longer on the server; refresh the list.", id)
			}
			chosen = append(chosen, groups[i])
		}
	}
	return reservations.Export(chosen), nil
}
