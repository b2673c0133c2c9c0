package portfolio

import (
	"strings"
	"unicode"
)

// FileSlug turns a name (a portfolio, a learner, a course) into a safe file name: letters and digits kept (accents
// included), everything else a dash, never a path.
func FileSlug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteRune('-')
			dash = true
		}
		if b.Len() > 60 {
			break
		}
	}
	slug := strings.Trim(b.String(), "-")
	if slug == "" {
		slug = "portfolio"
	}
	return slug
}
