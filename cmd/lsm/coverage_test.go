package main

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"licenseservermanager/app"
)

// console is, for each method the desktop app binds, the lsm command that
// does the same, and the name of the operations-layer function both call.
var console = map[string]struct{ command, calls string }{
	"Settings.Get":                         {"profiles list", ""},
	"System.Policies":                      {"policies", "InForce"},
	"History.Alerts":                       {"usage alerts", "Alerts"},
	"History.Audit":                        {"audit list", "Audit"},
	"History.ExportAudit":                  {"audit list", "Audit"},
	"History.CollectNow":                   {"usage collect", "Collect"},
	"History.Overview":                     {"usage overview", "Read"},
	"History.Features":                     {"usage features", "Known"},
	"History.Series":                       {"usage series", "ReadSeries"},
	"History.ExportSeries":                 {"usage series", "ReadSeries"},
	"History.SetRecord":                    {"usage record", "SetRecordHistory"},
	"Settings.Save":                        {"profiles add", "SaveServer"},
	"Settings.AddProfile":                  {"profiles add", "AddProfile"},
	"Settings.RenameProfile":               {"profiles rename", "RenameProfile"},
	"Settings.DeleteProfile":               {"profiles remove", "DeleteProfile"},
	"Settings.SwitchProfile":               {"profiles use", "SetActive"},
	"Settings.TrustCertificate":            {"profiles trust", "SetTLSTrust"},
	"Settings.SetCAFile":                   {"profiles trust", "SetTLSTrust"},
	"Settings.ChooseCAFile":                {"profiles trust", "SetTLSTrust"},
	"Settings.Status":                      {"status", "Health"},
	"Settings.TestConnection":              {"status", "Health"},
	"Session.Login":                        {"login", "Login"},
	"Session.Logout":                       {"logout", "Logout"},
	"Session.Start":                        {"status", "EnsureLogin"},
	"Session.State":                        {"status", "EnsureLogin"},
	"Session.ChangePassword":               {"password reset", "ChangePassword"},
	"System.About":                         {"", ""}, // lsm --version
	"System.Diagnostics":                   {"diagnose", "Diagnose"},
	"System.SaveCompatibilityReport":       {"diagnose", "Compatibility"},
	"Features.Details":                     {"features list", "Details"},
	"Features.ExportDetails":               {"features list", "ExportDetails"},
	"Features.Summary":                     {"features summary", "Summary"},
	"Features.ExportSummary":               {"features summary", "ExportSummary"},
	"Features.Feature":                     {"features show", "Feature"},
	"Devices.List":                         {"devices list", "List"},
	"Devices.Export":                       {"devices list", "Export"},
	"Devices.Get":                          {"devices show", "Get"},
	"Devices.Delete":                       {"devices delete", "Delete"},
	"Properties.Get":                       {"properties list", "Properties"},
	"Properties.Save":                      {"properties set", "SaveProperties"},
	"BackOffice.Activate":                  {"activate", "Activate"},
	"BackOffice.Refresh":                   {"sync", "Refresh"},
	"BackOffice.DownloadCapabilityRequest": {"offline capability-request", "CapabilityRequest"},
	"BackOffice.DownloadActivationRequest": {"offline activation-request", "ActivationRequest"},
	"BackOffice.ChooseResponseFile":        {"offline load-response", "ReadResponseFile"},
	"BackOffice.UploadResponse":            {"offline load-response", "UploadResponse"},
	"BackOffice.History":                   {"offline history", "History"},
	"BackOffice.ChooseClientKey":           {"clientkey check", "CheckClientKey"},
	"BackOffice.UploadClientKey":           {"clientkey upload", "UploadClientKey"},
	"Reservations.List":                    {"reservations list", "List"},
	"Reservations.ExportCSV":               {"reservations list", "ExportCSV"},
	"Reservations.Features":                {"features summary", "Summary"},
	"Reservations.IDTypes":                 {"reservations add", "hostIDTypes"},
	"Reservations.Validate":                {"reservations add", "Validate"},
	"Reservations.Submit":                  {"reservations add", "Submit"},
	"Reservations.Group":                   {"reservations export", "Export"},
	"Reservations.Export":                  {"reservations export", "Export"},
	"Reservations.SaveDefinition":          {"reservations export", "WriteFile"},
	"Reservations.EditGroup":               {"reservations edit", "Edit"},
	"Reservations.Delete":                  {"reservations delete", "Delete"},
	"Reservations.PreviewImport":           {"reservations import", "PreviewImport"},
	"Reservations.ApplyImport":             {"reservations import", "ApplyImport"},
	"Pools.Pools":                          {"pools list", "Pools"},
	"Pools.Model":                          {"model show", "Model"},
	"Pools.Check":                          {"model upload", "Check"},
	"Pools.ChooseModelFile":                {"model upload", "readChecked"},
	"Pools.Upload":                         {"model upload", "Upload"},
	"Pools.DeleteModel":                    {"model delete", "DeleteModel"},
	"Pools.Format":                         {"model format", "Format"},
	"Settings.SetProxy":                    {"profiles proxy", "SetProxy"},
	"Settings.SetProxyPassword":            {"profiles proxy-login", "SaveProxyPassword"},
}

