package portfolio

import (
	"context"
	"os"
	"passerelle/fault"
	"path/filepath"
	"testing"
	"time"
)

// An antivirus scanning the old file holds it open for a moment: Windows refuses to replace
// it meanwhile, and the restore must wait rather than fail.
func TestReplaceFile_WaitsWhileAnotherProgramHoldsTheFile(t *testing.T) {
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
	if err := replaceFile(from, to); err != nil {
		t.Fatalf("replace: %v", err)
	}
	if b, _ := os.ReadFile(to); string(b) != "nouveau" {
		t.Fatalf("to holds %q", b)
	}
}

// Held for good, the restore stops with "another program is using this portfolio", keeps
// the file as it was, and leaves no staged copy behind.
func TestRestore_FileHeldByAnotherProgramIsBusyAndUnchanged(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	dir := t.TempDir()
	backup := filepath.Join(dir, "copie"+FileExtension)
	if err := st.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	to := st.Path()
	st.Close()
	before := fileBytes(t, to)
	held, err := os.Open(to)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	_, err = Restore(ctx, backup, to, filepath.Join(dir, "instantanés"), WithClock(fixedClock))
	wantCode(t, err, fault.Locked, "ErrPortfolioBusy")
	if string(fileBytes(t, to)) != string(before) {
		t.Fatal("the held file changed")
	}
	entries, _ := os.ReadDir(filepath.Dir(to))
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".tmp" {
			t.Fatalf("left %s", e.Name())
		}
	}
}
