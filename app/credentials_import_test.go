package app

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/credential/credtest"
	"passerelle/intake"
)

// TestCredentials_ProductionImportsOnlyFilesTheLearnerChose: in the production window a
// credential path sent by the page is refused and nothing is imported, unless the learner chose
// it in the dialog or dropped it; a path chosen as evidence does not serve as a credential.
func TestCredentials_ProductionImportsOnlyFilesTheLearnerChose(t *testing.T) {
	s, _ := productionSession(t)
	v := NewServices(s)
	badge := filepath.Join(t.TempDir(), "badge.png")
	os.WriteFile(badge, credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3,
		credtest.OB3{}.Signed(credtest.IssuerKey), credtest.BeforeIEND), 0o600)

	_, err := v.Credentials.ImportPaths([]string{badge})
	wantNotChosen(t, "Credentials.ImportPaths", err)
	s.choose(chosenEvidence, badge)
	_, err = v.Credentials.ImportPaths([]string{badge})
	wantNotChosen(t, "Credentials.ImportPaths of a path chosen as evidence", err)
	if list, _ := v.Credentials.List(); len(list) != 0 {
		t.Fatalf("a file the learner did not choose was imported: %+v", list)
	}
	s.choose(chosenCredential, badge)
	files, err := v.Credentials.ImportPaths([]string{badge})
	if err != nil || len(files) != 1 || files[0].Status != intake.StatusImported || len(files[0].Credentials) != 1 {
		t.Fatalf("importing the chosen file: %+v %v", files, err)
	}
}

// TestCredentials_RefusalsComeInTheLearnersLanguage: a picture with no badge, sent by the page,
// is refused with its reason in French, and "Check again" records the check anew.
func TestCredentials_RefusalsComeInTheLearnersLanguage(t *testing.T) {
	s := newSession(t, t.TempDir(), "fr")
	if _, err := s.Create("Léa"); err != nil {
		t.Fatal(err)
	}
	v := NewServices(s)
	f, err := v.Credentials.ImportData("vacances.png", base64.StdEncoding.EncodeToString(credtest.PlainPNG()))
	if err != nil || f.Status != intake.StatusRefused || !strings.Contains(f.Message, "vacances.png") ||
		!strings.Contains(f.Message, "ne contient aucun Open Badge") {
		t.Fatalf("refused picture: %+v %v", f, err)
	}
	// The reason comes untranslated too, so the window says it again in English after a switch.
	if en := s.catalog.Text("en", f.MessageID, f.Args); !strings.Contains(en, "vacances.png") || !strings.Contains(en, "holds no Open Badge") {
		t.Fatalf("refusal as a message ID: %q %v → %q", f.MessageID, f.Args, en)
	}
	jwt := credtest.OB3{}.JWT(credtest.IssuerKey, false)
	f, err = v.Credentials.ImportData("badge.jwt", "data:application/jwt;base64,"+base64.StdEncoding.EncodeToString(jwt))
	if err != nil || f.Status != intake.StatusImported || f.Credentials[0].Import == nil {
		t.Fatalf("imported JWT: %+v %v", f, err)
	}
	again, err := v.Credentials.CheckAgain(f.Credentials[0].ID)
	if err != nil || again.Import.Verification.CheckedAt == "" || len(again.Import.Verification.Checks) != 5 {
		t.Fatalf("check again: %+v %v", again.Import, err)
	}
}
