package pdf

import (
	"fmt"
	"testing"
)

// The embedded fonts are cut down for size (scripts/fonts.sh); these are the characters a
// learner's text brings that must still print as themselves, never as U+FFFD.
func TestFonts_ShowWhatLearnersWrite(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	span := func(lo, hi rune) []rune {
		var rs []rune
		for r := lo; r <= hi; r++ {
			rs = append(rs, r)
		}
		return rs
	}
	cases := []struct {
		what  string
		runes []rune
	}{
		{"English and French", append(span(0x20, 0x7E), []rune("àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ")...)},
		{"Latin-1 Supplement", append(span(0xA0, 0xAC), span(0xAE, 0xFF)...)},
		{"Latin Extended-A", span(0x100, 0x17F)},
		{"typography the layout and learners use", []rune("’‘“”«»–—‑…•·€$¢£¥№™©®°±×÷\u00A0\u202F\uFFFD")},
		{"Indigenous Latin orthographies (Dene, Salish, Kwak'wala, Mi'kmaw, Anishinaabemowin)",
			[]rune("ąęįǫųłŁƛʔʼˀ\u0300\u0301\u0302\u0304\u0307\u0308\u030C\u0313\u0315\u0323\u0328\u0331ǥɨəŋ")},
		{"Vietnamese and other newcomers' Latin names", []rune("ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹșțğış")},
		{"Greek", append(span(0x391, 0x3A1), span(0x3A3, 0x3C9)...)},
		{"Cyrillic", span(0x400, 0x45F)},
		{"Unified Canadian Aboriginal Syllabics (all 640)", span(0x1400, 0x167F)},
	}
	styles := []struct {
		name string
		st   style
	}{{"regular", regular}, {"bold", bold}, {"italic", italic}}
	for _, c := range cases {
		for _, s := range styles {
			var missing []string
			for _, r := range c.runes {
				if fs.faceFor(r, s.st) == nil {
					missing = append(missing, fmt.Sprintf("U+%04X %c", r, r))
				}
			}
			if len(missing) > 0 {
				t.Errorf("%s, %s: no glyph for %d characters: %v", c.what, s.name, len(missing), missing)
			}
		}
	}
}
