//go:build windows

package desktop

import "github.com/wailsapp/go-webview2/webviewloader"

// WebView names the engine and the installed WebView2 runtime version.
func WebView() (engine, version string) {
	v, err := webviewloader.GetAvailableCoreWebView2BrowserVersionString("")
	if err != nil || v == "" {
		return "Microsoft Edge WebView2", "not found"
	}
	return "Microsoft Edge WebView2", v
}
