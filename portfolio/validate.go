package portfolio

import (
	"passerelle/fault"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Text limits, in characters, that keep one field from swallowing a portfolio.
const (
	MaxShortText = 300
	MaxLongText  = 10000
	MaxTags      = 50
)

// cleanText trims s, normalises line endings and refuses what would corrupt a document:
// invalid UTF-8, control characters other than newline and tab, and text beyond max.
func cleanText(field, s string, max int) (string, error) {
	if !utf8.ValidString(s) {
		return "", fault.New(fault.Invalid, field, "ErrTextInvalidEncoding")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimSpace(s)
	for _, r := range s {
		if r == '\n' || r == '\t' {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return "", fault.New(fault.Invalid, field, "ErrTextControlCharacters")
		}
	}
	if max == MaxShortText && strings.ContainsAny(s, "\n\t") {
		s = strings.Join(strings.Fields(s), " ")
	}
	if n := utf8.RuneCountInString(s); n > max {
		return "", fault.New(fault.Invalid, field, "ErrTextTooLong", "Max", max, "Count", n)
	}
	return s, nil
}

// required cleans s and refuses it when nothing is left.
func required(field, s string, max int) (string, error) {
	s, err := cleanText(field, s, max)
	if err != nil {
		return "", err
	}
	if s == "" {
		return "", fault.New(fault.Invalid, field, "ErrRequired")
	}
	return s, nil
}

// cleanTags cleans each tag, drops empty ones and duplicates (ignoring case), keeps order.
func cleanTags(field string, tags []string) ([]string, error) {
	out := make([]string, 0, len(tags))
	seen := map[string]bool{}
	for _, t := range tags {
		t, err := cleanText(field, t, MaxShortText)
		if err != nil {
			return nil, err
		}
		k := strings.ToLower(t)
		if t == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	if len(out) > MaxTags {
		return nil, fault.New(fault.Invalid, field, "ErrTooManyTags", "Max", MaxTags)
	}
	return out, nil
}

// checkMonth accepts "" when optional, else a real month written YYYY-MM.
func checkMonth(field, s string, optional bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		if optional {
			return "", nil
		}
		return "", fault.New(fault.Invalid, field, "ErrRequired")
	}
	t, err := time.Parse("2006-01", s)
	if err != nil && wellFormed(s, "2006-01") {
		// Written right but no such month (2018-13): asking for YYYY-MM again would send the
		// learner looking for a mistake in the form rather than in the number.
		return "", fault.New(fault.Invalid, field, "ErrMonthDoesNotExist", "Month", s)
	}
	if err != nil || t.Year() < 1900 || t.Year() > 2200 {
		return "", fault.New(fault.Invalid, field, "ErrInvalidMonth")
	}
	return s, nil
}

// checkDate accepts "" when optional, else a real date written YYYY-MM-DD.
func checkDate(field, s string, optional bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		if optional {
			return "", nil
		}
		return "", fault.New(fault.Invalid, field, "ErrRequired")
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil && wellFormed(s, time.DateOnly) {
		// Written right but not on any calendar (2026-02-31): asking for the format again
		// would send the learner looking for a mistake they did not make.
		return "", fault.New(fault.Invalid, field, "ErrDateDoesNotExist", "Date", s)
	}
	if err != nil || t.Year() < 1900 || t.Year() > 2200 {
		return "", fault.New(fault.Invalid, field, "ErrInvalidDate")
	}
	return s, nil
}

// wellFormed tells whether s has the shape of layout (YYYY-MM-DD or YYYY-MM): digits where
// the layout has digits, hyphens where it has hyphens, whatever the numbers.
func wellFormed(s, layout string) bool {
	if len(s) != len(layout) {
		return false
	}
	for i, r := range s {
		if layout[i] == '-' {
			if r != '-' {
				return false
			}
		} else if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// checkEmail accepts "" or an address that looks deliverable at a glance: one @, something
// before it, a domain with a dot inside it, no spaces. It is a guard against typos such as
// "amelie@" reaching an assessor on paper, not a full RFC 5322 parser.
func checkEmail(field, s string) (string, error) {
	if s == "" {
		return s, nil
	}
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || strings.Contains(domain, "@") || strings.IndexFunc(s, unicode.IsSpace) >= 0 ||
		!strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") ||
		strings.Contains(domain, "..") {
		return "", fault.New(fault.Invalid, field, "ErrInvalidEmail")
	}
	return s, nil
}

// checkOneOf refuses a value outside the allowed list.
func checkOneOf[T ~string](field, s string, allowed []T) (string, error) {
	if !slices.Contains(allowed, T(s)) {
		return "", fault.New(fault.Invalid, field, "ErrUnknownChoice")
	}
	return s, nil
}

// checkLanguage accepts "" or one of the app's languages.
func checkLanguage(field, s string) (string, error) {
	if s == "" || s == English || s == French {
		return s, nil
	}
	return "", fault.New(fault.Invalid, field, "ErrUnknownChoice")
}

// CleanText is the one text check every domain package uses: trimmed, line endings
// normalised, no control characters, at most max characters.
func CleanText(field, s string, max int) (string, error) { return cleanText(field, s, max) }

// RequiredText is CleanText that also refuses an empty result.
func RequiredText(field, s string, max int) (string, error) { return required(field, s, max) }

// CleanTags cleans a list of short labels, dropping blanks and repeats.
func CleanTags(field string, tags []string) ([]string, error) { return cleanTags(field, tags) }
