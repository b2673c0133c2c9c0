package pdf

import (
	"embed"
	"fmt"
	"math"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontFiles are Noto Sans and Noto Sans Canadian Aboriginal (SIL OFL 1.1, fonts/OFL.txt):
// Latin with French accents and typographic quotes, and every Unified Canadian Aboriginal
// Syllabic for Cree, Inuktitut, Ojibwe and Dene names and places.
//
//go:embed fonts/*.ttf
var fontFiles embed.FS

// replacement is what a character no font can show becomes: visible, and in Noto Sans.
const replacement = '\uFFFD'

// Font families as registered with fpdf.
const (
	familyLatin     = "NotoSans"
	familySyllabics = "NotoSansCAS"
)

// style is a weight or slant of the text.
type style int

// The styles the layout uses.
const (
	regular style = iota
	bold
	italic
)

// face is one font file, measured the way fpdf measures it: advance widths in thousandths of
// an em with no kerning, so wrapping here matches what fpdf draws.
type face struct {
	family, fpdfStyle, file string
	font                    *sfnt.Font
	upem                    float64
	width                   []int16 // by rune (BMP only): advance, -1 missing, unknownWidth not yet read
}

// unknownWidth marks a character whose advance has not been read from the font yet.
const unknownWidth = math.MinInt16

// fonts is the set of faces one render uses; each render has its own, so renders never share
// mutable caches.
type fonts struct {
	latin     [3]*face // indexed by style
	syllabics [3]*face
	buf       sfnt.Buffer
}

func loadFonts() (*fonts, error) {
	files := [...]struct {
		family, style, file string
	}{
		{familyLatin, "", "NotoSans-Regular.ttf"},
		{familyLatin, "B", "NotoSans-Bold.ttf"},
		{familyLatin, "I", "NotoSans-Italic.ttf"},
		{familySyllabics, "", "NotoSansCanadianAboriginal-Regular.ttf"},
		{familySyllabics, "B", "NotoSansCanadianAboriginal-Bold.ttf"},
	}
	var faces [5]*face
	for i, f := range files {
		data, err := fontFiles.ReadFile("fonts/" + f.file)
		if err != nil {
			return nil, fmt.Errorf("read font %s: %w", f.file, err)
		}
		sf, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("parse font %s: %w", f.file, err)
		}
		faces[i] = &face{family: f.family, fpdfStyle: f.style, file: f.file, font: sf,
			upem: float64(sf.UnitsPerEm()), width: make([]int16, 0x10000)}
		for r := range faces[i].width {
			faces[i].width[r] = unknownWidth
		}
	}
	// Italic syllabics do not exist; upright ones sit well beside italic Latin.
	return &fonts{latin: [3]*face{faces[0], faces[1], faces[2]},
		syllabics: [3]*face{faces[3], faces[4], faces[3]}}, nil
}

// register adds every face to a document, in the order fpdf expects before the first SetFont.
func (fs *fonts) register(pdf *fpdf.Fpdf) error {
	seen := map[*face]bool{}
	for _, f := range append(fs.latin[:], fs.syllabics[:]...) {
		if seen[f] {
			continue
		}
		seen[f] = true
		data, err := fontFiles.ReadFile("fonts/" + f.file)
		if err != nil {
			return fmt.Errorf("read font %s: %w", f.file, err)
		}
		pdf.AddUTF8FontFromBytes(f.family, f.fpdfStyle, data)
	}
	return pdf.Error()
}

// advance is r's width in thousandths of an em, or -1 when the face has no glyph for it
// (always for characters beyond the BMP, which fpdf cannot encode).
func (fs *fonts) advance(f *face, r rune) int {
	if r < 0 || r > 0xFFFF {
		return -1
	}
	if w := f.width[r]; w != unknownWidth {
		return int(w)
	}
	w := -1
	if g, err := f.font.GlyphIndex(&fs.buf, r); err == nil && g != 0 {
		ppem := fixed.Int26_6(f.upem * 64)
		if adv, err := f.font.GlyphAdvance(&fs.buf, g, ppem, font.HintingNone); err == nil {
			w = int(float64(adv)/64*1000/f.upem + 0.5)
		}
	}
	f.width[r] = int16(w)
	return w
}

// faceFor picks the face that draws r in style st: Latin first, then syllabics; nil if none.
func (fs *fonts) faceFor(r rune, st style) *face {
	if fs.advance(fs.latin[st], r) >= 0 {
		return fs.latin[st]
	}
	if fs.advance(fs.syllabics[st], r) >= 0 {
		return fs.syllabics[st]
	}
	return nil
}

// shows reports whether some face can draw r upright, the test sanitising uses.
func (fs *fonts) shows(r rune) bool { return fs.faceFor(r, regular) != nil }
