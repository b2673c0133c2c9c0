package cli

import (
	"context"
	"flag"
	"fmt"

	"passerelle/demo"
	"passerelle/fault"
	"passerelle/portfolio"
)

// demo writes a realistic demo portfolio, for trying the app and for tests.
func (c cli) demo(ctx context.Context, args []string) int {
	var out string
	extra, code, ok := c.parse("demo", args, func(fs *flag.FlagSet) { fs.StringVar(&out, "out", "", "") })
	if !ok {
		return code
	}
	if err := firstError(notUnderstood(extra), missing([2]string{"--out", out})); err != nil {
		return c.usage("demo", err)
	}
	if err := demo.Write(ctx, out, c.Now); err != nil {
		if e, ok := fault.As(err); ok && e.MessageID == "ErrPortfolioExists" {
			c.say(c.stderr, "CliFileExists", "Path", out) // a file named on the command line, not a name
			return 1
		}
		return c.fail(err)
	}
	c.say(c.stdout, "CliDemoWritten", "Path", out)
	return 0
}

// check runs SQLite's integrity check and recomputes every evidence file's SHA-256.
func (c cli) check(ctx context.Context, args []string) int {
	var path string
	extra, code, ok := c.parse("check", args, func(fs *flag.FlagSet) { fs.StringVar(&path, "portfolio", "", "") })
	if !ok {
		return code
	}
	if err := firstError(notUnderstood(extra), missing([2]string{"--portfolio", path})); err != nil {
		return c.usage("check", err)
	}
	st, err := portfolio.OpenToRead(ctx, path) // it reads: the window may have it open
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	problems, err := st.Check(ctx)
	if err != nil {
		return c.fail(err)
	}
	for _, p := range problems {
		fmt.Fprintln(c.stderr, c.Catalog.Text(c.Lang, p.MessageID, p.Args))
	}
	if len(problems) > 0 {
		c.say(c.stderr, "CliCheckFailed", "Count", len(problems))
		return 1
	}
	c.say(c.stdout, "CliCheckPassed", "Path", path)
	return 0
}

// backup writes a checked backup of a portfolio into a folder (a USB stick, a shared drive).
func (c cli) backup(ctx context.Context, args []string) int {
	var path, out string
	extra, code, ok := c.parse("backup", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
		fs.StringVar(&out, "out", "", "")
	})
	if !ok {
		return code
	}
	if err := firstError(notUnderstood(extra), missing([2]string{"--portfolio", path}, [2]string{"--out", out})); err != nil {
		return c.usage("backup", err)
	}
	st, err := portfolio.OpenToRead(ctx, path) // it reads: the window may have it open
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	b, err := st.BackupInto(ctx, out, portfolio.BackupManual)
	if err != nil {
		return c.fail(err)
	}
	c.say(c.stdout, "CliBackupWritten", "Path", b.Path)
	return 0
}

// restore puts a checked backup in place of a portfolio file, keeping the file it replaces
// among the portfolio's snapshots in the data folder. The backup may come before or after --to.
func (c cli) restore(ctx context.Context, args []string) int {
	var to string
	files, code, ok := c.parse("restore", args, func(fs *flag.FlagSet) { fs.StringVar(&to, "to", "", "") })
	if !ok {
		return code
	}
	backup := ""
	if len(files) > 0 {
		backup, files = files[0], files[1:]
	}
	if err := firstError(notUnderstood(files), missing([2]string{"BACKUP", backup}, [2]string{"--to", to})); err != nil {
		return c.usage("restore", err)
	}
	kept, err := portfolio.Restore(ctx, backup, to, portfolio.SnapshotDir(c.DataDir, to))
	if err != nil {
		return c.fail(err)
	}
	c.say(c.stdout, "CliRestored", "Path", to)
	if kept.Path != "" {
		c.say(c.stdout, "CliKeptPrevious", "Path", kept.Path)
	}
	return 0
}

// firstError returns the first non-nil error, so a command reports one problem at a time in
// a fixed order: leftover arguments first, then missing ones.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
