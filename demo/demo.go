// Package demo writes a realistic sample portfolio, for trying the app, for tests and for
// benchmarks: a newcomer with work abroad, volunteering, credentials, evidence and support notes.
package demo

import (
	"context"
	"fmt"
	"time"

	"passerelle/media"
	"passerelle/portfolio"
)

// Write creates the demo portfolio at path; it refuses to overwrite an existing file.
func Write(ctx context.Context, path string, now func() time.Time) error {
	st, err := portfolio.Create(ctx, path, "Portfolio d’Aminata — démo", portfolio.WithClock(now))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := fill(ctx, st); err != nil {
		return fmt.Errorf("write demo: %w", err)
	}
	return nil
}

func fill(ctx context.Context, st *portfolio.Store) error {
	if err := st.SetLanguage(ctx, portfolio.French); err != nil {
		return err
	}
	_, err := st.SaveLearner(ctx, portfolio.Learner{
		DisplayName: "Aminata Koné", LegalName: "Aminata Mariam Koné", PreferredLanguage: portfolio.French,
		Email: "aminata.kone@example.org", Phone: "204 555-0142", Community: "Saint-Boniface",
		Region: "Winnipeg (Manitoba)",
		SelfID: portfolio.SelfIdentification{Newcomer: true, Racialized: true,
			Notes: "Arrivée au Canada en 2022 comme résidente permanente."},
	})
	if err != nil {
		return err
	}
	exps, err := saveExperiences(ctx, st)
	if err != nil {
		return err
	}
	creds, err := saveCredentials(ctx, st)
	if err != nil {
		return err
	}
	if err := saveEvidence(ctx, st, exps, creds); err != nil {
		return err
	}
	if err := saveSupport(ctx, st); err != nil {
		return err
	}
	return saveTarget(ctx, st)
}

func saveExperiences(ctx context.Context, st *portfolio.Store) ([]int64, error) {
	list := []portfolio.Experience{
		{Kind: "PaidWork", TitleEN: "Medical laboratory technician", TitleFR: "Technicienne de laboratoire médical",
			Organisation: "Centre hospitalier universitaire de Treichville", Place: "Abidjan, Côte d’Ivoire",
			StartMonth: "2014-03", EndMonth: "2021-11", Hours: 12600,
			DescriptionEN: "Prepared and analysed blood and urine samples; calibrated analysers; trained two new technicians on quality control.",
			DescriptionFR: "Préparation et analyse d’échantillons sanguins et urinaires; étalonnage des analyseurs; formation de deux nouvelles techniciennes au contrôle de la qualité.",
			Skills:        []string{"contrôle de la qualité", "quality control", "biosafety", "sample analysis", "training"}},
		{Kind: "Volunteer", TitleEN: "Food bank shift lead", TitleFR: "Responsable de quart à la banque alimentaire",
			Organisation: "Accueil francophone du Manitoba", Place: "Winnipeg (Manitoba)",
			StartMonth: "2022-09", Hours: 320,
			DescriptionEN: "Coordinate a team of eight volunteers every Saturday; keep food-safety logs; welcome newcomer families in French and English.",
			DescriptionFR: "Coordination d’une équipe de huit bénévoles le samedi; tenue des registres de salubrité; accueil des familles nouvellement arrivées en français et en anglais.",
			Skills:        []string{"team coordination", "food safety", "bilingual service", "« accueil »"}},
		{Kind: "Caregiving", TitleEN: "Caregiver for a parent", TitleFR: "Proche aidante d’un parent",
			Place: "Abidjan, Côte d’Ivoire", StartMonth: "2011-01", EndMonth: "2013-12",
			DescriptionFR: "Soins quotidiens, gestion des médicaments et des rendez-vous médicaux de ma mère.",
			Skills:        []string{"medication management", "patient care"}},
		{Kind: "FormalEducation", TitleEN: "Diploma in biomedical analysis", TitleFR: "Diplôme de technicien supérieur en analyses biomédicales",
			Organisation: "Institut national de formation des agents de santé", Place: "Abidjan, Côte d’Ivoire",
			StartMonth: "2011-09", EndMonth: "2014-02", Skills: []string{"haematology", "microbiology"}},
	}
	var ids []int64
	for _, e := range list {
		saved, err := st.SaveExperience(ctx, e)
		if err != nil {
			return nil, err
		}
		ids = append(ids, saved.ID)
	}
	return ids, nil
}

