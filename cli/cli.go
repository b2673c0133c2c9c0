// Package cli holds Passerelle's headless commands: the same binary as the window, for
// scripts, tests and coaches' batch work. No command starts GTK or imports the window layer.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"passerelle/fault"
	"passerelle/locales"
)

// Env is what every command needs from the process that started it.
type Env struct {
	// Catalog translates every message the commands print.
	Catalog *locales.Catalog
	// Lang is the language of those messages ("en" or "fr").
	Lang string
	// DataDir is the data folder (snapshots kept by restore live there).
	DataDir string
	// Version is stamped into the binary at build time.
	Version string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// command is one headless command: its name as typed, the message that shows its usage, and
// what it does with the arguments after its name.
type command struct {
	name  string
	usage string
	run   func(c cli, ctx context.Context, args []string) int
}

// commands lists every headless command in the order `passerelle help` shows them.
func commands() []command {
	return []command{
		{"demo", "CliHelpDemo", cli.demo},
		{"check", "CliHelpCheck", cli.check},
		{"target import", "CliHelpTargetImport", cli.targetImport},
		{"readiness", "CliHelpReadiness", cli.readiness},
		{"export", "CliHelpExport", cli.export},
		{"verify", "CliHelpVerify", cli.verify},
		{"backup", "CliHelpBackup", cli.backup},
		{"restore", "CliHelpRestore", cli.restore},
		{"share", "CliHelpShare", cli.share},
		{"comments import", "CliHelpCommentsImport", cli.commentsImport},
		{"comments list", "CliHelpCommentsList", cli.commentsList},
		{"comments add", "CliHelpCommentsAdd", cli.commentsAdd},
		{"comments write", "CliHelpCommentsWrite", cli.commentsWrite},
	}
}

// Commands names every headless command, so the dispatch and the tests use one list.
func Commands() []string {
	names := make([]string, len(commands()))
	for i, c := range commands() {
		names[i] = c.name
	}
	return names
}

type cli struct {
	Env
	stdout, stderr io.Writer
}

// Run runs one headless command and returns the process exit status: 0 done, 1 the command
// failed (a damaged file, a check that found a problem), 2 the arguments were wrong.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer, env Env) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	c := cli{Env: env, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		c.help()
		return 0
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if cmd, n := find(args[1:]); n > 0 {
				c.say(c.stdout, cmd.usage)
				return 0
			}
			c.say(c.stderr, "CliUnknownCommand", "Command", strings.Join(args[1:], " "))
			return 2
		}
		c.help()
		return 0
	case "version", "-version", "--version":
		fmt.Fprintln(c.stdout, "passerelle", c.Version)
		return 0
	}
	cmd, n := find(args)
	if n == 0 && args[0] == "target" && len(args) > 1 && (args[1] == "--help" || args[1] == "-h" || args[1] == "help") {
		c.say(c.stdout, "CliHelpTargetImport") // its one action, import
		return 0
	}
	if n == 0 && len(args) == 1 && args[0] == "target" {
		c.say(c.stderr, "CliHelpTargetImport")
		return 2
	}
	if n == 0 && args[0] == "target" { // a known command with an unknown action
		return c.usage("target", usageError{"CliBadArguments", []any{"Detail", strings.Join(args, " ")}})
	}
	if n == 0 && args[0] == "comments" { // a group of commands: its usages, or what is wrong
		if len(args) > 1 && (args[1] == "--help" || args[1] == "-h" || args[1] == "help") {
			c.sayGroup(c.stdout, "comments")
			return 0
		}
		if len(args) == 1 {
			c.sayGroup(c.stderr, "comments")
			return 2
		}
		return c.usage("comments", usageError{"CliBadArguments", []any{"Detail", strings.Join(args, " ")}})
	}
	if n == 0 {
		c.say(c.stderr, "CliUnknownCommand", "Command", args[0])
		return 2
	}
	return cmd.run(c, ctx, args[n:])
}

// sayGroup prints the usage of every command whose name starts with group.
func (c cli) sayGroup(w io.Writer, group string) {
	for _, cmd := range commands() {
		if strings.HasPrefix(cmd.name, group+" ") {
			c.say(w, cmd.usage)
		}
	}
}

// find looks up the command that args start with, and how many words its name took.
func find(args []string) (command, int) {
	for _, cmd := range commands() {
		words := strings.Fields(cmd.name)
		if len(args) >= len(words) && strings.Join(args[:len(words)], " ") == cmd.name {
			return cmd, len(words)
		}
	}
	return command{}, 0
}

// IsCommand tells whether args start with something for the headless commands (a command, a
// help or version request) rather than for the window.
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "help", "-h", "-help", "--help", "version", "-version", "--version":
		return true
	}
	_, n := find(args)
	return n > 0
}

