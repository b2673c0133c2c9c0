package pdf_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/pdf"
)

func TestRender_EveryEvidenceFileIsAttachedByteIdentical(t *testing.T) {
	needTools(t, "pdfdetach")
	doc := demoDocument(t)
	for lang, e := range exportAll(t) {
		t.Run(string(lang), func(t *testing.T) {
			list := runTool(t, "pdfdetach", "-list", e.path)
			dir := t.TempDir()
			runTool(t, "pdfdetach", "-saveall", "-o", dir, e.path)
			for _, ev := range doc.Evidence {
				if !strings.Contains(list, ": "+ev.OriginalName+"\n") {
					t.Errorf("pdfdetach -list lacks %s:\n%s", ev.OriginalName, list)
					continue
				}
				got, err := os.ReadFile(filepath.Join(dir, ev.OriginalName))
				if err != nil || !bytes.Equal(got, ev.Data) {
					t.Errorf("%s does not extract byte-identical (%d bytes, want %d): %v", ev.OriginalName, len(got), len(ev.Data), err)
				}
			}
			var m pdf.Manifest
			data, err := os.ReadFile(filepath.Join(dir, pdf.ManifestName))
			if err != nil || json.Unmarshal(data, &m) != nil {
				t.Fatalf("no readable evidence index attached: %v", err)
			}
			if m.DocumentID != e.res.DocumentID || len(m.Files) != len(doc.Evidence) {
				t.Errorf("evidence index: document %s with %d files, want %s with %d", m.DocumentID, len(m.Files), e.res.DocumentID, len(doc.Evidence))
			}
		})
	}
}

func TestRender_FilesOverTheBudgetAreListedNotAttached(t *testing.T) {
	needTools(t, "pdfdetach", "pdftotext")
	doc := demoDocument(t)
	opts := options(t, pdf.English)
	opts.MaxAttachmentBytes = 1 << 20 // the two phone photos are about 3 MB each
	path, res := export(t, doc, opts)
	if len(res.NotAttached) != 2 {
		t.Fatalf("not attached: %q, want the two large photos", res.NotAttached)
	}
	list := runTool(t, "pdfdetach", "-list", path)
	for _, name := range []string{"banque-alimentaire.jpg", "certificat-salubrite.jpg"} {
		if strings.Contains(list, name) {
			t.Errorf("%s is attached despite the budget", name)
		}
	}
	if !strings.Contains(strings.Join(strings.Fields(text(t, path)), " "), "not attached: too large for this PDF") {
		t.Error("the evidence index does not say which files are not attached")
	}
	rep, err := pdf.Verify(path)
	if err != nil || !rep.Intact {
		t.Fatalf("Verify: %+v, %v", rep, err)
	}
	notAttached := 0
	for _, f := range rep.Files {
		if f.Status == pdf.StatusNotAttached {
			notAttached++
		}
	}
	if notAttached != 2 {
		t.Errorf("Verify reports %d files not attached, want 2: %+v", notAttached, rep.Files)
	}
}

// TestRender_ReadsOnlyTheOriginalsItNeeds passes Open instead of the bytes, as the app can for
// a portfolio of large photos: the photos over the budget, shown by their display copies,
// are never read; every other file is read once; a read failure is the export's error.
func TestRender_ReadsOnlyTheOriginalsItNeeds(t *testing.T) {
	doc := demoDocument(t)
	opened := map[string]int{}
	lazy := make([]pdf.Evidence, len(doc.Evidence))
	for i, e := range doc.Evidence {
		data := e.Data
		e.Data, e.Size = nil, int64(len(data))
		e.Open = func() ([]byte, error) { opened[e.OriginalName]++; return data, nil }
		lazy[i] = e
	}
	doc.Evidence = lazy
	opts := options(t, pdf.English)
	opts.MaxAttachmentBytes = 1 << 20
	if _, err := pdf.Render(context.Background(), doc, opts, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Evidence {
		want := 1
		if e.OriginalName == "banque-alimentaire.jpg" || e.OriginalName == "certificat-salubrite.jpg" {
			want = 0
		}
		if opened[e.OriginalName] != want {
			t.Errorf("%s read %d times, want %d", e.OriginalName, opened[e.OriginalName], want)
		}
	}
	for i, e := range doc.Evidence {
		if e.OriginalName == "lettre-attestation-chu.txt" {
			doc.Evidence[i].Open = func() ([]byte, error) { return nil, os.ErrPermission }
		}
	}
	if _, err := pdf.Render(context.Background(), doc, opts, io.Discard); !errors.Is(err, os.ErrPermission) ||
		!strings.Contains(err.Error(), "lettre-attestation-chu.txt") {
		t.Errorf("a file that cannot be read gives %v", err)
	}
}
