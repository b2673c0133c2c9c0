// Command valuesgen writes app.ValuesFile, the page's copy of the Go lists of allowed values,
// limits and event names. scripts/bindings.sh runs it from the project root after the Wails
// bindings, so `make bindings` makes both and `make bindings-check` checks both.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"passerelle/app"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "valuesgen:", err)
		os.Exit(1)
	}
}

// run writes the file only when its text changed, so make does not rebuild the frontend for nothing.
func run() error {
	text, err := app.ValuesTypeScript()
	if err != nil {
		return err
	}
	path := filepath.FromSlash(app.ValuesFile)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, text) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// 0o755, as Wails leaves every file of frontend/wailsjs, so git sees no mode change.
	if err := os.WriteFile(path, text, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
