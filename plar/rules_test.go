package plar

import (
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/portfolio"
)

var today = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

func words(n int) string { return strings.TrimSpace(strings.Repeat("mot ", n)) }

// facts gives three pieces of evidence: a recent letter with a verifier, a recent work sample,
// and an old certificate; files intact unless told otherwise.
func facts() Facts {
	ev := map[int64]portfolio.Evidence{
		1: {ID: 1, TitleEN: "Letter", Kind: "LetterOfValidation", Date: "2025-06-01", VerifierName: "Elder Mary", SHA256: "a"},
		2: {ID: 2, TitleEN: "Sample", Kind: "WorkSample", Date: "2024-01-10", SHA256: "b"},
		3: {ID: 3, TitleEN: "Old cert", Kind: "Certificate", Date: "2015-03-03", VerifierName: "Red Cross", SHA256: "c"},
		4: {ID: 4, TitleEN: "Undated ref", Kind: "Reference", SHA256: "d"},
	}
	// "d" has not been hashed again since it was added: its recorded SHA-256 stands.
	checked := portfolio.FileCheck{Intact: true, CheckedAt: "2026-11-20T10:00:00Z"}
	return Facts{Now: today, CurrencyYears: 5, Evidence: ev,
		FileChecks: map[string]portfolio.FileCheck{"a": checked, "b": checked, "c": checked}}
}

func link(ids ...int64) []EvidenceLink {
	var out []EvidenceLink
	for _, id := range ids {
		out = append(out, EvidenceLink{EvidenceID: id, Relevance: "shows it"})
	}
	return out
}

func stepIDs(r RuleResult) string {
	var ids []string
	for _, s := range r.Steps {
		ids = append(ids, s.MessageID)
	}
	return strings.Join(ids, ",")
}

