package osfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRename_ReplacesAnExistingFileAndRefusesAFolder(t *testing.T) {
	dir := t.TempDir()
	from, to := filepath.Join(dir, "nouveau"), filepath.Join(dir, "ancien")
	os.WriteFile(from, []byte("nouveau"), 0o600)
	os.WriteFile(to, []byte("ancien"), 0o600)
	if err := Rename(from, to); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(to); string(b) != "nouveau" {
		t.Fatalf("to holds %q", b)
	}
	os.WriteFile(from, []byte("encore"), 0o600)
	if err := Rename(from, dir); err == nil || Held(err) {
		t.Fatalf("rename onto a folder: %v (held %v)", err, Held(err))
	}
}

func TestRemove_AFileAlreadyGoneIsNotAnError(t *testing.T) {
	p := filepath.Join(t.TempDir(), "parti")
	if err := Remove(p); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p, nil, 0o600)
	if err := Remove(p); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Fatalf("still there: %v", err)
	}
}
