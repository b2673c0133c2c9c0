package pdf

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// clean makes learner text safe to lay out: composed accents (NFC), one kind of line break,
// no control or invisible formatting characters, and every character the fonts cannot show
// (emoji, characters beyond the Basic Multilingual Plane that make fpdf panic, scripts we do
// not ship) turned into one visible U+FFFD per run, so nothing panics and nothing vanishes.
func (fs *fonts) clean(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	replaced := false // the last character written was a replacement
	prev := rune(0)
	for _, r := range s { // invalid UTF-8 arrives here as U+FFFD
		crlf := prev == '\r' && r == '\n'
		prev = r
		switch {
		case crlf:
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			replaced = false
			b.WriteByte('\n')
		case r == '\t':
			replaced = false
			b.WriteByte(' ')
		case invisible(r):
			// Joiners, variation selectors and skin tones belong to the emoji before them.
		case unicode.IsControl(r):
			// Other control characters are dropped.
		case r == replacement || r > 0xFFFF || !fs.shows(r):
			if !replaced {
				b.WriteRune(replacement)
			}
			replaced = true
		case unicode.IsSpace(r) && r != '\u00A0' && r != '\u202F':
			replaced = false
			b.WriteRune(' ')
		default:
			replaced = false
			b.WriteRune(r)
		}
	}
	return trimLines(b.String())
}

// line is clean for single-line places (headings, table cells, the footer, metadata).
func (fs *fonts) line(s string) string {
	return strings.Join(words(strings.ReplaceAll(fs.clean(s), "\n", " ")), " ")
}

// words splits at ordinary spaces only: a no-break space keeps « and » with their words.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' })
}

// invisible reports characters that shape other characters and draw nothing themselves.
func invisible(r rune) bool {
	switch {
	case r == '\u200B', r == '\u200C', r == '\u200D', r == '\u2060', r == '\uFEFF', r == '\u00AD':
		return true
	case r >= '\uFE00' && r <= '\uFE0F': // variation selectors
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF: // skin tone modifiers
		return true
	case r >= 0xE0000 && r <= 0xE007F: // tag characters of flag sequences
		return true
	case r >= 0xE0100 && r <= 0xE01EF:
		return true
	}
	return false
}

// trimLines drops trailing spaces of each line and blank lines at both ends.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n ")
}
