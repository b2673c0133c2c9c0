package cli

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/fault"
	"passerelle/locales"
	"passerelle/portfolio"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runLang(t, "en_CA.UTF-8", args...)
}

// runLang runs a command as a user whose LANG is lang.
func runLang(t *testing.T, lang string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("LANG", lang)
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	var out, errOut bytes.Buffer
	code := runIn(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// runIn does what main does for a headless command: takes --data-dir, then runs the command
// with messages in the language of LANG.
func runIn(args []string, stdout, stderr *bytes.Buffer) int {
	catalog, err := locales.New()
	if err != nil {
		panic(err)
	}
	dataDir, rest, err := TakeDataDir(args)
	if e, ok := fault.As(err); ok {
		stderr.WriteString(catalog.Text(locales.Normalize(SystemLocale()), e.MessageID, e.Args))
		return 2
	}
	env := Env{Catalog: catalog, Lang: locales.Normalize(SystemLocale()), DataDir: dataDir, Version: "test"}
	return Run(context.Background(), rest, stdout, stderr, env)
}

func TestCLI_BadArgumentsExitTwoWithAClearMessage(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"demo"}, "--out is required"},
		{[]string{"demo", "--bogus"}, "passerelle demo: there is no option -bogus"},
		{[]string{"demo", "--out"}, "passerelle demo: -out needs a value after it"},
		{[]string{"check"}, "--portfolio is required"},
		{[]string{"check", "--portfolio", "x", "extra"}, "not understood: extra"},
		{[]string{"--data-dir"}, "--data-dir needs a folder"},
		{[]string{"shre", "--portfolio", "x"}, "“shre” is not a command"},
		{[]string{"target"}, "passerelle target import --portfolio FILE"},
		{[]string{"target", "add", "--portfolio", "p"}, "target: this argument is not understood: add --portfolio p"},
		{[]string{"credential"}, "passerelle credential verify"},
		{[]string{"credential", "check", "b.png"}, "credential: this argument is not understood: check b.png"},
		{[]string{"readiness", "--portfolio", "p", "extra"}, "readiness: this argument is not understood: extra"},
		{[]string{"verify", "a.pdf", "b.pdf"}, "verify: this argument is not understood: b.pdf"},
		{[]string{"verify"}, "FILE.pdf is required"},
		{[]string{"target", "import", "--portfolio", "p", "--target", "T", "a.csv", "b.csv"}, "not understood: b.csv"},
		{[]string{"export", "--portfolio", "p", "--out", "x.pdf", "--lang", "de"}, "not understood: --lang de"},
		{[]string{"restore", "a", "b", "--to", "c"}, "not understood: b"},
		{[]string{"help", "shre"}, "“shre” is not a command"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
		}
	}
}

// TestCLI_MissingFlagsAreReportedInAFixedOrder guards against a message that changed from run
// to run (flags once checked in map order): the first missing one in the usage line is named.
func TestCLI_MissingFlagsAreReportedInAFixedOrder(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"export"}, "--portfolio is required"},
		{[]string{"export", "--portfolio", "p"}, "--out is required"},
		{[]string{"target", "import"}, "--portfolio is required"},
		{[]string{"target", "import", "--portfolio", "p"}, "--target is required"},
		{[]string{"target", "import", "--portfolio", "p", "--target", "T"}, "OUTCOMES.csv|.json is required"},
		{[]string{"backup"}, "--portfolio is required"},
		{[]string{"restore", "--to", "x"}, "BACKUP is required"},
	}
	for _, c := range cases {
		for i := 0; i < 20; i++ {
			code, _, stderr := runCLI(t, c.args...)
			if code != 2 || !strings.Contains(stderr, c.want) {
				t.Fatalf("%v (run %d): exit %d, stderr %q, want %q", c.args, i, code, stderr, c.want)
			}
		}
	}
}

// TestCLI_EveryCommandAnswersHelp: "passerelle CMD --help" and "passerelle help CMD" print that
// command's usage and exit 0, in both languages; "passerelle help" lists every command.
func TestCLI_EveryCommandAnswersHelp(t *testing.T) {
	_, all, _ := runCLI(t, "help")
	for _, name := range Commands() {
		if !strings.Contains(all, "passerelle "+name+" ") {
			t.Errorf("passerelle help does not list %q:\n%s", name, all)
		}
		for _, args := range [][]string{append(strings.Fields(name), "--help"), append(strings.Fields(name), "-h"),
			append([]string{"help"}, strings.Fields(name)...)} {
			code, out, stderr := runCLI(t, args...)
			if code != 0 || !strings.HasPrefix(strings.TrimSpace(out), "passerelle "+name) || stderr != "" {
				t.Errorf("%v: exit %d, out %q, stderr %q", args, code, out, stderr)
			}
		}
	}
	t.Setenv("LANG", "fr_CA.UTF-8")
	var out, errOut bytes.Buffer
	if code := runIn([]string{"export", "--help"}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "écrire le portfolio PDF") {
		t.Errorf("French export --help: exit %d, %q", code, out.String())
	}
}

func TestCLI_VersionPrintsTheStampedVersion(t *testing.T) {
	for _, arg := range []string{"--version", "version", "-version"} {
		if code, out, _ := runCLI(t, arg); code != 0 || out != "passerelle test\n" {
			t.Errorf("%s: exit %d, %q", arg, code, out)
		}
	}
}