func TestAssess_RulesOfEvidence(t *testing.T) {
	good := Claim{OutcomeID: 9, Rating: 3, NarrativeEN: words(MinNarrativeWords), Evidence: link(1)}
	cases := []struct {
		name   string
		change func(*Claim, *Facts)
		rule   string
		steps  string
	}{
		{"a complete claim meets every rule", func(*Claim, *Facts) {}, "", ""},
		{"valid: no evidence linked", func(c *Claim, _ *Facts) { c.Evidence = nil }, RuleValid, "StepLinkEvidence"},
		{"valid: relevance not explained", func(c *Claim, _ *Facts) { c.Evidence[0].Relevance = "  " }, RuleValid, "StepExplainEvidence"},
		{"valid: link to deleted evidence does not count", func(c *Claim, _ *Facts) { c.Evidence = link(99) }, RuleValid, "StepLinkEvidence"},
		{"current: only old evidence", func(c *Claim, _ *Facts) { c.Evidence = link(3) }, RuleCurrent, "StepRecentEvidence"},
		{"current: old evidence with an explanation", func(c *Claim, _ *Facts) {
			c.Evidence = link(3)
			c.CurrencyNote = "I still practise this every week as a volunteer."
		}, RuleCurrent, ""},
		{"current: boundary, exactly the limit ago is current", func(c *Claim, f *Facts) {
			e := f.Evidence[3]
			e.Date = "2021-11-29"
			f.Evidence[3] = e
			c.Evidence = link(3)
		}, RuleCurrent, ""},
		{"current: boundary, one day older is not", func(c *Claim, f *Facts) {
			e := f.Evidence[3]
			e.Date = "2021-11-28"
			f.Evidence[3] = e
			c.Evidence = link(3)
		}, RuleCurrent, "StepRecentEvidence"},
		{"current: no evidence at all", func(c *Claim, _ *Facts) { c.Evidence = nil }, RuleCurrent, "StepLinkRecentEvidence"},
		{"current: undated evidence asks only for its date", func(c *Claim, _ *Facts) { c.Evidence = link(4) }, RuleCurrent, "StepDateEvidence"},
		{"current: undated and old evidence asks for the date and for recent evidence", func(c *Claim, _ *Facts) { c.Evidence = link(4, 3) }, RuleCurrent, "StepDateEvidence,StepRecentEvidence"},
		{"current: undated and recent evidence is current", func(c *Claim, f *Facts) {
			e := f.Evidence[4]
			e.VerifierName = "Jo"
			f.Evidence[4] = e
			c.Evidence = link(4, 2)
		}, RuleCurrent, ""},
		{"current: the target's own limit applies", func(c *Claim, f *Facts) {
			f.CurrencyYears = 1
			c.Evidence = link(2)
		}, RuleCurrent, "StepRecentEvidence"},
		{"sufficient: narrative one word short", func(c *Claim, _ *Facts) { c.NarrativeEN = words(MinNarrativeWords - 1) }, RuleSufficient, "StepWriteNarrative"},
		{"sufficient: French narrative counts", func(c *Claim, _ *Facts) {
			c.NarrativeEN = ""
			c.NarrativeFR = words(MinNarrativeWords)
		}, RuleSufficient, ""},
		{"sufficient: top rating without third-party evidence", func(c *Claim, _ *Facts) {
			c.Rating = RatingVaried
			c.Evidence = link(2)
		}, RuleSufficient, "StepThirdPartyEvidence"},
		{"sufficient: top rating with a letter", func(c *Claim, _ *Facts) { c.Rating = RatingTeach }, RuleSufficient, ""},
		{"sufficient: top rating with a credential linked", func(c *Claim, _ *Facts) {
			c.Rating = RatingTeach
			c.Evidence = link(2)
			c.CredentialIDs = []int64{5}
		}, RuleSufficient, ""},
		{"sufficient: rating three needs no third party", func(c *Claim, _ *Facts) { c.Evidence = link(2) }, RuleSufficient, ""},
		{"sufficient: not done yet", func(c *Claim, _ *Facts) { c.Rating = RatingNotDone }, RuleSufficient, "StepRatingTooLow"},
		{"authentic: third-party evidence without a verifier", func(c *Claim, f *Facts) {
			e := f.Evidence[1]
			e.VerifierName = ""
			f.Evidence[1] = e
		}, RuleAuthentic, "StepNameVerifier"},
		{"authentic: own work needs no verifier", func(c *Claim, _ *Facts) { c.Evidence = link(2) }, RuleAuthentic, ""},
		{"authentic: a changed file", func(c *Claim, f *Facts) {
			f.FileChecks["a"] = portfolio.FileCheck{Intact: false, CheckedAt: "2026-11-21T10:00:00Z"}
		}, RuleAuthentic, "StepFileChanged"},
		{"authentic: a file not hashed again since it was added keeps its recorded SHA-256", func(c *Claim, f *Facts) {
			delete(f.FileChecks, "a")
		}, RuleAuthentic, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			claim := good
			claim.Evidence = append([]EvidenceLink(nil), good.Evidence...)
			f := facts()
			c.change(&claim, &f)
			a := Assess(claim, f)
			if len(a.Rules) != 4 {
				t.Fatalf("%d rules", len(a.Rules))
			}
			for _, r := range a.Rules {
				want := ""
				if r.Rule == c.rule {
					want = c.steps
				} else if c.rule != "" && c.steps != "" {
					continue // other rules may be affected by the same change
				}
				if got := stepIDs(r); got != want {
					t.Errorf("%s: steps %q, want %q", r.Rule, got, want)
				}
				if r.Met != (stepIDs(r) == "") {
					t.Errorf("%s: met=%v with steps %q", r.Rule, r.Met, stepIDs(r))
				}
			}
			if c.steps == "" && !a.Ready {
				t.Errorf("not ready: %+v", a.Rules)
			}
			if c.steps != "" && a.Ready {
				t.Error("ready despite an unmet rule")
			}
		})
	}
}

