package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"passerelle/fault"
	"passerelle/impact"
	"passerelle/portfolio"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// What a path chosen in a native dialog was chosen for, on the "what happened next" screens.
const (
	chosenOutcomesFile = "outcomes-file" // an anonymous outcome file to write
	chosenReportFolder = "report-folder" // a folder of outcome files to report on
	chosenReportOut    = "report-out"    // a report (CSV, PDF or xAPI) to write
)

// Outcomes serves "What happened next": PLAR decisions, later outcomes, follow-up prompts,
// consent per program, the anonymous outcome file and the program report.
type Outcomes struct{ s *Session }

// Decisions lists the PLAR decisions, most recent first.
func (x *Outcomes) Decisions() ([]portfolio.PLARDecision, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]portfolio.PLARDecision, error) {
		return st.PLARDecisions(ctx)
	})
}

// SaveDecision creates (id 0) or updates a PLAR decision.
func (x *Outcomes) SaveDecision(d portfolio.PLARDecision) (portfolio.PLARDecision, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.PLARDecision, error) {
		return st.SavePLARDecision(ctx, d)
	})
}

// DeleteDecision removes a PLAR decision.
func (x *Outcomes) DeleteDecision(id int64) error {
	_, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (struct{}, error) {
		return struct{}{}, st.DeletePLARDecision(ctx, id)
	})
	return err
}

// Later lists what happened after a credential or a submission, most recent first.
func (x *Outcomes) Later() ([]portfolio.LaterOutcome, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]portfolio.LaterOutcome, error) {
		return st.LaterOutcomes(ctx)
	})
}

// SaveLater creates (id 0) or updates a later outcome; with a prompt key, it answers that prompt.
func (x *Outcomes) SaveLater(o portfolio.LaterOutcome) (portfolio.LaterOutcome, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.LaterOutcome, error) {
		return st.SaveLaterOutcome(ctx, o)
	})
}

// DeleteLater removes a later outcome.
func (x *Outcomes) DeleteLater(id int64) error {
	_, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (struct{}, error) {
		return struct{}{}, st.DeleteLaterOutcome(ctx, id)
	})
	return err
}

// Prompts lists the follow-up prompts due now.
func (x *Outcomes) Prompts() ([]portfolio.FollowUp, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]portfolio.FollowUp, error) {
		return st.FollowUps(ctx)
	})
}

// DismissPrompt hides a follow-up prompt for good.
func (x *Outcomes) DismissPrompt(key string) error {
	_, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (struct{}, error) {
		return struct{}{}, st.DismissFollowUp(ctx, key)
	})
	return err
}

// Programs lists the programs the learner gave consent to, on or off.
func (x *Outcomes) Programs() ([]portfolio.Consent, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]portfolio.Consent, error) {
		return st.Consents(ctx)
	})
}

// GiveConsent turns sharing on for a program, with the region and items in c.
func (x *Outcomes) GiveConsent(c portfolio.Consent) (portfolio.Consent, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.Consent, error) {
		return st.GiveConsent(ctx, c)
	})
}

// RevokeConsent turns sharing off for a program; what was already exported stays with it.
func (x *Outcomes) RevokeConsent(program string) (portfolio.Consent, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.Consent, error) {
		return st.RevokeConsent(ctx, program)
	})
}

// PreviewExport is exactly the text the outcome file for program would hold now.
func (x *Outcomes) PreviewExport(program string) (string, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (string, error) {
		return impact.Preview(ctx, st, program, x.s.now())
	})
}

// PreviewConsent is the text the outcome file would hold with the choices in c, before sharing
// is turned on: nothing is stored; the pseudonym is "" until the program has one.
func (x *Outcomes) PreviewConsent(c portfolio.Consent) (string, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (string, error) {
		f, err := impact.Draft(ctx, st, c, x.s.now())
		if err != nil {
			return "", err
		}
		return string(f.Encode()), nil
	})
}

// ExportWithDialog asks where to save the outcome file for program, then writes it; it
// returns the path, or "" when the dialog was cancelled (nothing written). Without consent it
// refuses before asking.
func (x *Outcomes) ExportWithDialog(program string) (string, error) {
	if _, err := x.PreviewExport(program); err != nil {
		return "", err
	}
	home, _ := os.UserHomeDir()
	path, err := runtime.SaveFileDialog(x.s.ctx, runtime.SaveDialogOptions{
		Title:            x.s.catalog.Text(x.s.lang(), "DialogExportOutcomes", nil),
		DefaultDirectory: home,
		DefaultFilename:  impact.FileName(program, x.s.now()),
		Filters:          []runtime.FileFilter{{DisplayName: "JSON (*.json)", Pattern: "*.json"}},
	})
	if err != nil {
		return "", fmt.Errorf("save dialog: %w", err)
	}
	if path == "" {
		return "", nil
	}
	path = withExt(path, ".json")
	x.s.choose(chosenOutcomesFile, path)
	return path, x.ExportToPath(program, path)
}

// ExportToPath writes the outcome file for program to path (in the production window, only a
// path chosen in the save dialog).
func (x *Outcomes) ExportToPath(program, path string) error {
	if err := x.s.allowPath(chosenOutcomesFile, path); err != nil {
		return err
	}
	_, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (impact.File, error) {
		return impact.Write(ctx, st, program, path, x.s.now())
	})
	return err
}

