package impact

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"time"

	"passerelle/pdf"
)

// PDFPage lays out the report in one language for the pdf package: the same cells as the CSV,
// each suppressed one drawn as text with no bar and no number.
func PDFPage(r Report, lang string, text Translate) pdf.ReportPage {
	hidden := text("ReportSuppressedCell", map[string]any{"Min": MinCell})
	value := func(n int, suppressed bool) string {
		if suppressed {
			return hidden
		}
		return strconv.Itoa(n)
	}
	median := DecimalMonths(r.MedianMonths, lang)
	if r.MedianSuppressed {
		median = hidden
	}
	programs := strings.Join(r.Programs, " · ")
	p := pdf.ReportPage{Lang: lang, Title: text("ReportTitle", nil),
		Subtitle: text("ReportSubtitle", map[string]any{"Programs": programs, "Min": MinCell}),
		Facts: []pdf.ReportFact{{Label: text("ReportLearners", nil), Value: value(r.Learners, r.LearnersSuppressed)},
			{Label: text("ReportMedianMonths", nil), Value: median}},
		Note: text("ReportSuppressionNote", map[string]any{"Min": MinCell, "Count": r.Suppressed})}
	for _, t := range []struct {
		title string
		cells []Cell
	}{{"ReportByType", r.ByType}, {"ReportByMonths", r.ByMonths}, {"ReportByRegion", r.ByRegion},
		{"ReportBySelfId", r.BySelfID}} {
		c := pdf.ReportChart{Title: text(t.title, nil)}
		for _, cell := range t.cells {
			b := pdf.ReportBar{Label: text(cell.LabelID, nil), Count: cell.Count}
			if cell.Suppressed {
				b.Count, b.Hidden = 0, hidden
			}
			c.Bars = append(c.Bars, b)
		}
		p.Charts = append(p.Charts, c)
	}
	return p
}

// WritePDF reports on folder (for program, or all) and writes the PDF, one page set per
// language in langs, to path, whole or not at all. now dates the document.
func WritePDF(ctx context.Context, folder, program string, langs []string, text func(lang string) Translate,
	now time.Time, path string) error {
	r, _, err := FolderReport(ctx, folder, program)
	if err != nil {
		return err
	}
	var pages []pdf.ReportPage
	for _, l := range langs {
		pages = append(pages, PDFPage(r, l, text(l)))
	}
	var b bytes.Buffer
	if err := pdf.RenderReport(ctx, pages, now, &b); err != nil {
		return err
	}
	return writeFile(path, b.Bytes())
}
