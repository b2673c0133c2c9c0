package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"passerelle/pdf"
	"passerelle/plar"
	"passerelle/portfolio"
)

func TestRender_NoTargetStillGivesAClearPortfolio(t *testing.T) {
	needTools(t, "pdftotext")
	doc := demoDocument(t)
	doc.Target, doc.Claims = nil, nil
	path, _ := export(t, doc, options(t, pdf.English))
	if got := strings.Join(strings.Fields(text(t, path)), " "); !strings.Contains(got, "No target program has been chosen yet") {
		t.Error("a portfolio without a target does not say so")
	}
}

func TestRender_DamagedAndOversizedEvidenceGetMarkedPages(t *testing.T) {
	needTools(t, "pdftotext")
	e := exportAll(t)[pdf.English]
	got := strings.Join(strings.Fields(e.text), " ")
	for _, want := range []string{"This image could not be read: the file may be damaged.",
		"This PDF has 300 pages, more than the 25 a portfolio reproduces",
		"A file of this kind (application/vnd.oasis.opendocument.text) cannot be shown on a page.",
		"No evidence is linked to this claim yet.", "Letter of validation - page 2 of 2"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in the PDF", want)
		}
	}
	if len(e.res.NotReproduced) != 3 {
		t.Errorf("not reproduced: %q, want the damaged photo, the 300-page PDF and the .odt", e.res.NotReproduced)
	}
}

func TestRender_HostileTextNeverPanics(t *testing.T) {
	doc := pdf.Document{Learner: portfolio.Learner{LegalName: "Zoë 👩🏽‍🔬 O\u0301\u0000\x01 \xff\xfe Nǫ́ 𝕏 \u200d\ufe0f"}}
	long := strings.Repeat("W", 5000) + " " + strings.Repeat("ᐊᐅ🙂", 800)
	doc.Target = &plar.Target{Institution: long, Outcomes: []plar.Outcome{{ID: 1, Code: "😀", TextEN: long}}}
	doc.Claims = []pdf.Claim{{Claim: plar.Claim{OutcomeID: 1, Rating: 9, NarrativeEN: long + "\r\n\t\u2028" + long}}}
	doc.Experiences = []portfolio.Experience{{ID: 1, TitleEN: "\U0001F3F3\uFE0F\u200D\U0001F308", Skills: []string{long}}}
	doc.Evidence = []pdf.Evidence{{Evidence: portfolio.Evidence{ID: 1, OriginalName: "../../etc/pass🙂wd", MediaType: "image/png",
		TitleFR: long}, Data: []byte("\x89PNG not really"), Display: []byte{0xFF, 0xD8, 0xFF}}}
	for _, lang := range []pdf.Language{pdf.English, pdf.French, pdf.Bilingual} {
		if _, err := pdf.Render(context.Background(), doc, options(t, lang), io.Discard); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
	}
}

func TestRender_RefusesAnUnknownLanguage(t *testing.T) {
	opts := options(t, "de")
	if _, err := pdf.Render(context.Background(), pdf.Document{}, opts, io.Discard); !errors.Is(err, pdf.ErrBadLanguage) {
		t.Errorf("got %v, want ErrBadLanguage", err)
	}
}

func TestRender_RefusesLabelsLeftEmpty(t *testing.T) {
	opts := options(t, pdf.Bilingual)
	opts.FR = pdf.Labels{}
	if _, err := pdf.Render(context.Background(), pdf.Document{}, opts, io.Discard); !errors.Is(err, pdf.ErrNoLabels) {
		t.Errorf("got %v, want ErrNoLabels", err)
	}
}

func TestRender_ReportsProgressUpToTheTotal(t *testing.T) {
	opts := options(t, pdf.English)
	var last, total int
	opts.Progress = func(done, of int) { last, total = done, of }
	if _, err := pdf.Render(context.Background(), demoDocument(t), opts, io.Discard); err != nil {
		t.Fatal(err)
	}
	if last == 0 || last != total {
		t.Errorf("progress ended at %d of %d", last, total)
	}
}

func TestRender_SameContentAndDateGiveTheSameDocumentID(t *testing.T) {
	doc := demoDocument(t)
	ids := map[pdf.Language]string{}
	for _, lang := range []pdf.Language{pdf.English, pdf.English, pdf.French} {
		res, err := pdf.Render(context.Background(), doc, options(t, lang), io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if prev, ok := ids[lang]; ok && prev != res.DocumentID {
			t.Errorf("%s: document ID %s then %s for the same content", lang, prev, res.DocumentID)
		}
		ids[lang] = res.DocumentID
	}
	if ids[pdf.English] == ids[pdf.French] {
		t.Error("the English and French PDFs share a document ID")
	}
}

// noLeftovers fails if dir holds anything but the names given.
func noLeftovers(t *testing.T, dir string, allowed ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.Contains(strings.Join(allowed, "\n"), e.Name()) {
			t.Errorf("%s left behind in %s", e.Name(), dir)
		}
	}
}

func TestWriteFile_UnwritablePathIsATypedErrorAndLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	doc := demoDocument(t)
	for name, path := range map[string]string{"missing folder": filepath.Join(dir, "no", "such", "out.pdf"),
		"path is a folder": dir} {
		_, err := pdf.WriteFile(context.Background(), doc, options(t, pdf.English), path)
		var we *pdf.WriteError
		if !errors.As(err, &we) || !errors.Is(err, pdf.ErrCannotWrite) {
			t.Errorf("%s: got %v, want a *WriteError with ErrCannotWrite", name, err)
		}
	}
	noLeftovers(t, dir)
}

func TestWriteFile_CancelledExportLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := pdf.WriteFile(ctx, demoDocument(t), options(t, pdf.English), filepath.Join(dir, "out.pdf"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	noLeftovers(t, dir)
}

func TestWriteFile_ReplacesAnOlderExportWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	os.WriteFile(path, []byte("an older export"), 0o644)
	if _, err := pdf.WriteFile(context.Background(), demoDocument(t), options(t, pdf.French), path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !bytes.HasPrefix(data, []byte("%PDF-1.7")) || !bytes.Contains(data[len(data)-32:], []byte("%%EOF")) {
		t.Error("the new export is not a whole PDF")
	}
	noLeftovers(t, dir, "out.pdf")
}

func TestRender_AFullDiskIsReportedAsSuch(t *testing.T) {
	full := &failingWriter{err: &os.PathError{Op: "write", Path: "out.pdf", Err: syscall.ENOSPC}}
	_, err := pdf.Render(context.Background(), demoDocument(t), options(t, pdf.English), full)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("got %v, want the ENOSPC from the writer", err)
	}
}

type failingWriter struct{ err error }

func (f *failingWriter) Write([]byte) (int, error) { return 0, f.err }
