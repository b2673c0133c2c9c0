package plar

import (
	"context"
	"sort"
	"time"

	"passerelle/fault"
	"passerelle/portfolio"
)

// Status of one outcome on the way to a submission.
const (
	StatusNotClaimed = "not_claimed"
	StatusGaps       = "gaps"
	StatusReady      = "ready"
)

// OutcomeReadiness is one outcome with its claim (if any), the rules applied, and what in the
// portfolio might fill its gap.
type OutcomeReadiness struct {
	Outcome    Outcome     `json:"outcome"`
	Status     string      `json:"status"`
	Claim      *Claim      `json:"claim"`
	Assessment *Assessment `json:"assessment"`
	Matches    []Match     `json:"matches"`
}

// ToDo is one next step for one outcome, in the order the learner should take them.
type ToDo struct {
	OutcomeID   int64  `json:"outcomeId"`
	OutcomeCode string `json:"outcomeCode"`
	Step        Step   `json:"step"`
}

// Readiness is a target at a glance: how many outcomes, how many claimed, how many ready,
// and what to do next. Computed from the data every time, never stored.
type Readiness struct {
	Target   Target             `json:"target"`
	Outcomes []OutcomeReadiness `json:"outcomes"`
	Total    int                `json:"total"`
	Claimed  int                `json:"claimed"`
	Ready    int                `json:"ready"`
	ToDo     []ToDo             `json:"toDo"`
	// FilesCheckedAt is when every evidence file was last hashed again and compared with its
	// recorded SHA-256 (the oldest of their last checks), "" while some file has not been
	// re-hashed since it was added: the date the authentic rule's file check speaks for.
	FilesCheckedAt string `json:"filesCheckedAt"`
}

// Inputs is everything readiness reads, gathered once from the portfolio.
type Inputs struct {
	Target      Target
	Claims      []Claim
	Experiences []portfolio.Experience
	Credentials []portfolio.Credential
	Evidence    []portfolio.Evidence
	FileChecks  map[string]portfolio.FileCheck
	Now         time.Time
}

// Gather reads what readiness needs for one target in one read transaction, so the claims, the
// evidence and the file checks are one consistent state. It never reads the evidence files
// themselves: authenticity comes from the last recorded check (see authentic), so the guide and
// readiness cost the same with 10 MB or 1 GB of photos.
func (s *Store) Gather(ctx context.Context, targetID int64) (Inputs, error) {
	in := Inputs{Now: s.p.Now()}
	err := s.p.Read(ctx, func(r portfolio.Reader) error {
		targets, err := readTargets(ctx, r.Tx(), `WHERE id = ?`, targetID)
		if err != nil {
			return err
		}
		if len(targets) == 0 {
			return fault.New(fault.NotFound, "", "ErrTargetNotFound")
		}
		in.Target = targets[0]
		if in.Claims, err = readClaims(ctx, r.Tx(), `WHERE o.target_id = ?`, targetID); err != nil {
			return err
		}
		if in.Experiences, err = r.Experiences(); err != nil {
			return err
		}
		if in.Credentials, err = r.Credentials(); err != nil {
			return err
		}
		if in.Evidence, err = r.EvidenceList(); err != nil {
			return err
		}
		in.FileChecks, err = r.FileChecks()
		return err
	})
	return in, err
}

// filesCheckedAt is the oldest last check of the evidence files, "" if one was never re-hashed.
func filesCheckedAt(evidence []portfolio.Evidence, checks map[string]portfolio.FileCheck) string {
	oldest := ""
	for _, e := range evidence {
		c, ok := checks[e.SHA256]
		if !ok {
			return ""
		}
		if oldest == "" || c.CheckedAt < oldest {
			oldest = c.CheckedAt
		}
	}
	return oldest
}

// stepOrder ranks next steps: what unblocks a claim first, polish last.
func stepOrder(id string) int {
	order := []string{"StepLinkEvidence", "StepWriteNarrative", "StepExplainEvidence", "StepThirdPartyEvidence",
		"StepNameVerifier", "StepCredentialCheckFailed", "StepDateEvidence", "StepRecentEvidence", "StepLinkRecentEvidence", "StepFileChanged", "StepRatingTooLow"}
	for i, o := range order {
		if o == id {
			return i
		}
	}
	return len(order)
}

// Compute applies the rules to every claim of the target and orders what is left to do:
// the claims closest to ready first, then the outcomes not yet claimed.
func Compute(in Inputs) Readiness {
	r := Readiness{Target: in.Target, Outcomes: []OutcomeReadiness{}, ToDo: []ToDo{}, Total: len(in.Target.Outcomes),
		FilesCheckedAt: filesCheckedAt(in.Evidence, in.FileChecks)}
	facts := Facts{Now: in.Now, CurrencyYears: in.Target.CurrencyYears, FileChecks: in.FileChecks,
		Evidence: map[int64]portfolio.Evidence{}, Credentials: map[int64]portfolio.Credential{}}
	for _, e := range in.Evidence {
		facts.Evidence[e.ID] = e
	}
	for _, c := range in.Credentials {
		facts.Credentials[c.ID] = c
	}
	claims := map[int64]Claim{}
	for _, c := range in.Claims {
		claims[c.OutcomeID] = c
	}
	type pending struct {
		pos   int
		steps []ToDo
	}
	var open []pending
	var unclaimed []ToDo
	for pos, o := range in.Target.Outcomes {
		or := OutcomeReadiness{Outcome: o, Status: StatusNotClaimed, Matches: []Match{}}
		c, claimed := claims[o.ID]
		if claimed {
			r.Claimed++
			a := Assess(c, facts)
			or.Claim, or.Assessment = &c, &a
			or.Status = StatusGaps
			if a.Ready {
				or.Status = StatusReady
				r.Ready++
			} else {
				open = append(open, pending{pos, claimSteps(o, a)})
			}
		} else {
			unclaimed = append(unclaimed, ToDo{OutcomeID: o.ID, OutcomeCode: outcomeLabel(o),
				Step: step("StepDecideClaim", "Code", outcomeLabel(o))})
		}
		if or.Status != StatusReady {
			or.Matches = MatchOutcome(o, in.Experiences, in.Credentials)
		}
		r.Outcomes = append(r.Outcomes, or)
	}
	sort.SliceStable(open, func(i, j int) bool { return len(open[i].steps) < len(open[j].steps) })
	for _, p := range open {
		r.ToDo = append(r.ToDo, p.steps...)
	}
	r.ToDo = append(r.ToDo, unclaimed...)
	return r
}

// claimSteps lists a claim's unmet steps once each, most important first.
func claimSteps(o Outcome, a Assessment) []ToDo {
	var out []ToDo
	seen := map[string]bool{}
	for _, rr := range a.Rules {
		for _, s := range rr.Steps {
			key := s.MessageID
			if t, ok := s.Args["Title"]; ok {
				key += "\x00" + t.(string)
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, ToDo{OutcomeID: o.ID, OutcomeCode: outcomeLabel(o), Step: s})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return stepOrder(out[i].Step.MessageID) < stepOrder(out[j].Step.MessageID) })
	return out
}
