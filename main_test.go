package main

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/portfolio"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("LANG", "en_CA.UTF-8")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCLI_BadArgumentsExitTwoWithAClearMessage(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"demo"}, "--out is required"},
		{[]string{"demo", "--bogus"}, "this argument is not understood"},
		{[]string{"check"}, "--portfolio is required"},
		{[]string{"check", "--portfolio", "x", "extra"}, "not understood: extra"},
		{[]string{"--data-dir"}, "--data-dir needs a folder"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
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
	run(context.Background(), []string{"help"}, &fr, &fr)
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
	if code, _, stderr := runCLI(t, "demo", "--out", path); code != 1 || !strings.Contains(stderr, "already exists") {
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

func TestCLI_VersionPrintsTheStampedVersion(t *testing.T) {
	code, out, stderr := runCLI(t, "--version")
	if code != 0 || out != "passerelle "+version+"\n" || stderr != "" {
		t.Errorf("--version: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}
