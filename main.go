// Passerelle keeps a learner's prior learning, credentials and evidence in one file they own,
// offline, in English and French. With a subcommand it runs headless; otherwise it opens the window.
package main

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	goruntime "runtime"
	"time"

	"passerelle/app"
	"passerelle/cli"
	"passerelle/fault"
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

// run decides between a headless command and the window, and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	catalog, err := locales.New()
	if err != nil {
		fmt.Fprintln(stderr, "passerelle:", err)
		return 1
	}
	lang := locales.Normalize(cli.SystemLocale())
	dataDir, rest, err := cli.TakeDataDir(args)
	if e, ok := fault.As(err); ok {
		fmt.Fprintln(stderr, catalog.Text(lang, e.MessageID, e.Args))
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "passerelle:", err)
		return 2
	}
	openPath, forWindow := cli.ForWindow(rest)
	if !forWindow || cli.IsCommand(rest) {
		env := cli.Env{Catalog: catalog, Lang: lang, DataDir: dataDir, Version: version}
		return cli.Run(ctx, rest, stdout, stderr, env)
	}
	if !generatingBindings && goruntime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		// GTK would panic with a Go stack trace; say what is wrong instead.
		fmt.Fprintln(stderr, catalog.Text(lang, "CliNoDisplay", nil))
		return 1
	}
	os.Args = append(os.Args[:1], rest...) // Wails' dev build reads its own flags from here
	return runWindow(dataDir, catalog, stderr, openPath)
}

// runWindow opens the window on dataDir, showing the portfolio at openPath when it is not ""
// (else the one used last). One window per data folder: a second launch hands its arguments
// to the window already open (which comes forward and deals with its FILE.passerelle) and
// exits; where that hand-over is not available (Linux without a D-Bus session), the lock on
// the portfolio file still keeps two windows from writing to one portfolio.
func runWindow(dataDir string, catalog *locales.Catalog, stderr io.Writer, openPath string) int {
	session := app.NewSession(dataDir, catalog, cli.SystemLocale(), time.Now)
	services := app.NewServices(session)
	services.OpenAtStart(openPath)
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
		OnBeforeClose:    services.BeforeClose,
		Bind:             services.Bind(),
		ErrorFormatter:   services.FormatError,
		DragAndDrop:      &options.DragAndDrop{EnableFileDrop: true},
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               instanceID(dataDir),
			OnSecondInstanceLaunch: services.SecondLaunch,
		},
		// Never is what Wails itself picks on Linux when no options are given (its issue 2977);
		// passing options for the icon had silently turned it to Always, which roughly doubled
		// the memory of the WebKit processes (scripts/bench.sh) for a page of forms and lists.
		Linux:   &linux.Options{Icon: icon, ProgramName: "passerelle", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
		Windows: windowsOptions(catalog),
	})
	if err != nil {
		fmt.Fprintln(stderr, "passerelle:", err)
		return 1
	}
	return 0
}

// instanceID names the one window of a data folder: two data folders (a test's, a second
// learner's) may each have their window. Wails makes it a D-Bus name on Linux and a mutex name
// on Windows, so it holds only letters, digits and dashes.
func instanceID(dataDir string) string {
	sum := sha256.Sum256([]byte(filepath.Clean(dataDir)))
	return "ca-passerelle-" + hex.EncodeToString(sum[:8])
}
