package pdf_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"passerelle/pdf"
	"passerelle/portfolio"
)

// TestEvidenceTitle_InTheOutputLanguages: an evidence title written in both languages shows
// in the PDF's language, both in a bilingual PDF; one written in one language shows as it is.
func TestEvidenceTitle_InTheOutputLanguages(t *testing.T) {
	needTools(t, "pdftotext")
	const en, fr, only = "Letter from the employer", "Lettre de l’employeur", "Photo du poste de travail"
	doc := pdf.Document{Learner: portfolio.Learner{DisplayName: "Aminata Diallo", LegalName: "Aminata Diallo"}}
	for i, e := range []portfolio.Evidence{
		{TitleEN: en, TitleFR: fr, OriginalName: "lettre.txt", MediaType: "text/plain; charset=utf-8",
			Kind: "LetterOfValidation", Date: "2024-03-01", VerifierName: "Marie Sutherland"},
		{TitleFR: only, OriginalName: "poste.txt", MediaType: "text/plain; charset=utf-8", Kind: "WorkSample"},
	} {
		data := []byte("evidence " + e.OriginalName)
		sum := sha256.Sum256(data)
		e.ID, e.SHA256, e.Size, e.AddedAt = int64(i+1), hex.EncodeToString(sum[:]), int64(len(data)), "2025-01-01T00:00:00Z"
		doc.Evidence = append(doc.Evidence, pdf.Evidence{Evidence: e, Data: data})
	}
	cases := []struct {
		lang    pdf.Language
		want    []string
		mustNot []string
	}{
		{pdf.English, []string{en, only}, []string{fr}},
		{pdf.French, []string{fr, only}, []string{en}},
		{pdf.Bilingual, []string{en + " / " + fr, only}, nil},
	}
	for _, c := range cases {
		t.Run(string(c.lang), func(t *testing.T) {
			path, _ := export(t, doc, options(t, c.lang))
			got := strings.Join(strings.Fields(text(t, path)), " ")
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s PDF does not show %q", c.lang, w)
				}
			}
			for _, w := range c.mustNot {
				if strings.Contains(got, w) {
					t.Errorf("%s PDF shows %q, the title in the other language", c.lang, w)
				}
			}
		})
	}
}
