package pdftest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"passerelle/pdf"
	"passerelle/plar"
	"passerelle/portfolio"
)

// Spec sizes a synthetic portfolio.
type Spec struct {
	Experiences, Outcomes, Photos int
	// Photo returns photo i's original bytes and its JPEG display copy; the benchmark passes
	// 12 MP photos with display copies made once, outside the timed part, as the app does
	// when evidence is added.
	Photo func(i int) (original, display []byte)
}

// sentencesEN and sentencesFR are what the synthetic texts are made of, with accents and
// typographic apostrophes so the large portfolio exercises the same glyphs as a real one.
func sentencesEN() []string {
	return []string{
		"I coordinated a team of volunteers and kept the shift schedule up to date.",
		"Every week I checked the equipment against the manufacturer’s procedure and logged the results.",
		"I trained new colleagues on safety rules and answered their questions in French and English.",
		"When a sample was rejected I traced the cause and changed how we labelled the tubes.",
		"Families trusted me to explain the steps in plain language, one at a time.",
		"I kept records that an auditor reviewed without finding a gap.",
	}
}

func sentencesFR() []string {
	return []string{
		"J’ai coordonné une équipe de bénévoles et tenu à jour l’horaire des quarts.",
		"Chaque semaine, je vérifiais l’équipement selon la procédure du fabricant et je consignais les résultats.",
		"J’ai formé de nouveaux collègues aux règles de sécurité et répondu à leurs questions en français et en anglais.",
		"Quand un échantillon était rejeté, j’en cherchais la cause et j’ai changé notre façon d’étiqueter les tubes.",
		"Les familles me faisaient confiance pour expliquer les étapes simplement, une à la fois.",
		"J’ai tenu des registres qu’un vérificateur a examinés sans relever de lacune.",
	}
}

func prose(pool []string, seed, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = pool[(seed+i*5)%len(pool)]
	}
	return strings.Join(parts, " ")
}

// Large is a portfolio the size of a long career: s.Experiences experiences, twenty
// microcredentials, a target with s.Outcomes outcomes all claimed, and s.Photos photos.
func Large(s Spec) pdf.Document {
	doc := pdf.Document{Learner: portfolio.Learner{DisplayName: "Jean-Baptiste Ouellette-Kataquapit",
		LegalName: "Jean-Baptiste Ouellette-Kataquapit", PreferredLanguage: "fr", Email: "jb@example.org",
		Phone: "705 555-0100", Community: "Moose Factory", Region: "Ontario"}}
	kinds := portfolio.ExperienceKinds()
	for i := range s.Experiences {
		year := 1995 + i%28
		doc.Experiences = append(doc.Experiences, portfolio.Experience{ID: int64(i + 1), Kind: string(kinds[i%len(kinds)]),
			TitleEN: fmt.Sprintf("Team lead, site %d", i+1), TitleFR: fmt.Sprintf("Chef d’équipe, site %d", i+1),
			Organisation: fmt.Sprintf("Organisme communautaire nº %d", i%17+1), Place: "Moosonee (Ontario)",
			StartMonth: fmt.Sprintf("%d-%02d", year, i%12+1), EndMonth: fmt.Sprintf("%d-%02d", year+1, i%12+1),
			Hours: 200 + i*7, DescriptionEN: prose(sentencesEN(), i, 4), DescriptionFR: prose(sentencesFR(), i, 4),
			Skills: []string{"coordination", "sécurité", "record keeping", "bilingual service"}})
	}
	for i := range 20 {
		doc.Credentials = append(doc.Credentials, portfolio.Credential{ID: int64(i + 1),
			TitleEN: fmt.Sprintf("Microcredential %d in workplace safety", i+1), TitleFR: fmt.Sprintf("Microcertification %d en santé et sécurité", i+1),
			Issuer: "Collège Boréal", IssuedOn: fmt.Sprintf("20%02d-06-15", 10+i%14), Hours: float64(10 + i),
			CreditValue: "1 credit", Competencies: []string{"hazard identification", "WHMIS", "incident reporting"},
			AssessmentMethod: "Project", Verification: fmt.Sprintf("https://badges.example.org/a/%04d", i)})
	}
	for i := range s.Photos {
		original, display := s.Photo(i)
		sum := sha256.Sum256(original)
		doc.Evidence = append(doc.Evidence, pdf.Evidence{Evidence: portfolio.Evidence{ID: int64(i + 1),
			SHA256: hex.EncodeToString(sum[:]), MediaType: "image/jpeg", Size: int64(len(original)),
			OriginalName: fmt.Sprintf("photo-%03d.jpg", i+1), TitleFR: fmt.Sprintf("Photo de chantier %d", i+1),
			Kind: "PhotoOfPractice", Date: fmt.Sprintf("20%02d-%02d-10", 15+i%10, i%12+1), VerifierName: "Marie Sutherland",
			VerifierRole: "Superviseure", AddedAt: "2025-01-01T00:00:00Z", HasPreview: true}, Data: original, Display: display})
	}
	AddTarget(&doc, s.Outcomes)
	return doc
}

// AddTarget gives doc a target with n outcomes and claims every one of them, each linked to
// two of its experiences, a credential and two pieces of evidence; every third claim is not
// ready yet, so the readiness summary has something honest to say.
func AddTarget(doc *pdf.Document, n int) {
	t := &plar.Target{ID: 1, Name: "Large", Institution: "Collège Boréal", Program: "Techniques de laboratoire",
		CourseCode: "LAB 2000", CourseTitle: "Pratique professionnelle", CurrencyYears: 5}
	for i := range n {
		t.Outcomes = append(t.Outcomes, plar.Outcome{ID: int64(i + 1), TargetID: 1, Code: fmt.Sprintf("RA%02d", i+1),
			TextEN: "Demonstrate " + strings.ToLower(sentencesEN()[i%6]),
			TextFR: "Démontrer : " + strings.ToLower(sentencesFR()[i%6])})
	}
	doc.Target = t
	for i, o := range t.Outcomes {
		c := pdf.Claim{Claim: plar.Claim{OutcomeID: o.ID, Rating: 2 + i%4,
			NarrativeEN: prose(sentencesEN(), i, 8), NarrativeFR: prose(sentencesFR(), i, 8)}}
		if n := len(doc.Experiences); n > 0 {
			c.ExperienceIDs = []int64{doc.Experiences[i%n].ID, doc.Experiences[(i*7+3)%n].ID}
		}
		if n := len(doc.Credentials); n > 0 {
			c.CredentialIDs = []int64{doc.Credentials[i%n].ID}
		}
		if n := len(doc.Evidence); n > 0 {
			c.Evidence = []plar.EvidenceLink{{EvidenceID: doc.Evidence[i%n].ID, Relevance: "Shows the work described."},
				{EvidenceID: doc.Evidence[(i+1)%n].ID}}
		}
		c.Readiness = pdf.ClaimReadiness{Ready: i%3 != 0}
		for _, r := range []string{plar.RuleValid, plar.RuleCurrent, plar.RuleSufficient, plar.RuleAuthentic} {
			res := pdf.RuleResult{Rule: r, Met: true}
			if i%3 == 0 && r == plar.RuleValid {
				res = pdf.RuleResult{Rule: r, Steps: []pdf.Text{{EN: "Say how the second photo relates to this outcome.",
					FR: "Expliquez le lien entre la deuxième photo et ce résultat."}}}
			}
			c.Readiness.Rules = append(c.Readiness.Rules, res)
		}
		doc.Claims = append(doc.Claims, c)
	}
}
