package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"passerelle/demo"
	"passerelle/fault"
	"passerelle/locales"
	"passerelle/portfolio"
)

// isCommand tells the headless subcommands, none of which starts GTK, from window flags.
func isCommand(arg string) bool {
	switch arg {
	case "demo", "check", "target", "readiness", "backup", "restore", "export", "verify", "help", "-h", "--help", "-help":
		return true
	}
	return false
}

// takeDataDir removes --data-dir from args (Wails must not see it) and resolves the data
// folder: the flag, then PASSERELLE_DATA_DIR, then the OS user data folder.
func takeDataDir(args []string) (string, []string, error) {
	dir := os.Getenv("PASSERELLE_DATA_DIR")
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--data-dir" || a == "-data-dir":
			if i+1 >= len(args) {
				return "", nil, errors.New("passerelle: --data-dir needs a folder")
			}
			dir = args[i+1]
			i++
		case strings.HasPrefix(a, "--data-dir="), strings.HasPrefix(a, "-data-dir="):
			dir = a[strings.Index(a, "=")+1:]
		default:
			rest = append(rest, a)
		}
	}
	if dir == "" {
		dir = defaultDataDir()
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", nil, fmt.Errorf("passerelle: data folder: %w", err)
	}
	return abs, rest, nil
}

// defaultDataDir follows each OS's convention for a user's own application data. On Windows
// that is %LOCALAPPDATA%, not the roaming %APPDATA%: portfolios hold photos and PDFs, and a
// roaming profile (common on shared and library computers) copies the whole roaming folder
// over the network at every sign-in and sign-out, and puts SQLite on a network share.
func defaultDataDir() string {
	if runtime.GOOS == "windows" {
		if d := os.Getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "Passerelle")
		}
	}
	if runtime.GOOS == "linux" {
		if x := os.Getenv("XDG_DATA_HOME"); x != "" {
			return filepath.Join(x, "passerelle")
		}
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, ".local", "share", "passerelle")
		}
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "Passerelle")
	}
	return "passerelle-data"
}

type cli struct {
	catalog        *locales.Catalog
	lang           string
	dataDir        string
	stdout, stderr io.Writer
}

func (c cli) say(w io.Writer, id string, args ...any) {
	m := map[string]any{}
	for i := 0; i+1 < len(args); i += 2 {
		m[fmt.Sprint(args[i])] = args[i+1]
	}
	fmt.Fprintln(w, c.catalog.Text(c.lang, id, m))
}

// fail prints an application error translated and returns exit code 1. Any other error is
// "something went wrong" in the learner's language, never SQLite's or the system's own text;
// PASSERELLE_DEBUG=1 adds that text for whoever helps them.
func (c cli) fail(err error) int {
	if e, ok := fault.As(err); ok {
		fmt.Fprintln(c.stderr, c.catalog.Text(c.lang, e.MessageID, e.Args))
		return 1
	}
	fmt.Fprintln(c.stderr, c.catalog.Text(c.lang, "ErrInternal", nil))
	if os.Getenv("PASSERELLE_DEBUG") == "1" {
		fmt.Fprintln(c.stderr, "passerelle:", err)
	}
	return 1
}

func runCommand(ctx context.Context, catalog *locales.Catalog, dataDir string, args []string, stdout, stderr io.Writer) int {
	c := cli{catalog: catalog, lang: locales.Normalize(systemLocale()), dataDir: dataDir, stdout: stdout, stderr: stderr}
	switch args[0] {
	case "demo":
		return c.demo(ctx, args[1:])
	case "check":
		return c.check(ctx, args[1:])
	case "target":
		return c.targetImport(ctx, args[1:])
	case "readiness":
		return c.readiness(ctx, args[1:])
	case "export":
		return c.export(ctx, args[1:])
	case "verify":
		return c.verify(args[1:])
	case "backup":
		return c.backup(ctx, args[1:])
	case "restore":
		return c.restore(ctx, args[1:])
	default:
		c.say(stdout, "CliUsage")
		return 0
	}
}

// flags parses a subcommand's flags that takes no other arguments, printing a translated
// message on bad arguments.
func (c cli) flags(name string, args []string, define func(*flag.FlagSet)) bool {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	if !c.parse(fs, args, define) {
		return false
	}
	if fs.NArg() > 0 {
		c.say(c.stderr, "CliBadArguments", "Command", name, "Detail", strings.Join(fs.Args(), " "))
		return false
	}
	return true
}

// parse defines and parses a flag set quietly, printing a translated message on a bad flag.
func (c cli) parse(fs *flag.FlagSet, args []string, define func(*flag.FlagSet)) bool {
	fs.SetOutput(io.Discard)
	define(fs)
	if err := fs.Parse(args); err != nil {
		c.say(c.stderr, "CliBadArguments", "Command", fs.Name(), "Detail", err.Error())
		return false
	}
	return true
}

func (c cli) demo(ctx context.Context, args []string) int {
	var out string
	if !c.flags("demo", args, func(fs *flag.FlagSet) { fs.StringVar(&out, "out", "", "") }) {
		return 2
	}
	if out == "" {
		c.say(c.stderr, "CliMissingFlag", "Command", "demo", "Flag", "--out")
		return 2
	}
	if err := demo.Write(ctx, out, time.Now); err != nil {
		return c.fail(err)
	}
	c.say(c.stdout, "CliDemoWritten", "Path", out)
	return 0
}

func (c cli) check(ctx context.Context, args []string) int {
	var path string
	if !c.flags("check", args, func(fs *flag.FlagSet) { fs.StringVar(&path, "portfolio", "", "") }) {
		return 2
	}
	if path == "" {
		c.say(c.stderr, "CliMissingFlag", "Command", "check", "Flag", "--portfolio")
		return 2
	}
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	problems, err := st.Check(ctx)
	if err != nil {
		return c.fail(err)
	}
	for _, p := range problems {
		fmt.Fprintln(c.stderr, c.catalog.Text(c.lang, p.MessageID, p.Args))
	}
	if len(problems) > 0 {
		c.say(c.stderr, "CliCheckFailed", "Count", len(problems))
		return 1
	}
	c.say(c.stdout, "CliCheckPassed", "Path", path)
	return 0
}
