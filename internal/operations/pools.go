package operations

import (
	"context"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/features"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/modeldef"
	"licenseservermanager/internal/orgpolicy"
	"licenseservermanager/internal/progress"
)

// PoolFeature is one feature row of an expanded pool.
type PoolFeature struct {
	Feature   string `json:"feature"`
	Version   string `json:"version"`
	Expiry    string `json:"expiry"`
	Allocated int64  `json:"allocated"`
	Used      int64  `json:"used"`
	Uncounted bool   `json:"uncounted"`
	Requested string `json:"requested"`
	Status    string `json:"status"`
}

// Pool is one license pool: the default one or a named one.
type Pool struct {
	ID           int64         `json:"id"`
	Name         string        `json:"name"`
	Default      bool          `json:"default"`
	LastModified string        `json:"lastModified"`
	Features     []PoolFeature `json:"features"`
}

// PoolsView is the Named License Pools tab.
type PoolsView struct {
	Pools       []Pool `json:"pools"`
	ModelActive bool   `json:"modelActive"`
}

// ModelView is the Model tab: the active model definition, if any.
type ModelView struct {
	Active bool   `json:"active"`
	Text   string `json:"text"`
}

// ModelCheck is what the editor shows while the user types or after a file
// was chosen: every problem at its line, and what each pool would receive
// from the server's current features.
type ModelCheck struct {
	Valid       bool                      `json:"valid"`
	ModelName   string                    `json:"modelName"`
	Diagnostics []modeldef.Diagnostic     `json:"diagnostics"`
	Preview     []modeldef.PoolAllocation `json:"preview"`
	// PreviewNote says why there is no preview of a valid model: the
	// server's feature list could not be read.
	PreviewNote string `json:"previewNote"`
}

// Models is the Named License Pools view: the pools, the model definition,
// and its checks against the server's features (read once while the user
// types, again on refresh).
type Models struct {
	stock table[features.Stock, struct{}]
}

// NewModels builds the view.
func NewModels() *Models { return &Models{} }

// Pools lists every pool, the default one first.
func Pools(ctx context.Context, srv ModelServer) (PoolsView, error) {
	parts, err := srv.Partitions(ctx)
	if err != nil {
		return PoolsView{}, err
	}
	v := PoolsView{Pools: make([]Pool, 0, len(parts))}
	for _, p := range parts {
		pool := Pool{ID: int64(p.ID), Name: p.Name, Default: p.Default, Features: make([]PoolFeature, 0, len(p.Slices))}
		if p.LastModified > 0 {
			pool.LastModified = formatTime(time.UnixMilli(int64(p.LastModified)))
		}
		for _, sl := range p.Slices {
			pool.Features = append(pool.Features, PoolFeature{Feature: sl.Feature.FeatureName, Version: sl.Feature.FeatureVersion,
				Expiry: sl.Feature.Expiry, Allocated: int64(sl.ComputedCount), Used: int64(sl.Used), Uncounted: sl.Uncounted,
				Requested: string(sl.Requested), Status: statusText(sl.Status)})
		}
		v.ModelActive = v.ModelActive || !p.Default
		if p.Default {
			v.Pools = append([]Pool{pool}, v.Pools...)
		} else {
			v.Pools = append(v.Pools, pool)
		}
	}
	return v, nil
}

func statusText(s string) string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
}

// Model returns the active model definition.
func Model(ctx context.Context, srv ModelServer) (ModelView, error) {
	text, err := srv.Model(ctx)
	switch apperr.CodeOf(err) {
	case "":
		return ModelView{Active: true, Text: text}, nil
	case apperr.NotFound:
		return ModelView{}, nil
	}
	return ModelView{}, err
}

// stockOf is what the server holds, record by record, for the checks of
// reservations and of model definitions.
func stockOf(list []fne.Feature) []features.Stock {
	out := make([]features.Stock, len(list))
	for i, f := range list {
		out[i] = features.Stock{Name: f.Name, Version: f.Version, Count: int64(f.Count), Uncounted: f.Uncounted, VendorString: f.VendorString}
	}
	return out
}

func loadStock(srv FeatureServer) func(context.Context) ([]features.Stock, struct{}, error) {
	return func(ctx context.Context) ([]features.Stock, struct{}, error) {
		list, err := readFeatures(ctx, srv)
		if err != nil {
			return nil, struct{}{}, err
		}
		return stockOf(list), struct{}{}, nil
	}
}

// CheckText validates model text without a server: the diagnostics only.
func CheckText(text string) ModelCheck {
	diags := modeldef.Validate([]byte(text))
	if diags == nil {
		diags = []modeldef.Diagnostic{}
	}
	out := ModelCheck{Diagnostics: diags, Valid: !modeldef.HasErrors(diags), Preview: []modeldef.PoolAllocation{}}
	if out.Valid {
		m, _ := modeldef.Parse([]byte(text))
		out.ModelName = m.Name
	}
	return out
}

