package pdf_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"passerelle/pdf"
)

// The learner exports again while the last PDF is still open in a reader: Windows refuses
// to replace it. The error says the file is in use (not "cannot write there"), the open PDF
// stays as it was, and no temporary file is left beside it.
func TestWriteFile_APDFOpenInAReaderIsInUseAndKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "portfolio de Zoé.pdf")
	os.WriteFile(path, []byte("the export the reader shows"), 0o644)
	reader, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	_, err = pdf.WriteFile(context.Background(), demoDocument(t), options(t, pdf.English), path)
	if !errors.Is(err, pdf.ErrFileInUse) {
		t.Fatalf("got %v, want ErrFileInUse", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "the export the reader shows" {
		t.Fatal("the open PDF changed")
	}
	noLeftovers(t, dir, "portfolio de Zoé.pdf")
}