func TestForWindow_TellsWindowArgumentsFromMistypedCommands(t *testing.T) {
	cases := []struct {
		args []string
		open string
		ok   bool
	}{
		{nil, "", true},
		{[]string{"Léa.passerelle"}, "Léa.passerelle", true},
		{[]string{`C:\Users\Zoé\ᐃᓄᒃ portfolio.PASSERELLE`}, `C:\Users\Zoé\ᐃᓄᒃ portfolio.PASSERELLE`, true},
		{[]string{"-devserver", "127.0.0.1:34115", "-assetdir", "frontend/dist", "-loglevel=Warning"}, "", true},
		{[]string{"shre", "--portfolio", "x"}, "", false},
		{[]string{"a.passerelle", "b.passerelle"}, "", false},
		{[]string{"--bogus"}, "", false},
		{[]string{"notes.txt"}, "", false},
		{[]string{"aminata.passerelle-share"}, "aminata.passerelle-share", true},
		{[]string{"from-coach.passerelle-comments"}, "", false},
	}
	for _, c := range cases {
		open, ok := ForWindow(c.args)
		if open != c.open || ok != c.ok {
			t.Errorf("ForWindow(%q) = %q, %v; want %q, %v", c.args, open, ok, c.open, c.ok)
		}
	}
}

func TestCLI_HelpListsTheCommands(t *testing.T) {
	code, out, _ := runCLI(t, "--help")
	for _, cmd := range []string{"demo --out", "check --portfolio", "PASSERELLE_DATA_DIR"} {
		if code != 0 || !strings.Contains(out, cmd) {
			t.Errorf("help lacks %q (exit %d): %s", cmd, code, out)
		}
	}
	t.Setenv("LANG", "fr_CA.UTF-8")
	var fr bytes.Buffer
	runIn([]string{"help"}, &fr, &fr)
	if !strings.Contains(fr.String(), "vérifier qu’un portfolio") {
		t.Errorf("French help: %s", fr.String())
	}
}

func TestCLI_DemoThenCheckPassesAndCatchesTampering(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.passerelle")
	code, out, stderr := runCLI(t, "demo", "--out", path)
	if code != 0 || !strings.Contains(out, path) {
		t.Fatalf("demo: exit %d, %s %s", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, "demo", "--out", path); code != 1 || !strings.Contains(stderr, "“"+path+"” already exists. Passerelle never writes over a file") {
		t.Fatalf("demo over an existing file: exit %d, %s", code, stderr)
	}
	ctx := context.Background()
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	exps, _ := st.Experiences(ctx)
	creds, _ := st.Credentials(ctx)
	ev, _ := st.EvidenceList(ctx)
	notes, _ := st.SupportNotes(ctx)
	l, _ := st.Learner(ctx)
	st.Close()
	images := 0
	for _, e := range ev {
		if e.HasPreview {
			images++
		}
	}
	if len(exps) < 3 || len(creds) != 2 || len(ev) != 4 || images < 2 || len(notes) < 3 ||
		!strings.Contains(l.DisplayName, "é") {
		t.Fatalf("demo holds %d experiences, %d credentials, %d evidence (%d images), %d notes, learner %q",
			len(exps), len(creds), len(ev), images, len(notes), l.DisplayName)
	}
	if code, out, _ := runCLI(t, "check", "--portfolio", path); code != 0 || !strings.Contains(out, "is intact") {
		t.Fatalf("check on the demo: exit %d %s", code, out)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE blob SET data = CAST('tampered' AS BLOB) WHERE rowid = 1`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, _, stderr = runCLI(t, "check", "--portfolio", path)
	if code != 1 || !strings.Contains(stderr, "no longer matches its SHA-256") || !strings.Contains(stderr, "1 problem.") {
		t.Fatalf("check on a tampered file: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "check", "--portfolio", filepath.Join(t.TempDir(), "none.passerelle")); code != 1 ||
		!strings.Contains(stderr, "cannot be found") {
		t.Fatalf("check on a missing file: exit %d, %s", code, stderr)
	}
}

// TestCLI_FrenchMessagesSayEverythingInFrench: the flag package's own English ("flag needs an
// argument"), English placeholders (FILE.pdf) and English quotation marks once showed inside
// French messages.
func TestCLI_FrenchMessagesSayEverythingInFrench(t *testing.T) {
	t.Setenv("LANG", "fr_CA.UTF-8")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"demo", "--out"}, 2, "passerelle demo\u00a0: -out doit être suivi d’une valeur"},
		{[]string{"readiness", "--bogus"}, 2, "l’option -bogus n’existe pas"},
		{[]string{"verify"}, 2, "FICHIER.pdf est obligatoire"},
		{[]string{"restore", "--to", "x"}, 2, "SAUVEGARDE est obligatoire"},
		{[]string{"--data-dir"}, 2, "--data-dir doit être suivi d’un dossier"},
		{[]string{"verify", "/nonexistent/nope.pdf"}, 1, "«\u00a0/nonexistent/nope.pdf\u00a0» est introuvable"},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		code := runIn(c.args, &out, &errOut)
		if code != c.code || !strings.Contains(errOut.String(), c.want) || strings.Contains(errOut.String(), "flag") {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, errOut.String(), c.want)
		}
	}
}

func TestCLI_ExportToAFolderAsksForAFileName(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCLI(t, "export", "--portfolio", filepath.Join(dir, "p.passerelle"), "--out", dir)
	if code != 2 || !strings.Contains(stderr, "is a folder. Give the PDF’s file name") {
		t.Fatalf("export --out FOLDER: exit %d, %q", code, stderr)
	}
}
