package pdf_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/pdf"
	"passerelle/portfolio"
)

// importedDocument holds one microcredential imported from a digital credential, verified on
// 2026-11-29, and its original file as evidence.
func importedDocument() (pdf.Document, string) {
	original := []byte(`{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"]}`)
	sum := sha256.Sum256(original)
	hexSum := hex.EncodeToString(sum[:])
	ev := portfolio.Evidence{ID: 7, SHA256: hexSum, MediaType: "application/json", Size: int64(len(original)),
		OriginalName: "lab-safety.json", TitleEN: "Lab Safety", Kind: "Certificate", Date: "2025-06-01",
		VerifierName: "Collège Boréal", CredentialIDs: []int64{3}}
	c := portfolio.Credential{ID: 3, TitleEN: "Lab Safety", TitleFR: "Sécurité en laboratoire", Issuer: "Collège Boréal",
		IssuedOn: "2025-06-01", Competencies: []string{"WHMIS"}, Hours: 45, CreditValue: "3",
		Import: &portfolio.CredentialImport{Format: "ob3-json", Key: "k", IssuerID: "did:key:z6MkCollege",
			DescriptionEN: "Works safely in a teaching laboratory.", DescriptionFR: "Travaille en sécurité en laboratoire.",
			Criteria:   "Passed the practical test.",
			Alignments: []portfolio.Alignment{{Framework: "CNP 2021", Code: "22110", Name: "Lab technologist"}},
			EvidenceID: 7, SHA256: hexSum,
			Verification: portfolio.Verification{CheckedAt: "2026-11-29T10:00:00Z", Key: "z6MkCollegeKey", KeySource: "did_key",
				Checks: []portfolio.VerificationCheck{
					{Check: "signature", State: portfolio.CheckPassed, Reason: "test_valid", Args: map[string]string{"Key": "z6MkCollegeKey"}},
					{Check: "issuer_key", State: portfolio.CheckCouldNotCheck, Reason: "test_not_confirmed"},
					{Check: "revocation", State: portfolio.CheckNotChecked, Reason: "test_status_list"},
				}}}}
	return pdf.Document{Learner: portfolio.Learner{DisplayName: "Aïcha", LegalName: "Aïcha Benoît"},
		Credentials: []portfolio.Credential{c}, Evidence: []pdf.Evidence{{Evidence: ev, Data: original}}}, hexSum
}

// withReasons gives the labels words for the test's reason codes, as locales gives the real ones.
func withReasons(opts *pdf.Options) {
	opts.EN.CheckReason = func(r string) string {
		return map[string]string{"test_valid": "The signature is valid with key {{.Key}}."}[r]
	}
	opts.FR.CheckReason = func(r string) string {
		return map[string]string{"test_valid": "La signature est valide avec la clé {{.Key}}."}[r]
	}
}

