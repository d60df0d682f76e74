// Package buildinfo describes this build: product identity from wails.json
// `info` (so a producer rebrands at build time) and the version, commit and
// date stamped with -ldflags.
package buildinfo

import (
	"encoding/json"
	"fmt"
	"runtime"
)

// Stamped at link time: -X licenseservermanager/internal/buildinfo.Version=...
var (
	Version = ""
	// Company is the companyName of wails.json, stamped into lsm (which has
	// no wails.json of its own) for the machine policies' registry key.
	Company = ""
	Commit  = "unknown"
	Date    = "unknown"
)

// Info is the product identity and build stamp.
type Info struct {
	ProductName string `json:"productName"`
	CompanyName string `json:"companyName"`
	Copyright   string `json:"copyright"`
	Comments    string `json:"comments"`
	Version     string `json:"version"`
	Commit      string `json:"commit"`
	BuildDate   string `json:"buildDate"`
	GoVersion   string `json:"goVersion"`
	OS          string `json:"os"`
	Arch        string `json:"arch"`
}

// Parse reads the `info` block of wails.json and the link-time stamp. An
// ldflags Version wins over info.productVersion so CI can stamp pre-releases.
func Parse(wailsJSON []byte) (Info, error) {
	var doc struct {
		Name string `json:"name"`
		Info struct {
			CompanyName    string `json:"companyName"`
			ProductName    string `json:"productName"`
			ProductVersion string `json:"productVersion"`
			Copyright      string `json:"copyright"`
			Comments       string `json:"comments"`
		} `json:"info"`
	}
	if err := json.Unmarshal(wailsJSON, &doc); err != nil {
		return Info{}, fmt.Errorf("wails.json: %w", err)
	}
	info := Info{
		ProductName: doc.Info.ProductName,
		CompanyName: doc.Info.CompanyName,
		Copyright:   doc.Info.Copyright,
		Comments:    doc.Info.Comments,
		Version:     doc.Info.ProductVersion,
		Commit:      Commit,
		BuildDate:   Date,
		GoVersion:   runtime.Version(),
		OS:          runtime.GOOS,
		Arch:        runtime.GOARCH,
	}
	if info.ProductName == "" {
		info.ProductName = doc.Name
	}
	if Version != "" {
		info.Version = Version
	}
	if info.Version == "" {
		info.Version = "0.0.0-dev"
	}
	return info, nil
}
