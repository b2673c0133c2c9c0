package share

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"passerelle/demo"
	"passerelle/impact"
	"passerelle/portfolio"
)

// TestWrite_SaysHowManyOutcomesTheLearnerSharesButNeverHerPseudonym shares the demo, whose
// learner shares what happened next with one program: the copy's header (and so the coach's
// cohort) says so and counts the outcomes of that anonymous file, but the pseudonym is nowhere
// in the copy, which names her. Once she turns sharing off, the next copy says she shares none.
func TestWrite_SaysHowManyOutcomesTheLearnerSharesButNeverHerPseudonym(t *testing.T) {
	ctx := context.Background()
	path := writeDemo(t)
	st, err := portfolio.Open(ctx, path, portfolio.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	consent, err := st.ConsentFor(ctx, demo.DemoProgram)
	if err != nil || !consent.On || consent.Pseudonym == "" {
		t.Fatalf("the demo's consent: %+v, %v", consent, err)
	}
	file, err := impact.Build(ctx, st, demo.DemoProgram, clock())
	if err != nil || len(file.Outcomes) == 0 {
		t.Fatalf("the demo's outcome file: %+v, %v", file, err)
	}
	for _, c := range []struct {
		name   string
		revoke bool
		shared bool
		count  int
	}{{"sharing on", false, true, len(file.Outcomes)}, {"sharing off", true, false, 0}} {
		t.Run(c.name, func(t *testing.T) {
			if c.revoke {
				if _, err := st.RevokeConsent(ctx, demo.DemoProgram); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(t.TempDir(), "aminata"+portfolio.SharedFileExtension)
			if _, err := Write(ctx, st, out, Options{}); err != nil {
				t.Fatal(err)
			}
			h, _, err := portfolio.PeekShare(ctx, out)
			if err != nil {
				t.Fatal(err)
			}
			if h.OutcomesShared != c.shared || h.OutcomesReported != c.count {
				t.Errorf("header says shared %v, %d outcomes; want %v, %d", h.OutcomesShared, h.OutcomesReported, c.shared, c.count)
			}
			rows, err := NewCohort("").List(ctx, filepath.Dir(out))
			if err != nil || len(rows) != 1 || rows[0].OutcomesShared != c.shared || rows[0].OutcomesReported != c.count {
				t.Errorf("cohort row %+v, %v", rows, err)
			}
			if bytes.Contains(everyByte(t, out), []byte(consent.Pseudonym)) {
				t.Error("the shared copy holds the learner's pseudonym for the program")
			}
		})
	}
}
