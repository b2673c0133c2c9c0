package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// demoFile writes the demo portfolio with the command a coach's program would use.
func demoFile(t *testing.T, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name+".passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", p); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	return p
}

// TestCLI_ShareCommentImportAndList plays the round trip headless: share, a coach's comment
// and comments file, the learner's import (twice), and the list in text and JSON.
func TestCLI_ShareCommentImportAndList(t *testing.T) {
	dir := t.TempDir()
	learner := demoFile(t, dir, "aminata")
	shared := filepath.Join(dir, "aminata-copy")
	code, out, stderr := runCLI(t, "share", "--portfolio", learner, "--out", shared)
	if code != 0 || !strings.Contains(out, "aminata-copy.passerelle-share") ||
		!strings.Contains(out, "Left out: the self-identification and 2 private support notes.") ||
		!strings.Contains(out, "Left out: the email and phone") {
		t.Fatalf("share: %d %q %q", code, out, stderr)
	}
	shared += ".passerelle-share"
	code, out, stderr = runCLI(t, "comments", "add", "--shared", shared, "--coach", "Josée Tremblay",
		"--on", "profile", "--action", "Ajoutez votre région", "Profil clair.")
	if code != 0 || !strings.Contains(out, "Comment added on Profile") {
		t.Fatalf("comments add: %d %q %q", code, out, stderr)
	}
	comments := filepath.Join(dir, "from-josee")
	code, out, stderr = runCLI(t, "comments", "write", "--shared", shared, "--out", comments)
	if code != 0 || !strings.Contains(out, "1 comment to send back") {
		t.Fatalf("comments write: %d %q %q", code, out, stderr)
	}
	comments += ".passerelle-comments"
	for i, want := range []string{"Imported 1 comment from Josée Tremblay (already there: 0).",
		"Imported 0 comments from Josée Tremblay (already there: 1)."} {
		code, out, stderr = runCLI(t, "comments", "import", "--portfolio", learner, comments)
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("import %d: %d %q %q", i+1, code, out, stderr)
		}
	}
	code, out, _ = runCLI(t, "comments", "list", "--portfolio", learner)
	if code != 0 || !strings.Contains(out, "Profile (as the coach saw it)") ||
		!strings.Contains(out, "[open] Josée Tremblay, 2") || !strings.Contains(out, "suggested: Ajoutez votre région") {
		t.Fatalf("list: %d %q", code, out)
	}
	code, out, _ = runCLI(t, "comments", "list", "--portfolio", learner, "--json")
	var threads []struct {
		Anchor   struct{ Kind string }
		Item     string
		Comments []struct{ Text, AuthorKind string }
	}
	if err := json.Unmarshal([]byte(out), &threads); code != 0 || err != nil || len(threads) != 1 ||
		threads[0].Anchor.Kind != "profile" || threads[0].Comments[0].Text != "Profil clair." {
		t.Fatalf("list --json: %d %v %q", code, err, out)
	}
}

// TestCLI_CoachBadInputChangesNothing gives each command what a tired person gives it: a
// shared copy where a portfolio is expected, an --out that is the portfolio, comments made for
// another learner, a comments file cut short or changed. Each gets its message and exit 1, and
// the learner's file is byte-identical.
func TestCLI_CoachBadInputChangesNothing(t *testing.T) {
	dir := t.TempDir()
	learner := demoFile(t, dir, "aminata")
	other := demoFile(t, dir, "other")
	shared := filepath.Join(dir, "other.passerelle-share")
	if code, _, stderr := runCLI(t, "share", "--portfolio", other, "--out", shared); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := runCLI(t, "comments", "add", "--shared", shared, "--coach", "Josée", "--on", "profile", "Bien."); code != 0 {
		t.Fatal(stderr)
	}
	comments := filepath.Join(dir, "c.passerelle-comments")
	if code, _, stderr := runCLI(t, "comments", "write", "--shared", shared, "--out", comments); code != 0 {
		t.Fatal(stderr)
	}
	good, _ := os.ReadFile(comments)
	cut := filepath.Join(dir, "cut.passerelle-comments")
	os.WriteFile(cut, good[:len(good)-40], 0o600)
	changed := filepath.Join(dir, "changed.passerelle-comments")
	os.WriteFile(changed, []byte(strings.Replace(string(good), "Bien.", "Mal.", 1)), 0o600)
	before := sum(t, learner)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"share", "--portfolio", shared, "--out", filepath.Join(dir, "x")}, "This is a copy a learner shared with a coach"},
		{[]string{"share", "--portfolio", learner, "--out", learner}, "That is your portfolio itself"},
		{[]string{"comments", "import", "--portfolio", learner, comments}, "made on another learner’s portfolio"},
		{[]string{"comments", "import", "--portfolio", learner, cut}, "incomplete or was changed"},
		{[]string{"comments", "import", "--portfolio", learner, changed}, "incomplete or was changed"},
		{[]string{"comments", "import", "--portfolio", learner, learner}, "not a comments file"},
		{[]string{"comments", "import", "--portfolio", shared, comments}, "This is a copy a learner shared with a coach"},
		{[]string{"comments", "add", "--shared", learner, "--on", "profile", "x"}, "learner’s own portfolio, not a shared copy"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, c.args...)
		if code != 1 || !strings.Contains(stderr, c.want) || strings.Contains(stderr, "sqlite") {
			t.Errorf("%v: exit %d, %q", c.args, code, stderr)
		}
		if sum(t, learner) != before {
			t.Fatalf("%v changed the learner's portfolio", c.args)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.passerelle-share")); err == nil {
		t.Error("a shared copy was made from a shared copy")
	}
	code, out, _ := runCLI(t, "comments", "list", "--portfolio", learner)
	if code != 0 || !strings.Contains(out, "No comments yet.") {
		t.Errorf("after refused imports: %d %q", code, out)
	}
}

