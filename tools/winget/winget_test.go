package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

const testURL = "https://example.invalid/releases/0.1.0/LicenseServerManagerInstaller.exe"

// schemas compiles the bundled winget schemas, one per manifest type, from
// the files alone (the compiler has no loader for http URLs).
func schemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	out := map[string]*jsonschema.Schema{}
	for _, typ := range []string{"version", "installer", "defaultLocale"} {
		path, err := filepath.Abs(filepath.Join("schema", manifestVersion, "manifest."+typ+"."+manifestVersion+".json"))
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if err := c.AddResource(path, doc); err != nil {
			t.Fatal(err)
		}
		if out[typ], err = c.Compile(path); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	return out
}

// generate writes the set for this repository's wails.json and a stand-in
// installer, and returns the folder and the installer's bytes.
func generate(t *testing.T) (string, []byte) {
	t.Helper()
	tmp := t.TempDir()
	inst := filepath.Join(tmp, "LicenseServerManagerInstaller.exe")
	content := []byte("MZ stand-in installer")
	if err := os.WriteFile(inst, content, 0o644); err != nil {
		t.Fatal(err)
	}
	dir, err := run("../../wails.json", inst, testURL, "Proprietary", filepath.Join(tmp, "winget"))
	if err != nil {
		t.Fatal(err)
	}
	return dir, content
}

