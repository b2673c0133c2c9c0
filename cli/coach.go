package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"passerelle/comment"
	"passerelle/fault"
	"passerelle/plar"
	"passerelle/portfolio"
	"passerelle/share"
)

// share writes the shared copy for a coach and says what was left out.
func (c cli) share(ctx context.Context, args []string) int {
	var path, out string
	var opts share.Options
	extra, code, ok := c.parse("share", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
		fs.StringVar(&out, "out", "", "")
		fs.BoolVar(&opts.WithContact, "with-contact", false, "")
		fs.BoolVar(&opts.WithoutLargeFiles, "without-large-files", false, "")
	})
	if !ok {
		return code
	}
	if err := firstError(notUnderstood(extra), missing([2]string{"--portfolio", path}, [2]string{"--out", out})); err != nil {
		return c.usage("share", err)
	}
	opts.Now = c.Now
	st, err := portfolio.OpenToRead(ctx, path) // it reads: the window may have it open
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	res, err := share.Write(ctx, st, out, opts)
	if err != nil {
		return c.fail(err)
	}
	n := res.Contents.Counts
	c.say(c.stdout, "CliShared", "Path", res.Path, "Size", c.size(res.Size), "Experiences", n.Experiences,
		"Credentials", n.Credentials, "Evidence", n.Evidence, "Claims", n.Claims, "Notes", n.SupportNotes,
		"Comments", n.Comments)
	c.say(c.stdout, "CliShareLeftOutPrivate", "Count", res.Contents.PrivateNotes)
	if !opts.WithContact {
		c.say(c.stdout, "CliShareLeftOutContact")
	}
	for _, f := range res.Contents.Files {
		if f.LeftOut {
			c.say(c.stdout, "CliShareLeftOutFile", "Title", f.Title, "Size", c.size(f.Size))
		}
	}
	return 0
}

// size writes a number of bytes as a person reads it, in the messages' language.
func (c cli) size(n int64) string {
	v, unit := float64(n)/(1<<20), "SizeMegabytes"
	if n < 1<<20 {
		v, unit = float64(n)/(1<<10), "SizeKilobytes"
	}
	num := strconv.FormatFloat(v, 'f', 1, 64)
	if c.Lang == "fr" {
		num = strings.Replace(num, ".", ",", 1)
	}
	return c.Catalog.Text(c.Lang, unit, map[string]any{"Size": num})
}

// openEither opens a learner's portfolio to read, or a shared copy when that is what FILE is.
func openEither(ctx context.Context, path string) (*portfolio.Store, error) {
	st, err := portfolio.OpenToRead(ctx, path)
	if e, ok := fault.As(err); ok && e.MessageID == "ErrPortfolioIsSharedCopy" {
		return portfolio.OpenSharedCopy(ctx, path)
	}
	return st, err
}

// commentsImport adds a coach's comments file to a learner's portfolio.
func (c cli) commentsImport(ctx context.Context, args []string) int {
	var path string
	files, code, ok := c.parse("comments import", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
	})
	if !ok {
		return code
	}
	file := ""
	if len(files) > 0 {
		file = files[0]
	}
	if err := firstError(missing([2]string{"--portfolio", path}, [2]string{"COMMENTS", file}), notUnderstood(files[min(1, len(files)):])); err != nil {
		return c.usage("comments import", err)
	}
	data, err := comment.ReadFile(file)
	if err != nil {
		return c.fail(err)
	}
	if _, err := comment.Parse(data); err != nil { // checked before the portfolio is even opened
		return c.fail(err)
	}
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	res, err := comment.Import(ctx, st, data)
	if err != nil {
		return c.fail(err)
	}
	c.say(c.stdout, "CliCommentsImported", "Count", res.Added, "Coach", res.CoachName, "Already", res.Already)
	return 0
}

