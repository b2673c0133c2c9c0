package impact

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
)

// Translate gives a locale message in the report's language, filled with args.
type Translate func(id string, args map[string]any) string

// CSV is the report as a spreadsheet: one row per cell (table, group, label, learners, note),
// a suppressed cell with no number and the note that says why; UTF-8 with a byte-order mark so
// spreadsheet programs read the accents.
func CSV(r Report, text Translate) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	hidden := text("ReportSuppressedCell", map[string]any{"Min": MinCell})
	w.Write([]string{text("ReportCsvTable", nil), text("ReportCsvGroup", nil), text("ReportCsvLabel", nil),
		text("ReportCsvLearners", nil), text("ReportCsvNote", nil)})
	count := func(n int, suppressed bool) (string, string) {
		if suppressed {
			return "", hidden
		}
		return strconv.Itoa(n), ""
	}
	n, note := count(r.Learners, r.LearnersSuppressed)
	w.Write([]string{"summary", "learners", text("ReportLearners", nil), n, note})
	median := strconv.FormatFloat(r.MedianMonths, 'f', 1, 64)
	note = ""
	if r.MedianSuppressed {
		median, note = "", hidden
	}
	w.Write([]string{"summary", "medianMonthsToFirstOutcome", text("ReportMedianMonths", nil), median, note})
	for _, t := range []struct {
		name  string
		cells []Cell
	}{{"byType", r.ByType}, {"byMonthsAfterCredential", r.ByMonths}, {"byRegion", r.ByRegion},
		{"bySelfIdentification", r.BySelfID}} {
		for _, c := range t.cells {
			n, note := count(c.Count, c.Suppressed)
			w.Write([]string{t.name, c.Key, text(c.LabelID, nil), n, note})
		}
	}
	w.Write([]string{"note", "suppression", "", "", text("ReportSuppressionNote", map[string]any{"Min": MinCell,
		"Count": r.Suppressed})})
	w.Flush()
	return b.Bytes()
}

// WriteCSV reports on folder (for program, or all) and writes the CSV to path, whole or not at all.
func WriteCSV(ctx context.Context, folder, program string, text Translate, path string) error {
	r, _, err := FolderReport(ctx, folder, program)
	if err != nil {
		return err
	}
	return writeFile(path, CSV(r, text))
}
