package plar

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"passerelle/portfolio"
)

// benchEvidenceFiles is how many evidence files the readiness benchmark attaches: the same
// count for every total size, so only the bytes differ.
const benchEvidenceFiles = 40

// BenchmarkReadiness times what the home screen and the readiness screen do on every visit
// (Gather then Compute) on a portfolio with 40 evidence files of 10 MiB or 200 MiB in all, each
// file linked to a claim. The time must not grow with the bytes: readiness never reads them.
func BenchmarkReadiness(b *testing.B) {
	for _, totalMiB := range []int{10, 200} {
		b.Run(fmt.Sprintf("evidence=%dMiB", totalMiB), func(b *testing.B) {
			ctx := context.Background()
			s, targetID := benchPortfolio(b, totalMiB<<20/benchEvidenceFiles)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				in, err := s.Gather(ctx, targetID)
				if err != nil {
					b.Fatal(err)
				}
				if r := Compute(in); r.Claimed != benchEvidenceFiles {
					b.Fatalf("%d claims", r.Claimed)
				}
			}
		})
	}
}

// benchPortfolio makes, in b.TempDir(), a portfolio with one target, benchEvidenceFiles
// outcomes each claimed with its own evidence file of fileSize random (incompressible) bytes.
func benchPortfolio(b testing.TB, fileSize int) (*Store, int64) {
	b.Helper()
	ctx := context.Background()
	p, err := portfolio.Create(ctx, filepath.Join(b.TempDir(), "big"+portfolio.FileExtension), "Big",
		portfolio.WithClock(func() time.Time { return today }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { p.Close() })
	s := NewStore(p)
	tg, err := s.SaveTarget(ctx, Target{Name: "Large"})
	if err != nil {
		b.Fatal(err)
	}
	var outcomes []Outcome
	for i := range benchEvidenceFiles {
		outcomes = append(outcomes, Outcome{Code: fmt.Sprintf("O%02d", i), TextEN: "Prepare and check samples"})
	}
	if outcomes, err = s.AddOutcomes(ctx, tg.ID, outcomes); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewChaCha8([32]byte{byte(fileSize)}))
	data := make([]byte, fileSize)
	for i, o := range outcomes {
		for j := 0; j < len(data); j += 8 {
			v := rng.Uint64()
			for k := 0; k < 8 && j+k < len(data); k++ {
				data[j+k] = byte(v >> (8 * k))
			}
		}
		pe, err := portfolio.PrepareEvidence(portfolio.NewEvidence{Name: fmt.Sprintf("scan-%02d.bin", i), Data: data})
		if err != nil {
			b.Fatal(err)
		}
		ev, err := p.AddEvidence(ctx, pe)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.SaveClaim(ctx, Claim{OutcomeID: o.ID, Rating: 3, NarrativeEN: words(MinNarrativeWords),
			Evidence: []EvidenceLink{{EvidenceID: ev.ID, Relevance: "shows it"}}}); err != nil {
			b.Fatal(err)
		}
	}
	return s, tg.ID
}
