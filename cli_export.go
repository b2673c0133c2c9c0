package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"passerelle/app"
	"passerelle/pdf"
	"passerelle/plar"
	"passerelle/portfolio"
)

// export writes the PDF portfolio for one target, as the export screen does.
func (c cli) export(ctx context.Context, args []string) int {
	var path, target, lang, out string
	var shared bool
	if !c.flags("export", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
		fs.StringVar(&target, "target", "", "")
		fs.StringVar(&lang, "lang", "bilingual", "")
		fs.StringVar(&out, "out", "", "")
		fs.BoolVar(&shared, "include-shared-notes", false, "")
	}) {
		return 2
	}
	for flagName, v := range map[string]string{"--portfolio": path, "--out": out} {
		if v == "" {
			c.say(c.stderr, "CliMissingFlag", "Command", "export", "Flag", flagName)
			return 2
		}
	}
	if _, err := pdf.ParseLanguage(lang); err != nil {
		c.say(c.stderr, "CliBadArguments", "Command", "export", "Detail", "--lang "+lang)
		return 2
	}
	var opts app.ExportOptions
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		date, err := pdf.SourceDateEpoch(v)
		if err != nil {
			c.say(c.stderr, "CliBadArguments", "Command", "export", "Detail", "SOURCE_DATE_EPOCH="+v)
			return 2
		}
		opts.FixedDate = date
	}
	st, err := portfolio.OpenToRead(ctx, path) // it reads: the window may have it open
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	req := app.ExportRequest{Language: lang, IncludeSharedNotes: shared}
	if target != "" {
		t, err := plar.NewStore(st).TargetByName(ctx, target)
		if err != nil {
			return c.fail(err)
		}
		req.TargetID = t.ID
	} else if targets, err := plar.NewStore(st).Targets(ctx); err == nil && len(targets) == 1 {
		req.TargetID = targets[0].ID
	}
	res, err := app.WritePDF(ctx, st, c.catalog, req, out, opts)
	if err != nil {
		return c.fail(err)
	}
	c.say(c.stdout, "CliExported", "Path", res.Path, "Pages", res.Pages, "DocumentID", res.DocumentID,
		"Attached", res.Attached)
	for _, title := range res.NotAttached {
		c.say(c.stdout, "CliNotAttached", "Title", title)
	}
	return 0
}

// verify recomputes every attachment's SHA-256 against the evidence index inside the PDF.
func (c cli) verify(args []string) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	if !c.parse(fs, args, func(*flag.FlagSet) {}) {
		return 2
	}
	if fs.NArg() != 1 {
		c.say(c.stderr, "CliMissingFlag", "Command", "verify", "Flag", "FILE.pdf")
		return 2
	}
	rep, err := pdf.Verify(fs.Arg(0))
	switch {
	case errors.Is(err, pdf.ErrNotPortfolioPDF):
		c.say(c.stderr, "CliVerifyNotPortfolio", "Path", fs.Arg(0))
		return 1
	case err != nil:
		c.say(c.stderr, "CliVerifyUnreadable", "Path", fs.Arg(0))
		return 1
	}
	status := map[pdf.FileStatus]string{pdf.StatusIntact: "CliVerifyFileIntact", pdf.StatusChanged: "CliVerifyFileChanged",
		pdf.StatusMissing: "CliVerifyFileMissing", pdf.StatusNotAttached: "CliVerifyFileNotAttached",
		pdf.StatusUnexpected: "CliVerifyFileUnexpected"}
	for _, f := range rep.Files {
		fmt.Fprintf(c.stdout, "  E%-3d %s\n", f.Number, c.catalog.Text(c.lang, status[f.Status],
			map[string]any{"Name": f.Name, "Title": f.Title}))
	}
	if !rep.Intact {
		c.say(c.stderr, "CliVerifyFailed", "DocumentID", rep.DocumentID)
		return 1
	}
	c.say(c.stdout, "CliVerifyPassed", "DocumentID", rep.DocumentID, "Count", len(rep.Files))
	return 0
}