func TestCompute_ReadinessCountsAndOrdersWhatToDo(t *testing.T) {
	f := facts()
	var ev []portfolio.Evidence
	for _, e := range f.Evidence {
		ev = append(ev, e)
	}
	target := Target{ID: 1, CurrencyYears: 5, Outcomes: []Outcome{
		{ID: 10, Code: "O1", TextEN: "Prepare samples"}, {ID: 11, Code: "O2", TextEN: "Quality control"},
		{ID: 12, Code: "O3", TextEN: "Biosafety"}, {ID: 13, Code: "O4", TextEN: "Ethics"}}}
	claims := []Claim{
		{OutcomeID: 10, Rating: 3, NarrativeEN: words(80), Evidence: link(1)},                         // ready
		{OutcomeID: 11, Rating: 2, NarrativeEN: words(10)},                                            // many gaps
		{OutcomeID: 12, Rating: 3, NarrativeEN: words(80), Evidence: []EvidenceLink{{EvidenceID: 2}}}, // one gap
	}
	r := Compute(Inputs{Target: target, Claims: claims, Evidence: ev, FileChecks: f.FileChecks, Now: today})
	if r.Total != 4 || r.Claimed != 3 || r.Ready != 1 {
		t.Fatalf("total %d claimed %d ready %d", r.Total, r.Claimed, r.Ready)
	}
	if r.Outcomes[0].Status != StatusReady || r.Outcomes[1].Status != StatusGaps || r.Outcomes[3].Status != StatusNotClaimed {
		t.Fatalf("statuses %s %s %s", r.Outcomes[0].Status, r.Outcomes[1].Status, r.Outcomes[3].Status)
	}
	var order []string
	for _, td := range r.ToDo {
		order = append(order, td.OutcomeCode+":"+td.Step.MessageID)
	}
	want := "O3:StepExplainEvidence O2:StepLinkEvidence O2:StepWriteNarrative O2:StepLinkRecentEvidence O4:StepDecideClaim"
	if got := strings.Join(order, " "); got != want {
		t.Fatalf("to-do order\n got %s\nwant %s", got, want)
	}
}

func TestMatchOutcome_ExplainsSharedWordsAcrossLanguagesAndAccents(t *testing.T) {
	exps := []portfolio.Experience{
		{ID: 1, TitleFR: "Technicienne de laboratoire", Skills: []string{"contrôle de la qualité", "biosécurité"}},
		{ID: 2, TitleEN: "Cook", Skills: []string{"knife skills"}},
	}
	creds := []portfolio.Credential{{ID: 7, TitleEN: "Lab Safety", Competencies: []string{"Biosecurite", "WHMIS"}}}
	o := Outcome{Code: "MLT-3", TextEN: "Apply biosafety and quality control procedures in the laboratory",
		TextFR: "Appliquer les procédures de biosécurité et de contrôle de la qualité en laboratoire"}
	m := MatchOutcome(o, exps, creds)
	if len(m) != 2 || m[0].Kind != MatchExperience || m[0].ID != 1 || m[1].ID != 7 {
		t.Fatalf("matches %+v", m)
	}
	if got := strings.Join(m[0].Words, ","); got != "biosécurité,contrôle,laboratoire,qualité" {
		t.Fatalf("explained words %q", got)
	}
	if none := MatchOutcome(Outcome{TextEN: "Describe and demonstrate the use of knowledge"}, exps, creds); len(none) != 0 {
		t.Fatalf("stop words matched: %+v", none)
	}
}

func TestGuide_ProgressIsDerivedFromTheData(t *testing.T) {
	steps := func(in GuideInputs) string {
		var s []string
		for _, g := range Guide(in) {
			mark := "-"
			if g.Done {
				mark = "+"
			}
			if g.Current {
				mark = ">"
			}
			s = append(s, mark+g.ID)
		}
		return strings.Join(s, " ")
	}
	if got := steps(GuideInputs{}); got != ">Profile -Experiences -Target -SelfAssessment -Evidence -Narratives -Review -Export -Outcomes" {
		t.Fatalf("empty portfolio: %s", got)
	}
	f := facts()
	var ev []portfolio.Evidence
	for _, e := range f.Evidence {
		ev = append(ev, e)
	}
	r := Compute(Inputs{Now: today, Evidence: ev, FileChecks: f.FileChecks,
		Target: Target{CurrencyYears: 5, Outcomes: []Outcome{{ID: 1, Code: "A", TextEN: "x"}}},
		Claims: []Claim{{OutcomeID: 1, Rating: 3, NarrativeEN: words(10), Evidence: link(1)}}})
	got := steps(GuideInputs{Learner: portfolio.Learner{DisplayName: "A", LegalName: "A B"}, Experiences: 2, Target: &r})
	if got != "+Profile +Experiences +Target +SelfAssessment +Evidence >Narratives -Review -Export -Outcomes" {
		t.Fatalf("half way: %s", got)
	}
	// What happened next is the learner's record whenever it happens: a decision or a job
	// recorded marks it done, and after an export with nothing recorded yet it is the step to take.
	got = steps(GuideInputs{Learner: portfolio.Learner{DisplayName: "A", LegalName: "A B"}, Experiences: 2, Target: &r,
		Outcomes: true})
	if !strings.HasSuffix(got, "-Export +Outcomes") {
		t.Fatalf("with an outcome recorded: %s", got)
	}
}

