package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// manifestVersion is the winget schema the manifests follow; schema/ holds
// its files for the tests.
const manifestVersion = "1.28.0"

// locale is the one (default) locale the manifests describe.
const locale = "en-US"

// productCode is the NSIS uninstall key name (UNINST_KEY in
// installer/LicenseServerManager.nsi): winget finds an installed copy by it.
const productCode = "LicenseServerManager"

// returnCodes maps the installer's failure exit codes (installer/README.md,
// "Exit codes") to winget's responses, so winget explains a failure instead
// of printing a bare number. 68 (a per-machine install without elevation)
// has no response of its own in the schema: "custom" is the honest one.
var returnCodes = []returnCode{
	{1, "cancelledByUser"},
	{2, "contactSupport"},
	{64, "systemNotSupported"},
	{65, "systemNotSupported"},
	{66, "packageInUse"},
	{67, "missingDependency"},
	{68, "custom"},
	{69, "invalidParameter"},
	{70, "downgrade"},
}

// successCodes are non-zero exit codes after which the app is installed:
// 72 means only the /COLLECT= task could not be registered.
var successCodes = []int{72}

type project struct {
	Author struct {
		Name string `json:"name"`
	} `json:"author"`
	Info struct {
		CompanyName    string `json:"companyName"`
		ProductName    string `json:"productName"`
		ProductVersion string `json:"productVersion"`
		Copyright      string `json:"copyright"`
		Comments       string `json:"comments"`
	} `json:"info"`
}

// release is what the manifests are made from.
type release struct {
	Project      project
	InstallerURL string
	InstallerSHA string // upper-case hex, as winget-pkgs writes it
	License      string
}

type versionManifest struct {
	PackageIdentifier string `yaml:"PackageIdentifier"`
	PackageVersion    string `yaml:"PackageVersion"`
	DefaultLocale     string `yaml:"DefaultLocale"`
	ManifestType      string `yaml:"ManifestType"`
	ManifestVersion   string `yaml:"ManifestVersion"`
}

type switches struct {
	Silent             string `yaml:"Silent"`
	SilentWithProgress string `yaml:"SilentWithProgress"`
	InstallLocation    string `yaml:"InstallLocation"`
	Custom             string `yaml:"Custom,omitempty"`
}

type returnCode struct {
	Code     int    `yaml:"InstallerReturnCode"`
	Response string `yaml:"ReturnResponse"`
}

type appsEntry struct {
	DisplayName string `yaml:"DisplayName"`
	Publisher   string `yaml:"Publisher"`
	ProductCode string `yaml:"ProductCode"`
}

type installer struct {
	Architecture         string   `yaml:"Architecture"`
	Scope                string   `yaml:"Scope"`
	InstallerURL         string   `yaml:"InstallerUrl"`
	InstallerSha256      string   `yaml:"InstallerSha256"`
	InstallerSwitches    switches `yaml:"InstallerSwitches"`
	ElevationRequirement string   `yaml:"ElevationRequirement,omitempty"`
}

type installerManifest struct {
	PackageIdentifier      string       `yaml:"PackageIdentifier"`
	PackageVersion         string       `yaml:"PackageVersion"`
	Platform               []string     `yaml:"Platform"`
	MinimumOSVersion       string       `yaml:"MinimumOSVersion"`
	InstallerType          string       `yaml:"InstallerType"`
	InstallModes           []string     `yaml:"InstallModes"`
	InstallerSuccessCodes  []int        `yaml:"InstallerSuccessCodes"`
	ExpectedReturnCodes    []returnCode `yaml:"ExpectedReturnCodes"`
	UpgradeBehavior        string       `yaml:"UpgradeBehavior"`
	Commands               []string     `yaml:"Commands"`
	ProductCode            string       `yaml:"ProductCode"`
	AppsAndFeaturesEntries []appsEntry  `yaml:"AppsAndFeaturesEntries"`
	Installers             []installer  `yaml:"Installers"`
	ManifestType           string       `yaml:"ManifestType"`
	ManifestVersion        string       `yaml:"ManifestVersion"`
}

type localeManifest struct {
	PackageIdentifier string `yaml:"PackageIdentifier"`
	PackageVersion    string `yaml:"PackageVersion"`
	PackageLocale     string `yaml:"PackageLocale"`
	Publisher         string `yaml:"Publisher"`
	Author            string `yaml:"Author,omitempty"`
	PackageName       string `yaml:"PackageName"`
	License           string `yaml:"License"`
	Copyright         string `yaml:"Copyright,omitempty"`
	ShortDescription  string `yaml:"ShortDescription"`
	ManifestType      string `yaml:"ManifestType"`
	ManifestVersion   string `yaml:"ManifestVersion"`
}

// manifestSet is a release's multi-file manifest.
type manifestSet struct {
	ID, Version string
	Files       []manifestFile
}

// manifestFile is one file of the set: its name and its manifest.
type manifestFile struct {
	Name     string
	Type     string // the schema's ManifestType: version, installer, defaultLocale
	Manifest any
}

// forbidden are the characters a winget identifier segment cannot hold (the
// schema's PackageIdentifier pattern), whitespace included.
var forbidden = regexp.MustCompile(`[.\s\\/:*?"<>|\x00-\x1f]`)

