package portfolio

import (
	"context"
	"net/url"
	"os"
	"passerelle/fault"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The folders learners really keep portfolios in: names with spaces, accents and syllabics,
// characters that mean something in a URI, and a path longer than Windows' old 260-character
// limit. On Windows t.TempDir is under C:\Users\…, so every case has a drive letter.
func TestPortfolio_LivesInAnyFolderALearnerUses(t *testing.T) {
	// No name ends in a space: Windows does not allow it.
	long := filepath.Join(strings.Repeat("Dossier très long ", 4)+"A", strings.Repeat("ᐃᓄᒃᑎᑐᑦ et français ", 4)+"B",
		strings.Repeat("sous-dossier ", 6)+"C")
	cases := []struct{ name, rel string }{
		{"accents and syllabics", filepath.Join("Zoé Lévesque", "Documents", "ᐃᓄᒃ portfolio"+FileExtension)},
		{"URI characters", filepath.Join("100% #1 & co; a=b", "mon portfolio"+FileExtension)},
		{"over 260 characters", filepath.Join(long, "portfolio de Zoé"+FileExtension)},
	}
	if runtime.GOOS != "windows" {
		cases = append(cases, struct{ name, rel string }{"question mark", filepath.Join("pourquoi?", "p"+FileExtension)})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			dir := t.TempDir()
			path := filepath.Join(dir, tc.rel)
			if tc.name == "over 260 characters" && len([]rune(path)) <= 260 {
				t.Fatalf("path has %d characters, want more than 260", len([]rune(path)))
			}
			st, err := Create(ctx, path, "Zoé — ᐃᓄᒃ", WithClock(fixedClock))
			if err != nil {
				t.Fatalf("create %s: %v", path, err)
			}
			backup := filepath.Join(filepath.Dir(path), "copie de sûreté"+FileExtension)
			if err := st.Backup(ctx, backup); err != nil {
				t.Fatalf("backup: %v", err)
			}
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
			if name, err := PeekName(ctx, path); err != nil || name != "Zoé — ᐃᓄᒃ" {
				t.Fatalf("peek: %q, %v", name, err)
			}
			if err := VerifyBackup(ctx, backup); err != nil {
				t.Fatalf("verify backup: %v", err)
			}
			if _, err := Restore(ctx, backup, path, filepath.Join(dir, "instantanés"), WithClock(fixedClock)); err != nil {
				t.Fatalf("restore: %v", err)
			}
			st, err = Open(ctx, path)
			if err != nil {
				t.Fatalf("open after restore: %v", err)
			}
			defer st.Close()
			if problems, err := st.Check(ctx); err != nil || len(problems) > 0 {
				t.Fatalf("check: %v %v", problems, err)
			}
			// SQLite must have written where it was asked, not to a file named after a URI.
			if _, err := os.Stat(path); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestSqliteURI_KeepsEveryByteOfThePath(t *testing.T) {
	q := url.Values{}
	q.Set("mode", "ro")
	got := sqliteURI(filepath.Join(string(filepath.Separator)+"a b", "é?#%.passerelle"), q)
	want := "file:///a%20b/%C3%A9%3F%23%25.passerelle?mode=ro"
	if runtime.GOOS == "windows" {
		got = sqliteURI(`C:\a b\é#%.passerelle`, q)
		want = "file:///%5C%5C%3F%5CC%3A%5Ca%20b%5C%C3%A9%23%25.passerelle?mode=ro&vfs=win32-longpath"
	}
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// "CON.passerelle" would open the console on Windows, not a file; "a:b" names a hidden stream
// there. Both are refused everywhere with a message, and nothing is written.
func TestCreate_RefusesNamesWindowsCannotUse(t *testing.T) {
	ctx := context.Background()
	for _, name := range []string{"CON" + FileExtension, "nul", "lpt1.passerelle", "a:b" + FileExtension, "fin."} {
		dir := t.TempDir()
		st, err := Create(ctx, filepath.Join(dir, name), "Test")
		if err == nil {
			st.Close()
			t.Fatalf("%q: created", name)
		}
		wantCode(t, err, fault.Invalid, "ErrFileNameNotAllowed")
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			t.Fatalf("%q: left %v", name, entries)
		}
	}
	st := newStore(t)
	backup := filepath.Join(t.TempDir(), "b"+FileExtension)
	if err := st.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	_, err := Restore(ctx, backup, filepath.Join(t.TempDir(), "AUX.passerelle"), t.TempDir())
	wantCode(t, err, fault.Invalid, "ErrFileNameNotAllowed")
}
