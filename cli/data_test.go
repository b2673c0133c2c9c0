package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLI_BackupThenRestoreKeepsThePreviousFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lea.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", path); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	code, out, stderr := runCLI(t, "backup", "--portfolio", path, "--out", filepath.Join(dir, "usb"))
	if code != 0 || !strings.Contains(out, "Backup written and checked") {
		t.Fatalf("backup: exit %d, %s %s", code, out, stderr)
	}
	backup := strings.TrimSpace(out[strings.Index(out, ": ")+2:])
	if _, err := os.Stat(backup); err != nil || !strings.HasPrefix(filepath.Base(backup), "lea-backup-") {
		t.Fatalf("backup file %q: %v", backup, err)
	}
	data := filepath.Join(dir, "data")
	code, out, stderr = runCLI(t, "--data-dir", data, "restore", backup, "--to", path)
	if code != 0 || !strings.Contains(out, "was restored") || !strings.Contains(out, "kept in "+filepath.Join(data, "backups", "lea")) {
		t.Fatalf("restore: exit %d, %s %s", code, out, stderr)
	}
	if code, out, _ := runCLI(t, "check", "--portfolio", path); code != 0 {
		t.Fatalf("check after restore: %s", out)
	}
	// The flag may come first, too; a backup that is not one changes nothing.
	junk := filepath.Join(dir, "junk.passerelle")
	os.WriteFile(junk, []byte("junk"), 0o600)
	before, _ := os.ReadFile(path)
	code, _, stderr = runCLI(t, "--data-dir", data, "restore", "--to", path, junk)
	if after, _ := os.ReadFile(path); code != 1 || !strings.Contains(stderr, "not a Passerelle portfolio") || string(before) != string(after) {
		t.Fatalf("restore of junk: exit %d, %s", code, stderr)
	}
}

func TestCLI_BackupAndRestoreBadArgumentsExitTwo(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"backup"}, "--portfolio is required"},
		{[]string{"backup", "--portfolio", "p"}, "--out is required"},
		{[]string{"backup", "--portfolio", "p", "--out", "d", "extra"}, "not understood: extra"},
		{[]string{"restore"}, "BACKUP is required"},
		{[]string{"restore", "b.passerelle"}, "--to is required"},
		{[]string{"restore", "b", "--to", "x", "c"}, "not understood: c"},
		{[]string{"restore", "--bogus"}, "there is no option -bogus"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
		}
	}
	if code, out, _ := runCLI(t, "help"); code != 0 || !strings.Contains(out, "backup --portfolio FILE --out FOLDER") ||
		!strings.Contains(out, "restore BACKUP --to FILE") {
		t.Errorf("help does not list backup and restore: %s", out)
	}
}
