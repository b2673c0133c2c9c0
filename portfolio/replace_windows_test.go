package portfolio

import (
	"context"
	"os"
	"passerelle/fault"
	"path/filepath"
	"testing"
)

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
