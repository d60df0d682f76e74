// Command startbase is baseline (c) of make bench: the smallest Wails v2 app,
// built with the app's production flags, which paints one page and prints
// the time from its process start to that paint, then quits. The app's own
// start is measured the same way (its log's "first paint" line), so the
// ratio of the two says what the app adds to what Wails and the web view
// cost anyway.
package main

import (
	"context"
	"embed"
	"fmt"
	"os"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

var start = time.Now()

//go:embed index.html
var page embed.FS

// Bench is bound to the page, which calls Painted once it has drawn.
type Bench struct{ ctx context.Context }

func (b *Bench) startup(ctx context.Context) { b.ctx = ctx }

// Painted prints the start-up time and ends the app.
func (b *Bench) Painted() {
	fmt.Printf("first paint %d ms\n", time.Since(start).Milliseconds())
	runtime.Quit(b.ctx)
}

func main() {
	b := &Bench{}
	err := wails.Run(&options.App{
		Title: "startbase", Width: 1280, Height: 820,
		AssetServer: &assetserver.Options{Assets: page},
		OnStartup:   b.startup,
		Bind:        []interface{}{b},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