// ReportWithDialog asks for a folder of outcome files and reports on it; a cancelled dialog
// returns an empty report (Folder "").
func (x *Outcomes) ReportWithDialog() (impact.Report, error) {
	dir, err := runtime.OpenDirectoryDialog(x.s.ctx, runtime.OpenDialogOptions{
		Title: x.s.catalog.Text(x.s.lang(), "DialogReportFolder", nil),
	})
	if err != nil {
		return impact.Report{}, fmt.Errorf("folder dialog: %w", err)
	}
	if dir == "" {
		return impact.Report{}, nil
	}
	x.s.choose(chosenReportFolder, dir)
	return x.ReportFromFolder(dir)
}

// ReportFromFolder reports on a folder of outcome files (in the production window, only one
// chosen in the folder dialog). No portfolio needs to be open: a coach may run it.
func (x *Outcomes) ReportFromFolder(folder string) (impact.Report, error) {
	if err := x.s.allowPath(chosenReportFolder, folder); err != nil {
		return impact.Report{}, err
	}
	r, _, err := impact.FolderReport(x.s.ctx, folder, "")
	return r, err
}

// SaveReportCSV asks where to save the report on folder as CSV, then writes it; "" if cancelled.
func (x *Outcomes) SaveReportCSV(folder string) (string, error) {
	return x.saveReport(folder, "csv")
}

// SaveReportCSVToPath writes the report on folder as CSV, in the UI's language, to path.
func (x *Outcomes) SaveReportCSVToPath(folder, path string) error {
	return x.writeReport(folder, "csv", path)
}

// SaveReportPDF asks where to save the report on folder as a PDF (both languages, the UI's
// first), then writes it; "" if cancelled.
func (x *Outcomes) SaveReportPDF(folder string) (string, error) {
	return x.saveReport(folder, "pdf")
}

// SaveReportPDFToPath writes the report on folder as a PDF to path.
func (x *Outcomes) SaveReportPDFToPath(folder, path string) error {
	return x.writeReport(folder, "pdf", path)
}

// SaveReportXAPI asks where to save the pooled xAPI statements of folder, then writes them; ""
// if cancelled. Fewer than impact.MinCell learners are refused.
func (x *Outcomes) SaveReportXAPI(folder string) (string, error) {
	return x.saveReport(folder, "xapi")
}

// SaveReportXAPIToPath writes the pooled xAPI statements of folder to path.
func (x *Outcomes) SaveReportXAPIToPath(folder, path string) error {
	return x.writeReport(folder, "xapi", path)
}

// saveReport asks for the file to write the report on folder to, in one format.
func (x *Outcomes) saveReport(folder, format string) (string, error) {
	if err := x.s.allowPath(chosenReportFolder, folder); err != nil {
		return "", err
	}
	name := impact.ReportFileName(folder, format)
	path, err := runtime.SaveFileDialog(x.s.ctx, runtime.SaveDialogOptions{
		Title:            x.s.catalog.Text(x.s.lang(), "DialogSaveReport", nil),
		DefaultDirectory: folder,
		DefaultFilename:  name,
		Filters: []runtime.FileFilter{{DisplayName: strings.ToUpper(format) + " (*" + filepath.Ext(name) + ")",
			Pattern: "*" + filepath.Ext(name)}},
	})
	if err != nil {
		return "", fmt.Errorf("save dialog: %w", err)
	}
	if path == "" {
		return "", nil
	}
	path = withExt(path, filepath.Ext(name))
	x.s.choose(chosenReportOut, path)
	return path, x.writeReport(folder, format, path)
}

// writeReport writes the report on folder in one format to path.
func (x *Outcomes) writeReport(folder, format, path string) error {
	if err := x.s.allowPath(chosenReportFolder, folder); err != nil {
		return err
	}
	if err := x.s.allowPath(chosenReportOut, path); err != nil {
		return err
	}
	lang := x.s.lang()
	text := func(id string, args map[string]any) string { return x.s.catalog.Text(lang, id, args) }
	switch format {
	case "csv":
		return impact.WriteCSV(x.s.ctx, folder, "", text, path)
	case "pdf":
		langs := []string{portfolio.English, portfolio.French}
		if lang == portfolio.French {
			langs = []string{portfolio.French, portfolio.English}
		}
		texts := func(l string) impact.Translate {
			return func(id string, args map[string]any) string { return x.s.catalog.Text(l, id, args) }
		}
		return impact.WritePDF(x.s.ctx, folder, "", langs, texts, x.s.now(), path)
	case "xapi":
		names := func(id string) (string, string) {
			return x.s.catalog.Text(portfolio.English, id, nil), x.s.catalog.Text(portfolio.French, id, nil)
		}
		_, _, err := impact.WriteXAPI(x.s.ctx, folder, "", names, path) // the report already says what is withheld
		return err
	}
	return fault.New(fault.Invalid, "format", "ErrUnknownChoice")
}

// withExt adds ext to a path chosen in a dialog that does not already end with it.
func withExt(path, ext string) string {
	if strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	return path + ext
}