func TestCredentials_ImportedCredentialListsItsChecksAndItsAttachedOriginal(t *testing.T) {
	needTools(t, "pdftotext", "pdfdetach", "pdftoppm")
	doc, sum := importedDocument()
	cases := []struct {
		lang pdf.Language
		want []string
		not  []string
	}{
		{pdf.English, []string{"Checked on 2026-11-29, offline", "Signature: passed. The signature is valid with key z6MkCollegeKey.",
			"Issuer’s key: could not check", "Revocation: not checked (needs the issuer’s server)", "CNP 2021 22110 — Lab technologist",
			"Open Badges 3.0 (JSON)", "Passed the practical test.", "Signing key: z6MkCollegeKey (from the issuer’s did:key)"},
			[]string{"Vérifications faites le"}},
		{pdf.French, []string{"Vérifications faites le 2026-11-29, hors ligne", "Signature : vérification réussie. La signature est valide avec la clé z6MkCollegeKey.",
			"Révocation : non vérifié (il faudrait le serveur de l’émetteur)", "Travaille en sécurité en laboratoire.",
			"(provenance : le did:key de l’émetteur)"}, []string{"Checked on"}},
		{pdf.Bilingual, []string{"Checked on 2026-11-29, offline", "Vérifications faites le 2026-11-29, hors ligne",
			"Signature: passed.", "Signature : vérification réussie.", "Works safely in a teaching laboratory.", "Travaille en sécurité"}, nil},
	}
	shots := os.Getenv("PASSERELLE_SHOTS")
	for _, tc := range cases {
		t.Run(string(tc.lang), func(t *testing.T) {
			opts := options(t, tc.lang)
			withReasons(&opts)
			path, _ := export(t, doc, opts)
			got := text(t, path)
			flat := strings.Join(strings.Fields(got), " ")
			for _, w := range append(tc.want, sum[:32], "lab-safety.json") {
				if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
					t.Errorf("%s PDF lacks %q", tc.lang, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(flat, w) {
					t.Errorf("%s PDF has %q", tc.lang, w)
				}
			}
			if list := runTool(t, "pdfdetach", "-list", path); !strings.Contains(list, "lab-safety.json") {
				t.Errorf("original not attached: %s", list)
			}
			if shots != "" {
				runTool(t, "pdftoppm", "-png", "-r", "60", path, filepath.Join(shots, "credential-pdf-"+string(tc.lang)))
			}
		})
	}
}

func TestCredentials_AchievementsOfOneLearnerRecordNameEachOther(t *testing.T) {
	needTools(t, "pdftotext")
	doc, _ := importedDocument()
	first := doc.Credentials[0]
	im := *first.Import
	im.Group, im.Format = "did:key:z6MkCollege|urn:uuid:clr", "clr2-json"
	first.Import = &im
	second := first
	second.ID, second.TitleEN, second.TitleFR = 4, "Workplace Communication", ""
	doc.Credentials = []portfolio.Credential{first, second,
		{ID: 5, TitleEN: "Typed by hand", Issuer: "Red Cross", IssuedOn: "2020-01-01"}}
	path, _ := export(t, doc, options(t, pdf.English))
	flat := strings.Join(strings.Fields(text(t, path)), " ")
	for _, w := range []string{"Same learner record (CLR) as Workplace Communication", "Same learner record (CLR) as Lab Safety",
		"Comprehensive Learner Record 2.0 (JSON)"} {
		if !strings.Contains(flat, w) {
			t.Errorf("PDF lacks %q", w)
		}
	}
	if strings.Contains(flat, "as Typed by hand") {
		t.Error("a hand-typed microcredential is named as part of the record")
	}
}

func TestCredentials_AFailedCheckIsSaidWhereTheOriginalIsListedInTheAssessorsWords(t *testing.T) {
	needTools(t, "pdftotext")
	doc, _ := importedDocument()
	c := doc.Credentials[0]
	im := *c.Import
	im.Verification.Checks = []portfolio.VerificationCheck{
		{Check: "signature", State: portfolio.CheckFailed, Reason: "signature_invalid"},
		{Check: "recipient", State: portfolio.CheckPassed, Reason: "issued_to_you", Args: map[string]string{"Email": "a…@example.org"}},
		{Check: "revocation", State: portfolio.CheckNotChecked, Reason: "no_status"},
	}
	c.Import = &im
	doc.Credentials = []portfolio.Credential{c}
	cases := []struct {
		lang      pdf.Language
		failed    string
		want, not []string
	}{
		{pdf.English, "Digital credential: a check failed (Signature)",
			[]string{"Issued to the learner (a…@example.org).", "Revocation: not checked (needs the issuer’s server). The issuer gives no way"},
			[]string{"Issued to you", "Not checked:", "verified again online"}},
		{pdf.French, "Titre numérique : une vérification a échoué (Signature)",
			[]string{"Délivré à la personne apprenante (a…@example.org).", "Révocation : non vérifié (il faudrait le serveur de l’émetteur). L’émetteur n’offre aucun moyen"},
			[]string{"votre nom", "Non vérifié :", "en ligne"}},
	}
	for _, tc := range cases {
		t.Run(string(tc.lang), func(t *testing.T) {
			path, _ := export(t, doc, options(t, tc.lang))
			flat := strings.Join(strings.Fields(text(t, path)), " ")
			// Once in the evidence index, once on the original's appendix page.
			if n := strings.Count(flat, strings.Join(strings.Fields(tc.failed), " ")); n < 2 {
				t.Errorf("%s PDF says %q %d times where the original is listed, want 2", tc.lang, tc.failed, n)
			}
			for _, w := range tc.want {
				if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
					t.Errorf("%s PDF lacks %q", tc.lang, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(flat, w) {
					t.Errorf("%s PDF has %q", tc.lang, w)
				}
			}
		})
	}
	// A credential whose checks all held is listed as before, with no such line.
	good, _ := importedDocument()
	path, _ := export(t, good, options(t, pdf.English))
	if flat := text(t, path); strings.Contains(flat, "a check failed") {
		t.Error("a credential with no failed check is said to have one")
	}
}
