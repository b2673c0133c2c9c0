package main

import (
	"context"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"passerelle/demo"
	"passerelle/media"
	"passerelle/pdf"
	"passerelle/pdf/pdftest"
)

// Sizes of the large portfolio, as the issue sets them.
const (
	largeExperiences = 200
	largeOutcomes    = 60
	largePhotos      = 80
	photoW, photoH   = 4000, 3000 // 12 MP
	demoOutcomes     = 6
)

// demoDocument is the demo portfolio read back from its file, with a target of six claims.
func demoDocument(ctx context.Context, work string) (pdf.Document, error) {
	path := filepath.Join(work, "demo.passerelle")
	os.Remove(path)
	now := func() time.Time { return time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC) }
	if err := demo.Write(ctx, path, now); err != nil {
		return pdf.Document{}, fmt.Errorf("write demo: %w", err)
	}
	doc, err := pdftest.FromPortfolio(ctx, path)
	if err != nil {
		return doc, fmt.Errorf("read demo: %w", err)
	}
	pdftest.AddTarget(&doc, demoOutcomes)
	return doc, nil
}

// largeDocument is the large portfolio. Its 12 MP photos and their display copies are made
// once (and kept in work/photos for the next run), outside anything timed, as the app makes
// display copies when evidence is added.
func largeDocument(work string) (pdf.Document, error) {
	dir := filepath.Join(work, "photos")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return pdf.Document{}, err
	}
	originals := make([][]byte, largePhotos)
	displays := make([][]byte, largePhotos)
	errs := make([]error, largePhotos)
	var wg sync.WaitGroup
	jobs := make(chan int)
	for range 2 { // the machine has two cores, shared
		wg.Go(func() {
			for i := range jobs {
				originals[i], displays[i], errs[i] = photo(dir, i)
			}
		})
	}
	for i := range largePhotos {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return pdf.Document{}, err
		}
	}
	return pdftest.Large(pdftest.Spec{Experiences: largeExperiences, Outcomes: largeOutcomes, Photos: largePhotos,
		Photo: func(i int) ([]byte, []byte) { return originals[i], displays[i] }}), nil
}

// withPrintCopies is doc with every display copy replaced by the print copy the app makes
// when evidence is added (media.PrintCopy), made and cached outside anything timed.
func withPrintCopies(doc pdf.Document, work string) (pdf.Document, error) {
	out := doc
	out.Evidence = slices.Clone(doc.Evidence)
	for i := range out.Evidence {
		path := filepath.Join(work, "photos", fmt.Sprintf("%03d.print.jpg", i+1))
		data, err := os.ReadFile(path)
		if err != nil {
			if data, _, _, err = media.PrintCopy(out.Evidence[i].Display); err != nil {
				return doc, err
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				return doc, err
			}
		}
		out.Evidence[i].Display = data
	}
	return out, nil
}

// photo returns photo i and its display copy, from the cache or made now.
func photo(dir string, i int) ([]byte, []byte, error) {
	orig := filepath.Join(dir, fmt.Sprintf("%03d.jpg", i+1))
	disp := filepath.Join(dir, fmt.Sprintf("%03d.display.jpg", i+1))
	o, err1 := os.ReadFile(orig)
	d, err2 := os.ReadFile(disp)
	if err1 == nil && err2 == nil {
		return o, d, nil
	}
	o = media.SamplePhoto(int64(1000+i), photoW, photoH, 1)
	d, _, _, err := media.DisplayCopy(o)
	if err != nil {
		return nil, nil, fmt.Errorf("display copy of photo %d: %w", i+1, err)
	}
	if err := os.WriteFile(orig, o, 0o644); err != nil {
		return nil, nil, err
	}
	return o, d, os.WriteFile(disp, d, 0o644)
}

// saved is a document as the child processes read it: the large portfolios' photos are not
// inside but named by path, and the child reads them through Evidence.Open as the app reads
// originals from the portfolio file, only when the export needs them.
type saved struct {
	Doc       pdf.Document
	Originals map[int64]string // evidence ID → file
}

// save writes a document for the child processes that time the export.
func save(doc pdf.Document, work, path string) error {
	s := saved{Doc: doc, Originals: map[int64]string{}}
	s.Doc.Evidence = slices.Clone(doc.Evidence)
	for i, e := range s.Doc.Evidence {
		file := filepath.Join(work, "photos", strings.TrimPrefix(e.OriginalName, "photo-"))
		if _, err := os.Stat(file); err == nil && strings.HasPrefix(e.OriginalName, "photo-") {
			s.Originals[e.ID] = file
			s.Doc.Evidence[i].Data = nil
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(f).Encode(s); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", path, err)
	}
	return f.Close()
}

func load(path string) (pdf.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return pdf.Document{}, err
	}
	defer f.Close()
	var s saved
	if err := gob.NewDecoder(f).Decode(&s); err != nil {
		return s.Doc, fmt.Errorf("decode %s: %w", path, err)
	}
	for i, e := range s.Doc.Evidence {
		if file, ok := s.Originals[e.ID]; ok {
			s.Doc.Evidence[i].Open = func() ([]byte, error) { return os.ReadFile(file) }
		}
	}
	return s.Doc, nil
}
