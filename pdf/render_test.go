package pdf_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"

	"passerelle/pdf"
	"passerelle/pdf/pdftest"
)

// exported is the demo exported in one language, and what pdftotext reads in it.
type exported struct {
	path string
	res  pdf.Result
	text string
}

type exportedFile struct {
	path string
	res  pdf.Result
}

// exportsOnce exports the demo once per language for all the tests that only read the files.
var exportsOnce = sync.OnceValues(func() (map[pdf.Language]exportedFile, error) {
	doc, err := demoOnce()
	if err != nil {
		return nil, err
	}
	dir, err := tempDir()
	if err != nil {
		return nil, err
	}
	out := map[pdf.Language]exportedFile{}
	for _, lang := range []pdf.Language{pdf.English, pdf.French, pdf.Bilingual} {
		opts, err := pdftest.Options(lang)
		if err != nil {
			return nil, err
		}
		opts.FixedDate = fixedDate
		path := filepath.Join(dir, "portfolio-"+string(lang)+".pdf")
		res, err := pdf.WriteFile(context.Background(), doc, opts, path)
		if err != nil {
			return nil, err
		}
		out[lang] = exportedFile{path, res}
		if keep := os.Getenv("PASSERELLE_PDF_OUT"); keep != "" { // to look at the pages
			data, _ := os.ReadFile(path)
			os.WriteFile(filepath.Join(keep, filepath.Base(path)), data, 0o644)
		}
	}
	return out, nil
})

func exportAll(t *testing.T) map[pdf.Language]exported {
	t.Helper()
	needTools(t, "pdftotext")
	files, err := exportsOnce()
	if err != nil {
		t.Fatal(err)
	}
	out := map[pdf.Language]exported{}
	for lang, f := range files {
		out[lang] = exported{f.path, f.res, text(t, f.path)}
	}
	return out
}

func TestRender_TextInEveryLanguageIsExtractableAndIntact(t *testing.T) {
	en := []string{"Learner profile", "Chronological record of experience", "Microcredentials", "Readiness summary",
		"Evidence index", "Evidence appendix", "Declaration of authenticity", "Learning narrative", "Page 1 of"}
	fr := []string{"Profil de la personne apprenante", "Relevé chronologique de l’expérience", "Microcertifications",
		"Sommaire de l’état de préparation", "Index des preuves", "Annexe des preuves", "Déclaration d’authenticité",
		"Récit d’apprentissage", "Page 1 de"}
	learner := []string{"Aminata Mariam Koné", "Côte d’Ivoire", guillemets, syllabics, "Saint-Boniface", "\uFFFD",
		"Soins quotidiens, gestion des médicaments"}
	// Learner text in the output language, and the note that says when it is in the other one.
	own := map[pdf.Language][]string{pdf.English: {"Medical laboratory technician", "(written in French)"},
		pdf.French:    {"Technicienne de laboratoire médical", "(rédigé en anglais)"},
		pdf.Bilingual: {"Medical laboratory technician", "Technicienne de laboratoire médical"}}
	for lang, e := range exportAll(t) {
		t.Run(string(lang), func(t *testing.T) {
			want := map[pdf.Language][]string{pdf.English: en, pdf.French: fr, pdf.Bilingual: append(en, fr...)}[lang]
			for _, s := range append(append(want, own[lang]...), append(learner, e.res.DocumentID)...) {
				if !strings.Contains(e.text, s) {
					t.Errorf("extracted text lacks %q", s)
				}
			}
			for _, s := range []string{"🌿", "🙂"} {
				if strings.Contains(e.text, s) {
					t.Errorf("emoji %q reached the page instead of a replacement", s)
				}
			}
			if lang == pdf.English && strings.Contains(e.text, "Index des preuves") {
				t.Error("the English PDF carries French headings")
			}
			if lang == pdf.French && strings.Contains(e.text, "Evidence index") {
				t.Error("the French PDF carries English headings")
			}
		})
	}
}

func TestRender_InfoPagesTitleLanguageAndQpdfCheck(t *testing.T) {
	needTools(t, "pdfinfo", "qpdf")
	for lang, e := range exportAll(t) {
		t.Run(string(lang), func(t *testing.T) {
			info := runTool(t, "pdfinfo", e.path)
			for _, want := range []string{"Pages:           " + strconv.Itoa(e.res.Pages), "Title:           ",
				"Aminata Mariam Koné", "PDF version:     1.7", "CreationDate:    Fri Mar 14 15:09:26 2025 UTC",
				"Page size:       612 x 792 pts (letter)"} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			meta := runTool(t, "pdfinfo", "-meta", e.path)
			lang := map[pdf.Language]string{pdf.English: "en-CA", pdf.French: "fr-CA", pdf.Bilingual: "en-CA"}[lang]
			if !strings.Contains(meta, "<rdf:li>"+lang+"</rdf:li>") || !strings.Contains(meta, "passerelle:"+e.res.DocumentID) {
				t.Errorf("XMP lacks the language %s or the document ID:\n%s", lang, meta)
			}
			qdf := qdfText(t, e.path)
			if !strings.Contains(qdf, "/Lang ("+lang+")") {
				t.Errorf("catalog lacks /Lang (%s)", lang)
			}
			check := runTool(t, "qpdf", "--check", e.path)
			if !strings.Contains(check, "No syntax or stream encoding errors found") || strings.Contains(check, "WARNING") {
				t.Errorf("qpdf --check:\n%s", check)
			}
		})
	}
}

