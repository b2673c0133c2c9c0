package pdf_test

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"passerelle/media"
	"passerelle/pdf"
	"passerelle/pdf/pdftest"
)

// Page geometry the checks hold the layout to, in points (the layout works in millimetres).
const (
	mm          = 72 / 25.4
	pageWidth   = 215.9 * mm
	pageHeight  = 279.4 * mm
	textLeft    = 20 * mm
	textRight   = pageWidth - 20*mm
	textBottom  = pageHeight - 22*mm
	footerTop   = pageHeight - 16*mm
	slack       = 1.0 // points of rounding the extraction may add
	largeExps   = 200
	largeClaims = 60
	largePhotos = 80
)

// largeOnce is a large portfolio with small photos: the layout of a long career, fast to make.
var largeOnce = sync.OnceValue(func() pdf.Document {
	photo := media.SamplePhoto(3, 160, 120, 1)
	return pdftest.Large(pdftest.Spec{Experiences: largeExps, Outcomes: largeClaims, Photos: largePhotos,
		Photo: func(int) ([]byte, []byte) { return photo, photo }})
})

var word = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// TestRender_NothingOverflowsThePage checks every extracted word of the demo and of the large
// portfolio, in both languages at once, against the margins and the footer line.
func TestRender_NothingOverflowsThePage(t *testing.T) {
	needTools(t, "pdftotext")
	paths := map[string]string{"demo": exportAll(t)[pdf.Bilingual].path}
	paths["large"], _ = export(t, largeOnce(), options(t, pdf.Bilingual))
	for name, path := range paths {
		pages := strings.Split(runTool(t, "pdftotext", "-bbox", path, "-"), "<page ")
		checked := 0
		for p, page := range pages[1:] {
			for _, m := range word.FindAllStringSubmatch(page, -1) {
				checked++
				x0, _ := strconv.ParseFloat(m[1], 64)
				y0, _ := strconv.ParseFloat(m[2], 64)
				x1, _ := strconv.ParseFloat(m[3], 64)
				y1, _ := strconv.ParseFloat(m[4], 64)
				footer := y0 >= footerTop-slack && y1 <= pageHeight-8*mm
				if x0 < textLeft-slack || x1 > textRight+slack || (!footer && y1 > textBottom+slack) || y0 < 0 {
					t.Errorf("%s page %d: %q at x %.0f–%.0f, y %.0f–%.0f is outside the text area", name, p+1, m[5], x0, x1, y0, y1)
				}
			}
		}
		if checked < 1000 {
			t.Errorf("%s: only %d words checked; the extraction format may have changed", name, checked)
		}
	}
}

// TestRender_TablesRepeatTheirHeaderOnEveryPage checks the readiness table and the evidence
// index of the large portfolio, which run over several pages.
func TestRender_TablesRepeatTheirHeaderOnEveryPage(t *testing.T) {
	needTools(t, "pdftotext")
	path, res := export(t, largeOnce(), options(t, pdf.English))
	contents := runTool(t, "pdftotext", "-f", "2", "-l", "3", "-layout", path, "-")
	pageOf := func(title string) int {
		m := regexp.MustCompile(`(?m)^\s*` + title + `\s+(\d+)\s*$`).FindStringSubmatch(contents)
		if m == nil {
			t.Fatalf("no %q in the contents", title)
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	tables := []struct{ from, to, header string }{
		{"Readiness summary", "Evidence index", "Self-rating"},
		{"Evidence index", "Evidence appendix", "SHA-256"},
	}
	for _, tb := range tables {
		from, to := pageOf(tb.from), pageOf(tb.to)
		if to-from < 2 {
			t.Errorf("%s takes %d page(s); the test needs a table that continues", tb.from, to-from)
		}
		for p := from; p < to; p++ {
			page := runTool(t, "pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), path, "-")
			if !strings.Contains(page, tb.header) {
				t.Errorf("page %d of %d, in %s, has no %q header", p, res.Pages, tb.from, tb.header)
			}
		}
	}
}

// TestRender_PagesRenderWithoutErrors draws every page with poppler, as a viewer would.
func TestRender_PagesRenderWithoutErrors(t *testing.T) {
	needTools(t, "pdftoppm")
	for lang, e := range exportAll(t) {
		out := runTool(t, "pdftoppm", "-r", "20", "-png", e.path, t.TempDir()+"/page")
		if strings.TrimSpace(out) != "" {
			t.Errorf("%s: pdftoppm says:\n%s", lang, out)
		}
	}
}
