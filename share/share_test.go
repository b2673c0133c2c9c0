package share

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passerelle/demo"
	"passerelle/fault"
	"passerelle/portfolio"
)

var clock = func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) }

// What the demo learner keeps private, and what she ticked for her coach (demo/demo.go).
var (
	privateNotes = []string{"Garderie Les Petits Explorateurs", "Place en garderie subventionnée",
		"Laissez-passer d’autobus", "WINPASS", "Winnipeg Transit"}
	selfID      = []string{"résidente permanente", "Arrivée au Canada en 2022"}
	contact     = []string{"aminata.kone@example.org", "204 555-0142"}
	coachNotes  = []string{"Cours d’anglais langue seconde", "Plan de reconnaissance des acquis", "Pluri-elles"}
	passphrase  = "tisserande du matin"
	learnerName = "Aminata"
)

func writeDemo(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo"+portfolio.FileExtension)
	if err := demo.Write(context.Background(), path, clock); err != nil {
		t.Fatal(err)
	}
	return path
}

func fileSum(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// everyByte is the shared copy with whatever SQLite left beside it (a WAL, a journal).
func everyByte(t *testing.T, path string) []byte {
	t.Helper()
	var all []byte
	matches, _ := filepath.Glob(path + "*")
	for _, m := range matches {
		b, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

// TestWrite_SharedCopyHoldsNothingPrivate writes shared copies of the demo, with a passphrase
// set and without, with contact details and without, and searches every byte of each for the
// private notes, the self-identification and the contact details: none is there unless
// chosen, the notes ticked for the coach are, and the learner's file is byte-identical after.
func TestWrite_SharedCopyHoldsNothingPrivate(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name        string
		passphrase  bool
		withContact bool
	}{{"clear", false, false}, {"clear with contact", false, true},
		{"passphrase", true, false}, {"passphrase with contact", true, true}} {
		t.Run(c.name, func(t *testing.T) {
			path := writeDemo(t)
			if c.passphrase {
				st, err := portfolio.Open(ctx, path)
				if err != nil {
					t.Fatal(err)
				}
				if err := st.SetPassphrase(ctx, passphrase); err != nil {
					t.Fatal(err)
				}
				st.Close()
			}
			before := fileSum(t, path)
			st, err := portfolio.Open(ctx, path, portfolio.WithClock(clock))
			if err != nil {
				t.Fatal(err)
			}
			if c.passphrase {
				if err := st.Unlock(ctx, passphrase); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(t.TempDir(), "aminata"+portfolio.SharedFileExtension)
			res, err := Write(ctx, st, out, Options{WithContact: c.withContact})
			st.Close()
			if err != nil {
				t.Fatal(err)
			}
			if fileSum(t, path) != before {
				t.Error("the learner's portfolio changed when it was shared")
			}
			if res.Path != out || res.Size <= 0 || res.ShareID == "" {
				t.Fatalf("result %+v", res)
			}
			if extra, _ := filepath.Glob(out + "-*"); len(extra) != 0 {
				t.Errorf("the shared copy is not one file: %v", extra)
			}
			all := everyByte(t, out)
			for _, s := range append(privateNotes, selfID...) {
				if bytes.Contains(all, []byte(s)) {
					t.Errorf("private text %q is in the shared copy", s)
				}
			}
			for _, s := range contact {
				if got := bytes.Contains(all, []byte(s)); got != c.withContact {
					t.Errorf("contact %q in the copy: %v, chosen: %v", s, got, c.withContact)
				}
			}
			for _, s := range coachNotes {
				if !bytes.Contains(all, []byte(s)) {
					t.Errorf("%q was ticked for the coach and is missing from the copy", s)
				}
			}
			if bytes.Contains(all, []byte("sealed:v1:")) {
				t.Error("the copy holds sealed values a coach could never open")
			}
			checkSelfIDEmpty(t, out)
		})
	}
}

// checkSelfIDEmpty reads the copy's self-identification row: every answer at its default.
func checkSelfIDEmpty(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT newcomer + indigenous + disability + racialized + length(notes) + length(sealed)
		FROM self_identification`).Scan(&n); err != nil || n != 0 {
		t.Errorf("self-identification in the copy: %d, %v", n, err)
	}
}

// TestWrite_CoachModeReadsTheRecordAndCannotChangeIt opens the copy in coach mode: the record
// reads as in the learner's window, every write to it is refused with a message, and even SQL
// that goes around the store is stopped by the file itself.
func TestWrite_CoachModeReadsTheRecordAndCannotChangeIt(t *testing.T) {
	ctx := context.Background()
	path := writeDemo(t)
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	exps, _ := st.Experiences(ctx)
	out := filepath.Join(t.TempDir(), "aminata")
	res, err := Write(ctx, st, out, Options{Now: clock})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(res.Path, portfolio.SharedFileExtension) {
		t.Fatalf("written to %s, without the shared copy's extension", res.Path)
	}
	if _, err := portfolio.Open(ctx, res.Path); messageID(err) != "ErrPortfolioIsSharedCopy" {
		t.Fatalf("opening a shared copy as a portfolio: %v", err)
	}
	if _, err := portfolio.OpenSharedCopy(ctx, path); messageID(err) != "ErrSharedCopyIsPortfolio" {
		t.Fatalf("opening a portfolio as a shared copy: %v", err)
	}
	cs, err := portfolio.OpenSharedCopy(ctx, res.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	info, err := cs.ShareInfo(ctx)
	if err != nil || !strings.Contains(info.LearnerName, learnerName) || info.SharedAt != "2026-11-29T12:00:00Z" ||
		info.ClaimsTotal == 0 || info.ShareID != res.ShareID || info.Target == "" {
		t.Fatalf("share info %+v, %v", info, err)
	}
	got, err := cs.Experiences(ctx)
	if err != nil || len(got) != len(exps) || len(got) == 0 {
		t.Fatalf("experiences in coach mode: %d of %d, %v", len(got), len(exps), err)
	}
	if _, err := cs.SaveExperience(ctx, got[0]); messageID(err) != "ErrSharedCopyReadOnly" {
		t.Fatalf("saving an experience in coach mode: %v", err)
	}
	if err := cs.DeleteExperience(ctx, got[0].ID); messageID(err) != "ErrSharedCopyReadOnly" {
		t.Fatalf("deleting an experience in coach mode: %v", err)
	}
	for _, q := range []string{`DELETE FROM claim`, `UPDATE experience SET title_en = 'x'`,
		`INSERT INTO support_note (category, date, text, created_at, updated_at) VALUES ('Other', '2025-01-01', 'x', '', '')`,
		`UPDATE meta SET value = 'x' WHERE key = 'portfolio_id'`, `DELETE FROM share`} {
		err := cs.UpdateComments(ctx, func(tx *sql.Tx) error { _, err := tx.ExecContext(ctx, q); return err })
		if err == nil {
			t.Errorf("%s: went through in a shared copy", q)
		}
	}
	if err := cs.SetCoachName(ctx, "Josée Tremblay"); err != nil {
		t.Fatal(err)
	}
	if name, _ := cs.CoachName(ctx); name != "Josée Tremblay" {
		t.Fatalf("coach name %q", name)
	}
	if got2, _ := cs.Experiences(ctx); len(got2) != len(got) || got2[0].TitleEN != got[0].TitleEN {
		t.Fatal("the record changed in coach mode")
	}
}

// TestWrite_RefusesToOverwriteAnythingButASharedCopy tries the learner's own file and a file
// that is not a shared copy as destinations: both refused, both unchanged; an older shared
// copy is replaced.
func TestWrite_RefusesToOverwriteAnythingButASharedCopy(t *testing.T) {
	ctx := context.Background()
	path := writeDemo(t)
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	other := filepath.Join(t.TempDir(), "notes"+portfolio.SharedFileExtension)
	os.WriteFile(other, []byte("my own notes"), 0o600)
	for _, c := range []struct{ out, want string }{
		{path, "ErrShareWouldOverwritePortfolio"},
		{other, "ErrShareWouldOverwrite"},
	} {
		before := fileSum(t, c.out)
		if _, err := Write(ctx, st, c.out, Options{}); messageID(err) != c.want {
			t.Errorf("%s: %v, want %s", c.out, err, c.want)
		}
		if fileSum(t, c.out) != before {
			t.Errorf("%s changed", c.out)
		}
	}
	out := filepath.Join(t.TempDir(), "a"+portfolio.SharedFileExtension)
	first, err := Write(ctx, st, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	second, err := Write(ctx, st, out, Options{})
	if err != nil || second.ShareID == first.ShareID {
		t.Fatalf("sharing again over the older copy: %+v, %v", second, err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// TestPreview_SaysExactlyWhatTheCopyHolds compares the preview with the copy written with the
// same choices, leaving large files out.
func TestPreview_SaysExactlyWhatTheCopyHolds(t *testing.T) {
	ctx := context.Background()
	path := writeDemo(t)
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	big := bytes.Repeat([]byte("Rapport de stage, version longue. "), LargeFile/30)
	p, err := portfolio.PrepareEvidence(portfolio.NewEvidence{Name: "rapport.txt", Data: big})
	if err != nil {
		t.Fatal(err)
	}
	e, err := st.AddEvidence(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{WithoutLargeFiles: true}
	pv, err := Preview(ctx, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	if pv.LeftOut != 1 || pv.LeftOutBytes != int64(len(big)) || pv.Counts.SupportNotes != 2 || len(pv.Notes) != 2 {
		t.Fatalf("preview %+v", pv)
	}
	for _, f := range pv.Files {
		if f.LeftOut != (f.EvidenceID == e.ID) {
			t.Errorf("file %+v", f)
		}
	}
	for _, f := range pv.Profile {
		if (f.Name == FieldEmail || f.Name == FieldPhone || f.Name == FieldSelfID) == f.Included {
			t.Errorf("profile field %+v", f)
		}
	}
	res, err := Write(ctx, st, filepath.Join(t.TempDir(), "a"), opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Size > int64(len(big)) || res.Size < pv.TotalBytes || res.Size > pv.TotalBytes+512<<10 {
		t.Errorf("copy of %d bytes; preview said about %d (files %d), left out %d", res.Size, pv.TotalBytes, pv.FileBytes, len(big))
	}
	cs, err := portfolio.OpenSharedCopy(ctx, res.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	list, _ := cs.EvidenceList(ctx)
	notes, _ := cs.SupportNotes(ctx)
	exps, _ := cs.Experiences(ctx)
	if len(list) != pv.Counts.Evidence || len(notes) != pv.Counts.SupportNotes || len(exps) != pv.Counts.Experiences {
		t.Errorf("copy holds %d evidence, %d notes, %d experiences; preview said %+v", len(list), len(notes), len(exps), pv.Counts)
	}
	if left, err := cs.LeftOutFiles(ctx); err != nil || len(left) != 1 || left[0] != e.SHA256 {
		t.Errorf("files left out: %v, %v", left, err)
	}
	if data, _ := cs.EvidenceFile(ctx, e.ID); len(data) != 0 {
		t.Errorf("the large file's %d bytes are in the copy", len(data))
	}
}

func messageID(err error) string {
	if e, ok := fault.As(err); ok {
		return e.MessageID
	}
	if err != nil {
		return err.Error()
	}
	return ""
}
