package credential_test

import (
	"regexp"
	"sort"
	"testing"

	"passerelle/credential"
	"passerelle/locales"
)

// TestReasons_EachIsSaidInWordsInBothLanguages checks every reason has its message in English
// and French, and that each message uses only the Args the reason fills.
func TestReasons_EachIsSaidInWordsInBothLanguages(t *testing.T) {
	cat, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	placeholder := regexp.MustCompile(`{{\s*\.([A-Za-z]+)\s*}}`)
	for _, lang := range locales.Languages() {
		msgs := cat.Messages(lang)
		for reason, args := range credential.Reasons() {
			id := credential.Check{Reason: reason}.MessageID()
			text, ok := msgs[id]
			if !ok || text == "" {
				t.Errorf("%s lacks %s", lang, id)
				continue
			}
			allowed := map[string]bool{}
			for _, a := range args {
				allowed[a] = true
			}
			for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
				if !allowed[m[1]] {
					t.Errorf("%s %s uses {{.%s}}, which the reason does not fill", lang, id, m[1])
				}
			}
		}
		for _, n := range []credential.CheckName{credential.CheckSignature, credential.CheckIssuerKey, credential.CheckValidity, credential.CheckRevoked, credential.CheckRecipient} {
			if msgs["CredentialCheckName_"+string(n)] == "" {
				t.Errorf("%s lacks the name of check %s", lang, n)
			}
		}
		for _, s := range []credential.State{credential.Passed, credential.Failed, credential.NotChecked, credential.CouldNotCheck} {
			if msgs["CredentialState_"+string(s)] == "" {
				t.Errorf("%s lacks the words for state %s", lang, s)
			}
		}
	}
}

// checkReasons fails when a result gives a reason not in Reasons, or Args other than the
// reason's: the locale message would then print a hole.
func checkReasons(t *testing.T, r credential.Result) {
	t.Helper()
	all := credential.Reasons()
	for _, c := range r.Checks {
		want, ok := all[c.Reason]
		if !ok {
			t.Errorf("%s: reason %q is not listed in Reasons", c.Check, c.Reason)
			continue
		}
		var got []string
		for k := range c.Args {
			got = append(got, k)
		}
		sort.Strings(got)
		w := append([]string(nil), want...)
		sort.Strings(w)
		if len(got) != len(w) {
			t.Errorf("%s %s: args %v, want %v", c.Check, c.Reason, got, w)
			continue
		}
		for i := range got {
			if got[i] != w[i] {
				t.Errorf("%s %s: args %v, want %v", c.Check, c.Reason, got, w)
				break
			}
		}
	}
	for _, n := range r.Nested {
		checkReasons(t, n)
	}
}
