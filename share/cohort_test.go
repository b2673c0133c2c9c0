package share

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"passerelle/comment"
	"passerelle/portfolio"
)

// smallCopy writes a small portfolio for name and its shared copy in dir.
func smallCopy(t testing.TB, dir, name string) string {
	t.Helper()
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "p"+portfolio.FileExtension)
	st, err := portfolio.Create(ctx, p, name)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.SaveLearner(ctx, portfolio.Learner{DisplayName: name}); err != nil {
		t.Fatal(err)
	}
	res, err := Write(ctx, st, filepath.Join(dir, name), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Path
}

// TestCohort_ListsEveryCopyAndSurvivesBadFiles fills a folder with shared copies of the demo
// and of another learner, a copy cut short, a text file and a portfolio named like shared
// copies: the good ones are listed with their numbers, the others as unreadable, and a comment
// added later shows up in the count.
func TestCohort_ListsEveryCopyAndSurvivesBadFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := writeDemo(t)
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	aminata, err := Write(ctx, st, filepath.Join(dir, "aminata"), Options{Now: clock})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	smallCopy(t, dir, "Bertrand")
	whole, _ := os.ReadFile(aminata.Path)
	os.WriteFile(filepath.Join(dir, "cut"+portfolio.SharedFileExtension), whole[:len(whole)/3], 0o600)
	os.WriteFile(filepath.Join(dir, "notes"+portfolio.SharedFileExtension), []byte("not a copy"), 0o600)
	learnerFile, _ := os.ReadFile(path)
	os.WriteFile(filepath.Join(dir, "renamed"+portfolio.SharedFileExtension), learnerFile, 0o600)
	os.WriteFile(filepath.Join(dir, "readme.txt"), []byte("ignored"), 0o600)

	cohort := NewCohort(filepath.Join(t.TempDir(), "cohort.json"))
	list, err := cohort.List(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 5 {
		t.Fatalf("%d entries: %v", len(list), list)
	}
	a := list[0]
	if a.LearnerName != "Aminata Koné" || a.Path != aminata.Path || a.ClaimsTotal == 0 || a.ClaimsClaimed == 0 ||
		a.SharedAt != "2026-11-29T12:00:00Z" || a.Target == "" || a.Unreadable {
		t.Errorf("first entry %v", a)
	}
	if list[1].LearnerName != "Bertrand" || list[1].ClaimsTotal != 0 {
		t.Errorf("second entry %v", list[1])
	}
	want := map[string]string{"cut": "", "notes": "ErrSharedCopyNotShared", "renamed": "ErrSharedCopyIsPortfolio"}
	for _, l := range list[2:] {
		stem := l.FileName[:len(l.FileName)-len(portfolio.SharedFileExtension)]
		if !l.Unreadable || l.Problem == "" || (want[stem] != "" && l.Problem != want[stem]) {
			t.Errorf("bad file listed as %v", l)
		}
	}
	cs, err := portfolio.OpenSharedCopy(ctx, aminata.Path)
	if err != nil {
		t.Fatal(err)
	}
	cs.SetCoachName(ctx, "Josée")
	first, err := comment.Add(ctx, cs, comment.New{Anchor: comment.Anchor{Kind: comment.OnProfile}, Text: "Bien."})
	if err != nil {
		t.Fatal(err)
	}
	// The coach answering in the thread opens no new comment: the learner marks done or
	// dismisses first comments, so the cohort counts only those, as the learner's screen does.
	if _, err := comment.Reply(ctx, cs, first.ID, "Et la date ?"); err != nil {
		t.Fatal(err)
	}
	cs.Close()
	list, _ = cohort.List(ctx, dir)
	if list[0].OpenComments != 1 {
		t.Errorf("after a comment: %v", list[0])
	}
	again, err := NewCohort(cohort.cacheFile).List(ctx, dir)
	if err != nil || len(again) != 5 || again[0].OpenComments != 1 || again[0].LearnerName != "Aminata Koné" {
		t.Errorf("from the cache file: %v, %v", again, err)
	}
	if _, err := cohort.List(ctx, filepath.Join(dir, "nowhere")); err == nil {
		t.Error("a missing folder listed")
	}
}

// BenchmarkCohort lists a folder of 200 shared copies: cold (no cache: every copy opened),
// from the cache file (the app started again, copies unchanged) and warm (the app's list,
// copies unchanged since the last time). The list must appear in under 200 ms.
func BenchmarkCohort(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	first := smallCopy(b, dir, "Learner")
	data, err := os.ReadFile(first)
	if err != nil {
		b.Fatal(err)
	}
	for i := 1; i < 200; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("learner-%03d%s", i, portfolio.SharedFileExtension)), data, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			list, err := NewCohort("").List(ctx, dir)
			if err != nil || len(list) != 200 || list[0].Unreadable {
				b.Fatalf("%d, %v", len(list), err)
			}
		}
	})
	cacheFile := filepath.Join(b.TempDir(), "cohort.json")
	NewCohort(cacheFile).List(ctx, dir)
	b.Run("cachefile", func(b *testing.B) {
		for b.Loop() {
			if list, err := NewCohort(cacheFile).List(ctx, dir); err != nil || len(list) != 200 {
				b.Fatalf("%d, %v", len(list), err)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		c := NewCohort("")
		c.List(ctx, dir)
		for b.Loop() {
			if list, err := c.List(ctx, dir); err != nil || len(list) != 200 {
				b.Fatalf("%d, %v", len(list), err)
			}
		}
	})
}
