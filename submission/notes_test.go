package submission

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passerelle/demo"
	"passerelle/locales"
	"passerelle/plar"
	"passerelle/portfolio"
)

// The demo's notes: the coaching plan is for the coach and the submission, the English course
// for the coach alone, the other two private.
const (
	noteBoth      = "Plan de reconnaissance des acquis"
	noteCoachOnly = "Cours d’anglais langue seconde"
	notePrivate   = "Laissez-passer d’autobus"
)

func exportText(t *testing.T, path, lang string) string {
	t.Helper()
	ctx := context.Background()
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	catalog, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	targets, err := plar.NewStore(st).Targets(ctx)
	if err != nil || len(targets) == 0 {
		t.Fatalf("targets %v, %v", targets, err)
	}
	out := filepath.Join(t.TempDir(), "export.pdf")
	now := func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) }
	if _, err := Write(ctx, st, catalog, Request{TargetID: targets[0].ID, Language: lang,
		IncludeSharedNotes: true}, out, Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(pdfText(t, out)), " ")
}

func writeDemo(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo"+portfolio.FileExtension)
	now := func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) }
	if err := demo.Write(context.Background(), path, now); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestWritePDF_NoteSharedWithTheCoachOnlyNeverReachesThePDF exports with notes included: the
// note ticked "include in my PLAR submission" is there, the one shared with the coach alone and
// the private ones are not.
func TestWritePDF_NoteSharedWithTheCoachOnlyNeverReachesThePDF(t *testing.T) {
	text := exportText(t, writeDemo(t), "fr")
	if !strings.Contains(text, noteBoth) {
		t.Errorf("the note included in the submission is missing")
	}
	for _, s := range []string{noteCoachOnly, "Pluri-elles", notePrivate} {
		if strings.Contains(text, s) {
			t.Errorf("%q reached the institution's PDF", s)
		}
	}
}

// TestWritePDF_NotesExportedBeforeTheTwoChoicesStayTheSame turns the demo back into a version 6
// file, where "share with my coach" put a note in the PDF, then opens it with this build: the
// notes that version exported are exactly the ones exported now.
func TestWritePDF_NotesExportedBeforeTheTwoChoicesStayTheSame(t *testing.T) {
	path := writeDemo(t)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DROP TABLE comment`, `DROP TABLE share`, `DROP TABLE share_left_out`,
		`ALTER TABLE support_note DROP COLUMN include_in_submission`,
		`DELETE FROM meta WHERE key = 'portfolio_id'`,
		`PRAGMA user_version = 6`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// At version 6 both the coaching plan and the English course were ticked "share with my
	// coach", so both went in the PDF.
	var shared int
	if err := db.QueryRow(`SELECT count(*) FROM support_note WHERE share_with_coach = 1`).Scan(&shared); err != nil || shared != 2 {
		t.Fatalf("%d notes shared at version 6, %v", shared, err)
	}
	db.Close()
	text := exportText(t, path, "bilingual")
	for _, s := range []string{noteBoth, noteCoachOnly} {
		if !strings.Contains(text, s) {
			t.Errorf("%q was exported at version 6 and is missing after the upgrade", s)
		}
	}
	if strings.Contains(text, notePrivate) {
		t.Error("a private note reached the PDF after the upgrade")
	}
}