func TestCLI_CoachCommandsBadArgumentsExitTwo(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"share", "--portfolio", "p"}, "--out is required"},
		{[]string{"share", "--out", "s"}, "--portfolio is required"},
		{[]string{"share", "--portfolio", "p", "--out", "s", "--with-contacts"}, "there is no option -with-contacts"},
		{[]string{"comments"}, "passerelle comments import --portfolio FILE COMMENTS"},
		{[]string{"comments", "export"}, "comments: this argument is not understood: export"},
		{[]string{"comments", "import", "--portfolio", "p"}, "COMMENTS is required"},
		{[]string{"comments", "import", "--portfolio", "p", "a", "b"}, "not understood: b"},
		{[]string{"comments", "list"}, "--portfolio is required"},
		{[]string{"comments", "add", "--shared", "s", "--on", "claim:x", "Bien"}, "not understood: --on claim:x"},
		{[]string{"comments", "add", "--shared", "s", "--on", "claim_rule:3", "Bien"}, "not understood: --on claim_rule:3"},
		{[]string{"comments", "write", "--shared", "s"}, "--out is required"},
	} {
		code, _, stderr := runCLI(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
		}
	}
	code, out, _ := runCLI(t, "comments", "--help")
	if code != 0 || !strings.Contains(out, "passerelle comments list") {
		t.Errorf("comments --help: %d %q", code, out)
	}
}

// TestCLI_ARefusedCommentKeepsTheCoachsName: a comment on an item that does not exist, given
// with another coach name, is refused and leaves the shared copy byte for byte as it was; the
// learner then sees the comments from the coach who wrote them.
func TestCLI_ARefusedCommentKeepsTheCoachsName(t *testing.T) {
	dir := t.TempDir()
	learner := demoFile(t, dir, "aminata")
	shared := filepath.Join(dir, "copy.passerelle-share")
	if code, _, stderr := runCLI(t, "share", "--portfolio", learner, "--out", shared); code != 0 {
		t.Fatalf("share: %d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "comments", "add", "--shared", shared, "--coach", "Josée Tremblay", "--on", "profile", "Bien."); code != 0 {
		t.Fatalf("add: %d %s", code, stderr)
	}
	before := sum(t, shared)
	for _, args := range [][]string{
		{"--coach", "X", "--on", "claim:99", "nonexistent"},
		{"--coach", strings.Repeat("X", 301), "--on", "profile", "too long a name"},
	} {
		code, _, stderr := runCLI(t, append([]string{"comments", "add", "--shared", shared}, args...)...)
		if code != 1 || stderr == "" {
			t.Fatalf("refused add %v: %d %q", args[:2], code, stderr)
		}
		if sum(t, shared) != before {
			t.Fatalf("a refused add (%s) changed the shared copy", args[3])
		}
	}
	comments := filepath.Join(dir, "c.passerelle-comments")
	if code, _, stderr := runCLI(t, "comments", "write", "--shared", shared, "--out", comments); code != 0 {
		t.Fatalf("write: %d %s", code, stderr)
	}
	code, out, stderr := runCLI(t, "comments", "import", "--portfolio", learner, comments)
	if code != 0 || !strings.Contains(out, "from Josée Tremblay") {
		t.Fatalf("import: %d %q %q", code, out, stderr)
	}
}

// TestCLI_AFolderGivenForAFileIsSaidToBeAFolder: `credential verify` and `comments import` of a
// folder say so in the user's language, rather than "cannot be found" or "something went wrong".
func TestCLI_AFolderGivenForAFileIsSaidToBeAFolder(t *testing.T) {
	dir := t.TempDir()
	learner := demoFile(t, dir, "aminata")
	folder := filepath.Join(dir, "adir")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	before := sum(t, learner)
	cases := []struct {
		args []string
		code int
	}{
		{[]string{"credential", "verify", folder}, 2},
		{[]string{"credential", "verify", "--key", folder, learner}, 2},
		{[]string{"comments", "import", "--portfolio", learner, folder}, 1},
	}
	for _, lang := range []struct{ env, want string }{{"en_CA.UTF-8", "“adir” is a folder, not a file"},
		{"fr_CA.UTF-8", "«\u00a0adir\u00a0» est un dossier, et non un fichier"}} {
		for _, tc := range cases {
			t.Setenv("LANG", lang.env)
			var out, errOut bytes.Buffer
			code := runIn(tc.args, &out, &errOut)
			if code != tc.code || !strings.Contains(errOut.String(), lang.want) {
				t.Errorf("%s %v: exit %d, %q", lang.env, tc.args[:2], code, errOut.String())
			}
		}
	}
	if sum(t, learner) != before {
		t.Error("a folder given for a file changed the portfolio")
	}
}
