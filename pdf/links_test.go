package pdf_test

import (
	"context"
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"passerelle/pdf"
)

// destinations reads a PDF and maps each bookmark title and each link of page linkPage to the
// page number its destination resolves to (0 when it resolves to no page).
func destinations(t *testing.T, path string, linkPage int) (map[string]int, []int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	conf := &model.Configuration{Reader15: true, ValidationMode: model.ValidationRelaxed, Limits: model.DefaultResourceLimits()}
	ctx, err := pdfcpu.ReadWithContext(context.Background(), f, conf)
	if err != nil || ctx.EnsurePageCount() != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	x := ctx.XRefTable
	pageOf := map[int]int{}
	for p := 1; p <= x.PageCount; p++ {
		_, ref, _, err := x.PageDict(p, false)
		if err != nil {
			t.Fatal(err)
		}
		pageOf[ref.ObjectNumber.Value()] = p
	}
	target := func(d types.Dict) int {
		dest, _ := x.DereferenceArray(d["Dest"])
		if len(dest) == 0 {
			return 0
		}
		ref, ok := dest[0].(types.IndirectRef)
		if !ok {
			return 0
		}
		return pageOf[ref.ObjectNumber.Value()]
	}
	marks := map[string]int{}
	root, _ := x.Catalog()
	outlines, _ := x.DereferenceDict(root["Outlines"])
	var walk func(o types.Object, depth int)
	walk = func(o types.Object, depth int) {
		for o != nil && depth < 4 {
			item, err := x.DereferenceDict(o)
			if err != nil || item == nil {
				return
			}
			title, _ := x.DereferenceStringOrHexLiteral(item["Title"], model.V10, nil)
			marks[title] = target(item)
			walk(item["First"], depth+1)
			o = item["Next"]
		}
	}
	walk(outlines["First"], 0)
	page, _, _, err := x.PageDict(linkPage, false)
	if err != nil {
		t.Fatal(err)
	}
	annots, _ := x.DereferenceArray(page["Annots"])
	var links []int
	for _, a := range annots {
		d, _ := x.DereferenceDict(a)
		links = append(links, target(d))
	}
	return marks, links
}

// TestRender_LinksAndBookmarksLandOnTheirPages follows every bookmark and every link of the
// contents page to the page it opens, and reads that page.
func TestRender_LinksAndBookmarksLandOnTheirPages(t *testing.T) {
	e := exportAll(t)[pdf.Bilingual]
	marks, links := destinations(t, e.path, 2)
	firstLine := func(page int) string {
		return firstLine(runTool(t, "pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), e.path, "-"))
	}
	for _, title := range []string{"Evidence index / Index des preuves", "Declaration of authenticity / Déclaration d’authenticité",
		"Learner profile / Profil de la personne apprenante"} {
		if p := marks[title]; p == 0 || firstLine(p) != title {
			t.Errorf("bookmark %q opens page %d, which starts %q", title, p, firstLine(p))
		}
	}
	for title, p := range marks {
		if p == 0 {
			t.Errorf("bookmark %q leads nowhere", title)
		}
	}
	contents := runTool(t, "pdftotext", "-f", "2", "-l", "2", "-layout", e.path, "-")
	if len(links) < 10 {
		t.Fatalf("the contents page has %d links", len(links))
	}
	for i, p := range links {
		if p == 0 {
			t.Errorf("contents link %d leads nowhere", i+1)
		}
	}
	// The last contents entry is the declaration: its link opens the page the contents prints.
	m := regexp.MustCompile(`Déclaration d’authenticité\s+(\d+)`).FindStringSubmatch(contents)
	if m == nil {
		t.Fatalf("no declaration in the contents:\n%s", contents)
	}
	if want, _ := strconv.Atoi(m[1]); links[len(links)-1] != want {
		t.Errorf("the last contents link opens page %d, the contents says %d", links[len(links)-1], want)
	}
}
