// Command lsmres writes the Windows resources of lsm.exe (its manifest,
// icon and version information) as a COFF object that go build links into
// the binary when it is placed in cmd/lsm: wails build does this for the
// desktop app, nothing does it for a plain go build.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/template"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
)

type project struct {
	Info struct {
		CompanyName    string `json:"companyName"`
		ProductName    string `json:"productName"`
		ProductVersion string `json:"productVersion"`
		Copyright      string `json:"copyright"`
	} `json:"info"`
}

func main() {
	manifest := flag.String("manifest", "build/windows/lsm.exe.manifest", "the manifest template")
	icon := flag.String("icon", "build/windows/icon.ico", "the icon")
	wails := flag.String("project", "wails.json", "the project file that holds the product's name and version")
	out := flag.String("o", "cmd/lsm/rsrc_windows_amd64.syso", "the object to write")
	flag.Parse()
	if err := run(*manifest, *icon, *wails, *out); err != nil {
		fmt.Fprintln(os.Stderr, "lsmres:", err)
		os.Exit(1)
	}
}

func run(manifestPath, iconPath, projectPath, out string) error {
	var p project
	data, err := os.ReadFile(projectPath)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, &p); err != nil {
		return fmt.Errorf("%s: %w", projectPath, err)
	}
	// Windows versions have four numbers.
	v := p.Info.ProductVersion
	for strings.Count(v, ".") < 3 {
		v += ".0"
	}

	rs := &winres.ResourceSet{}
	tmpl, err := template.ParseFiles(manifestPath)
	if err != nil {
		return err
	}
	var m bytes.Buffer
	if err := tmpl.Execute(&m, struct{ Version string }{v}); err != nil {
		return err
	}
	if err := rs.Set(winres.RT_MANIFEST, winres.ID(1), winres.LCIDDefault, m.Bytes()); err != nil {
		return err
	}

	f, err := os.Open(iconPath)
	if err != nil {
		return err
	}
	defer f.Close()
	ico, err := winres.LoadICO(f)
	if err != nil {
		return fmt.Errorf("%s: %w", iconPath, err)
	}
	if err := rs.SetIcon(winres.Name("APPICON"), ico); err != nil {
		return err
	}

	var vi version.Info
	vi.SetFileVersion(v)
	vi.SetProductVersion(v)
	for _, kv := range [][2]string{
		{version.CompanyName, p.Info.CompanyName},
		{version.ProductName, p.Info.ProductName},
		{version.FileDescription, p.Info.ProductName + " console tool"},
		{version.InternalName, "lsm"},
		{version.OriginalFilename, "lsm.exe"},
		{version.LegalCopyright, p.Info.Copyright},
		{version.ProductVersion, p.Info.ProductVersion},
		{version.FileVersion, p.Info.ProductVersion},
	} {
		if err := vi.Set(version.LangDefault, kv[0], kv[1]); err != nil {
			return err
		}
	}
	rs.SetVersionInfo(vi)

	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := rs.WriteObject(w, winres.ArchAMD64); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
