//go:build linux && cgo && webkit2_41

package desktop

/*
#cgo pkg-config: webkit2gtk-4.1
#include <webkit2/webkit2.h>
*/
import "C"
import "fmt"

// WebView names the engine and the WebKitGTK library version in use.
func WebView() (engine, version string) {
	return "WebKitGTK", fmt.Sprintf("%d.%d.%d",
		uint(C.webkit_get_major_version()), uint(C.webkit_get_minor_version()), uint(C.webkit_get_micro_version()))
}
