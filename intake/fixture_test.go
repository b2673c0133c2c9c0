package intake

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"passerelle/credential/credtest"
	"passerelle/portfolio"
)

// e2eBadge is the baked badge the end-to-end test drops on the microcredentials screen: an
// Open Badge 3.0 signed with the test issuer key, issued to the demo learner, valid until 2099.
// PASSERELLE_UPDATE_FIXTURES=1 writes it; otherwise the committed copy must match it byte for
// byte (Ed25519 signatures are deterministic) and import as verified.
const e2eBadge = "../e2e/fixtures/lab-safety-badge.png"

func TestE2EFixture_BakedBadgeIsCurrentAndVerifies(t *testing.T) {
	want := credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3, credtest.OB3{
		ID: "urn:uuid:3f1c2b9e-0d4a-4c1e-9a57-1e2d3c4b5a60", Name: "Laboratory Safety",
		NameFR: "Sécurité en laboratoire", Recipient: "aminata.kone@example.org", Salt: "e2e-salt",
		ValidFrom: "2025-09-15T00:00:00Z", ValidUntil: "2099-12-31T00:00:00Z",
	}.Signed(credtest.IssuerKey), credtest.BeforeIEND)
	if os.Getenv("PASSERELLE_UPDATE_FIXTURES") == "1" {
		if err := os.WriteFile(filepath.FromSlash(e2eBadge), want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(filepath.FromSlash(e2eBadge))
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("%s is missing or stale (%v): run with PASSERELLE_UPDATE_FIXTURES=1", e2eBadge, err)
	}
	st := newPortfolio(t)
	if _, err := st.SaveLearner(context.Background(), portfolio.Learner{DisplayName: "Aminata", Email: "aminata.kone@example.org"}); err != nil {
		t.Fatal(err)
	}
	res := New(st, Offline()).Import(context.Background(), "lab-safety-badge.png", got)
	if res.Err != nil || !res.Items[0].Credential.Verified() {
		t.Fatalf("fixture does not import verified: %+v", res)
	}
}
