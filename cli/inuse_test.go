package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/portfolio"
)

// TestCLI_APortfolioOpenInTheWindow: while Passerelle has a portfolio open (held here as the
// window holds it), the commands that write to it say so in the learner's language, exit 1 and
// change nothing; the commands that only read it still work.
func TestCLI_APortfolioOpenInTheWindow(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lea.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", path); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	code, out, stderr := runCLI(t, "backup", "--portfolio", path, "--out", filepath.Join(dir, "usb"))
	if code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	backup := strings.TrimSpace(out[strings.Index(out, ": ")+2:])
	other := filepath.Join(dir, "other.passerelle")
	runCLI(t, "share", "--portfolio", path, "--out", other)
	runCLI(t, "comments", "add", "--shared", other+"-share", "--coach", "Josée", "--on", "profile", "Bien.")
	comments := filepath.Join(dir, "c.passerelle-comments")
	if code, _, stderr := runCLI(t, "comments", "write", "--shared", other+"-share", "--out", comments); code != 0 {
		t.Fatalf("comments write: %s", stderr)
	}
	window, err := portfolio.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	before, _ := os.ReadFile(path)

	const inUse = "This portfolio is open in Passerelle"
	outcomes := filepath.Join("..", "docs", "examples", "outcomes.csv")
	writers := [][]string{
		{"target", "import", "--portfolio", path, "--target", "MLT 101", outcomes},
		{"--data-dir", filepath.Join(dir, "data"), "restore", backup, "--to", path},
		{"demo", "--out", path},
		{"comments", "import", "--portfolio", path, comments},
	}
	for _, args := range writers {
		code, _, stderr := runCLI(t, args...)
		if code != 1 || !strings.Contains(stderr, inUse) {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused command changed the portfolio")
	}
	t.Setenv("LANG", "fr_CA.UTF-8")
	var fr, stdout bytes.Buffer
	if code := runIn(writers[0], &stdout, &fr); code != 1 ||
		!strings.Contains(fr.String(), "Ce portfolio est ouvert dans Passerelle") {
		t.Errorf("in French: exit %d, %q", code, fr.String())
	}

	readers := [][]string{
		{"check", "--portfolio", path},
		{"readiness", "--portfolio", path},
		{"export", "--portfolio", path, "--lang", "fr", "--out", filepath.Join(dir, "lea.pdf")},
		{"backup", "--portfolio", path, "--out", filepath.Join(dir, "usb")},
		{"share", "--portfolio", path, "--out", filepath.Join(dir, "lea")},
		{"comments", "list", "--portfolio", path},
	}
	for _, args := range readers {
		if code, _, stderr := runCLI(t, args...); code != 0 {
			t.Errorf("%v while the window has it open: exit %d, %q", args, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "lea.passerelle-share")); err != nil {
		t.Errorf("no shared copy: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "lea.pdf")); err != nil {
		t.Errorf("no PDF from the export: %v", err)
	}
}
