package submission

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/comment"
	"passerelle/plar"
	"passerelle/portfolio"
	"passerelle/share"
)

// TestWritePDF_CommentsNeverReachThePDF imports a coach's comments on a claim and one of its
// rules, replies to one, then exports with notes included: no comment, suggested action,
// reply or coach's name is in the institution's PDF.
func TestWritePDF_CommentsNeverReachThePDF(t *testing.T) {
	ctx := context.Background()
	path := writeDemo(t)
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := share.Write(ctx, st, filepath.Join(t.TempDir(), "copy"), share.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := portfolio.OpenSharedCopy(ctx, res.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := cs.SetCoachName(ctx, "Josée Tremblay-Coach"); err != nil {
		t.Fatal(err)
	}
	ps := plar.NewStore(cs)
	targets, _ := ps.Targets(ctx)
	claims, _ := ps.Claims(ctx, targets[0].ID)
	first, err := comment.Add(ctx, cs, comment.New{Anchor: comment.Anchor{Kind: comment.OnClaim, ID: claims[0].ID},
		Text: "Commentaire confidentiel de la conseillère", SuggestedAction: "Action suggérée confidentielle"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := comment.Add(ctx, cs, comment.New{Anchor: comment.Anchor{Kind: comment.OnClaimRule, ID: claims[0].ID,
		Rule: plar.RuleAuthentic}, Text: "Règle authentique à revoir"}); err != nil {
		t.Fatal(err)
	}
	file, err := comment.WriteFile(ctx, cs, filepath.Join(t.TempDir(), "comments"))
	cs.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := comment.ImportFile(ctx, st, file.Path); err != nil {
		t.Fatal(err)
	}
	if _, err := comment.Reply(ctx, st, first.ID, "Réponse privée de l’apprenante"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	text := exportText(t, path, "bilingual")
	for _, s := range []string{"Commentaire confidentiel", "Action suggérée confidentielle", "Règle authentique à revoir",
		"Réponse privée", "Tremblay-Coach"} {
		if strings.Contains(text, s) {
			t.Errorf("%q reached the institution's PDF", s)
		}
	}
	if !strings.Contains(text, noteBoth) {
		t.Error("the export lacks the note included in the submission, so it proves little")
	}
}