// packageIdentifier is "<companyName>.<productName>" of wails.json, each
// without the spaces and characters winget forbids in an identifier, the
// Publisher.Package form winget-pkgs asks for.
func packageIdentifier(p project) (string, error) {
	var segs []string
	for _, v := range []struct{ field, value string }{
		{"info.companyName", p.Info.CompanyName},
		{"info.productName", p.Info.ProductName},
	} {
		s := forbidden.ReplaceAllString(v.value, "")
		if s == "" || len(s) > 32 {
			return "", fmt.Errorf("wails.json %s %q gives the identifier segment %q, which must have 1 to 32 characters", v.field, v.value, s)
		}
		segs = append(segs, s)
	}
	return strings.Join(segs, "."), nil
}

// fileSHA256 is the SHA-256 of the file, as winget checks the download.
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return strings.ToUpper(hex.EncodeToString(h.Sum(nil))), nil
}

// manifests builds the multi-file manifest set of one release.
func manifests(r release) (manifestSet, error) {
	info := r.Project.Info
	id, err := packageIdentifier(r.Project)
	if err != nil {
		return manifestSet{}, err
	}
	if info.ProductVersion == "" {
		return manifestSet{}, fmt.Errorf("wails.json has no info.productVersion")
	}
	if !strings.HasPrefix(r.InstallerURL, "https://") {
		return manifestSet{}, fmt.Errorf("the installer URL %q is not an https:// URL (set WINGET_INSTALLER_URL to where the release's installer is downloaded from)", r.InstallerURL)
	}
	if r.License == "" {
		return manifestSet{}, fmt.Errorf("no licence given (set WINGET_LICENSE, e.g. MIT or Proprietary)")
	}
	// The NSIS switches of installer/README.md: /D= must come last.
	userSwitches := switches{Silent: "/S", SilentWithProgress: "/S", InstallLocation: "/D=<INSTALLPATH>"}
	machineSwitches := userSwitches
	machineSwitches.Custom = "/ALLUSERS"
	inst := installerManifest{
		PackageIdentifier:     id,
		PackageVersion:        info.ProductVersion,
		Platform:              []string{"Windows.Desktop"},
		MinimumOSVersion:      "10.0.0.0",
		InstallerType:         "nullsoft",
		InstallModes:          []string{"interactive", "silent", "silentWithProgress"},
		InstallerSuccessCodes: successCodes,
		ExpectedReturnCodes:   returnCodes,
		UpgradeBehavior:       "install",
		Commands:              []string{"lsm"},
		ProductCode:           productCode,
		AppsAndFeaturesEntries: []appsEntry{{
			DisplayName: info.ProductName, Publisher: info.CompanyName, ProductCode: productCode,
		}},
		Installers: []installer{
			{Architecture: "x64", Scope: "user", InstallerURL: r.InstallerURL, InstallerSha256: r.InstallerSHA, InstallerSwitches: userSwitches},
			// The installer does not elevate itself for /ALLUSERS (exit 68
			// otherwise), so winget has to start it elevated.
			{Architecture: "x64", Scope: "machine", InstallerURL: r.InstallerURL, InstallerSha256: r.InstallerSHA, InstallerSwitches: machineSwitches, ElevationRequirement: "elevationRequired"},
		},
		ManifestType:    "installer",
		ManifestVersion: manifestVersion,
	}
	loc := localeManifest{
		PackageIdentifier: id,
		PackageVersion:    info.ProductVersion,
		PackageLocale:     locale,
		Publisher:         info.CompanyName,
		Author:            r.Project.Author.Name,
		PackageName:       info.ProductName,
		License:           r.License,
		Copyright:         info.Copyright,
		ShortDescription:  info.Comments,
		ManifestType:      "defaultLocale",
		ManifestVersion:   manifestVersion,
	}
	if loc.ShortDescription == "" {
		return manifestSet{}, fmt.Errorf("wails.json has no info.comments (the listing's short description)")
	}
	ver := versionManifest{
		PackageIdentifier: id,
		PackageVersion:    info.ProductVersion,
		DefaultLocale:     locale,
		ManifestType:      "version",
		ManifestVersion:   manifestVersion,
	}
	return manifestSet{ID: id, Version: info.ProductVersion, Files: []manifestFile{
		{Name: id + ".yaml", Type: "version", Manifest: ver},
		{Name: id + ".installer.yaml", Type: "installer", Manifest: inst},
		{Name: id + ".locale." + locale + ".yaml", Type: "defaultLocale", Manifest: loc},
	}}, nil
}

// encode is a manifest file's YAML, headed by the schema line editors and
// winget-pkgs' tools read.
func encode(m manifestFile) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# yaml-language-server: $schema=https://aka.ms/winget-manifest.%s.%s.schema.json\n\n", m.Type, manifestVersion)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(m.Manifest); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// dir is where the set goes under root: the identifier's segments, then
// the version, as in winget-pkgs (without its first-letter folder).
func (s manifestSet) dir(root string) string {
	return filepath.Join(append(append([]string{root}, strings.Split(s.ID, ".")...), s.Version)...)
}

// write writes the set into its folder under root and returns the folder.
func (s manifestSet) write(root string) (string, error) {
	dir := s.dir(root)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	for _, f := range s.Files {
		data, err := encode(f)
		if err != nil {
			return "", fmt.Errorf("%s: %w", f.Name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), data, 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}
