package plar

import (
	"fmt"
	"slices"

	"passerelle/fault"
	"passerelle/portfolio"
)

// MinNarrativeWords is the shortest learning narrative an assessor can judge: about a paragraph
// on what I did, what I learned and how I use it now.
const MinNarrativeWords = 75

// MaxOutcomes bounds one target, so a wrong file cannot flood a portfolio.
const MaxOutcomes = 500

// Language is a language a target can be submitted in; its label is the locale message
// "TargetLanguage" + the value with a capital.
type Language string

// The languages of submission.
const (
	LanguageEnglish   Language = "en"
	LanguageFrench    Language = "fr"
	LanguageBilingual Language = "bilingual"
)

// Languages a target can be submitted in, in the order the UI offers them.
func Languages() []Language { return []Language{LanguageEnglish, LanguageFrench, LanguageBilingual} }

// DefaultCurrencyYears is how recent evidence must be when a target does not say: the common
// RPL rule of five years.
const DefaultCurrencyYears = 5

// The currency limits a target may set, in years.
const (
	MinCurrencyYears = 1
	MaxCurrencyYears = 50
)

func cleanTarget(t Target) (Target, error) {
	var err error
	if t.Name, err = portfolio.RequiredText("name", t.Name, portfolio.MaxShortText); err != nil {
		return t, err
	}
	for _, f := range []struct {
		field string
		v     *string
	}{{"institution", &t.Institution}, {"program", &t.Program}, {"courseCode", &t.CourseCode},
		{"courseTitle", &t.CourseTitle}} {
		if *f.v, err = portfolio.CleanText(f.field, *f.v, portfolio.MaxShortText); err != nil {
			return t, err
		}
	}
	if t.MethodsNotes, err = portfolio.CleanText("methodsNotes", t.MethodsNotes, portfolio.MaxLongText); err != nil {
		return t, err
	}
	if t.Language == "" {
		t.Language = string(LanguageEnglish)
	}
	if !slices.Contains(Languages(), Language(t.Language)) {
		return t, fault.New(fault.Invalid, "language", "ErrUnknownChoice")
	}
	if t.CurrencyYears == 0 {
		t.CurrencyYears = DefaultCurrencyYears
	}
	if t.CurrencyYears < MinCurrencyYears || t.CurrencyYears > MaxCurrencyYears {
		return t, fault.New(fault.Invalid, "currencyYears", "ErrCurrencyYearsOutOfRange")
	}
	if t.Methods == nil {
		t.Methods = []string{}
	}
	for _, m := range t.Methods {
		if !slices.Contains(Methods(), Method(m)) {
			return t, fault.New(fault.Invalid, "methods", "ErrUnknownChoice")
		}
	}
	return t, nil
}

func cleanOutcome(o Outcome) (Outcome, error) {
	var err error
	if o.Code, err = portfolio.RequiredText("code", o.Code, 40); err != nil {
		return o, err
	}
	if o.TextEN, err = portfolio.CleanText("textEn", o.TextEN, portfolio.MaxLongText); err != nil {
		return o, err
	}
	if o.TextFR, err = portfolio.CleanText("textFr", o.TextFR, portfolio.MaxLongText); err != nil {
		return o, err
	}
	if o.TextEN == "" && o.TextFR == "" {
		return o, fault.New(fault.Invalid, "textEn", "ErrOutcomeTextRequired")
	}
	return o, nil
}

func cleanClaim(c Claim) (Claim, error) {
	var err error
	if c.Rating < RatingNotDone || c.Rating > RatingTeach {
		return c, fault.New(fault.Invalid, "rating", "ErrRatingRequired")
	}
	if c.NarrativeEN, err = portfolio.CleanText("narrativeEn", c.NarrativeEN, portfolio.MaxLongText); err != nil {
		return c, err
	}
	if c.NarrativeFR, err = portfolio.CleanText("narrativeFr", c.NarrativeFR, portfolio.MaxLongText); err != nil {
		return c, err
	}
	if c.CurrencyNote, err = portfolio.CleanText("currencyNote", c.CurrencyNote, portfolio.MaxLongText); err != nil {
		return c, err
	}
	seen := map[int64]bool{}
	links := make([]EvidenceLink, 0, len(c.Evidence))
	for _, l := range c.Evidence {
		if seen[l.EvidenceID] {
			continue
		}
		seen[l.EvidenceID] = true
		field := fmt.Sprintf("relevance-%d", l.EvidenceID)
		if l.Relevance, err = portfolio.CleanText(field, l.Relevance, portfolio.MaxShortText*3); err != nil {
			return c, err
		}
		links = append(links, l)
	}
	c.Evidence = links
	c.ExperienceIDs = uniqueIDs(c.ExperienceIDs)
	c.CredentialIDs = uniqueIDs(c.CredentialIDs)
	return c, nil
}

func uniqueIDs(ids []int64) []int64 {
	out := []int64{}
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
