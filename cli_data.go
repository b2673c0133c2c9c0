package main

import (
	"context"
	"flag"
	"strings"

	"passerelle/portfolio"
)

// backup writes a checked backup of a portfolio into a folder (a USB stick, a shared drive).
func (c cli) backup(ctx context.Context, args []string) int {
	var path, out string
	if !c.flags("backup", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
		fs.StringVar(&out, "out", "", "")
	}) {
		return 2
	}
	for _, f := range []struct{ name, v string }{{"--portfolio", path}, {"--out", out}} {
		if f.v == "" {
			c.say(c.stderr, "CliMissingFlag", "Command", "backup", "Flag", f.name)
			return 2
		}
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
	var backup, to string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		backup, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	if !c.parse(fs, args, func(fs *flag.FlagSet) { fs.StringVar(&to, "to", "", "") }) {
		return 2
	}
	rest := fs.Args()
	if backup == "" && len(rest) > 0 {
		backup, rest = rest[0], rest[1:]
	}
	if len(rest) > 0 {
		c.say(c.stderr, "CliBadArguments", "Command", "restore", "Detail", strings.Join(rest, " "))
		return 2
	}
	for _, f := range []struct{ name, v string }{{"BACKUP", backup}, {"--to", to}} {
		if f.v == "" {
			c.say(c.stderr, "CliMissingFlag", "Command", "restore", "Flag", f.name)
			return 2
		}
	}
	kept, err := portfolio.Restore(ctx, backup, to, portfolio.SnapshotDir(c.dataDir, to))
	if err != nil {
		return c.fail(err)
	}
	c.say(c.stdout, "CliRestored", "Path", to)
	if kept.Path != "" {
		c.say(c.stdout, "CliKeptPrevious", "Path", kept.Path)
	}
	return 0
}