// load parses a manifest file as the JSON value the schema validates.
func load(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

func validate(s *jsonschema.Schema, m map[string]any) error {
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

func TestGeneratedManifestsValidate(t *testing.T) {
	sch := schemas(t)
	dir, _ := generate(t)
	if want := filepath.Join("LicenseServerManager", "LicenseServerManager", "0.1.0"); !strings.HasSuffix(dir, want) {
		t.Fatalf("folder %s, want it to end in %s", dir, want)
	}
	for _, tc := range []struct{ file, typ string }{
		{"LicenseServerManager.LicenseServerManager.yaml", "version"},
		{"LicenseServerManager.LicenseServerManager.installer.yaml", "installer"},
		{"LicenseServerManager.LicenseServerManager.locale.en-US.yaml", "defaultLocale"},
	} {
		t.Run(tc.typ, func(t *testing.T) {
			m := load(t, filepath.Join(dir, tc.file))
			if err := validate(sch[tc.typ], m); err != nil {
				t.Fatalf("%s does not validate: %v", tc.file, err)
			}
			if m["ManifestType"] != tc.typ || m["ManifestVersion"] != manifestVersion {
				t.Errorf("ManifestType %v, ManifestVersion %v", m["ManifestType"], m["ManifestVersion"])
			}
		})
	}
}

func TestBrokenManifestsFailValidation(t *testing.T) {
	sch := schemas(t)
	dir, _ := generate(t)
	files := map[string]string{
		"version":       "LicenseServerManager.LicenseServerManager.yaml",
		"installer":     "LicenseServerManager.LicenseServerManager.installer.yaml",
		"defaultLocale": "LicenseServerManager.LicenseServerManager.locale.en-US.yaml",
	}
	firstInstaller := func(m map[string]any) map[string]any { return m["Installers"].([]any)[0].(map[string]any) }
	for _, tc := range []struct {
		name, typ string
		breakIt   func(map[string]any)
	}{
		{"no PackageIdentifier", "version", func(m map[string]any) { delete(m, "PackageIdentifier") }},
		{"identifier without a publisher segment", "version", func(m map[string]any) { m["PackageIdentifier"] = "LicenseServerManager" }},
		{"unknown installer type", "installer", func(m map[string]any) { m["InstallerType"] = "nsis" }},
		{"a return response the schema does not know", "installer", func(m map[string]any) {
			m["ExpectedReturnCodes"].([]any)[0].(map[string]any)["ReturnResponse"] = "noPermission"
		}},
		{"return code 0", "installer", func(m map[string]any) {
			m["ExpectedReturnCodes"].([]any)[0].(map[string]any)["InstallerReturnCode"] = 0
		}},
		{"short SHA-256", "installer", func(m map[string]any) { firstInstaller(m)["InstallerSha256"] = "ABC123" }},
		{"no installer URL", "installer", func(m map[string]any) { delete(firstInstaller(m), "InstallerUrl") }},
		{"unknown scope", "installer", func(m map[string]any) { firstInstaller(m)["Scope"] = "everyone" }},
		{"no License", "defaultLocale", func(m map[string]any) { delete(m, "License") }},
		{"wrong manifest type", "defaultLocale", func(m map[string]any) { m["ManifestType"] = "locale" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := load(t, filepath.Join(dir, files[tc.typ]))
			tc.breakIt(m)
			if err := validate(sch[tc.typ], m); err == nil {
				t.Fatal("a broken manifest validates")
			}
		})
	}
}

func TestInstallerSHA256IsTheFiles(t *testing.T) {
	dir, content := generate(t)
	sum := sha256.Sum256(content)
	want := strings.ToUpper(hex.EncodeToString(sum[:]))
	m := load(t, filepath.Join(dir, "LicenseServerManager.LicenseServerManager.installer.yaml"))
	installers := m["Installers"].([]any)
	if len(installers) != 2 {
		t.Fatalf("%d installers, want 2 (user and machine)", len(installers))
	}
	for _, i := range installers {
		i := i.(map[string]any)
		if i["InstallerSha256"] != want {
			t.Errorf("%v installer: InstallerSha256 %v, want %s", i["Scope"], i["InstallerSha256"], want)
		}
		if i["InstallerUrl"] != testURL {
			t.Errorf("%v installer: InstallerUrl %v", i["Scope"], i["InstallerUrl"])
		}
	}
}

func TestScopesAndSwitches(t *testing.T) {
	dir, _ := generate(t)
	m := load(t, filepath.Join(dir, "LicenseServerManager.LicenseServerManager.installer.yaml"))
	for _, tc := range []struct {
		i                 int
		scope, custom, el string
	}{
		{0, "user", "", ""},
		{1, "machine", "/ALLUSERS", "elevationRequired"},
	} {
		i := m["Installers"].([]any)[tc.i].(map[string]any)
		sw := i["InstallerSwitches"].(map[string]any)
		custom, _ := sw["Custom"].(string)
		el, _ := i["ElevationRequirement"].(string)
		if i["Scope"] != tc.scope || custom != tc.custom || el != tc.el ||
			sw["Silent"] != "/S" || sw["SilentWithProgress"] != "/S" || sw["InstallLocation"] != "/D=<INSTALLPATH>" {
			t.Errorf("installer %d: %v", tc.i, i)
		}
	}
	if m["ProductCode"] != "LicenseServerManager" || m["InstallerType"] != "nullsoft" || m["UpgradeBehavior"] != "install" {
		t.Errorf("ProductCode %v, InstallerType %v, UpgradeBehavior %v", m["ProductCode"], m["InstallerType"], m["UpgradeBehavior"])
	}
}

// readmeInstallerCodes are the non-zero installer exit codes of
// installer/README.md's "Exit codes" table (rows whose installer column is
// not "–").
func readmeInstallerCodes(t *testing.T) []int {
	t.Helper()
	f, err := os.Open("../../installer/README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	row := regexp.MustCompile(`^\| (\d+) \| (.*?) \|`)
	var codes []int
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "## ") {
			in = line == "## Exit codes"
			continue
		}
		m := row.FindStringSubmatch(line)
		if !in || m == nil || m[2] == "–" {
			continue
		}
		code, _ := strconv.Atoi(m[1])
		if code != 0 {
			codes = append(codes, code)
		}
	}
	if len(codes) < 5 {
		t.Fatalf("found only %v in installer/README.md's exit codes table", codes)
	}
	return codes
}

func TestEveryDocumentedExitCodeIsMapped(t *testing.T) {
	documented := readmeInstallerCodes(t)
	mapped := slices.Clone(successCodes)
	for _, rc := range returnCodes {
		mapped = append(mapped, rc.Code)
	}
	for _, c := range documented {
		if !slices.Contains(mapped, c) {
			t.Errorf("exit code %d of installer/README.md has no winget mapping", c)
		}
	}
	for _, c := range mapped {
		if !slices.Contains(documented, c) {
			t.Errorf("exit code %d is mapped but installer/README.md does not document it for the installer", c)
		}
	}
}

func TestPackageIdentifier(t *testing.T) {
	for _, tc := range []struct {
		company, product, want string
	}{
		{"License Server Manager", "License Server Manager", "LicenseServerManager.LicenseServerManager"},
		{"Acme Inc.", "Flex Tool: Pro", "AcmeInc.FlexToolPro"},
		{"Ünïcode GmbH", "Tab\tName", "ÜnïcodeGmbH.TabName"},
		{"...", "Product", ""},
		{"Company", strings.Repeat("x", 33), ""},
	} {
		var p project
		p.Info.CompanyName, p.Info.ProductName = tc.company, tc.product
		got, err := packageIdentifier(p)
		if tc.want == "" {
			if err == nil {
				t.Errorf("%q/%q: %q, want an error", tc.company, tc.product, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%q/%q: %q, %v; want %q", tc.company, tc.product, got, err, tc.want)
		}
	}
}

func TestRefusesAnIncompleteRelease(t *testing.T) {
	var p project
	p.Info.CompanyName, p.Info.ProductName, p.Info.ProductVersion, p.Info.Comments = "C", "P", "1.0.0", "Does things"
	for _, tc := range []struct {
		name     string
		r        release
		mentions string
	}{
		{"no URL", release{Project: p, License: "MIT"}, "WINGET_INSTALLER_URL"},
		{"http URL", release{Project: p, InstallerURL: "http://example.invalid/i.exe", License: "MIT"}, "WINGET_INSTALLER_URL"},
		{"no licence", release{Project: p, InstallerURL: testURL}, "WINGET_LICENSE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := manifests(tc.r)
			if err == nil || !strings.Contains(err.Error(), tc.mentions) {
				t.Fatalf("error %v, want one that mentions %s", err, tc.mentions)
			}
		})
	}
}
