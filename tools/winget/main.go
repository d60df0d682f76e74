// Command winget writes the winget manifest set (version, installer and
// default-locale manifests) of the release built in build/bin, for a
// submission to microsoft/winget-pkgs: `make winget` runs it.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

func main() {
	projectPath := flag.String("project", "wails.json", "the project file that holds the product's name, publisher and version")
	installerPath := flag.String("installer", "build/bin/LicenseServerManagerInstaller.exe", "the installer the manifests describe (its SHA-256)")
	url := flag.String("url", "", "the https:// URL the installer is downloaded from")
	license := flag.String("license", "", "the licence the listing shows (e.g. MIT, Proprietary)")
	out := flag.String("o", "build/winget", "the folder the manifest set goes under")
	flag.Parse()
	dir, err := run(*projectPath, *installerPath, *url, *license, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "winget:", err)
		os.Exit(1)
	}
	fmt.Println("wrote the winget manifests in", dir)
}

func run(projectPath, installerPath, url, license, out string) (string, error) {
	var r release
	data, err := os.ReadFile(projectPath)
	if err != nil {
		return "", err
	}
	if err := json.Unmarshal(data, &r.Project); err != nil {
		return "", fmt.Errorf("%s: %w", projectPath, err)
	}
	if r.InstallerSHA, err = fileSHA256(installerPath); err != nil {
		return "", err
	}
	r.InstallerURL, r.License = url, license
	set, err := manifests(r)
	if err != nil {
		return "", err
	}
	return set.write(out)
}
