package plar

import (
	"context"
	"database/sql"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"passerelle/portfolio"
)

// setBlobs rewrites every stored file's bytes behind the store's back, as damage would.
func setBlobs(t *testing.T, path string, data []byte) {
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

// fileSteps lists the titles that readiness says have changed since they were attached.
func fileSteps(r Readiness) []string {
	var out []string
	for _, td := range r.ToDo {
		if td.Step.MessageID == "StepFileChanged" {
			out = append(out, td.Step.Args["Title"].(string))
		}
	}
	return out
}

func TestReadiness_AuthenticReportsTheLastFileCheckWithItsDate(t *testing.T) {
	ctx := context.Background()
	p, s := newStores(t)
	tg, err := s.SaveTarget(ctx, Target{Name: "MLT"})
	if err != nil {
		t.Fatal(err)
	}
	outs, err := s.AddOutcomes(ctx, tg.ID, []Outcome{{Code: "A", TextEN: "Prepare samples"}})
	if err != nil {
		t.Fatal(err)
	}
	letter := []byte("She prepared samples every day.")
	pe, err := portfolio.PrepareEvidence(portfolio.NewEvidence{Name: "letter.txt", Data: letter})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := p.AddEvidence(ctx, pe)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveClaim(ctx, Claim{OutcomeID: outs[0].ID, Rating: 3, NarrativeEN: words(MinNarrativeWords),
		Evidence: []EvidenceLink{{EvidenceID: ev.ID, Relevance: "daily"}}}); err != nil {
		t.Fatal(err)
	}
	readiness := func() Readiness {
		t.Helper()
		in, err := s.Gather(ctx, tg.ID)
		if err != nil {
			t.Fatal(err)
		}
		return Compute(in)
	}
	if r := readiness(); len(fileSteps(r)) != 0 || r.FilesCheckedAt != "" {
		t.Fatalf("just added: %v, checked at %q", fileSteps(r), r.FilesCheckedAt)
	}

	// Readiness does not read the files: a change shows once check, backup or export has hashed
	// them again, with the date of that check.
	setBlobs(t, p.Path(), []byte("She prepared samples once."))
	if r := readiness(); len(fileSteps(r)) != 0 {
		t.Fatalf("readiness re-hashed the files: %v", fileSteps(r))
	}
	problems, err := p.Check(ctx)
	if err != nil || len(problems) != 1 || problems[0].MessageID != "CheckFileChanged" {
		t.Fatalf("check: %+v %v", problems, err)
	}
	stamp := p.Stamp()
	if r := readiness(); !slices.Equal(fileSteps(r), []string{"letter"}) || r.FilesCheckedAt != stamp {
		t.Fatalf("after check: %v, checked at %q, want %q", fileSteps(r), r.FilesCheckedAt, stamp)
	}

	setBlobs(t, p.Path(), letter)
	if _, err := p.BackupInto(ctx, filepath.Join(t.TempDir(), "usb"), portfolio.BackupManual); err != nil {
		t.Fatalf("backup of a whole portfolio: %v", err)
	}
	if r := readiness(); len(fileSteps(r)) != 0 || r.FilesCheckedAt != stamp {
		t.Fatalf("after a backup that found every file whole: %v, checked at %q", fileSteps(r), r.FilesCheckedAt)
	}

	setBlobs(t, p.Path(), []byte("changed again"))
	if _, err := p.BackupInto(ctx, filepath.Join(t.TempDir(), "usb"), portfolio.BackupManual); err == nil {
		t.Fatal("a backup with a changed file passed its check")
	}
	if r := readiness(); !slices.Equal(fileSteps(r), []string{"letter"}) {
		t.Fatalf("after a backup that found the change: %v", fileSteps(r))
	}

	// An export hashes every file before it reads readiness.
	setBlobs(t, p.Path(), letter)
	if _, err := p.VerifyFiles(ctx); err != nil {
		t.Fatal(err)
	}
	if r := readiness(); len(fileSteps(r)) != 0 {
		t.Fatalf("export after the file was put back: %v", fileSteps(r))
	}
	setBlobs(t, p.Path(), []byte("changed a third time"))
	if _, err := p.VerifyFiles(ctx); err != nil {
		t.Fatal(err)
	}
	if r := readiness(); !slices.Equal(fileSteps(r), []string{"letter"}) {
		t.Fatalf("export of a changed file: %v", fileSteps(r))
	}
}

func TestReadiness_DoesNotReadTheEvidenceFiles(t *testing.T) {
	ctx := context.Background()
	s, targetID := benchPortfolio(t, 2<<20) // 40 files of 2 MiB: 80 MiB of evidence
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	in, err := s.Gather(ctx, targetID)
	if err != nil {
		t.Fatal(err)
	}
	r := Compute(in)
	runtime.ReadMemStats(&after)
	if r.Claimed != benchEvidenceFiles || len(fileSteps(r)) != 0 {
		t.Fatalf("readiness: %d claimed, files changed %v", r.Claimed, fileSteps(r))
	}
	// The home screen and readiness run this on every visit: reading 80 MiB of photos each
	// time is seconds on an old laptop. What it needs is a few hundred kilobytes of rows.
	if n := after.TotalAlloc - before.TotalAlloc; n > 4<<20 {
		t.Fatalf("readiness allocated %.1f MiB with 80 MiB of evidence", float64(n)/(1<<20))
	}
}
