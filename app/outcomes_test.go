package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/portfolio"
)

// The window's path through "what happened next": record, answer, consent, preview, export,
// report on the folder, revoke, and the refusals the page shows translated.
func TestOutcomes_RecordConsentExportReportRevoke(t *testing.T) {
	dir := t.TempDir()
	s := newSession(t, dir, "fr_CA.UTF-8")
	if _, err := s.Create("Portfolio de Léa"); err != nil {
		t.Fatal(err)
	}
	x := &Outcomes{s}
	cred, err := (&Credentials{s}).Save(portfolio.Credential{TitleFR: "Secourisme", Issuer: "Croix-Rouge", IssuedOn: "2026-02-01"})
	if err != nil {
		t.Fatal(err)
	}
	prompts, err := x.Prompts()
	if err != nil || len(prompts) != 1 || prompts[0].Months != 6 || prompts[0].CredentialID != cred.ID {
		t.Fatalf("prompts: %+v, %v", prompts, err)
	}
	if _, err := x.SaveLater(portfolio.LaterOutcome{Type: "newJob", Date: "2026-09-01", Note: "privé",
		Prompt: prompts[0].Key, CredentialIDs: []int64{cred.ID}}); err != nil {
		t.Fatal(err)
	}
	if p, _ := x.Prompts(); len(p) != 0 {
		t.Fatalf("an answered prompt is still due: %+v", p)
	}
	const program = "Centre d’amitié — Career coaching 2026"
	draft, err := x.PreviewConsent(portfolio.Consent{Program: program, Region: "QC"})
	if err != nil || !strings.Contains(draft, `"pseudonym": ""`) || strings.Contains(draft, "privé") {
		t.Fatalf("draft: %s, %v", draft, err)
	}
	if _, err := x.GiveConsent(portfolio.Consent{Program: program, Region: "QC"}); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "envoi")
	os.Mkdir(folder, 0o755)
	out := filepath.Join(folder, "lea.json")
	if err := x.ExportToPath(program, out); err != nil {
		t.Fatal(err)
	}
	preview, _ := x.PreviewExport(program)
	if data, _ := os.ReadFile(out); string(data) != preview || !strings.Contains(preview, `"type": "newJob"`) {
		t.Fatalf("written %s, preview %s", data, preview)
	}
	r, err := x.ReportFromFolder(folder)
	if err != nil || !r.LearnersSuppressed || r.Learners != 0 || r.ByType[0].Count != 0 || !r.ByType[0].Suppressed {
		t.Fatalf("a report on one learner shows nothing: %+v, %v", r, err)
	}
	csv := filepath.Join(dir, "r.csv")
	if err := x.SaveReportCSVToPath(folder, csv); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(csv); !strings.Contains(string(data), "moins de 5\u00a0: non affiché") {
		t.Fatalf("the CSV is in the UI's language: %s", data)
	}
	err = x.SaveReportXAPIToPath(folder, filepath.Join(dir, "x.json"))
	if ui := s.uiError(err); !strings.Contains(ui.Message, "moins de 5 personnes") {
		t.Fatalf("xAPI of one learner: %+v", ui)
	}
	if c, err := x.RevokeConsent(program); err != nil || c.On {
		t.Fatalf("revoke: %+v, %v", c, err)
	}
	err = x.ExportToPath(program, filepath.Join(folder, "again.json"))
	if ui := s.uiError(err); ui.Code != "conflict" || !strings.Contains(ui.Message, "Vous avez désactivé le partage") {
		t.Fatalf("export after revoking: %+v", ui)
	}
	if _, err := os.Stat(filepath.Join(folder, "again.json")); !os.IsNotExist(err) {
		t.Fatal("written after consent was revoked")
	}
}
