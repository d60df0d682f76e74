package app

import (
	"log/slog"
	"sync"

	"licenseservermanager/internal/branding"
)

// BrandingView is the producer branding the UI applies at start.
type BrandingView struct {
	// LogoDataURL replaces the default logo; "" keeps it.
	LogoDataURL string `json:"logoDataUrl"`
	// Nav is the accepted data.json; null keeps the default labels and icons.
	Nav *branding.Nav `json:"nav,omitempty"`
	// Problems say why a file of the folder was not applied.
	Problems []string `json:"problems"`
	// Dir is the folder read, for the problems' message.
	Dir string `json:"dir"`
}

// BrandingService is bound to the UI; it reads the branding folder once, as
// the folder is fixed at packaging time.
type BrandingService struct {
	dir  string
	once sync.Once
	view BrandingView
}

// NewBrandingService reads branding from dir when first asked.
func NewBrandingService(dir string) *BrandingService {
	return &BrandingService{dir: dir}
}

// Get returns the branding, or the defaults with the problems that kept
// each file from being applied.
func (s *BrandingService) Get() BrandingView {
	s.once.Do(func() {
		b, problems := branding.Load(s.dir, branding.Defaults())
		s.view = BrandingView{LogoDataURL: b.LogoDataURL, Nav: b.Nav, Problems: []string{}, Dir: s.dir}
		if len(b.Unlisted) > 0 {
			// An earlier release's data.json: the entries added since show with their default labels.
			slog.Info("branding: data.json does not list these menu entries, which keep their default labels", "dir", s.dir, "ids", b.Unlisted)
		}
		for _, p := range problems {
			s.view.Problems = append(s.view.Problems, p.Error())
			slog.Warn("branding not applied", "dir", s.dir, "problem", p.Error())
		}
	})
	return s.view
}
