// Passerelle keeps a learner's prior learning, credentials and evidence in one file they own,
// offline, in English and French. With a subcommand it runs headless; otherwise it opens the window.
package main

import (
	"context"
	"embed"
	"fmt"
	"io"
	"os"
	"time"

	"passerelle/app"
	"passerelle/locales"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

func main() {
	attachConsole()
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// run decides between a headless command and the window, and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	dataDir, rest, err := takeDataDir(args)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	catalog, err := locales.New()
	if err != nil {
		fmt.Fprintln(stderr, "passerelle:", err)
		return 1
	}
	if len(rest) > 0 && isCommand(rest[0]) {
		return runCommand(ctx, catalog, dataDir, rest, stdout, stderr)
	}
	os.Args = append(os.Args[:1], rest...) // Wails' dev build reads its own flags from here
	return runWindow(dataDir, catalog, stderr)
}

func runWindow(dataDir string, catalog *locales.Catalog, stderr io.Writer) int {
	session := app.NewSession(dataDir, catalog, systemLocale(), time.Now)
	services := app.NewServices(session)
	err := wails.Run(&options.App{
		Title:            "Passerelle",
		Width:            1180,
		Height:           800,
		MinWidth:         800,
		MinHeight:        560,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 250, G: 250, B: 247, A: 255},
		OnStartup:        services.Startup,
		OnShutdown:       services.Shutdown,
		Bind:             services.Bind(),
		ErrorFormatter:   services.FormatError,
		DragAndDrop:      &options.DragAndDrop{EnableFileDrop: true},
		Linux:            &linux.Options{Icon: icon, ProgramName: "passerelle"},
		Windows:          windowsOptions(catalog),
	})
	if err != nil {
		fmt.Fprintln(stderr, "passerelle:", err)
		return 1
	}
	return 0
}

// systemLocale reads the OS locale the way POSIX programs do, for the first-run language.
func systemLocale() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "en"
}