func TestGuide_StepsAreDoneOnlyWhenHonestlyDone(t *testing.T) {
	f := facts()
	var ev []portfolio.Evidence
	for _, e := range f.Evidence {
		ev = append(ev, e)
	}
	ready := func(id int64) Claim {
		return Claim{OutcomeID: id, Rating: 3, NarrativeEN: words(MinNarrativeWords), Evidence: link(1)}
	}
	gaps := func(id int64) Claim { return Claim{OutcomeID: id, Rating: 3, NarrativeEN: words(MinNarrativeWords)} }
	var outcomes []Outcome
	for i := int64(1); i <= 8; i++ {
		outcomes = append(outcomes, Outcome{ID: i, Code: string(rune('A' + i - 1)), TextEN: "x"})
	}
	learner := portfolio.Learner{DisplayName: "A", LegalName: "A B"}
	cases := []struct {
		name     string
		claims   []Claim
		exported bool
		want     map[string]bool
	}{
		{"nothing claimed yet: self-assessment is the step to do",
			nil, false,
			map[string]bool{"Target": true, "SelfAssessment": false, "Evidence": false, "Export": false}},
		// PLAR lets a learner claim only the outcomes they can support.
		{"two of eight claimed and supported: self-assessment done, not yet exported",
			[]Claim{ready(1), ready(2)}, false,
			map[string]bool{"Target": true, "SelfAssessment": true, "Review": true, "Export": false}},
		{"exported while review is still to do: export not done",
			[]Claim{ready(1), ready(2), ready(3), ready(4), ready(5), ready(6), ready(7), gaps(8)}, true,
			map[string]bool{"SelfAssessment": true, "Review": false, "Export": false}},
		{"exported with every earlier step done: export done",
			[]Claim{ready(1), ready(2), ready(3), ready(4), ready(5), ready(6), ready(7), ready(8)}, true,
			map[string]bool{"Review": true, "Export": true, "Outcomes": false}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Compute(Inputs{Now: today, Evidence: ev, FileChecks: f.FileChecks,
				Target: Target{CurrencyYears: 5, Outcomes: outcomes}, Claims: c.claims})
			got := map[string]bool{}
			for _, g := range Guide(GuideInputs{Learner: learner, Experiences: 1, Target: &r, Exported: c.exported}) {
				got[g.ID] = g.Done
			}
			for id, want := range c.want {
				if got[id] != want {
					t.Errorf("%s done=%v, want %v", id, got[id], want)
				}
			}
		})
	}
}

// A third-party kind the evidence form does not offer could never be chosen, and its evidence
// would never count as third-party.
func TestThirdPartyKinds_AreKindsTheLearnerCanChoose(t *testing.T) {
	for _, k := range ThirdPartyKinds() {
		if !slices.Contains(portfolio.EvidenceKinds(), k) {
			t.Errorf("third-party kind %q is not an evidence kind", k)
		}
		if !IsThirdParty(portfolio.Evidence{Kind: string(k)}) {
			t.Errorf("evidence of kind %q is not counted as third-party", k)
		}
	}
	if IsThirdParty(portfolio.Evidence{Kind: string(portfolio.EvidenceReflection)}) {
		t.Error("the learner's own reflection counted as third-party")
	}
}