// qdfText is the file with every stream decompressed, so metadata, bookmarks and XMP can be
// searched as written.
func qdfText(t *testing.T, path string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "qdf.pdf")
	runTool(t, "qpdf", "--qdf", "--object-streams=disable", path, out)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestRender_BilingualColumnsReadOneLanguageThenTheOther(t *testing.T) {
	e := exportAll(t)[pdf.Bilingual]
	flat := strings.Join(strings.Fields(e.text), " ")
	for _, s := range []string{
		"For seven years I ran the haematology bench at the Treichville university hospital. I applied biosafety rules every day and kept the quality-control log.",
		"Pendant sept ans, j’ai tenu le poste d’hématologie au CHU de Treichville. J’appliquais chaque jour les règles de biosécurité et je tenais le registre de contrôle de la qualité.",
		"Prepared and analysed blood and urine samples; calibrated analysers; trained two new technicians on quality control.",
	} {
		if !strings.Contains(flat, s) {
			t.Errorf("a column's text is interleaved with the other column's or missing:\n%q", s)
		}
	}
}

func TestRender_ContentsPageNumbersPointAtTheirSections(t *testing.T) {
	e := exportAll(t)[pdf.English]
	contents := runTool(t, "pdftotext", "-f", "2", "-l", "2", "-layout", e.path, "-")
	entry := regexp.MustCompile(`(?m)^\s*(Learner profile|Microcredentials|Readiness summary|Evidence index|Evidence appendix|Declaration of authenticity)\s+(\d+)\s*$`)
	found := entry.FindAllStringSubmatch(contents, -1)
	if len(found) != 6 {
		t.Fatalf("found %d of 6 contents entries:\n%s", len(found), contents)
	}
	for _, m := range found {
		page := runTool(t, "pdftotext", "-f", m[2], "-l", m[2], e.path, "-")
		if !strings.HasPrefix(strings.TrimSpace(page), m[1]) {
			t.Errorf("contents says %q is on page %s, which starts %q", m[1], m[2], firstLine(page))
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

func TestRender_BookmarksForEverySectionClaimAndEvidence(t *testing.T) {
	needTools(t, "qpdf")
	e := exportAll(t)[pdf.Bilingual]
	qdf := qdfText(t, e.path)
	titles := regexp.MustCompile(`/Title <feff([0-9a-f]+)>`).FindAllStringSubmatch(qdf, -1)
	var got []string
	for _, m := range titles {
		got = append(got, utf16Hex(m[1]))
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"Contents / Table des matières", "Learner profile / Profil de la personne apprenante",
		"Wraparound supports shared by the learner", "Chronological record of experience", "Microcredentials / Microcertifications",
		"Claims / Demandes de reconnaissance", "LO1 Apply biosafety", "LO4 Train and supervise", "Readiness summary",
		"Evidence index / Index des preuves", "Evidence appendix / Annexe des preuves", "E1 — ", "E8 — Notes de stage",
		"Declaration of authenticity / Déclaration d’authenticité"} {
		if !strings.Contains(all, want) {
			t.Errorf("no bookmark %q among:\n%s", want, all)
		}
	}
}

// utf16Hex decodes a PDF text string written as big-endian UTF-16 hex.
func utf16Hex(h string) string {
	var rs []rune
	for i := 0; i+4 <= len(h); i += 4 {
		v, _ := strconv.ParseUint(h[i:i+4], 16, 16)
		rs = append(rs, rune(v))
	}
	return string(rs)
}

// TestRender_PassesStrictValidation runs pdfcpu's validator in strict mode, which catches
// what lenient readers forgive (a feature newer than the declared PDF version, a bad name
// tree), on what this package writes; a reproduced evidence PDF brings its own flaws (the
// fixture's scanned letter, made by fpdf with a core font, has no /FirstChar), so the demo is
// checked without them, and with them in relaxed mode.
func TestRender_PassesStrictValidation(t *testing.T) {
	doc := demoDocument(t)
	own := doc
	own.Evidence = nil
	for _, e := range doc.Evidence {
		if e.MediaType != "application/pdf" {
			own.Evidence = append(own.Evidence, e)
		}
	}
	for _, c := range []struct {
		doc  pdf.Document
		mode int
	}{{own, model.ValidationStrict}, {doc, model.ValidationRelaxed}} {
		for _, lang := range []pdf.Language{pdf.English, pdf.French, pdf.Bilingual} {
			var b bytes.Buffer
			if _, err := pdf.Render(context.Background(), c.doc, options(t, lang), &b); err != nil {
				t.Fatal(err)
			}
			conf := &model.Configuration{Reader15: true, ValidationMode: c.mode, Limits: model.DefaultResourceLimits()}
			ctx, err := pdfcpu.ReadWithContext(context.Background(), bytes.NewReader(b.Bytes()), conf)
			if err == nil {
				err = validate.XRefTable(ctx)
			}
			if err != nil {
				t.Errorf("%s, validation mode %d: %v", lang, c.mode, err)
			}
		}
	}
}
