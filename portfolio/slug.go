package portfolio

import (
	"strings"
	"unicode"

	"passerelle/filename"
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
	// "con" or "nul" would name a Windows device, not a file.
	return filename.Safe(strings.Trim(b.String(), "-"), "portfolio")
}