func saveCredentials(ctx context.Context, st *portfolio.Store) ([]int64, error) {
	list := []portfolio.Credential{
		{TitleEN: "Food Handler Certification", TitleFR: "Certification en manipulation sécuritaire des aliments",
			Issuer: "Manitoba Food Safety Training", IssuedOn: "2023-02-11", ExpiresOn: "2028-02-11",
			Competencies:     []string{"food safety", "allergen control", "cleaning and sanitising"},
			AssessmentMethod: "Proctored exam / Examen surveillé", Hours: 8, CreditValue: "0.5 CEU",
			Verification: "MFS-2023-0481"},
		{TitleEN: "Introduction to Canadian Laboratory Practice", TitleFR: "Introduction aux pratiques de laboratoire au Canada",
			Issuer: "Collège de l’Ouest — Microcertifications", IssuedOn: "2024-06-20",
			Competencies:     []string{"biosafety", "WHMIS", "quality control", "ethics"},
			AssessmentMethod: "Project and lab demonstration", Hours: 45, CreditValue: "3 credits",
			Verification: "https://badges.example.org/assertions/7f3c"},
	}
	var ids []int64
	for _, c := range list {
		saved, err := st.SaveCredential(ctx, c)
		if err != nil {
			return nil, err
		}
		ids = append(ids, saved.ID)
	}
	return ids, nil
}

func saveEvidence(ctx context.Context, st *portfolio.Store, exps, creds []int64) error {
	letter := "Lettre d’attestation\n\nJe confirme que Mme Aminata Koné a travaillé comme technicienne de laboratoire " +
		"médical dans notre service de mars 2014 à novembre 2021. Elle effectuait les analyses hématologiques, " +
		"l’étalonnage des analyseurs et le contrôle de la qualité, et elle a formé deux collègues.\n\n" +
		"Dr Koffi Yao, chef du service de biologie médicale\n"
	items := []struct {
		name string
		data []byte
		meta portfolio.Evidence
	}{
		{"certificat-salubrite.jpg", media.SamplePhoto(1, 3024, 4032, 6), portfolio.Evidence{TitleFR: "Certificat de salubrité alimentaire",
			Kind: "Certificate", Date: "2023-02-11", VerifierName: "Manitoba Food Safety Training",
			VerifierRole: "Issuer / Émetteur", CredentialIDs: []int64{creds[0]}}},
		{"lettre-attestation-chu.txt", []byte(letter), portfolio.Evidence{TitleFR: "Lettre d’attestation du CHU de Treichville",
			Kind: "LetterOfValidation", Date: "2022-01-15", VerifierName: "Dr Koffi Yao",
			VerifierRole: "Chef du service de biologie médicale", VerifierContact: "k.yao@example.ci",
			ExperienceIDs: []int64{exps[0]}}},
		{"banque-alimentaire.jpg", media.SamplePhoto(2, 4000, 3000, 1), portfolio.Evidence{TitleFR: "Équipe du samedi à la banque alimentaire",
			Kind: "PhotoOfPractice", Date: "2024-10-05", VerifierName: "Lucie Gagnon",
			VerifierRole: "Coordonnatrice des bénévoles", VerifierContact: "204 555-0199",
			ExperienceIDs: []int64{exps[1]}}},
		{"registre-controle-qualite.png", media.SamplePhoto(3, 1200, 900, 1), portfolio.Evidence{TitleEN: "Quality-control log I designed",
			Kind: "WorkSample", Date: "2024-05-30", ExperienceIDs: []int64{exps[0]}, CredentialIDs: []int64{creds[1]}}},
	}
	for _, it := range items {
		p, err := portfolio.PrepareEvidence(portfolio.NewEvidence{Name: it.name, Data: it.data})
		if err != nil {
			return err
		}
		e, err := st.AddEvidence(ctx, p)
		if err != nil {
			return err
		}
		it.meta.ID = e.ID
		if _, err := st.SaveEvidence(ctx, it.meta); err != nil {
			return err
		}
	}
	return nil
}

func saveSupport(ctx context.Context, st *portfolio.Store) error {
	notes := []portfolio.SupportNote{
		{Category: "Childcare", Date: "2024-09-03", Provider: "Garderie Les Petits Explorateurs",
			Text: "Place en garderie subventionnée trois jours par semaine pendant mes cours du soir."},
		{Category: "Language", Date: "2023-01-16", Provider: "Pluri-elles",
			Text: "Cours d’anglais langue seconde, niveau CLB 7 atteint en décembre.", FollowUp: "2025-01-15",
			ShareWithCoach: true},
		{Category: "Coaching", Date: "2024-11-20", Provider: "Conseillère d’orientation, Accueil francophone",
			Text:           "Plan de reconnaissance des acquis : viser le programme de technologie de laboratoire médical.",
			ShareWithCoach: true, IncludeInSubmission: true},
		{Category: "Transportation", Date: "2024-09-10", Provider: "Winnipeg Transit",
			Text: "Laissez-passer d’autobus à tarif réduit (programme WINPASS)."},
	}
	for _, n := range notes {
		if _, err := st.SaveSupportNote(ctx, n); err != nil {
			return err
		}
	}
	return nil
}