// windowOnly are bound methods that only make sense in a window.
var windowOnly = map[string]string{
	"System.Painted":           "the window's start-up time, which the app's log records",
	"Settings.SetTheme":        "the window's theme",
	"Settings.SetNavCollapsed": "the window's navigation drawer",
	"Session.Touch":            "the window's inactivity clock; each lsm command logs in for itself",
	"System.Cancel":            "a view's Cancel button; Ctrl+C stops lsm",
	"System.Progress":          "a view's progress bar",
	"System.OpenLogFolder":     "a file manager window",
	"System.OpenKeptFolder":    "a file manager window",
	"Branding.Get":             "the window's logo and labels",
	"History.MarkSeen":         "the window's notification badge",
	"History.Status":           "the Settings view's history section; lsm usage commands read the same settings",
	"History.SaveSettings":     "the window user's preferences, as the theme; lsm usage record switches a profile",
}

// TestEveryBoundOperationHasACommand lists what the desktop app binds and
// fails for a method with neither a command nor a reason it has none; the
// command must exist, and its source must call the function the app's
// method calls.
func TestEveryBoundOperationHasACommand(t *testing.T) {
	root := newRoot(&lsm{})
	calls := calledNames(t)
	v := reflect.TypeOf(app.App{})
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if !f.IsExported() {
			continue
		}
		for j := 0; j < f.Type.NumMethod(); j++ {
			name := f.Name + "." + f.Type.Method(j).Name
			c, mapped := console[name]
			if _, ok := windowOnly[name]; ok {
				continue
			}
			if !mapped {
				t.Errorf("%s has no lsm command: add one and list it in console, or say in windowOnly why not", name)
				continue
			}
			if c.command != "" {
				found, _, err := root.Find(strings.Fields(c.command))
				if err != nil || found.CommandPath() != "lsm "+c.command {
					t.Errorf("%s: no command %q", name, c.command)
				}
			}
			if c.calls != "" && !calls[c.calls] {
				t.Errorf("%s: lsm never calls %s", name, c.calls)
			}
		}
	}
	if out := run(context.Background(), deps{stdout: &strings.Builder{}, stderr: &strings.Builder{}}, []string{"--version"}); out != exitOK {
		t.Fatalf("--version: %d", out)
	}
}

// calledNames are the names of every function and method cmd/lsm calls.
func calledNames(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	names := map[string]bool{}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				switch fn := call.Fun.(type) {
				case *ast.SelectorExpr:
					names[fn.Sel.Name] = true
				case *ast.Ident:
					names[fn.Name] = true
				}
			}
			return true
		})
	}
	return names
}