// commentsList prints the comments of a portfolio (or of a shared copy), item by item.
func (c cli) commentsList(ctx context.Context, args []string) int {
	var path string
	var asJSON bool
	extra, code, ok := c.parse("comments list", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "portfolio", "", "")
		fs.BoolVar(&asJSON, "json", false, "")
	})
	if !ok {
		return code
	}
	if err := firstError(notUnderstood(extra), missing([2]string{"--portfolio", path})); err != nil {
		return c.usage("comments list", err)
	}
	st, err := openEither(ctx, path)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	threads, err := comment.List(ctx, st)
	if err != nil {
		return c.fail(err)
	}
	if asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(threads); err != nil {
			return c.fail(err)
		}
		return 0
	}
	if len(threads) == 0 {
		c.say(c.stdout, "CliCommentsNone")
	}
	for _, th := range threads {
		c.say(c.stdout, "CliCommentItem", "Item", c.anchorText(th.Anchor), "State", c.Catalog.Text(c.Lang, "CommentItem"+title(th.Item), nil))
		for _, cm := range th.Comments {
			c.say(c.stdout, "CliCommentLine", "Status", c.Catalog.Text(c.Lang, "CommentStatus"+title(cm.Status), nil),
				"Author", cm.AuthorName, "Date", cm.CreatedAt[:min(10, len(cm.CreatedAt))], "Text", cm.Text)
			if cm.SuggestedAction != "" {
				c.say(c.stdout, "CliCommentAction", "Action", cm.SuggestedAction)
			}
		}
	}
	return 0
}

// anchorText names an item as the lists do: its kind, its number, and the rule if any.
func (c cli) anchorText(a comment.Anchor) string {
	s := c.Catalog.Text(c.Lang, "CommentOn"+title(strings.ReplaceAll(a.Kind, "claim_rule", "claimRule")), map[string]any{"ID": a.ID})
	if a.Rule != "" {
		s += " — " + c.Catalog.Text(c.Lang, "Rule"+title(a.Rule), nil)
	}
	return s
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// commentsAdd writes a coach's comment in a shared copy: for coaches' scripts and tests.
func (c cli) commentsAdd(ctx context.Context, args []string) int {
	var path, coach, on, action string
	texts, code, ok := c.parse("comments add", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "shared", "", "")
		fs.StringVar(&coach, "coach", "", "")
		fs.StringVar(&on, "on", "", "")
		fs.StringVar(&action, "action", "", "")
	})
	if !ok {
		return code
	}
	text := strings.Join(texts, " ")
	if err := missing([2]string{"--shared", path}, [2]string{"--on", on}, [2]string{"TEXT", text}); err != nil {
		return c.usage("comments add", err)
	}
	anchor, err := parseAnchor(on)
	if err != nil {
		return c.usage("comments add", usageError{"CliBadArguments", []any{"Detail", "--on " + on}})
	}
	st, err := portfolio.OpenSharedCopy(ctx, path)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	// The name is written with the comment, so a refused comment leaves the copy as it was.
	cm, err := comment.AddAs(ctx, st, coach, comment.New{Anchor: anchor, Text: text, SuggestedAction: action})
	if err != nil {
		return c.fail(err)
	}
	c.say(c.stdout, "CliCommentAdded", "Item", c.anchorText(cm.Anchor), "ID", cm.ID)
	return 0
}

// parseAnchor reads KIND[:ID[:RULE]] (profile, experience:3, claim_rule:5:current).
func parseAnchor(s string) (comment.Anchor, error) {
	parts := strings.Split(s, ":")
	a := comment.Anchor{Kind: parts[0]}
	if len(parts) > 3 {
		return a, fmt.Errorf("anchor %q", s)
	}
	if len(parts) > 1 {
		id, err := strconv.ParseInt(parts[1], 10, 64)
		if err != nil {
			return a, fmt.Errorf("anchor %q: %w", s, err)
		}
		a.ID = id
	}
	if len(parts) > 2 {
		a.Rule = parts[2]
	}
	if a.Kind == comment.OnClaimRule && a.Rule == "" {
		return a, fmt.Errorf("anchor %q: no rule (%s)", s, strings.Join(plar.Rules(), ", "))
	}
	return a, nil
}

// commentsWrite writes the coach's comments file from a shared copy.
func (c cli) commentsWrite(ctx context.Context, args []string) int {
	var path, out string
	extra, code, ok := c.parse("comments write", args, func(fs *flag.FlagSet) {
		fs.StringVar(&path, "shared", "", "")
		fs.StringVar(&out, "out", "", "")
	})
	if !ok {
		return code
	}
	if err := firstError(notUnderstood(extra), missing([2]string{"--shared", path}, [2]string{"--out", out})); err != nil {
		return c.usage("comments write", err)
	}
	st, err := portfolio.OpenSharedCopy(ctx, path)
	if err != nil {
		return c.fail(err)
	}
	defer st.Close()
	res, err := comment.WriteFile(ctx, st, out)
	if err != nil {
		return c.fail(err)
	}
	c.say(c.stdout, "CliCommentsWritten", "Path", res.Path, "Count", res.Comments)
	return 0
}
