//go:build windows

package instance

import (
	"encoding/json"
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32       = windows.NewLazySystemDLL("user32.dll")
	findWindowW  = user32.NewProc("FindWindowW")
	sendMessageW = user32.NewProc("SendMessageW")
)

const (
	wmCopyData = 0x004A
	// Wails' dwData tag for single-instance messages.
	copyDataTag = 1542
)

type copyData struct {
	dwData uintptr
	cbData uint32
	lpData uintptr
}

// Quit asks a running instance to close. It reports whether an instance
// was found.
func Quit() (bool, error) { return Forward([]string{QuitArg}) }

// Forward hands args to the running instance with the message Wails' own
// single-instance lock sends, which brings its window forward. It reports
// whether an instance was found.
func Forward(args []string) (bool, error) {
	hwnd, _, _ := findWindowW.Call(
		uintptr(unsafe.Pointer(windows.StringToUTF16Ptr(windowClass))),
		uintptr(unsafe.Pointer(windows.StringToUTF16Ptr(windowName))))
	if hwnd == 0 {
		return false, nil
	}
	wd, _ := os.Getwd()
	payload, err := json.Marshal(struct {
		Args             []string `json:"Args"`
		WorkingDirectory string   `json:"WorkingDirectory"`
	}{Args: args, WorkingDirectory: wd})
	if err != nil {
		return true, err
	}
	text, err := windows.UTF16FromString(string(payload))
	if err != nil {
		return true, err
	}
	cd := copyData{dwData: copyDataTag, cbData: uint32(len(text) * 2), lpData: uintptr(unsafe.Pointer(&text[0]))}
	sendMessageW.Call(hwnd, wmCopyData, 0, uintptr(unsafe.Pointer(&cd)))
	return true, nil
}
