package portfolio

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"passerelle/fault"
	"path/filepath"
	"testing"
	"time"
)

func fixedClock() time.Time { return time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC) }

// newStore creates a real portfolio file in a temp folder.
func newStore(t *testing.T) *Store {
	t.Helper()
	st, err := Create(context.Background(), filepath.Join(t.TempDir(), "p"+FileExtension), "Test",
		WithClock(fixedClock))
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// fileBytes reads the portfolio and its WAL, to prove a refused change wrote nothing.
func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	var all []byte
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

func wantCode(t *testing.T, err error, code fault.Code, messageID string) {
	t.Helper()
	e, ok := fault.As(err)
	if !ok {
		t.Fatalf("want %s/%s, got %v", code, messageID, err)
	}
	if e.Code != code || (messageID != "" && e.MessageID != messageID) {
		t.Fatalf("want %s/%s, got %s/%s", code, messageID, e.Code, e.MessageID)
	}
}

func TestStore_CreateThenReopenKeepsName(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a"+FileExtension)
	st, err := Create(ctx, path, "Mon portfolio — été")
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if name, _ := st.Name(ctx); name != "Mon portfolio — été" {
		t.Fatalf("name = %q", name)
	}
	if _, err := Create(ctx, path, "again"); err == nil {
		t.Fatal("Create overwrote an existing portfolio")
	}
	if err := st.Rename(ctx, "  "); err == nil {
		t.Fatal("rename to blank accepted")
	}
}

func TestStore_PragmasOnEveryConnection(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	// Hold several connections at once so the pool must open more than one.
	var conns []*sql.Conn
	for i := 0; i < 3; i++ {
		c, err := st.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for i, c := range conns {
		var fk int
		var mode string
		c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk)
		c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode)
		if fk != 1 || mode != "wal" {
			t.Errorf("conn %d: foreign_keys=%d journal_mode=%s", i, fk, mode)
		}
		c.Close()
	}
}

func TestOpen_RefusesWithoutChangingTheFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	newer := filepath.Join(dir, "newer"+FileExtension)
	st, err := Create(ctx, newer, "Future")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.Exec(`PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	st.Close()

	other := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite", other)
	db.Exec(`CREATE TABLE t (x)`)
	db.Close()

	valid := filepath.Join(dir, "valid"+FileExtension)
	st, _ = Create(ctx, valid, "Valid")
	st.Close()
	whole, _ := os.ReadFile(valid)
	truncated := filepath.Join(dir, "truncated"+FileExtension)
	os.WriteFile(truncated, whole[:50], 0o600)

	text := filepath.Join(dir, "notes.passerelle")
	os.WriteFile(text, []byte("these are not the droids you are looking for, said the text file, at length"), 0o600)

	cases := []struct {
		name, path, messageID string
	}{
		{"newer version", newer, "ErrPortfolioTooNew"},
		{"another program's database", other, "ErrPortfolioNotPortfolio"},
		{"truncated file", truncated, "ErrPortfolioNotPortfolio"},
		{"text file", text, "ErrPortfolioNotPortfolio"},
		{"missing file", filepath.Join(dir, "nope"+FileExtension), "ErrPortfolioNotFound"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := fileBytes(t, c.path)
			_, err := Open(ctx, c.path)
			if err == nil {
				t.Fatal("opened")
			}
			e, ok := fault.As(err)
			if !ok || e.MessageID != c.messageID {
				t.Fatalf("want %s, got %v", c.messageID, err)
			}
			if !bytes.Equal(before, fileBytes(t, c.path)) {
				t.Fatal("refused file was modified")
			}
			if _, err := os.Stat(c.path + "-wal"); err == nil && len(before) == 0 {
				t.Fatal("refused file got a WAL")
			}
		})
	}
}

// TestOpen_UpgradesEveryEarlierSchema builds a file at each earlier schema version, then opens
// it with this build: nothing the learner entered at that version may be lost.
func TestOpen_UpgradesEveryEarlierSchema(t *testing.T) {
	ctx := context.Background()
	for v := 1; v < SchemaVersion(); v++ {
		path := filepath.Join(t.TempDir(), "old"+FileExtension)
		st, err := openDB(ctx, path, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.migrateTo(ctx, v); err != nil {
			t.Fatalf("migrate to %d: %v", v, err)
		}
		st.db.Exec(`INSERT INTO meta (key, value) VALUES ('name', 'Old')`)
		st.db.Exec(`UPDATE learner SET display_name = 'Old learner' WHERE id = 1`)
		st.Close()
		st, err = Open(ctx, path)
		if err != nil {
			t.Fatalf("open version %d: %v", v, err)
		}
		l, err := st.Learner(ctx)
		if err != nil || l.DisplayName != "Old learner" {
			t.Fatalf("version %d: learner %+v, %v", v, l, err)
		}
		st.Close()
	}
	st := newStore(t)
	var version int
	st.db.QueryRow(`PRAGMA user_version`).Scan(&version)
	if version != SchemaVersion() || version < 1 {
		t.Fatalf("new file at version %d, want %d", version, SchemaVersion())
	}
}

// TestOpen_EvidenceTitleKeepsItsLanguage upgrades a version 4 file, whose evidence had one
// title: it lands in French for a learner who prefers French, in English otherwise.
func TestOpen_EvidenceTitleKeepsItsLanguage(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct{ preferred, en, fr string }{
		{"fr", "", "Lettre de l’employeur"},
		{"en", "Lettre de l’employeur", ""},
		{"", "Lettre de l’employeur", ""},
	} {
		path := filepath.Join(t.TempDir(), "v4"+FileExtension)
		st, err := openDB(ctx, path, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.migrateTo(ctx, 4); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{
			`INSERT INTO meta (key, value) VALUES ('name', 'Old')`,
			`UPDATE learner SET preferred_language = '` + c.preferred + `' WHERE id = 1`,
			`INSERT INTO blob (sha256, size, data) VALUES ('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 3, x'616263')`,
			`INSERT INTO evidence (sha256, media_type, original_name, title, kind, added_at)
				VALUES ('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'text/plain', 'lettre.txt', 'Lettre de l’employeur', 'LetterOfValidation', '2025-01-01')`,
		} {
			if _, err := st.db.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		st.Close()
		st, err = Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		list, err := st.EvidenceList(ctx)
		st.Close()
		if err != nil || len(list) != 1 || list[0].TitleEN != c.en || list[0].TitleFR != c.fr {
			t.Fatalf("preferred %q: evidence %+v, %v", c.preferred, list, err)
		}
	}
}
