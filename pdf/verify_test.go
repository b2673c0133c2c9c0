package pdf_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"passerelle/pdf"
)

func TestVerify_IntactPortfolioPasses(t *testing.T) {
	for lang, e := range exportAll(t) {
		rep, err := pdf.Verify(e.path)
		if err != nil || !rep.Intact || rep.DocumentID != e.res.DocumentID {
			t.Fatalf("%s: %+v, %v", lang, rep, err)
		}
		if len(rep.Files) != len(demoDocument(t).Evidence) {
			t.Errorf("%s: checked %d files, want %d", lang, len(rep.Files), len(demoDocument(t).Evidence))
		}
		for _, f := range rep.Files {
			if f.Status != pdf.StatusIntact {
				t.Errorf("%s: %s is %s", lang, f.Name, f.Status)
			}
		}
	}
}

// TestVerify_OneChangedByteNamesTheFile decompresses the PDF with qpdf (so an attachment's
// bytes sit in the file as they are), changes one byte of the validation letter, and expects
// Verify to name that file and only it.
func TestVerify_OneChangedByteNamesTheFile(t *testing.T) {
	needTools(t, "qpdf")
	e := exportAll(t)[pdf.Bilingual]
	qdf := []byte(qdfText(t, e.path))
	letter := []byte("Je confirme que Mme Aminata Kon")
	i := bytes.Index(qdf, letter)
	if i < 0 {
		t.Fatal("the validation letter's bytes are not in the decompressed file")
	}
	qdf[i] = 'j'
	tampered := filepath.Join(t.TempDir(), "tampered.pdf")
	if err := os.WriteFile(tampered, qdf, 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := pdf.Verify(tampered)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Intact {
		t.Fatal("Verify says intact after a byte of an attachment changed")
	}
	for _, f := range rep.Files {
		want := pdf.StatusIntact
		if f.Name == "lettre-attestation-chu.txt" {
			want = pdf.StatusChanged
		}
		if f.Status != want {
			t.Errorf("%s: %s, want %s", f.Name, f.Status, want)
		}
	}
}

func TestVerify_RefusesWhatIsNotAPortfolio(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "letter.pdf")
	notPDF := filepath.Join(dir, "notes.txt")
	os.WriteFile(plain, scannedLetter(1), 0o644)
	os.WriteFile(notPDF, []byte("just some words"), 0o644)
	for path, want := range map[string]error{plain: pdf.ErrNotPortfolioPDF, notPDF: pdf.ErrUnreadablePDF} {
		if _, err := pdf.Verify(path); !errors.Is(err, want) {
			t.Errorf("Verify(%s) = %v, want %v", filepath.Base(path), err, want)
		}
	}
	if _, err := pdf.Verify(filepath.Join(dir, "missing.pdf")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Verify(missing) = %v, want a not-exist error", err)
	}
}