func (c cli) help() {
	c.say(c.stdout, "CliHelpIntro")
	for _, cmd := range commands() {
		c.say(c.stdout, cmd.usage)
	}
	c.say(c.stdout, "CliHelpFooter")
}

func (c cli) say(w io.Writer, id string, args ...any) {
	m := map[string]any{}
	for i := 0; i+1 < len(args); i += 2 {
		m[fmt.Sprint(args[i])] = args[i+1]
	}
	fmt.Fprintln(w, c.Catalog.Text(c.Lang, id, m))
}

// fail prints an application error translated and returns exit code 1. Any other error is
// "something went wrong" in the learner's language, never SQLite's or the system's own text;
// PASSERELLE_DEBUG=1 adds that text for whoever helps them.
func (c cli) fail(err error) int {
	if e, ok := fault.As(err); ok {
		fmt.Fprintln(c.stderr, c.Catalog.Text(c.Lang, e.MessageID, e.Args))
		return 1
	}
	fmt.Fprintln(c.stderr, c.Catalog.Text(c.Lang, "ErrInternal", nil))
	if os.Getenv("PASSERELLE_DEBUG") == "1" {
		fmt.Fprintln(c.stderr, "passerelle:", err)
	}
	return 1
}

// usageError says what is wrong with a command's arguments; Run prints it and exits 2.
type usageError struct {
	id   string
	args []any
}

func (e usageError) Error() string { return e.id }

// missing reports the first of the required values that is empty, in the order given, so the
// message never depends on map order.
func missing(required ...[2]string) error {
	for _, r := range required {
		if r[1] == "" {
			return usageError{"CliMissingFlag", []any{"Flag", r[0]}}
		}
	}
	return nil
}

// notUnderstood reports arguments left over after a command took what it needs.
func notUnderstood(extra []string) error {
	if len(extra) == 0 {
		return nil
	}
	return usageError{"CliBadArguments", []any{"Detail", strings.Join(extra, " ")}}
}

// parse reads a command's flags and its positional arguments (which may come before, between
// or after the flags). It answers -h/--help with the command's usage (exit 0) and a bad
// argument with a translated message (exit 2); ok is false when the command must stop.
func (c cli) parse(name string, args []string, define func(*flag.FlagSet)) (positional []string, code int, ok bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	define(fs)
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				cmd, _ := find(strings.Fields(name))
				c.say(c.stdout, cmd.usage)
				return nil, 0, false
			}
			return nil, c.usage(name, flagError(err)), false
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, 0, true
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), 0, true
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// flagError turns the flag package's English complaint into a translated one: the two it
// makes for a learner's typing (a flag without its value, a flag that does not exist) by name,
// anything else as the argument not understood.
func flagError(err error) usageError {
	msg := err.Error()
	for prefix, id := range map[string]string{"flag needs an argument: ": "CliFlagNeedsValue",
		"flag provided but not defined: ": "CliUnknownFlag"} {
		if flagName, ok := strings.CutPrefix(msg, prefix); ok {
			return usageError{id, []any{"Flag", "-" + strings.TrimLeft(flagName, "-")}}
		}
	}
	if _, detail, ok := strings.Cut(msg, ": "); ok && strings.HasPrefix(msg, "invalid ") {
		return usageError{"CliBadArguments", []any{"Detail", detail}}
	}
	return usageError{"CliBadArguments", []any{"Detail", msg}}
}

// placeholders name, in each language, the arguments that are not flags (FILE.pdf…).
var placeholders = map[string]string{"FILE.pdf": "CliArgPDF", "OUTCOMES.csv|.json": "CliArgOutcomes",
	"BACKUP": "CliArgBackup", "COMMENTS": "CliArgComments", "TEXT": "CliArgText"}

// usage prints a usage error for a command and returns exit status 2.
func (c cli) usage(name string, err error) int {
	var ue usageError
	if !errors.As(err, &ue) {
		return c.fail(err)
	}
	args := append([]any{"Command", name}, ue.args...)
	for i := 0; i+1 < len(args); i += 2 {
		if id, ok := placeholders[fmt.Sprint(args[i+1])]; ok && args[i] == "Flag" {
			args[i+1] = c.Catalog.Text(c.Lang, id, nil)
		}
	}
	c.say(c.stderr, ue.id, args...)
	return 2
}

// quoted lists names each in the quotation marks of the messages' language.
func (c cli) quoted(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = c.Catalog.Text(c.Lang, "CliQuoted", map[string]any{"Name": n})
	}
	sort.Strings(q)
	return strings.Join(q, ", ")
}
