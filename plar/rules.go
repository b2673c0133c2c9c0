package plar

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/portfolio"
)

// The four rules of evidence, in the order assessors name them (see Rules).
const (
	RuleValid      = "valid"
	RuleCurrent    = "current"
	RuleSufficient = "sufficient"
	RuleAuthentic  = "authentic"
)

// Rules are the four rules of evidence in the order assessors name them; each has the locale
// messages Rule<Name> and Rule<Name>Why.
func Rules() []string { return []string{RuleValid, RuleCurrent, RuleSufficient, RuleAuthentic} }

// Step is one plain-language next step, as a message ID and its arguments, translated at the edge.
type Step struct {
	MessageID string         `json:"messageId"`
	Args      map[string]any `json:"args"`
}

// RuleResult says whether one rule of evidence is met, and if not, what to do.
type RuleResult struct {
	Rule  string `json:"rule"`
	Met   bool   `json:"met"`
	Steps []Step `json:"steps"`
}

// Assessment is the rules of evidence applied to one claim, computed and never stored.
type Assessment struct {
	OutcomeID int64        `json:"outcomeId"`
	Rules     []RuleResult `json:"rules"`
	Ready     bool         `json:"ready"`
	Words     int          `json:"words"`
}

// Facts are what the rules need beyond the claim: the evidence it may point to, what the last
// recomputation of each stored file's SHA-256 found, the target's currency limit and today's date.
type Facts struct {
	Now           time.Time
	CurrencyYears int
	Evidence      map[int64]portfolio.Evidence
	FileChecks    map[string]portfolio.FileCheck
	// Credentials are the microcredentials a claim may link, with what their import verified.
	Credentials map[int64]portfolio.Credential
}

// ThirdPartyKinds are the kinds of evidence that come from someone other than the learner.
func ThirdPartyKinds() []portfolio.EvidenceKind {
	return []portfolio.EvidenceKind{portfolio.EvidenceCertificate, portfolio.EvidenceLetterOfValidation,
		portfolio.EvidencePerformanceReview, portfolio.EvidenceTranscript, portfolio.EvidenceReference}
}

// IsThirdParty tells evidence someone else vouches for from the learner's own work.
func IsThirdParty(e portfolio.Evidence) bool {
	return slices.Contains(ThirdPartyKinds(), portfolio.EvidenceKind(e.Kind))
}

// NarrativeWords counts the words of the longer narrative, English or French.
func NarrativeWords(c Claim) int {
	return max(len(strings.Fields(c.NarrativeEN)), len(strings.Fields(c.NarrativeFR)))
}

func step(id string, args ...any) Step {
	s := Step{MessageID: id}
	if len(args) > 0 {
		s.Args = map[string]any{}
		for i := 0; i+1 < len(args); i += 2 {
			s.Args[args[i].(string)] = args[i+1]
		}
	}
	return s
}

// Assess applies the four rules of evidence to a claim.
func Assess(c Claim, f Facts) Assessment {
	var linked []portfolio.Evidence
	for _, l := range c.Evidence {
		if e, ok := f.Evidence[l.EvidenceID]; ok {
			linked = append(linked, e)
		}
	}
	a := Assessment{OutcomeID: c.OutcomeID, Words: NarrativeWords(c), Rules: []RuleResult{
		valid(c, f), current(c, f, linked), sufficient(c, linked, f), authentic(c, linked, f),
	}}
	a.Ready = true
	for i := range a.Rules {
		a.Rules[i].Met = len(a.Rules[i].Steps) == 0
		a.Ready = a.Ready && a.Rules[i].Met
	}
	return a
}

func valid(c Claim, f Facts) RuleResult {
	r := RuleResult{Rule: RuleValid, Steps: []Step{}}
	n := 0
	for _, l := range c.Evidence {
		e, ok := f.Evidence[l.EvidenceID]
		if !ok {
			continue
		}
		n++
		if strings.TrimSpace(l.Relevance) == "" {
			r.Steps = append(r.Steps, step("StepExplainEvidence", "Title", e.AnyTitle()))
		}
	}
	if n == 0 {
		r.Steps = append(r.Steps, step("StepLinkEvidence"))
	}
	return r
}

