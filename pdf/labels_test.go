package pdf_test

import (
	"strings"
	"testing"

	"passerelle/pdf"
	"passerelle/pdf/pdftest"
)

// TestLabels_EveryIDHasTextInBothLanguages: a label added to the PDF without its English and
// French text would print its ID.
func TestLabels_EveryIDHasTextInBothLanguages(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		m, err := pdftest.Messages(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range pdf.LabelIDs() {
			s := m[id]
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: no message %s", lang, id)
			}
			if strings.ContainsRune(s, '\'') {
				t.Errorf("%s: %s uses a straight apostrophe: %q", lang, id, s)
			}
		}
	}
}
