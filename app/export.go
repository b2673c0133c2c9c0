package app

import (
	"context"
	"fmt"
	"os"
	"passerelle/fault"
	"path/filepath"
	"strings"

	"passerelle/portfolio"
	"passerelle/submission"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// ExportProgressEvent carries {done, total} while a PDF is being made.
const ExportProgressEvent = "export:progress"

// Export serves the export screen: the PDF portfolio an institution receives.
type Export struct{ s *Session }

// SharedNotes lists the support notes the learner ticked "include in my PLAR submission", so
// the export screen can show exactly what including notes would put in the PDF.
func (x *Export) SharedNotes() ([]portfolio.SupportNote, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]portfolio.SupportNote, error) {
		notes, err := st.SupportNotes(ctx)
		if err != nil {
			return nil, err
		}
		shared := []portfolio.SupportNote{}
		for _, n := range notes {
			if n.IncludeInSubmission {
				shared = append(shared, n)
			}
		}
		return shared, nil
	})
}

// WithDialog asks where to save with the native dialog, then writes the PDF there.
// Cancelling the dialog writes nothing and returns an empty result.
func (x *Export) WithDialog(req submission.Request) (submission.Result, error) {
	name, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (string, error) {
		return submission.FileName(ctx, st, req)
	})
	if err != nil {
		return submission.Result{}, err
	}
	home, _ := os.UserHomeDir()
	path, err := runtime.SaveFileDialog(x.s.ctx, runtime.SaveDialogOptions{
		Title:            x.s.catalog.Text(x.s.lang(), "DialogExportPDF", nil),
		DefaultDirectory: home,
		DefaultFilename:  name,
		Filters:          []runtime.FileFilter{{DisplayName: "PDF (*.pdf)", Pattern: "*.pdf"}},
	})
	if err != nil {
		return submission.Result{}, fmt.Errorf("save dialog: %w", err)
	}
	if path == "" {
		return submission.Result{NotAttached: []string{}, NotReproduced: []string{}}, nil
	}
	if !strings.EqualFold(filepath.Ext(path), ".pdf") {
		path += ".pdf"
	}
	x.s.choose(chosenExport, path)
	return x.ToPath(req, path)
}

// ToPath writes the PDF to path, complete or not at all; in the production window, only to a
// path the learner chose in the save dialog (see allowPath).
func (x *Export) ToPath(req submission.Request, path string) (submission.Result, error) {
	if err := x.s.allowPath(chosenExport, path); err != nil {
		return submission.Result{}, err
	}
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (submission.Result, error) {
		if st.Shared() { // the institution's PDF is the learner's to send
			return submission.Result{}, fault.New(fault.Conflict, "", "ErrCoachCannotExport")
		}
		var progress func(done, total int)
		if emit := x.s.emit; emit != nil {
			progress = func(done, total int) {
				emit(ExportProgressEvent, map[string]int{"done": done, "total": total})
			}
		}
		return submission.Write(ctx, st, x.s.catalog, req, path, submission.Options{Progress: progress, Now: x.s.now})
	})
}
