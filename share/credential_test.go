package share

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/intake"
	"passerelle/portfolio"
)

// TestWrite_ImportedCredentialTravelsWithoutTheLearnersAddress imports the e2e badge (issued to
// the demo learner) and shares the portfolio: the coach's copy keeps the credential's checks,
// so readiness reads the same, and the recipient check names the learner's address only when
// she chose to share her contact details.
func TestWrite_ImportedCredentialTravelsWithoutTheLearnersAddress(t *testing.T) {
	ctx := context.Background()
	badge, err := os.ReadFile(filepath.FromSlash("../e2e/fixtures/lab-safety-badge.png"))
	if err != nil {
		t.Fatal(err)
	}
	for _, withContact := range []bool{false, true} {
		path := writeDemo(t)
		st, err := portfolio.Open(ctx, path, portfolio.WithClock(clock))
		if err != nil {
			t.Fatal(err)
		}
		res := intake.New(st, intake.Offline()).Import(ctx, "lab-safety-badge.png", badge)
		if res.Err != nil || len(res.Items) != 1 || !res.Items[0].Credential.Verified() {
			st.Close()
			t.Fatalf("the badge did not import verified: %+v", res)
		}
		out := filepath.Join(t.TempDir(), "aminata"+portfolio.SharedFileExtension)
		_, err = Write(ctx, st, out, Options{WithContact: withContact})
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		db, err := sql.Open("sqlite", "file:"+out+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		var format, verification string
		err = db.QueryRowContext(ctx, `SELECT format, verification FROM credential_import`).Scan(&format, &verification)
		db.Close()
		if err != nil {
			t.Fatalf("with contact %v: the imported credential is not in the shared copy: %v", withContact, err)
		}
		if format != "ob3-json" || !strings.Contains(verification, `"recipient"`) {
			t.Errorf("with contact %v: format %q, checks %s", withContact, format, verification)
		}
		if got := strings.Contains(verification, "@example.org"); got != withContact {
			t.Errorf("with contact %v: the learner's address in the copy's checks: %v (%s)", withContact, got, verification)
		}
	}
}
