package plar

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"passerelle/fault"
	"passerelle/portfolio"
)

func newStores(t testing.TB) (*portfolio.Store, *Store) {
	t.Helper()
	p, err := portfolio.Create(context.Background(), filepath.Join(t.TempDir(), "p"+portfolio.FileExtension), "P",
		portfolio.WithClock(func() time.Time { return today }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p, NewStore(p)
}

func fileBytes(t testing.TB, path string) []byte {
	t.Helper()
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(path + "-wal")
	return append(a, b...)
}

func TestStore_TargetsOutcomesAndClaimsRoundTrip(t *testing.T) {
	ctx := context.Background()
	p, s := newStores(t)
	tg, err := s.SaveTarget(ctx, Target{Name: "MLT", Institution: "Red River College Polytechnic",
		Program: "Medical Laboratory Technology", CourseCode: "MLT-101", Methods: []string{"Portfolio", "Interview"}})
	if err != nil {
		t.Fatal(err)
	}
	if tg.CurrencyYears != 5 || tg.Language != "en" {
		t.Fatalf("defaults not applied: %+v", tg)
	}
	if _, err := s.SaveTarget(ctx, Target{Name: "MLT"}); fault.CodeOf(err) != fault.Conflict {
		t.Fatalf("duplicate target name: %v", err)
	}
	outs, err := s.AddOutcomes(ctx, tg.ID, []Outcome{{Code: "A", TextEN: "Prepare samples"}, {Code: "B", TextFR: "Contrôler la qualité"}})
	if err != nil {
		t.Fatal(err)
	}
	exp, _ := p.SaveExperience(ctx, portfolio.Experience{Kind: "PaidWork", TitleEN: "Lab tech", StartMonth: "2015-01"})
	pe, _ := portfolio.PrepareEvidence(portfolio.NewEvidence{Name: "letter.txt", Data: []byte("she did it")})
	ev, _ := p.AddEvidence(ctx, pe)
	c, err := s.SaveClaim(ctx, Claim{OutcomeID: outs[1].ID, Rating: 4, NarrativeFR: "J’ai contrôlé",
		ExperienceIDs: []int64{exp.ID, exp.ID, 777}, Evidence: []EvidenceLink{{EvidenceID: ev.ID, Relevance: "Lettre"}, {EvidenceID: 888}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.ExperienceIDs) != 1 || len(c.Evidence) != 1 || c.Evidence[0].Relevance != "Lettre" {
		t.Fatalf("claim links %+v", c)
	}
	c.Rating = 5
	if c2, err := s.SaveClaim(ctx, Claim{OutcomeID: outs[1].ID, Rating: 5}); err != nil || c2.ID != c.ID || len(c2.Evidence) != 0 {
		t.Fatalf("re-saving the claim on the same outcome: %+v %v", c2, err)
	}
	if _, err := s.SaveClaim(ctx, Claim{OutcomeID: outs[0].ID, Rating: 0}); fault.CodeOf(err) != fault.Invalid {
		t.Fatalf("claim without rating: %v", err)
	}
	if err := s.WithdrawClaim(ctx, outs[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.ClaimFor(ctx, outs[1].ID); ok {
		t.Fatal("claim still there after withdrawing")
	}
	if err := s.DeleteTarget(ctx, tg.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Targets(ctx); len(list) != 0 {
		t.Fatalf("targets after delete: %+v", list)
	}
}

// TestStore_RefusedImportAddsNothing: a file with one bad row leaves the target as it was.
func TestStore_RefusedImportAddsNothing(t *testing.T) {
	ctx := context.Background()
	p, s := newStores(t)
	tg, _ := s.SaveTarget(ctx, Target{Name: "T"})
	if _, err := s.AddOutcomes(ctx, tg.ID, []Outcome{{Code: "A1", TextEN: "One"}}); err != nil {
		t.Fatal(err)
	}
	before := fileBytes(t, p.Path())
	_, err := s.AddOutcomes(ctx, tg.ID, []Outcome{{Code: "B1", TextEN: "Two"}, {Code: "A1", TextEN: "Again"}})
	if e, ok := fault.As(err); !ok || e.MessageID != "ErrOutcomeCodeTaken" {
		t.Fatalf("want ErrOutcomeCodeTaken, got %v", err)
	}
	if !bytes.Equal(before, fileBytes(t, p.Path())) {
		t.Fatal("refused import changed the file")
	}
	got, _ := s.Target(ctx, tg.ID)
	if len(got.Outcomes) != 1 {
		t.Fatalf("%d outcomes after a refused import", len(got.Outcomes))
	}
}
