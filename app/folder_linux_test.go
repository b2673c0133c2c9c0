package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"passerelle/fault"
)

// fakeOpener puts an xdg-open that exits with status on the PATH, alone.
func fakeOpener(t *testing.T, script string) {
	t.Helper()
	dir := t.TempDir()
	if script != "" {
		if err := os.WriteFile(filepath.Join(dir, "xdg-open"), []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
}

func TestShowInFolder_SaysSoWhenNothingCanOpenTheFolder(t *testing.T) {
	pdfPath := filepath.Join(t.TempDir(), "Aminata-MLT101.pdf")
	cases := []struct {
		name   string
		script string // "" for no xdg-open at all
		fails  bool
	}{
		{"no file manager: xdg-open exits 3", "exit 3", true},
		{"no xdg-open on this computer", "", true},
		{"the file manager opened", "exit 0", false},
		{"the file manager is still open", "exec /bin/sleep 2", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fakeOpener(t, c.script)
			err := reveal("linux", pdfPath, 500*time.Millisecond)
			if !c.fails {
				if err != nil {
					t.Fatalf("the folder opened, yet: %v", err)
				}
				return
			}
			e, ok := fault.As(err)
			if !ok || e.MessageID != "ErrShowInFolder" || e.Args["Path"] != filepath.Dir(pdfPath) {
				t.Fatalf("want ErrShowInFolder naming %s, got %v", filepath.Dir(pdfPath), err)
			}
		})
	}
}
