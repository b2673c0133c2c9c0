package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"passerelle/portfolio"
)

func clock() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) }

// listAll reads everything the app's screens show, as opening a portfolio does.
func listAll(ctx context.Context, path string) (int, error) {
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	if _, err := st.Learner(ctx); err != nil {
		return 0, err
	}
	exps, err := st.Experiences(ctx)
	if err != nil {
		return 0, err
	}
	creds, err := st.Credentials(ctx)
	if err != nil {
		return 0, err
	}
	ev, err := st.EvidenceList(ctx)
	if err != nil {
		return 0, err
	}
	for _, e := range ev {
		if _, err := st.EvidencePreview(ctx, e.ID); err != nil {
			return 0, err
		}
	}
	notes, err := st.SupportNotes(ctx)
	if err != nil {
		return 0, err
	}
	return len(exps) + len(creds) + len(ev) + len(notes), nil
}

func TestWrite_DemoIsWholeAndConsistent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo"+portfolio.FileExtension)
	if err := Write(ctx, path, clock); err != nil {
		t.Fatal(err)
	}
	n, err := listAll(ctx, path)
	if err != nil || n < 12 {
		t.Fatalf("listed %d items, %v", n, err)
	}
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if problems, err := st.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	notes, _ := st.SupportNotes(ctx)
	coach, submitted := 0, 0
	for _, n := range notes {
		if n.ShareWithCoach {
			coach++
		}
		if n.IncludeInSubmission {
			submitted++
		}
	}
	if coach != 2 || submitted != 1 {
		t.Fatalf("%d notes for the coach, %d in the submission; the demo shows two for the coach, one of them in the submission, the rest private", coach, submitted)
	}
}

// BenchmarkOpenDemoAndListAll measures what a learner waits for when the app opens their
// portfolio: open the file, read every list and every image preview.
func BenchmarkOpenDemoAndListAll(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "demo"+portfolio.FileExtension)
	if err := Write(ctx, path, clock); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := listAll(ctx, path); err != nil {
			b.Fatal(err)
		}
	}
}
