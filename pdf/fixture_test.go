package pdf_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"passerelle/demo"
	"passerelle/media"
	"passerelle/pdf"
	"passerelle/pdf/pdftest"
	"passerelle/plar"
	"passerelle/portfolio"
)

// Texts the tests look for, or make sure are absent.
const (
	syllabics     = "ᐊᑦᑕᐙᐱᔅᑲᑦ"
	privateNote   = "Place en garderie subventionnée trois jours par semaine"
	privateSelfID = "Arrivée au Canada en 2022 comme résidente permanente"
	sharedNote    = "Plan de reconnaissance des acquis"
	guillemets    = "« accueil »"
)

// demoOnce builds the demo document once: writing the demo portfolio draws two 12 MP photos.
var demoOnce = sync.OnceValues(func() (pdf.Document, error) { return buildDemo() })

// demoDocument is the demo portfolio with a target, claims and awkward evidence added: a
// scanned letter as a PDF, a photo that no longer decodes, a 300-page PDF, a file that cannot
// be shown, syllabics and an emoji; every support note is passed, private ones included.
func demoDocument(t testing.TB) pdf.Document {
	t.Helper()
	doc, err := demoOnce()
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func buildDemo() (pdf.Document, error) {
	ctx := context.Background()
	root, err := tempDir()
	if err != nil {
		return pdf.Document{}, err
	}
	dir, err := os.MkdirTemp(root, "demo-")
	if err != nil {
		return pdf.Document{}, err
	}
	path := filepath.Join(dir, "demo"+portfolio.FileExtension)
	clock := func() time.Time { return fixedDate }
	if err := demo.Write(ctx, path, clock); err != nil {
		return pdf.Document{}, err
	}
	doc, err := pdftest.FromPortfolio(ctx, path, portfolio.WithClock(clock))
	if err != nil {
		return doc, err
	}
	addAwkward(&doc)
	addTarget(&doc)
	return doc, nil
}

// addAwkward adds what real portfolios bring: syllabics, an emoji, a scanned PDF, a damaged
// photo, a 300-page PDF and a file no page can show.
func addAwkward(doc *pdf.Document) {
	doc.Experiences = append(doc.Experiences, portfolio.Experience{ID: 900, Kind: "LandBased",
		TitleEN: "Medicinal plant gathering with Elders", TitleFR: "Cueillette de plantes médicinales avec les Aînés",
		Place: syllabics + " (Attawapiskat), Ontario", StartMonth: "2019-06", EndMonth: "2021-08", Hours: 240,
		DescriptionEN: "Learned to identify and prepare medicinal plants 🌿 with Elders of " + syllabics + ".",
		Skills:        []string{"plant identification", "protocol"}})
	damaged := media.SamplePhoto(6, 800, 600, 1)
	add := func(e portfolio.Evidence, data, display []byte) {
		sum := sha256.Sum256(data)
		e.ID, e.SHA256, e.Size = int64(100+len(doc.Evidence)), hex.EncodeToString(sum[:]), int64(len(data))
		e.AddedAt = fixedDate.Format(time.RFC3339)
		doc.Evidence = append(doc.Evidence, pdf.Evidence{Evidence: e, Data: data, Display: display})
	}
	add(portfolio.Evidence{OriginalName: "lettre-aines-numerisee.pdf", MediaType: "application/pdf",
		TitleFR: "Lettre des Aînés (numérisée)", Kind: "LetterOfValidation", Date: "2021-09-02",
		VerifierName: "Mary Koostachin", VerifierRole: "Elder, " + syllabics}, scannedLetter(2), nil)
	add(portfolio.Evidence{OriginalName: "photo-abimee.jpg", MediaType: "image/jpeg",
		TitleFR: "Photo abîmée", Kind: "PhotoOfPractice", Date: "2024-01-10"}, damaged[:len(damaged)/3], nil)
	add(portfolio.Evidence{OriginalName: "manuel-qualite.pdf", MediaType: "application/pdf",
		TitleFR: "Manuel qualité complet", Kind: "WorkSample", Date: "2021-05-01"}, scannedLetter(300), nil)
	add(portfolio.Evidence{OriginalName: "notes.odt", MediaType: "application/vnd.oasis.opendocument.text",
		TitleFR: "Notes de stage", Kind: "Reflection", Date: "2023-04-01"}, []byte("PK\x03\x04 not really an odt"), nil)
}

// scannedLetter is a PDF of pages with text and a photo, as a scanner makes.
func scannedLetter(pages int) []byte {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCreationDate(fixedDate)
	f.SetModificationDate(fixedDate)
	f.SetCatalogSort(true)
	f.SetFont("Helvetica", "", 12)
	photo := media.SamplePhoto(7, 400, 300, 1)
	f.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(photo))
	for p := 1; p <= pages; p++ {
		f.AddPage()
		f.Text(20, 30, fmt.Sprintf("Letter of validation - page %d of %d", p, pages))
		f.Text(20, 40, "We confirm that the learner gathered medicinal plants with our Elders.")
		if p <= 2 {
			f.ImageOptions("scan", 20, 60, 120, 90, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")
		}
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// addTarget adds a target with five outcomes, four claims of every kind and one not claimed.
func addTarget(doc *pdf.Document) {
	o := func(id int64, code, en, fr string) plar.Outcome {
		return plar.Outcome{ID: id, TargetID: 1, Code: code, TextEN: en, TextFR: fr}
	}
	doc.Target = &plar.Target{ID: 1, Name: "MLT", Institution: "Collège de l’Ouest — École des sciences de la santé",
		Program: "Technologie de laboratoire médical / Medical Laboratory Technology", CourseCode: "MLT 1010",
		CourseTitle: "Sécurité et qualité au laboratoire", Language: "bilingual", CurrencyYears: 5,
		Outcomes: []plar.Outcome{
			o(1, "LO1", "Apply biosafety and quality-control procedures in a clinical laboratory.", "Appliquer les procédures de biosécurité et de contrôle de la qualité dans un laboratoire clinique."),
			o(2, "LO2", "Calibrate and maintain laboratory analysers.", "Étalonner et entretenir les analyseurs de laboratoire."),
			o(3, "LO3", "Communicate with patients and colleagues in a culturally safe way.", ""),
			o(4, "LO4", "Train and supervise new staff.", "Former et encadrer le nouveau personnel."),
			o(5, "LO5", "Document results in a laboratory information system.", "Consigner les résultats dans un système d’information de laboratoire."),
		}}
	ev := func(name string) int64 {
		for _, e := range doc.Evidence {
			if e.OriginalName == name {
				return e.ID
			}
		}
		panic("no evidence " + name)
	}
	exp := func(kind string) int64 {
		for _, e := range doc.Experiences {
			if e.Kind == kind {
				return e.ID
			}
		}
		panic("no experience " + kind)
	}
	met := func(rule string) pdf.RuleResult { return pdf.RuleResult{Rule: rule, Met: true} }
	unmet := func(rule, en, fr string) pdf.RuleResult {
		return pdf.RuleResult{Rule: rule, Steps: []pdf.Text{{EN: en, FR: fr}}}
	}
	allMet := pdf.ClaimReadiness{Ready: true, Rules: []pdf.RuleResult{met(plar.RuleValid), met(plar.RuleCurrent), met(plar.RuleSufficient), met(plar.RuleAuthentic)}}
	doc.Claims = []pdf.Claim{
		{Claim: plar.Claim{OutcomeID: 1, Rating: 4, ExperienceIDs: []int64{exp("PaidWork")}, CredentialIDs: []int64{doc.Credentials[0].ID, doc.Credentials[1].ID},
			NarrativeEN: "For seven years I ran the haematology bench at the Treichville university hospital. I applied biosafety rules every day and kept the quality-control log.",
			NarrativeFR: "Pendant sept ans, j’ai tenu le poste d’hématologie au CHU de Treichville. J’appliquais chaque jour les règles de biosécurité et je tenais le registre de contrôle de la qualité.",
			Evidence:    []plar.EvidenceLink{{EvidenceID: ev("lettre-attestation-chu.txt"), Relevance: "The head of the laboratory confirms my duties."}, {EvidenceID: ev("registre-controle-qualite.png"), Relevance: "The log I designed."}}},
			Readiness: allMet},
		{Claim: plar.Claim{OutcomeID: 2, Rating: 3, ExperienceIDs: []int64{exp("PaidWork")},
			NarrativeFR: "J’étalonnais les analyseurs chaque semaine et je consignais les résultats dans le registre " + guillemets + ".",
			Evidence:    []plar.EvidenceLink{{EvidenceID: ev("lettre-attestation-chu.txt")}}},
			Readiness: pdf.ClaimReadiness{Rules: []pdf.RuleResult{unmet(plar.RuleValid, "Say how “Lettre d’attestation” relates to this outcome.", "Expliquez le lien entre « Lettre d’attestation » et ce résultat."),
				met(plar.RuleCurrent), met(plar.RuleSufficient), met(plar.RuleAuthentic)}}},
		{Claim: plar.Claim{OutcomeID: 3, Rating: 5, ExperienceIDs: []int64{900, exp("Volunteer")},
			NarrativeEN: "I welcome families in French, English and Cree 🙂; the Elders of " + syllabics + " taught me protocol.",
			Evidence: []plar.EvidenceLink{{EvidenceID: ev("lettre-aines-numerisee.pdf"), Relevance: "Letter from the Elders."},
				{EvidenceID: ev("photo-abimee.jpg")}, {EvidenceID: ev("banque-alimentaire.jpg")}}},
			Readiness: pdf.ClaimReadiness{Rules: []pdf.RuleResult{met(plar.RuleValid), met(plar.RuleCurrent), met(plar.RuleSufficient),
				unmet(plar.RuleAuthentic, "Name who verified “Photo abîmée”.", "Nommez qui a attesté « Photo abîmée ».")}}},
		{Claim: plar.Claim{OutcomeID: 4, Rating: 2, NarrativeEN: "I trained two technicians."},
			Readiness: pdf.ClaimReadiness{Rules: []pdf.RuleResult{unmet(plar.RuleValid, "Link a piece of evidence.", "Liez une preuve."),
				met(plar.RuleCurrent), unmet(plar.RuleSufficient, "Write at least 50 words.", "Rédigez au moins 50 mots."), met(plar.RuleAuthentic)}}},
	}
	doc.Readiness = pdf.Readiness{ToDo: []pdf.Text{{EN: "Link a piece of evidence to LO4.", FR: "Liez une preuve à LO4."},
		{EN: "Claim LO5 or leave it for a challenge exam.", FR: "Présentez une demande pour LO5 ou gardez-le pour un examen de reconnaissance."}}}
}