// Check validates model text and previews the pools from the server's
// features. srv may be nil (no server configured yet), and a server that
// cannot be read leaves the preview empty: the check itself needs none.
func (m *Models) Check(ctx context.Context, srv FeatureServer, text string, refresh bool) ModelCheck {
	out := CheckText(text)
	if !out.Valid || srv == nil {
		return out
	}
	l, err := m.stock.read(ctx, srv, refresh, loadStock(srv))
	if err != nil {
		out.PreviewNote = "No pool preview: " + apperr.From(err).Message
		return out
	}
	model, _ := modeldef.Parse([]byte(text))
	out.Preview = modeldef.Allocate(model, l.rows)
	return out
}

// RefuseWhileReservations is the conflict an upload meets while the server
// holds reservation groups: the two cannot coexist. A server without
// reservations has none.
func RefuseWhileReservations(ctx context.Context, srv ModelServer) error {
	groups, err := srv.ReservationGroups(ctx)
	if err != nil && apperr.CodeOf(err) != apperr.NotSupported {
		return err
	}
	if len(groups) > 0 {
		return apperr.New(apperr.Conflict,
			"The server has %d reservation groups. Reservations and named license pools cannot coexist: export the reservations, delete them, then upload the model.", len(groups)).
			WithDetail("reservationGroups", len(groups))
	}
	return nil
}

// Upload checks the model and, when it has no errors, makes it the active
// model. An invalid model never reaches the server; neither does one while
// reservation groups exist, since the two cannot coexist.
func (m *Models) Upload(ctx context.Context, srv ModelServer, text string, pol orgpolicy.Policies) (ModelCheck, error) {
	if err := ModelChangesRefused(pol); err != nil {
		return ModelCheck{}, err
	}
	// The byte order mark an editor may add is not part of the model, and
	// a server's lexer would refuse it.
	text = modeldef.WithoutBOM(text)
	progress.Report(ctx, progress.Step{Message: "Checking the model definition", Done: 0, Total: 3})
	check := m.Check(ctx, srv, text, false)
	if !check.Valid {
		return ModelCheck{}, apperr.New(apperr.InvalidInput, "The model definition has errors; fix them before uploading (first: %s).", firstError(check.Diagnostics)).
			WithDetail("diagnostics", check.Diagnostics)
	}
	progress.Report(ctx, progress.Step{Message: "Checking the server for reservation groups", Done: 1, Total: 3})
	if err := RefuseWhileReservations(ctx, srv); err != nil {
		return ModelCheck{}, err
	}
	if err := ctx.Err(); err != nil {
		return ModelCheck{}, apperr.Wrap(err, apperr.Cancelled, "The upload was cancelled before it was sent; the server's model is unchanged.")
	}
	progress.Report(ctx, progress.Step{Message: "Uploading the model definition", Done: 2, Total: 3})
	err := settle(ctx, srv.UploadModel(ctx, text), "uploading the model definition", func(ctx context.Context) (bool, error) {
		now, err := srv.Model(ctx)
		switch {
		case apperr.CodeOf(err) == apperr.NotFound:
			return false, nil
		case err != nil:
			return false, err
		case strings.TrimSpace(now) == strings.TrimSpace(text):
			return true, nil
		}
		// Another definition may be the one before, or this one as the
		// server rewrote it: that cannot be told apart.
		return false, apperr.New(apperr.OutcomeUnknown, "the server's definition differs")
	})
	if err != nil {
		return ModelCheck{}, err
	}
	progress.Report(ctx, progress.Step{Message: "Uploaded", Done: 3, Total: 3})
	return check, nil
}

func firstError(ds []modeldef.Diagnostic) string {
	for _, d := range ds {
		if d.Severity == modeldef.SeverityError {
			return d.String()
		}
	}
	return ""
}

// DeleteModel removes the active model; all licenses return to the default pool.
func DeleteModel(ctx context.Context, srv ModelServer, pol orgpolicy.Policies) error {
	if err := ModelChangesRefused(pol); err != nil {
		return err
	}
	return settle(ctx, srv.DeleteModel(ctx), "deleting the model definition", func(ctx context.Context) (bool, error) {
		return gone(srv.Model(ctx))
	})
}

// Format returns the model in canonical layout (comments are dropped), or
// the diagnostics when it does not parse.
func Format(text string) (string, error) {
	diags := modeldef.Validate([]byte(text))
	if modeldef.HasErrors(diags) {
		return "", apperr.New(apperr.InvalidInput, "Fix the errors before formatting (first: %s).", firstError(diags)).WithDetail("diagnostics", diags)
	}
	m, _ := modeldef.Parse([]byte(text))
	return string(modeldef.Format(m)), nil
}
