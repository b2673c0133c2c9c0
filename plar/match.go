package plar

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"passerelle/portfolio"
)

// Match is an experience or microcredential that mentions the same words as an outcome: a
// plain, explainable hint of where the learner may already have, or could gain, that learning.
type Match struct {
	Kind  string   `json:"kind"`
	ID    int64    `json:"id"`
	Title string   `json:"title"`
	Words []string `json:"words"`
}

// Kinds of match.
const (
	MatchExperience = "experience"
	MatchCredential = "credential"
)

// MaxMatches keeps the gap list short enough to read.
const MaxMatches = 5

// stopWords are words too common in outcomes to mean anything in a match, in both languages.
func stopWords() map[string]bool {
	words := `the and for with from into that this their they them what when where which while your
	about able using use used uses according appropriate including include within other such
	demonstrate describe explain identify apply perform work working skills skill knowledge
	les des une dans pour avec sans sur par aux que qui est sont son ses leur leurs cette ces
	selon afin entre tout tous toute toutes être avoir faire plus moins comme lors
	demontrer decrire expliquer identifier appliquer effectuer utiliser travail travailler
	competence competences connaissance connaissances approprie appropries appropriee appropriees`
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// fold lowercases and strips accents, so "Sécurité" and "securite" meet.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// terms maps each significant folded word stem of text to its first spelling in the text.
func terms(text string, stop map[string]bool) map[string]string {
	out := map[string]string{}
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range words {
		f := fold(w)
		if len([]rune(f)) < 4 || stop[f] {
			continue
		}
		stem := strings.TrimSuffix(f, "s")
		if _, ok := out[stem]; !ok {
			out[stem] = strings.ToLower(w)
		}
	}
	return out
}

// MatchOutcome finds the experiences and microcredentials whose titles, skills or competencies
// share words with the outcome, most shared words first.
func MatchOutcome(o Outcome, exps []portfolio.Experience, creds []portfolio.Credential) []Match {
	stop := stopWords()
	want := terms(o.TextEN+" "+o.TextFR, stop)
	out := []Match{}
	shared := func(text string) []string {
		var words []string
		for stem, spelling := range terms(text, stop) {
			if _, ok := want[stem]; ok {
				words = append(words, spelling)
			}
		}
		sort.Strings(words)
		return words
	}
	for _, c := range creds {
		text := c.TitleEN + " " + c.TitleFR + " " + strings.Join(c.Competencies, " ")
		if w := shared(text); len(w) > 0 {
			out = append(out, Match{Kind: MatchCredential, ID: c.ID, Title: firstNonEmpty(c.TitleEN, c.TitleFR), Words: w})
		}
	}
	for _, e := range exps {
		text := e.TitleEN + " " + e.TitleFR + " " + strings.Join(e.Skills, " ")
		if w := shared(text); len(w) > 0 {
			out = append(out, Match{Kind: MatchExperience, ID: e.ID, Title: firstNonEmpty(e.TitleEN, e.TitleFR), Words: w})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Words) > len(out[j].Words) })
	if len(out) > MaxMatches {
		out = out[:MaxMatches]
	}
	return slices.Clip(out)
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
