package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"

	"passerelle/impact"
	"passerelle/portfolio"
)

// outcomesExport writes the anonymous outcome file for one program the learner consented to.
// Without consent (or with it revoked) nothing is written and the status is 1.
func (c cli) outcomesExport(ctx context.Context, args []string) int {
	var path, program, out string
	extra, code, ok := c.parse("outcomes export", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
		fs.StringVar(&program, "program", "", "")
		fs.StringVar(&out, "out", "", "")
	})
	if !ok {
		return code
	}
	if err := firstError(notUnderstood(extra), missing([2]string{"--portfolio", path}, [2]string{"--program", program},
		[2]string{"--out", out})); err != nil {
		return c.usage("outcomes export", err)
	}
	if isDir(out) {
		return c.usage("outcomes export", usageError{"CliOutcomesOutIsFolder", []any{"Flag", "--out", "Path", out, "Example", "outcomes.json"}})
	}
	st, err := portfolio.OpenToRead(ctx, path) // it reads: the window may have it open
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	f, err := impact.Write(ctx, st, program, out, c.Now())
	if err != nil {
		return c.fail(err)
	}
	c.say(c.stdout, "CliOutcomesExported", "Count", len(f.Outcomes), "Program", f.Program, "Path", out)
	return 0
}

// outcomesReport reports on a folder of outcome files: printed, and as CSV, PDF or xAPI files
// when asked. Every group of fewer than impact.MinCell learners is suppressed everywhere.
func (c cli) outcomesReport(ctx context.Context, args []string) int {
	var in, program, csvOut, pdfOut, xapiOut, lang string
	extra, code, ok := c.parse("outcomes report", args, func(fs *flag.FlagSet) {
		fs.StringVar(&in, "in", "", "")
		fs.StringVar(&program, "program", "", "")
		fs.StringVar(&csvOut, "csv", "", "")
		fs.StringVar(&xapiOut, "xapi", "", "")
		fs.StringVar(&pdfOut, "pdf", "", "")
		fs.StringVar(&lang, "lang", c.Lang, "")
	})
	if !ok {
		return code
	}
	if err := firstError(notUnderstood(extra), missing([2]string{"--in", in})); err != nil {
		return c.usage("outcomes report", err)
	}
	pdfLangs := map[string][]string{"en": {"en"}, "fr": {"fr"}, "bilingual": {c.Lang, other(c.Lang)}}[lang]
	if pdfLangs == nil {
		return c.usage("outcomes report", usageError{"CliBadArguments", []any{"Detail", "--lang " + lang}})
	}
	if lang == "bilingual" {
		lang = c.Lang // the printed report and the CSV are in the messages' language
	}
	if !isDir(in) {
		return c.usage("outcomes report", usageError{"CliInNotFolder", []any{"Path", in}})
	}
	for _, o := range []struct{ flag, path, example string }{{"--csv", csvOut, "report.csv"},
		{"--xapi", xapiOut, "statements.json"}, {"--pdf", pdfOut, "report.pdf"}} {
		if o.path != "" && isDir(o.path) {
			return c.usage("outcomes report", usageError{"CliOutcomesOutIsFolder",
				[]any{"Flag", o.flag, "Path", o.path, "Example", o.example}})
		}
	}
	r, _, err := impact.FolderReport(ctx, in, program)
	if err != nil {
		return c.fail(err)
	}
	text := func(id string, args map[string]any) string { return c.Catalog.Text(lang, id, args) }
	c.printReport(r, lang, text)
	if csvOut != "" {
		if err := impact.WriteCSV(ctx, in, program, text, csvOut); err != nil {
			return c.fail(err)
		}
		c.say(c.stdout, "CliReportWritten", "Path", csvOut)
	}
	if pdfOut != "" {
		texts := func(l string) impact.Translate {
			return func(id string, args map[string]any) string { return c.Catalog.Text(l, id, args) }
		}
		if err := impact.WritePDF(ctx, in, program, pdfLangs, texts, c.Now(), pdfOut); err != nil {
			return c.fail(err)
		}
		c.say(c.stdout, "CliReportWritten", "Path", pdfOut)
	}
	if xapiOut != "" {
		names := func(id string) (string, string) {
			return c.Catalog.Text(portfolio.English, id, nil), c.Catalog.Text(portfolio.French, id, nil)
		}
		n, held, err := impact.WriteXAPI(ctx, in, program, names, xapiOut)
		if err != nil {
			return c.fail(err)
		}
		c.say(c.stdout, "CliXAPIWritten", "Count", n, "Path", xapiOut)
		if held.Statements > 0 {
			c.say(c.stdout, "XapiWithheldStatements", "Count", held.Statements, "Min", impact.MinCell)
		}
		if held.Attributes > 0 {
			c.say(c.stdout, "XapiWithheldAttributes", "Count", held.Attributes, "Min", impact.MinCell)
		}
	}
	return 0
}

// printReport prints the report's tables, each suppressed cell as "fewer than 5: not shown".
func (c cli) printReport(r impact.Report, lang string, text impact.Translate) {
	hidden := text("ReportSuppressedCell", map[string]any{"Min": impact.MinCell})
	count := func(n int, suppressed bool) string {
		if suppressed {
			return hidden
		}
		return strconv.Itoa(n)
	}
	line := func(label, value string) {
		fmt.Fprintln(c.stdout, text("CliReportLine", map[string]any{"Label": label, "Value": value}))
	}
	fmt.Fprintln(c.stdout, text("CliReportHeading", map[string]any{"Folder": r.Folder}))
	line(text("ReportLearners", nil), count(r.Learners, r.LearnersSuppressed))
	median := impact.DecimalMonths(r.MedianMonths, lang) // « 3,0 » in French, as in the PDF
	if r.MedianSuppressed {
		median = hidden
	}
	line(text("ReportMedianMonths", nil), median)
	for _, t := range []struct {
		heading string
		cells   []impact.Cell
	}{{"ReportByType", r.ByType}, {"ReportByMonths", r.ByMonths}, {"ReportByRegion", r.ByRegion},
		{"ReportBySelfId", r.BySelfID}} {
		fmt.Fprintln(c.stdout, text(t.heading, nil))
		for _, cell := range t.cells {
			line(text(cell.LabelID, nil), count(cell.Count, cell.Suppressed))
		}
	}
	fmt.Fprintln(c.stdout, text("ReportSuppressionNote", map[string]any{"Min": impact.MinCell, "Count": r.Suppressed}))
	if len(r.Skipped) > 0 {
		c.say(c.stderr, "CliReportSkipped", "Names", c.quoted(r.Skipped))
	}
}

// isDir tells whether path names an existing folder.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// other is the app's other language.
func other(lang string) string {
	if lang == portfolio.French {
		return portfolio.English
	}
	return portfolio.French
}
