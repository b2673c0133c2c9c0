package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"passerelle/fault"
	"passerelle/pdf"
	"passerelle/plar"
	"passerelle/portfolio"
	"passerelle/submission"
)

// export writes the PDF portfolio for one target, as the export screen does.
func (c cli) export(ctx context.Context, args []string) int {
	var path, target, lang, out string
	var shared bool
	extra, code, ok := c.parse("export", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
		fs.StringVar(&target, "target", "", "")
		fs.StringVar(&lang, "lang", "bilingual", "")
		fs.StringVar(&out, "out", "", "")
		fs.BoolVar(&shared, "include-shared-notes", false, "")
	})
	if !ok {
		return code
	}
	if err := firstError(notUnderstood(extra), missing([2]string{"--portfolio", path}, [2]string{"--out", out})); err != nil {
		return c.usage("export", err)
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return c.usage("export", usageError{"CliOutIsFolder", []any{"Path", out}})
	}
	if _, err := pdf.ParseLanguage(lang); err != nil {
		return c.usage("export", usageError{"CliBadArguments", []any{"Detail", "--lang " + lang}})
	}
	opts := submission.Options{Now: c.Now}
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		date, err := pdf.SourceDateEpoch(v)
		if err != nil {
			return c.usage("export", usageError{"CliBadArguments", []any{"Detail", "SOURCE_DATE_EPOCH=" + v}})
		}
		opts.FixedDate = date
	}
	st, err := portfolio.OpenToRead(ctx, path) // it reads: the window may have it open
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	req := submission.Request{Language: lang, IncludeSharedNotes: shared}
	targets, err := plar.NewStore(st).Targets(ctx)
	if err != nil {
		return c.fail(err)
	}
	switch {
	case target != "":
		t, err := plar.NewStore(st).TargetByName(ctx, target)
		if fault.CodeOf(err) == fault.NotFound {
			return c.usage("export", c.noSuchTarget(target, targets))
		}
		if err != nil {
			return c.fail(err)
		}
		req.TargetID = t.ID
	case len(targets) == 1:
		req.TargetID = targets[0].ID
	case len(targets) > 1:
		return c.usage("export", usageError{"CliChooseTarget", []any{"Count", len(targets), "Targets", c.quoted(targetNames(targets))}})
	}
	res, err := submission.Write(ctx, st, c.Catalog, req, out, opts)
	if err != nil {
		return c.fail(err)
	}
	c.say(c.stdout, "CliExported", "Path", res.Path, "Pages", res.Pages, "DocumentID", res.DocumentID,
		"Attached", res.Attached)
	for _, title := range res.NotAttached {
		c.say(c.stdout, "CliNotAttached", "Title", title)
	}
	for _, title := range res.Changed {
		c.say(c.stderr, "CliExportFileChanged", "Title", title)
	}
	if len(res.Changed) > 0 {
		return 1 // the PDF is written, but it carries a file that fails its own check
	}
	return 0
}

// verify recomputes every attachment's SHA-256 against the evidence index inside the PDF.
func (c cli) verify(_ context.Context, args []string) int {
	files, code, ok := c.parse("verify", args, func(*flag.FlagSet) {})
	if !ok {
		return code
	}
	file := ""
	if len(files) > 0 {
		file, files = files[0], files[1:]
	}
	if err := firstError(notUnderstood(files), missing([2]string{"FILE.pdf", file})); err != nil {
		return c.usage("verify", err)
	}
	if _, err := os.Stat(file); err != nil {
		c.say(c.stderr, "CliFileNotFound", "Path", file)
		return 1
	}
	rep, err := pdf.Verify(file)
	switch {
	case errors.Is(err, pdf.ErrNotPortfolioPDF):
		c.say(c.stderr, "CliVerifyNotPortfolio", "Path", file)
		return 1
	case err != nil:
		c.say(c.stderr, "CliVerifyUnreadable", "Path", file)
		return 1
	}
	status := map[pdf.FileStatus]string{pdf.StatusIntact: "CliVerifyFileIntact", pdf.StatusChanged: "CliVerifyFileChanged",
		pdf.StatusMissing: "CliVerifyFileMissing", pdf.StatusNotAttached: "CliVerifyFileNotAttached",
		pdf.StatusUnexpected: "CliVerifyFileUnexpected"}
	for _, f := range rep.Files {
		fmt.Fprintf(c.stdout, "  E%-3d %s\n", f.Number, c.Catalog.Text(c.Lang, status[f.Status],
			map[string]any{"Name": f.Name, "Title": f.Title}))
	}
	if !rep.Intact {
		c.say(c.stderr, "CliVerifyFailed", "DocumentID", rep.DocumentID)
		return 1
	}
	c.say(c.stdout, "CliVerifyPassed", "DocumentID", rep.DocumentID, "Count", len(rep.Files))
	return 0
}

// targetNames lists the names the learner gave their targets.
func targetNames(targets []plar.Target) []string {
	names := make([]string, len(targets))
	for i, t := range targets {
		names[i] = t.Name
	}
	return names
}

// noSuchTarget names the target that is not there and the ones that are, so the learner can
// copy the right name.
func (c cli) noSuchTarget(name string, targets []plar.Target) error {
	if len(targets) == 0 {
		return usageError{"CliNoSuchTargetNone", []any{"Target", name}}
	}
	return usageError{"CliNoSuchTarget", []any{"Target", name, "Targets", c.quoted(targetNames(targets))}}
}
