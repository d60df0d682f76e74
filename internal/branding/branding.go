// Package branding reads a producer's branding folder: a logo that replaces
// the default one and a data.json that relabels the navigation. A file that
// breaks a rule is not applied at all, and each reason comes back as a
// Problem naming the file and the place in it, so a producer can fix the
// folder before packaging.
package branding

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DataFile is the navigation file; SampleFile is the copy of the defaults
// producers start from, which is never applied.
const (
	DataFile   = "data.json"
	SampleFile = "sampleData.json"
)

// Group is a menu group; only Label may differ from the defaults.
type Group struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// Item is a view in the menu; only Label and Icon may differ from the defaults.
type Item struct {
	ID    string `json:"id"`
	Group string `json:"group"`
	Label string `json:"label"`
	Icon  string `json:"icon"`
	Route string `json:"route"`
}

// Nav is the shape of data.json and sampleData.json.
type Nav struct {
	Groups []Group `json:"groups"`
	Items  []Item  `json:"items"`
}

// Branding is what a folder applies; the zero value means the defaults.
type Branding struct {
	// LogoDataURL is the logo as a data: URL, ready for an <img>; "" keeps the default logo.
	LogoDataURL string
	// Nav is the accepted data.json, nil when there is none or it was rejected.
	Nav *Nav
	// Unlisted names the groups and items the accepted data.json does not
	// list, which keep their default labels and icons.
	Unlisted []string
}

// Problem is one reason a file of the folder was not applied.
type Problem struct {
	// File is the file's name within the folder, or the folder itself.
	File string
	// Place is where in the file, such as items[3].route; "" for the whole file.
	Place   string
	Message string
}

func (p Problem) Error() string {
	if p.Place == "" {
		return p.File + ": " + p.Message
	}
	return p.File + ": " + p.Place + ": " + p.Message
}

// Load reads the branding folder dir against the app's default navigation.
// A missing folder is the normal unbranded case: no branding, no problems.
func Load(dir string, defaults Nav) (Branding, []Problem) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return Branding{}, nil
	}
	if err != nil {
		return Branding{}, []Problem{{File: dir, Message: "cannot read the branding folder: " + err.Error()}}
	}
	var b Branding
	logo, problems := loadLogo(dir, entries)
	b.LogoDataURL = logo
	problems = append(problems, strayJSON(entries)...)
	nav, unlisted, navProblems := loadNav(filepath.Join(dir, DataFile), defaults)
	b.Nav, b.Unlisted = nav, unlisted
	return b, append(problems, navProblems...)
}

// strayJSON reports JSON files that look like a misnamed data.json, which
// would otherwise be ignored without a word.
func strayJSON(entries []fs.DirEntry) []Problem {
	var problems []Problem
	for _, e := range entries {
		name := e.Name()
		if name == DataFile || name == SampleFile || !strings.EqualFold(filepath.Ext(name), ".json") {
			continue
		}
		problems = append(problems, Problem{File: name, Message: "not used: the navigation file must be named " + DataFile})
	}
	return problems
}