func current(c Claim, f Facts, linked []portfolio.Evidence) RuleResult {
	r := RuleResult{Rule: RuleCurrent, Steps: []Step{}}
	if strings.TrimSpace(c.CurrencyNote) != "" {
		return r
	}
	years := f.CurrencyYears
	if years <= 0 {
		years = 5
	}
	cutoff := f.Now.AddDate(-years, 0, 0).Format(time.DateOnly)
	var undated []Step
	dated := false
	for _, e := range linked {
		if e.Date == "" {
			undated = append(undated, step("StepDateEvidence", "Title", e.AnyTitle()))
			continue
		}
		dated = true
		if e.Date >= cutoff {
			return r
		}
	}
	if len(linked) == 0 {
		r.Steps = append(r.Steps, step("StepLinkRecentEvidence", "Years", years))
		return r
	}
	r.Steps = undated
	// "None is recent" is only true of dates we know: with no dated piece, adding the dates
	// is the one step, and may well settle the rule.
	if dated {
		r.Steps = append(r.Steps, step("StepRecentEvidence", "Years", years))
	}
	return r
}

// CountsAsThirdParty tells whether a linked microcredential vouches for the learner like a
// certificate does: one imported from a digital credential only when its signature passed and
// no check failed; one typed in by hand (or not among the facts) as the learner's statement of
// a credential someone else awarded, as it always has.
func CountsAsThirdParty(id int64, f Facts) bool {
	c, ok := f.Credentials[id]
	if !ok || c.Import == nil {
		return true
	}
	return c.Verified()
}

func sufficient(c Claim, linked []portfolio.Evidence, f Facts) RuleResult {
	r := RuleResult{Rule: RuleSufficient, Steps: []Step{}}
	if c.Rating <= RatingNotDone {
		r.Steps = append(r.Steps, step("StepRatingTooLow"))
	}
	if w := NarrativeWords(c); w < MinNarrativeWords {
		r.Steps = append(r.Steps, step("StepWriteNarrative", "Words", w, "Min", MinNarrativeWords))
	}
	if len(linked) == 0 {
		r.Steps = append(r.Steps, step("StepLinkEvidence"))
	}
	if c.Rating >= RatingVaried {
		third := slices.ContainsFunc(c.CredentialIDs, func(id int64) bool { return CountsAsThirdParty(id, f) })
		for _, e := range linked {
			third = third || IsThirdParty(e)
		}
		if !third {
			r.Steps = append(r.Steps, step("StepThirdPartyEvidence"))
		}
	}
	return r
}

// authentic asks for what an assessor checks: third-party evidence names who vouches for it,
// and no file is known to differ from the SHA-256 recorded when it was attached. Readiness does
// not read the files (that would cost seconds per screen with many photos): it reports what
// the last recomputation found. Check, every backup (the automatic snapshots too: on opening,
// and every ten minutes of changes) and every export hash each file again and record the result
// with its date (Readiness.FilesCheckedAt). A file not hashed again since it was added counts as
// matching: its fingerprint was computed from the very bytes stored, in the same transaction.
// What an assessor receives is always checked against the bytes: export hashes first.
//
// A linked microcredential imported from a digital credential whose verification found a
// failure (a broken signature, an expiry, another recipient) is not authentic as it stands.
func authentic(c Claim, linked []portfolio.Evidence, f Facts) RuleResult {
	r := RuleResult{Rule: RuleAuthentic, Steps: []Step{}}
	for _, id := range c.CredentialIDs {
		if cr, ok := f.Credentials[id]; ok && cr.Import != nil && cr.Import.Verification.Failed() {
			r.Steps = append(r.Steps, step("StepCredentialCheckFailed", "Title", firstNonEmpty(cr.TitleEN, cr.TitleFR)))
		}
	}
	for _, e := range linked {
		if IsThirdParty(e) && strings.TrimSpace(e.VerifierName) == "" {
			r.Steps = append(r.Steps, step("StepNameVerifier", "Title", e.AnyTitle()))
		}
		if c, checked := f.FileChecks[e.SHA256]; checked && !c.Intact {
			r.Steps = append(r.Steps, step("StepFileChanged", "Title", e.AnyTitle()))
		}
	}
	return r
}

// outcomeLabel is how an outcome is named in steps: its code, or the start of its text.
func outcomeLabel(o Outcome) string {
	if o.Code != "" {
		return o.Code
	}
	t := o.TextEN
	if t == "" {
		t = o.TextFR
	}
	if utf8.RuneCountInString(t) > 40 {
		t = string([]rune(t)[:40]) + "…"
	}
	return t
}
