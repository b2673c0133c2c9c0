// Package pdftest builds portfolio documents for the pdf package's tests and benchmarks: the
// demo portfolio read back from its file, a large synthetic one, and labels filled from the
// app's locales.
package pdftest

import (
	"context"

	"passerelle/locales"
	"passerelle/pdf"
	"passerelle/portfolio"
)

// Messages returns the raw messages of one language ("en" or "fr") by ID, from the app's locales.
func Messages(lang string) (map[string]string, error) {
	cat, err := locales.New()
	if err != nil {
		return nil, err
	}
	return cat.Messages(lang), nil
}

// Options are export options with both languages' labels filled, for lang.
func Options(lang pdf.Language) (pdf.Options, error) {
	opts := pdf.Options{Language: lang, IncludeSharedNotes: true}
	for _, l := range []struct {
		code string
		dst  *pdf.Labels
	}{{"en", &opts.EN}, {"fr", &opts.FR}} {
		m, err := Messages(l.code)
		if err != nil {
			return opts, err
		}
		*l.dst = pdf.FillLabels(func(id string) string { return m[id] })
	}
	return opts, nil
}

// FromPortfolio reads everything the PDF shows from a portfolio file, as the export screen
// does; claims and the target are left to the caller. Every support note is returned, private
// ones included, so tests can prove the pdf package drops them itself.
func FromPortfolio(ctx context.Context, path string, opts ...portfolio.Option) (pdf.Document, error) {
	st, err := portfolio.Open(ctx, path, opts...)
	if err != nil {
		return pdf.Document{}, err
	}
	defer st.Close()
	var doc pdf.Document
	if doc.Learner, err = st.Learner(ctx); err != nil {
		return doc, err
	}
	if doc.Experiences, err = st.Experiences(ctx); err != nil {
		return doc, err
	}
	if doc.Credentials, err = st.Credentials(ctx); err != nil {
		return doc, err
	}
	if doc.SupportNotes, err = st.SupportNotes(ctx); err != nil {
		return doc, err
	}
	list, err := st.EvidenceList(ctx)
	if err != nil {
		return doc, err
	}
	for _, e := range list {
		data, err := st.EvidenceFile(ctx, e.ID)
		if err != nil {
			return doc, err
		}
		preview, err := st.EvidencePreview(ctx, e.ID)
		if err != nil {
			return doc, err
		}
		doc.Evidence = append(doc.Evidence, pdf.Evidence{Evidence: e, Data: data, Display: preview})
	}
	return doc, nil
}
