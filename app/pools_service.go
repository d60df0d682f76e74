package app

import (
	"context"
	"path/filepath"
	"strings"
	"time"

	"licenseservermanager/internal/apperr"
	"licenseservermanager/internal/fne"
	"licenseservermanager/internal/modeldef"
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
}

// ChosenModel is a model file read through the open dialog; Path is "" when
// the user cancelled.
type ChosenModel struct {
	Path  string     `json:"path"`
	Name  string     `json:"name"`
	Text  string     `json:"text"`
	Check ModelCheck `json:"check"`
}

// PoolsService is bound to the UI for the Named License Pools view.
type PoolsService struct {
	base
	conns   *Connections
	dialogs Dialogs
	stock   cachedList[modeldef.FeatureCount]
}

// NewPoolsService builds the service.
func NewPoolsService(conns *Connections, dialogs Dialogs) *PoolsService {
	return &PoolsService{conns: conns, dialogs: dialogs}
}

// Pools lists every pool, the default one first.
func (s *PoolsService) Pools() (PoolsView, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return PoolsView{}, err
	}
	parts, err := cl.Partitions(s.context())
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
func (s *PoolsService) Model() (ModelView, error) {
	cl, err := s.conns.Client()
	if err != nil {
		return ModelView{}, err
	}
	text, err := cl.Model(s.context())
	switch apperr.CodeOf(err) {
	case "":
		return ModelView{Active: true, Text: text}, nil
	case apperr.NotFound:
		return ModelView{}, nil
	}
	return ModelView{}, err
}

func (s *PoolsService) loadStock(ctx context.Context, cl *fne.Client) ([]modeldef.FeatureCount, error) {
	list, err := cl.Features(ctx)
	if err != nil {
		return nil, err
	}
	type key struct{ n, v string }
	idx := map[key]int{}
	var out []modeldef.FeatureCount
	for _, f := range list {
		k := key{f.Name, f.Version}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, modeldef.FeatureCount{Name: f.Name, Version: f.Version})
		}
		out[i].Count += int64(f.Count)
		out[i].Uncounted = out[i].Uncounted || f.Uncounted
	}
	return out, nil
}

// Check validates model text and previews the pools. The server's features
// are fetched once and reused while the user types; refresh fetches again.
func (s *PoolsService) Check(text string, refresh bool) (ModelCheck, error) {
	diags := modeldef.Validate([]byte(text))
	out := ModelCheck{Diagnostics: diags, Valid: !modeldef.HasErrors(diags), Preview: []modeldef.PoolAllocation{}}
	if out.Diagnostics == nil {
		out.Diagnostics = []modeldef.Diagnostic{}
	}
	if !out.Valid {
		return out, nil
	}
	m, _ := modeldef.Parse([]byte(text))
	out.ModelName = m.Name
	cl, err := s.conns.Client()
	if err != nil {
		return out, nil // the check itself needs no server
	}
	stock, _, err := s.stock.get(s.context(), cl, refresh, s.loadStock)
	if err != nil {
		return out, nil
	}
	out.Preview = modeldef.Allocate(m, stock)
	return out, nil
}

// ChooseModelFile reads a model definition through the open dialog and checks it.
func (s *PoolsService) ChooseModelFile() (ChosenModel, error) {
	if s.dialogs == nil {
		return ChosenModel{}, apperr.New(apperr.NotSupported, "File dialogs are not available here.")
	}
	path, err := s.dialogs.OpenFile("Choose a model definition file", FileFilter{"Model definitions (*.model, *.txt)", "*.model;*.txt"}, FileFilter{"All files", "*"})
	if err != nil {
		return ChosenModel{}, apperr.Wrap(err, apperr.Internal, "The file dialog failed: %v", err)
	}
	if path == "" {
		return ChosenModel{}, nil
	}
	data, err := readLimited(path, modeldef.MaxSize)
	if err != nil {
		return ChosenModel{}, err
	}
	check, err := s.Check(string(data), false)
	if err != nil {
		return ChosenModel{}, err
	}
	return ChosenModel{Path: path, Name: filepath.Base(path), Text: string(data), Check: check}, nil
}

// Upload checks the model and, when it has no errors, makes it the active
// model. An invalid model never reaches the server; neither does one while
// reservation groups exist, since the two cannot coexist.
func (s *PoolsService) Upload(text string) (ModelCheck, error) {
	check, err := s.Check(text, false)
	if err != nil {
		return check, err
	}
	if !check.Valid {
		return check, apperr.New(apperr.InvalidInput, "The model definition has errors; fix them before uploading (first: %s).", firstError(check.Diagnostics)).
			WithDetail("diagnostics", check.Diagnostics)
	}
	cl, err := s.conns.Client()
	if err != nil {
		return check, err
	}
	ctx := s.context()
	groups, err := cl.ReservationGroups(ctx)
	if err != nil && apperr.CodeOf(err) != apperr.NotSupported {
		return check, err
	}
	if len(groups) > 0 {
		return check, apperr.New(apperr.Conflict,
			"The server has %d reservation groups. Reservations and named license pools cannot coexist: export the reservations, delete them, then upload the model.", len(groups)).
			WithDetail("reservationGroups", len(groups))
	}
	if err := cl.UploadModel(ctx, text); err != nil {
		return check, err
	}
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
func (s *PoolsService) DeleteModel() error {
	cl, err := s.conns.Client()
	if err != nil {
		return err
	}
	return cl.DeleteModel(s.context())
}

// Format returns the model in canonical layout (comments are dropped), or
// the diagnostics when it does not parse.
func (s *PoolsService) Format(text string) (string, error) {
	diags := modeldef.Validate([]byte(text))
	if modeldef.HasErrors(diags) {
		return "", apperr.New(apperr.InvalidInput, "Fix the errors before formatting (first: %s).", firstError(diags)).WithDetail("diagnostics", diags)
	}
	m, _ := modeldef.Parse([]byte(text))
	return string(modeldef.Format(m)), nil
}
