package app

import (
	"bytes"
	"database/sql"
	"encoding/base64"
	"os"
	"slices"
	"testing"
	"time"

	"passerelle/portfolio"
)

// setBlob rewrites a stored file's bytes behind the app's back, as damage or tampering would.
func setBlob(t *testing.T, path string, data []byte) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE blob SET data = ?`, data); err != nil {
		t.Fatal(err)
	}
}

// backupPaths lists the backups in a portfolio's snapshot folder, newest first.
func backupPaths(t *testing.T, dir string) []string {
	t.Helper()
	list, err := portfolio.ListBackups(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range list {
		out = append(out, b.Path)
	}
	return out
}

func TestData_PassphraseKeepsOldSnapshotsUntilAFreshOneIsChecked(t *testing.T) {
	s, clock, events := dataSession(t)
	if _, err := s.Create("Léa"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, events, EventSnapshot)
	secret := "Refuge-Marie-Claire-7731"
	if _, err := (&Support{s}).Save(portfolio.SupportNote{Category: "Housing", Date: "2026-11-01", Text: secret}); err != nil {
		t.Fatal(err)
	}
	letter := []byte("A letter from the food bank")
	if _, err := (&Evidence{s}).AddData("letter.txt", base64.StdEncoding.EncodeToString(letter)); err != nil {
		t.Fatal(err)
	}
	// A day later: rotation keeps yesterday's snapshot beside today's.
	clock.advance(24 * time.Hour)
	s.bg.tick(t.Context())
	waitFor(t, events, EventSnapshot)
	data := &Data{s}
	path := s.store.Path()
	dir := portfolio.SnapshotDir(s.dataDir, path)
	old := backupPaths(t, dir)
	if len(old) != 2 {
		t.Fatalf("snapshots before the passphrase: %v", old)
	}

	// A stored file no longer matches its SHA-256: the fresh snapshot fails its check.
	setBlob(t, path, []byte("A letter from the food bank, changed"))
	clock.advance(time.Minute)
	if state, err := data.SetPassphrase("une phrase assez longue"); err != nil || !state.HasPassphrase {
		t.Fatalf("set passphrase: %+v %v", state, err)
	}
	if e := <-events; e != EventSnapshotFailed {
		t.Fatalf("event %s, want %s", e, EventSnapshotFailed)
	}
	if got := backupPaths(t, dir); !slices.Equal(got, old) {
		t.Fatalf("the old snapshots were deleted although the fresh one failed: %v, had %v", got, old)
	}

	// Once a fresh snapshot passes its check, the copies that held clear text go: the next one
	// the housekeeping takes, or, should the app be closed first, the one taken on opening.
	setBlob(t, path, letter)
	if _, err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := backupPaths(t, dir); !slices.Equal(got, old) {
		t.Fatalf("closing deleted snapshots: %v, had %v", got, old)
	}
	clock.advance(snapshotEvery)
	if _, err := s.Open(path); err != nil {
		t.Fatal(err)
	}
	waitFor(t, events, EventSnapshot)
	got := backupPaths(t, dir)
	if len(got) != 1 || slices.Contains(old, got[0]) {
		t.Fatalf("after a checked snapshot: %v, had %v", got, old)
	}
	raw, _ := os.ReadFile(got[0])
	if len(raw) == 0 || bytes.Contains(raw, []byte(secret)) {
		t.Fatal("the remaining snapshot holds the note in clear text")
	}
}
