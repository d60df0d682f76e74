//go:build !windows && !(linux && cgo && webkit2_41)

package desktop

import "runtime"

// WebView names the engine when the build cannot ask the library itself
// (tests, or a Linux build without the webkit2_41 tag).
func WebView() (engine, version string) {
	if runtime.GOOS == "darwin" {
		return "WKWebView", ""
	}
	return "WebKitGTK", ""
}
