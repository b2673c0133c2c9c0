package pdf

import (
	"strings"
	"testing"
)

func testFonts(t *testing.T) *fonts {
	t.Helper()
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestClean_KeepsWhatTheFontsShowAndMarksWhatTheyCannot(t *testing.T) {
	fs := testFonts(t)
	for _, c := range []struct{ in, want string }{
		{"Côte d’Ivoire « accueil »", "Côte d’Ivoire « accueil »"},
		{"ᐊᑦᑕᐙᐱᔅᑲᑦ", "ᐊᑦᑕᐙᐱᔅᑲᑦ"},
		{"Cafe\u0301", "Café"}, // decomposed accents are composed
		{"plants 🌿 here", "plants \uFFFD here"},
		{"family 👩‍👩‍👧‍👦 and flag 🏳️‍🌈!", "family \uFFFD and flag \uFFFD!"}, // one mark per emoji sequence
		{"thumbs 👍🏽", "thumbs \uFFFD"},
		{"漢字", "\uFFFD"}, // a script the fonts do not cover
		{"bad \xff\xfe bytes", "bad \uFFFD bytes"},
		{"a\x00b\x07c", "abc"},
		{"line\r\nbreaks\rand\ttabs", "line\nbreaks\nand tabs"},
		{"soft\u00ADhy\u200Bphen", "softhyphen"},
		{"  trailing  \n\n", "trailing"},
	} {
		if got := fs.clean(c.in); got != c.want {
			t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLine_KeepsNoBreakSpacesAndJoinsLines(t *testing.T) {
	fs := testFonts(t)
	if got := fs.line("un\n« mot »   ici"); got != "un « mot » ici" {
		t.Errorf("line = %q", got)
	}
}

func TestWrap_NoLineIsWiderThanTheColumn(t *testing.T) {
	fs := testFonts(t)
	text := fs.clean("Préparation d’échantillons ᐊᑦᑕᐙᐱᔅᑲᑦ registre-controle-qualite-version-finale.png " +
		strings.Repeat("0123456789abcdef", 4) + " " + strings.Repeat("mot ", 60))
	for _, width := range []float64{10, 25, columnW, contentW} {
		lines := fs.wrap(text, regular, sizeBody, width)
		var joined []string
		for _, ln := range lines {
			if ln.w > width+0.01 {
				t.Errorf("width %.0f: line %q is %.1f mm wide", width, ln.text(), ln.w)
			}
			joined = append(joined, ln.text())
		}
		if got := strings.ReplaceAll(strings.Join(joined, ""), " ", ""); got != strings.ReplaceAll(text, " ", "") {
			t.Errorf("width %.0f: wrapping lost or changed text", width)
		}
	}
}

func TestShape_FallsBackToSyllabicsPerCharacter(t *testing.T) {
	fs := testFonts(t)
	ln := fs.shape("Mary ᐊᑦᑕᐙᐱᔅᑲᑦ Wesley", regular, sizeBody)
	var families []string
	for _, r := range ln.runs {
		families = append(families, r.face.family)
	}
	if got := strings.Join(families, ","); got != familyLatin+","+familySyllabics+","+familyLatin {
		t.Errorf("runs by family: %s", got)
	}
}

func TestTruncate_EndsWithAnEllipsisWithinTheWidth(t *testing.T) {
	fs := testFonts(t)
	ln := fs.truncate(strings.Repeat("Résultat d’apprentissage ", 10), bold, sizeBody, 60)
	if ln.w > 60 || !strings.HasSuffix(ln.text(), "…") {
		t.Errorf("truncate gave %q, %.1f mm", ln.text(), ln.w)
	}
}

func TestLabelIDs_AreUniqueAndNamedForThePDF(t *testing.T) {
	seen := map[string]bool{}
	for _, id := range LabelIDs() {
		if seen[id] {
			t.Errorf("label ID %s is asked for twice", id)
		}
		seen[id] = true
	}
	if len(seen) < 100 {
		t.Errorf("only %d label IDs", len(seen))
	}
}

// FuzzClean holds the promise that learner text can never break the layout: whatever comes
// in, what comes out is drawable by the embedded fonts, stays in the BMP fpdf can encode, and
// wraps within its column.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"Côte d’Ivoire « accueil »", "ᐊᑦᑕᐙᐱᔅᑲᑦ 🌿", "👩🏽‍🔬\u200d\ufe0f", "\xff\xfe\x00", "a\r\nb\tc"} {
		f.Add(s)
	}
	fs, err := loadFonts()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := fs.clean(s)
		for _, r := range c {
			if r != '\n' && (r > 0xFFFF || !fs.shows(r)) {
				t.Fatalf("clean(%q) kept %U, which no font draws", s, r)
			}
		}
		for _, ln := range fs.wrap(c, regular, sizeBody, 30) {
			if ln.w > 30.01 {
				t.Fatalf("wrap(%q) made a line of %.1f mm", c, ln.w)
			}
		}
	})
}
