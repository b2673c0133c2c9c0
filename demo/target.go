package demo

import (
	"context"
	"fmt"
	"strings"

	"passerelle/docs/examples"
	"passerelle/plar"
	"passerelle/portfolio"
)

// saveTarget adds the college course Aminata seeks credit for, with its eight outcomes, and
// claims in every state: ready, claimed with gaps, and not claimed.
func saveTarget(ctx context.Context, st *portfolio.Store) error {
	ps := plar.NewStore(st)
	tg, err := ps.SaveTarget(ctx, plar.Target{Name: "MLT 101 — Collège de l’Ouest",
		Institution: "Collège de l’Ouest", Program: "Technologie de laboratoire médical / Medical Laboratory Technology",
		CourseCode: "MLT101", CourseTitle: "Pratiques de laboratoire / Laboratory Practice", Language: "bilingual",
		CurrencyYears: 5, Methods: []string{"Portfolio", "Interview", "Demonstration"},
		MethodsNotes: "Entrevue de 30 minutes avec une technologiste; démonstration au laboratoire de simulation."})
	if err != nil {
		return err
	}
	outcomes, err := plar.ParseOutcomes([]byte(examples.OutcomesCSV))
	if err != nil {
		return fmt.Errorf("demo outcomes: %w", err)
	}
	if outcomes, err = ps.AddOutcomes(ctx, tg.ID, outcomes); err != nil {
		return err
	}
	ids, err := evidenceIDs(ctx, st)
	if err != nil {
		return err
	}
	exps, err := st.Experiences(ctx)
	if err != nil {
		return err
	}
	lab, food := exps[len(exps)-1].ID, exps[0].ID
	for _, e := range exps {
		if e.Kind == "PaidWork" {
			lab = e.ID
		}
		if e.Kind == "Volunteer" {
			food = e.ID
		}
	}
	creds, err := st.Credentials(ctx)
	if err != nil {
		return err
	}
	qc := narrative(
		"Pendant sept ans au CHU de Treichville, j’ai effectué chaque matin le contrôle de la qualité des analyseurs d’hématologie et de biochimie avant la première série d’échantillons.",
		"Quand un contrôle sortait des limites, j’appliquais les règles de Westgard, je recalibrais l’appareil et je consignais la mesure corrective dans le registre.",
		"J’ai appris à reconnaître une dérive avant qu’elle touche les résultats des patients, et à expliquer l’écart au biologiste de garde.",
		"Aujourd’hui, je tiens les registres de salubrité de la banque alimentaire avec la même rigueur, et j’ai conçu le registre de contrôle joint comme preuve.")
	claims := []plar.Claim{
		{OutcomeID: outcomes[2].ID, Rating: plar.RatingVaried, NarrativeFR: qc, ExperienceIDs: []int64{lab},
			Evidence: []plar.EvidenceLink{
				{EvidenceID: ids["LetterOfValidation"], Relevance: "Le chef de service confirme que je faisais le contrôle de la qualité chaque jour."},
				{EvidenceID: ids["WorkSample"], Relevance: "Registre de contrôle de la qualité que j’ai conçu."}}},
		{OutcomeID: outcomes[0].ID, Rating: plar.RatingOnMyOwn, CredentialIDs: []int64{creds[0].ID},
			NarrativeEN: narrative(
				"At the hospital laboratory I handled blood and urine specimens every day under biosafety level 2 rules, and in Canada I completed a laboratory practice microcredential that covered WHMIS.",
				"I learned to read safety data sheets, to choose protective equipment for each task, and to report a spill the same day.",
				"Now I apply the same habits at the food bank, where I keep the cleaning and sanitising log and train new volunteers.",
				"The certificate and the quality-control log show this work."),
			Evidence: []plar.EvidenceLink{{EvidenceID: ids["Certificate"], Relevance: "Food handler certificate: cleaning, sanitising, allergen control."}}},
		{OutcomeID: outcomes[6].ID, Rating: plar.RatingTeach, ExperienceIDs: []int64{lab, food},
			NarrativeFR: "J’ai formé deux techniciennes et je coordonne huit bénévoles.",
			Evidence:    []plar.EvidenceLink{{EvidenceID: ids["PhotoOfPractice"]}}},
		{OutcomeID: outcomes[4].ID, Rating: plar.RatingOnMyOwn, ExperienceIDs: []int64{food},
			NarrativeEN: "I explain results and concerns to my team in French and English."},
	}
	for _, c := range claims {
		if _, err := ps.SaveClaim(ctx, c); err != nil {
			return err
		}
	}
	return nil
}

// narrative joins sentences into one paragraph of a learning narrative.
func narrative(sentences ...string) string { return strings.Join(sentences, " ") }

// evidenceIDs finds the demo's evidence by kind.
func evidenceIDs(ctx context.Context, st *portfolio.Store) (map[string]int64, error) {
	list, err := st.EvidenceList(ctx)
	if err != nil {
		return nil, err
	}
	ids := map[string]int64{}
	for _, e := range list {
		ids[e.Kind] = e.ID
	}
	return ids, nil
}
