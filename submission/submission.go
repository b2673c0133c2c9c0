// Package submission builds the PDF portfolio an institution receives from an open portfolio: it
// gathers the read-only view, fills the labels of both languages from locales/, and writes the
// file complete or not at all. The window (app) and the headless command (cli) share it.
package submission

import (
	"context"
	"errors"
	"fmt"
	"os"
	"passerelle/fault"
	"passerelle/locales"
	"passerelle/pdf"
	"passerelle/plar"
	"passerelle/portfolio"
	"strings"
	"time"
)

// Request is what the learner chose on the export screen.
type Request struct {
	TargetID           int64  `json:"targetId"`
	Language           string `json:"language"`
	IncludeSharedNotes bool   `json:"includeSharedNotes"`
}

// Result tells the learner what was written and what was left out.
type Result struct {
	Path          string   `json:"path"`
	Pages         int      `json:"pages"`
	Size          int64    `json:"size"`
	DocumentID    string   `json:"documentId"`
	Attached      int      `json:"attached"`
	NotAttached   []string `json:"notAttached"`
	NotReproduced []string `json:"notReproduced"`
	// Changed names the evidence whose file no longer matches the SHA-256 recorded when it was
	// added: the PDF says so, `passerelle verify` will flag it, and the learner must know.
	Changed []string `json:"changed"`
}

// Options are the knobs the CLI and tests set beyond the learner's choices.
type Options struct {
	Now       func() time.Time
	FixedDate time.Time
	Progress  func(done, total int)
}

// Write builds the document from the portfolio and writes it; the one export path shared
// by the window and `passerelle export`.
func Write(ctx context.Context, st *portfolio.Store, catalog *locales.Catalog, req Request,
	path string, o Options) (Result, error) {
	lang, err := pdf.ParseLanguage(req.Language)
	if err != nil {
		return Result{}, fault.New(fault.Invalid, "language", "ErrUnknownChoice")
	}
	checks, err := st.VerifyFiles(ctx) // every file against its SHA-256, before it goes out
	if err != nil {
		return Result{}, err
	}
	doc, err := buildDocument(ctx, st, catalog, req, checks)
	if err != nil {
		return Result{}, err
	}
	raw := func(l string) func(string) string {
		m := catalog.Messages(l)
		return func(id string) string { return m[id] }
	}
	opts := pdf.Options{Language: lang, EN: pdf.FillLabels(raw("en")), FR: pdf.FillLabels(raw("fr")),
		FrenchFirst:        req.Language == "bilingual" && doc.Learner.PreferredLanguage == portfolio.French,
		IncludeSharedNotes: req.IncludeSharedNotes, Now: o.Now, FixedDate: o.FixedDate, Progress: o.Progress}
	res, err := pdf.WriteFile(ctx, doc, opts, path)
	if err != nil {
		return Result{}, writeError(err, path)
	}
	info, err := os.Stat(path)
	if err != nil {
		return Result{}, fmt.Errorf("export: %w", err)
	}
	if err := st.RecordExport(ctx, req.TargetID); err != nil { // follow-up prompts count from it
		return Result{}, err
	}
	changed := []string{}
	for _, e := range doc.Evidence {
		if c, ok := checks[e.SHA256]; ok && !c.Intact {
			changed = append(changed, e.AnyTitle())
		}
	}
	return Result{Path: path, Pages: res.Pages, Size: info.Size(), DocumentID: res.DocumentID, Changed: changed,
		Attached: res.Attached, NotAttached: nonNil(res.NotAttached), NotReproduced: nonNil(res.NotReproduced)}, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// writeError says in the learner's terms why the file could not be written.
func writeError(err error, path string) error {
	switch {
	case errors.Is(err, pdf.ErrDiskFull):
		return fault.New(fault.DiskFull, "", "ErrExportDiskFull")
	case errors.Is(err, pdf.ErrFileInUse):
		return fault.New(fault.Locked, "", "ErrExportFileInUse", "Path", path)
	case errors.Is(err, pdf.ErrCannotWrite):
		return fault.New(fault.Unsupported, "", "ErrExportCannotWrite", "Path", path)
	}
	return fmt.Errorf("export: %w", err)
}

// FileName is a file name an assessor can file: learner, course, language.
func FileName(ctx context.Context, st *portfolio.Store, req Request) (string, error) {
	l, err := st.Learner(ctx)
	if err != nil {
		return "", err
	}
	parts := []string{portfolio.FileSlug(firstNonEmpty(l.LegalName, l.DisplayName, "portfolio"))}
	if req.TargetID != 0 {
		if t, err := plar.NewStore(st).Target(ctx, req.TargetID); err == nil {
			parts = append(parts, portfolio.FileSlug(firstNonEmpty(t.CourseCode, t.Name)))
		}
	}
	parts = append(parts, req.Language)
	return strings.Join(parts, "-") + ".pdf", nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
