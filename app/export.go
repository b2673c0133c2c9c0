package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"time"

	"passerelle/fault"
	"passerelle/locales"
	"passerelle/pdf"
	"passerelle/plar"
	"passerelle/portfolio"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// ExportRequest is what the learner chose on the export screen.
type ExportRequest struct {
	TargetID           int64  `json:"targetId"`
	Language           string `json:"language"`
	IncludeSharedNotes bool   `json:"includeSharedNotes"`
}

// ExportResult tells the learner what was written and what was left out.
type ExportResult struct {
	Path          string   `json:"path"`
	Pages         int      `json:"pages"`
	Size          int64    `json:"size"`
	DocumentID    string   `json:"documentId"`
	Attached      int      `json:"attached"`
	NotAttached   []string `json:"notAttached"`
	NotReproduced []string `json:"notReproduced"`
}

// ExportProgressEvent carries {done, total} while a PDF is being made.
const ExportProgressEvent = "export:progress"

// Export serves the export screen: the PDF portfolio an institution receives.
type Export struct{ s *Session }

// Languages lists the output languages: English, French, or both on every page.
func (x *Export) Languages() []string { return []string{"en", "fr", "bilingual"} }

// SharedNotes lists the support notes the learner ticked for sharing, so the export screen
// can show exactly what "include shared notes" would put in the PDF.
func (x *Export) SharedNotes() ([]portfolio.SupportNote, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]portfolio.SupportNote, error) {
		notes, err := st.SupportNotes(ctx)
		if err != nil {
			return nil, err
		}
		shared := []portfolio.SupportNote{}
		for _, n := range notes {
			if n.ShareWithCoach {
				shared = append(shared, n)
			}
		}
		return shared, nil
	})
}

// WithDialog asks where to save with the native dialog, then writes the PDF there.
// Cancelling the dialog writes nothing and returns an empty result.
func (x *Export) WithDialog(req ExportRequest) (ExportResult, error) {
	name, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (string, error) {
		return suggestedFileName(ctx, st, req)
	})
	if err != nil {
		return ExportResult{}, err
	}
	home, _ := os.UserHomeDir()
	path, err := runtime.SaveFileDialog(x.s.ctx, runtime.SaveDialogOptions{
		Title:            x.s.catalog.Text(x.s.lang(), "DialogExportPDF", nil),
		DefaultDirectory: home,
		DefaultFilename:  name,
		Filters:          []runtime.FileFilter{{DisplayName: "PDF (*.pdf)", Pattern: "*.pdf"}},
	})
	if err != nil {
		return ExportResult{}, fmt.Errorf("save dialog: %w", err)
	}
	if path == "" {
		return ExportResult{NotAttached: []string{}, NotReproduced: []string{}}, nil
	}
	if !strings.EqualFold(filepath.Ext(path), ".pdf") {
		path += ".pdf"
	}
	return x.ToPath(req, path)
}

// ToPath writes the PDF to path: complete, or not at all.
func (x *Export) ToPath(req ExportRequest, path string) (ExportResult, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (ExportResult, error) {
		var progress func(done, total int)
		if emit := x.s.emit; emit != nil {
			progress = func(done, total int) {
				emit(ExportProgressEvent, map[string]int{"done": done, "total": total})
			}
		}
		return WritePDF(ctx, st, x.s.catalog, req, path, ExportOptions{Progress: progress, Now: x.s.now})
	})
}

// ShowInFolder opens the folder that holds an exported file in the system's file manager
// (a local program, never the network), selecting the file where the system can.
func (x *Export) ShowInFolder(path string) error {
	var cmd *exec.Cmd
	switch goruntime.GOOS {
	case "windows":
		cmd = exec.Command("explorer", "/select,", path)
	case "darwin":
		cmd = exec.Command("open", "-R", path)
	default:
		cmd = exec.Command("xdg-open", filepath.Dir(path))
	}
	if err := cmd.Start(); err != nil {
		return fault.New(fault.Unsupported, "", "ErrShowInFolder", "Path", filepath.Dir(path))
	}
	go cmd.Wait()
	return nil
}

// ExportOptions are the knobs the CLI and tests set beyond the learner's choices.
type ExportOptions struct {
	Now       func() time.Time
	FixedDate time.Time
	Progress  func(done, total int)
}

// WritePDF builds the document from the portfolio and writes it; the one export path shared
// by the window and `passerelle export`.
func WritePDF(ctx context.Context, st *portfolio.Store, catalog *locales.Catalog, req ExportRequest,
	path string, o ExportOptions) (ExportResult, error) {
	lang, err := pdf.ParseLanguage(req.Language)
	if err != nil {
		return ExportResult{}, fault.New(fault.Invalid, "language", "ErrUnknownChoice")
	}
	doc, err := BuildDocument(ctx, st, catalog, req)
	if err != nil {
		return ExportResult{}, err
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
		return ExportResult{}, exportError(err, path)
	}
	info, err := os.Stat(path)
	if err != nil {
		return ExportResult{}, fmt.Errorf("export: %w", err)
	}
	if err := st.MarkExported(ctx); err != nil {
		return ExportResult{}, err
	}
	return ExportResult{Path: path, Pages: res.Pages, Size: info.Size(), DocumentID: res.DocumentID,
		Attached: res.Attached, NotAttached: nonNil(res.NotAttached), NotReproduced: nonNil(res.NotReproduced)}, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// exportError says in the learner's terms why the file could not be written.
func exportError(err error, path string) error {
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

// suggestedFileName is a file name an assessor can file: learner, course, language.
func suggestedFileName(ctx context.Context, st *portfolio.Store, req ExportRequest) (string, error) {
	l, err := st.Learner(ctx)
	if err != nil {
		return "", err
	}
	parts := []string{fileSlug(firstNonEmpty(l.LegalName, l.DisplayName, "portfolio"))}
	if req.TargetID != 0 {
		if t, err := plar.NewStore(st).Target(ctx, req.TargetID); err == nil {
			parts = append(parts, fileSlug(firstNonEmpty(t.CourseCode, t.Name)))
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
