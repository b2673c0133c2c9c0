package osfile

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// An antivirus scanning the old file holds it open for a moment: Windows refuses to replace
// it meanwhile, and the restore must wait rather than fail.
func TestRename_WaitsWhileAnotherProgramHoldsTheFile(t *testing.T) {
	dir := t.TempDir()
	from, to := filepath.Join(dir, "nouveau"), filepath.Join(dir, "ancien")
	os.WriteFile(from, []byte("nouveau"), 0o600)
	os.WriteFile(to, []byte("ancien"), 0o600)
	held, err := os.Open(to) // no FILE_SHARE_DELETE: Windows refuses the rename while open
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(400 * time.Millisecond)
		held.Close()
	}()
	if err := Rename(from, to); err != nil {
		t.Fatalf("replace: %v", err)
	}
	if b, _ := os.ReadFile(to); string(b) != "nouveau" {
		t.Fatalf("to holds %q", b)
	}
}

// A file held for good is reported as held, so the caller can say "close it there".
func TestRename_HeldForGoodIsHeld(t *testing.T) {
	dir := t.TempDir()
	from, to := filepath.Join(dir, "nouveau.pdf"), filepath.Join(dir, "portfolio.pdf")
	os.WriteFile(from, []byte("nouveau"), 0o600)
	os.WriteFile(to, []byte("ancien"), 0o600)
	held, err := os.Open(to)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := Rename(from, to); err == nil || !Held(err) {
		t.Fatalf("rename over a held file: %v", err)
	}
	if b, _ := os.ReadFile(to); string(b) != "ancien" {
		t.Fatalf("to holds %q", b)
	}
}
