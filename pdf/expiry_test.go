package pdf_test

import (
	"strings"
	"testing"

	"passerelle/pdf"
	"passerelle/portfolio"
)

func TestCredentials_ExpiredBeforeTheExportDateIsMarked(t *testing.T) {
	needTools(t, "pdftotext")
	// fixedDate, the export date of every test, is 2025-03-14.
	doc := pdf.Document{Learner: portfolio.Learner{DisplayName: "Amélie", LegalName: "Amélie Tremblay"},
		Credentials: []portfolio.Credential{
			{ID: 1, TitleEN: "First aid", TitleFR: "Secourisme", Issuer: "Red Cross", IssuedOn: "2022-03-13", ExpiresOn: "2025-03-13"},
			{ID: 2, TitleEN: "Food safety", Issuer: "MAPAQ", IssuedOn: "2020-01-01", ExpiresOn: "2025-03-14"},
			{ID: 3, TitleEN: "Forklift", Issuer: "CNESST", IssuedOn: "2024-06-01", ExpiresOn: "2027-06-01"},
			{ID: 4, TitleEN: "WHMIS", Issuer: "CNESST", IssuedOn: "2019-05-05"},
		}}
	cases := []struct {
		lang    pdf.Language
		expired string
	}{
		{pdf.English, "2025-03-13 (expired)"},
		{pdf.French, "2025-03-13 (expirée)"},
		{pdf.Bilingual, "2025-03-13 (expired / expirée)"},
	}
	for _, c := range cases {
		t.Run(string(c.lang), func(t *testing.T) {
			path, _ := export(t, doc, options(t, c.lang))
			flat := strings.Join(strings.Fields(text(t, path)), " ")
			if !strings.Contains(flat, c.expired) {
				t.Errorf("the lapsed credential is not marked %q:\n%s", c.expired, flat)
			}
			for _, s := range []string{"2025-03-14 (expir", "2027-06-01 (expir"} {
				if strings.Contains(flat, s) {
					t.Errorf("a credential still valid on the export date is marked: %q\n%s", s, flat)
				}
			}
			if n := strings.Count(flat, "(expir"); n != 1 {
				t.Errorf("%d expiry marks, want 1", n)
			}
		})
	}
}
