package demo

import (
	"context"
	"fmt"

	"passerelle/plar"
	"passerelle/portfolio"
)

// DemoProgram is the program the demo learner shares her outcomes with, named with a typographic
// apostrophe and an em dash so every tool that takes the name is tried on real punctuation.
const DemoProgram = "Centre d’amitié — Career coaching 2026"

// saveAfter records what happened next for the demo learner: the college's PLAR decision on
// the course, a job three months after her Canadian laboratory microcredential and a raise
// later on (every date on or before 2025-03-14, the clock of the PDF tests' demo), and her consent to share them with DemoProgram (Manitoba, newcomer ticked).
func saveAfter(ctx context.Context, st *portfolio.Store) error {
	ps := plar.NewStore(st)
	targets, err := ps.Targets(ctx)
	if err != nil || len(targets) == 0 {
		return fmt.Errorf("demo decision: no target (%v)", err)
	}
	target := targets[0]
	claims, err := ps.Claims(ctx, target.ID)
	if err != nil || len(claims) == 0 {
		return fmt.Errorf("demo outcomes: no claim (%v)", err)
	}
	if _, err := st.SavePLARDecision(ctx, portfolio.PLARDecision{TargetID: target.ID,
		Result: string(portfolio.DecisionPartial), Credits: 3, Date: "2025-03-14",
		Note: "L’évaluatrice demande un stage de deux semaines pour le résultat sur la phlébotomie."}); err != nil {
		return err
	}
	creds, err := st.Credentials(ctx)
	if err != nil {
		return err
	}
	var lab int64
	for _, c := range creds {
		if c.IssuedOn == "2024-06-20" {
			lab = c.ID
		}
	}
	for _, o := range []portfolio.LaterOutcome{
		{Type: string(portfolio.LaterNewJob), Date: "2024-09-03", CredentialIDs: []int64{lab},
			Note: "Technicienne de laboratoire à temps partiel à l’Hôpital Saint-Boniface, quart de soir."},
		{Type: string(portfolio.LaterRaise), Date: "2025-01-15", RaiseRange: string(portfolio.RaiseFrom5To10),
			CredentialIDs: []int64{lab}, ClaimIDs: []int64{claims[0].ID},
			Note: "Augmentation après ma microcertification; poste permanent à temps plein."},
	} {
		if _, err := st.SaveLaterOutcome(ctx, o); err != nil {
			return err
		}
	}
	_, err = st.GiveConsent(ctx, portfolio.Consent{Program: DemoProgram, Region: "MB",
		SelfID: []string{string(portfolio.SelfIDNewcomer)}})
	return err
}
