package plar

import (
	"testing"

	"passerelle/portfolio"
)

// imported is a microcredential imported from a digital credential with the given checks.
func imported(checks ...portfolio.VerificationCheck) portfolio.Credential {
	return portfolio.Credential{ID: 5, TitleEN: "Lab Safety", Import: &portfolio.CredentialImport{
		Verification: portfolio.Verification{Checks: checks}}}
}

func check(scope, name, state string) portfolio.VerificationCheck {
	return portfolio.VerificationCheck{Scope: scope, Check: name, State: state}
}

func TestAssess_ImportedCredentialIsThirdPartyOnlyWhenItsSignaturePassedAndNothingFailed(t *testing.T) {
	sigOK := check("", "signature", portfolio.CheckPassed)
	cases := []struct {
		name       string
		credential *portfolio.Credential
		sufficient string
		authentic  string
	}{
		{"verified: signature passed, key not confirmed, status not checked",
			ptr(imported(sigOK, check("", "issuer_key", portfolio.CheckCouldNotCheck), check("", "revocation", portfolio.CheckNotChecked))),
			"", ""},
		{"hosted badge: signature not checked", ptr(imported(check("", "signature", portfolio.CheckNotChecked))),
			"StepThirdPartyEvidence", ""},
		{"signature failed", ptr(imported(check("", "signature", portfolio.CheckFailed))),
			"StepThirdPartyEvidence", "StepCredentialCheckFailed"},
		{"signature passed but expired", ptr(imported(sigOK, check("", "validity", portfolio.CheckFailed))),
			"StepThirdPartyEvidence", "StepCredentialCheckFailed"},
		{"issued to someone else", ptr(imported(sigOK, check("", "recipient", portfolio.CheckFailed))),
			"StepThirdPartyEvidence", "StepCredentialCheckFailed"},
		{"only the learner record's signature passed", ptr(imported(check("record", "signature", portfolio.CheckPassed))),
			"StepThirdPartyEvidence", ""},
		{"typed in by hand, as before", &portfolio.Credential{ID: 5, TitleEN: "Lab Safety"}, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := facts()
			f.Credentials = map[int64]portfolio.Credential{5: *tc.credential}
			// Top rating, with only the learner's own work sample and the credential linked.
			c := Claim{OutcomeID: 9, Rating: RatingTeach, NarrativeEN: words(MinNarrativeWords), Evidence: link(2),
				CredentialIDs: []int64{5}}
			a := Assess(c, f)
			for _, r := range a.Rules {
				want := map[string]string{RuleSufficient: tc.sufficient, RuleAuthentic: tc.authentic}[r.Rule]
				if (r.Rule == RuleSufficient || r.Rule == RuleAuthentic) && stepIDs(r) != want {
					t.Errorf("%s: steps %q, want %q", r.Rule, stepIDs(r), want)
				}
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
