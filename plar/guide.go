package plar

import (
	"context"
	"passerelle/portfolio"
)

// GuideStep is one step of the guided path; Done is derived from the data, so a learner can
// leave at any point and come back to where they were.
type GuideStep struct {
	ID      string `json:"id"`
	Done    bool   `json:"done"`
	Current bool   `json:"current"`
}

// GuideSteps are the steps of PLAR in the order a learner takes them; each has the locale
// messages GuideStep<ID> (its name) and GuideStep<ID>Why (why it matters).
func GuideSteps() []string {
	return []string{"Profile", "Experiences", "Target", "SelfAssessment", "Evidence", "Narratives", "Review", "Export",
		"Outcomes"}
}

// GuideInputs is what the guide looks at.
type GuideInputs struct {
	Learner     portfolio.Learner
	Experiences int
	Target      *Readiness
	Exported    bool
	// Outcomes is true once the learner has recorded what happened next: a PLAR decision or a
	// later outcome.
	Outcomes bool
}

// Guide marks each step done or not, and the first one not done as current.
func Guide(in GuideInputs) []GuideStep {
	var claims []OutcomeReadiness
	hasOutcomes := false
	if in.Target != nil {
		hasOutcomes = in.Target.Total > 0
		for _, o := range in.Target.Outcomes {
			if o.Claim != nil {
				claims = append(claims, o)
			}
		}
	}
	every := func(f func(OutcomeReadiness) bool) bool {
		if len(claims) == 0 {
			return false
		}
		for _, c := range claims {
			if !f(c) {
				return false
			}
		}
		return true
	}
	// A learner claims only the outcomes they can support (GuideStepSelfAssessmentWhy), so one
	// claim completes the self-assessment; Readiness still lists the outcomes left undecided.
	done := map[string]bool{
		"Profile":        in.Learner.DisplayName != "" && in.Learner.LegalName != "",
		"Experiences":    in.Experiences > 0,
		"Target":         hasOutcomes,
		"SelfAssessment": len(claims) > 0,
		"Evidence":       every(func(o OutcomeReadiness) bool { return len(o.Claim.Evidence) > 0 }),
		"Narratives":     every(func(o OutcomeReadiness) bool { return o.Assessment.Words >= MinNarrativeWords }),
		"Review":         every(func(o OutcomeReadiness) bool { return o.Status == StatusReady }),
		"Export":         in.Exported,
		"Outcomes":       in.Outcomes,
	}
	out := []GuideStep{}
	current := false
	allBefore := true
	for _, id := range GuideSteps() {
		s := GuideStep{ID: id, Done: done[id]}
		// The export record only says a PDF was made once, not that it holds the finished
		// work: a PDF made while an earlier step was still open is a draft, and the learner
		// will export again. So Export counts only when every step before it is done too,
		// and progress never reads "6 of 8" with Review still to do.
		if id == "Export" {
			s.Done = s.Done && allBefore
		}
		allBefore = allBefore && s.Done
		if !s.Done && !current {
			s.Current, current = true, true
		}
		out = append(out, s)
	}
	return out
}

// GuideFor works out the guided steps for a target (0: the first target, if any) from the
// portfolio as it is now, so the home screen never shows a stored flag that has drifted.
func (s *Store) GuideFor(ctx context.Context, targetID int64) ([]GuideStep, error) {
	st, ps := s.p, s
	var in GuideInputs
	var err error
	if in.Learner, err = st.Learner(ctx); err != nil {
		return nil, err
	}
	exps, err := st.Experiences(ctx)
	if err != nil {
		return nil, err
	}
	in.Experiences = len(exps)
	exported, err := st.ExportedAt(ctx)
	if err != nil {
		return nil, err
	}
	in.Exported = exported != ""
	decisions, err := st.PLARDecisions(ctx)
	if err != nil {
		return nil, err
	}
	later, err := st.LaterOutcomes(ctx)
	if err != nil {
		return nil, err
	}
	in.Outcomes = len(decisions)+len(later) > 0
	if targetID == 0 {
		targets, err := ps.Targets(ctx)
		if err != nil {
			return nil, err
		}
		if len(targets) > 0 {
			targetID = targets[0].ID
		}
	}
	if targetID != 0 {
		gathered, err := ps.Gather(ctx, targetID)
		if err != nil {
			return nil, err
		}
		r := Compute(gathered)
		in.Target = &r
	}
	return Guide(in), nil
}
