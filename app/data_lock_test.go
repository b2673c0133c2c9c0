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

func backupPaths(t *testing.T, data *Data) []string {
	t.Helper()
	list, err := data.Backups()
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
	clock.advance(snapshotEvery)
	s.bg.tick(t.Context())
	waitFor(t, events, EventSnapshot)
	data := &Data{s}
	old := backupPaths(t, data)
	if len(old) == 0 {
		t.Fatal("no snapshot before the passphrase")
	}

	// A stored file no longer matches its SHA-256: the fresh snapshot fails its check.
	setBlob(t, s.store.Path(), []byte("A letter from the food bank, changed"))
	clock.advance(time.Minute)
	if state, err := data.SetPassphrase("une phrase assez longue"); err != nil || !state.HasPassphrase {
		t.Fatalf("set passphrase: %+v %v", state, err)
	}
	if e := <-events; e != EventSnapshotFailed {
		t.Fatalf("event %s, want %s", e, EventSnapshotFailed)
	}
	if got := backupPaths(t, data); !slices.Equal(got, old) {
		t.Fatalf("the old snapshots were deleted although the fresh one failed: %v, had %v", got, old)
	}

	// Once a fresh snapshot passes its check, the copies that held clear text go.
	setBlob(t, s.store.Path(), letter)
	clock.advance(snapshotEvery)
	s.bg.tick(t.Context())
	waitFor(t, events, EventSnapshot)
	got := backupPaths(t, data)
	if len(got) != 1 || slices.Contains(old, got[0]) {
		t.Fatalf("after a checked snapshot: %v, had %v", got, old)
	}
	raw, _ := os.ReadFile(got[0])
	if len(raw) == 0 || bytes.Contains(raw, []byte(secret)) {
		t.Fatal("the remaining snapshot holds the note in clear text")
	}
}
