package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/plar"
	"passerelle/portfolio"
)

func TestCLI_TargetImportThenReadiness(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", path); code != 0 {
		t.Fatal(stderr)
	}
	csv := filepath.Join(dir, "outcomes.csv")
	os.WriteFile(csv, []byte("\ufeffcode;text_fr\r\nSOC-1;Accueillir les personnes nouvellement arrivées\r\nSOC-2;Animer un atelier\r\n"), 0o600)
	code, out, stderr := runCLI(t, "target", "import", "--portfolio", path, "--target", "Intervention sociale", csv)
	if code != 0 || !strings.Contains(out, "Imported 2 learning outcomes into “Intervention sociale”") {
		t.Fatalf("import: exit %d %s %s", code, out, stderr)
	}
	code, _, stderr = runCLI(t, "target", "import", "--portfolio", path, "--target", "Intervention sociale", csv)
	if code != 1 || !strings.Contains(stderr, "already has an outcome with the code “SOC-1”") {
		t.Fatalf("second import of the same codes: exit %d %s", code, stderr)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("code,text_en\nX1,One\nX2,\n"), 0o600)
	code, _, stderr = runCLI(t, "target", "import", "--portfolio", path, "--target", "Other", bad)
	if code != 1 || !strings.Contains(stderr, "Row 3 (code X2) has no outcome text") {
		t.Fatalf("bad file: exit %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "target", "import", "--portfolio", path, csv); code != 2 {
		t.Fatalf("missing --target: exit %d", code)
	}

	code, out, _ = runCLI(t, "readiness", "--portfolio", path, "--json")
	var r readinessReport
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil || len(r.Targets) != 2 {
		t.Fatalf("readiness --json: exit %d %s", code, out)
	}
	demo := r.Targets[0]
	if demo.Total != 8 || demo.Claimed != 4 || demo.Ready < 1 || demo.Ready == demo.Claimed || len(demo.Next) == 0 {
		t.Fatalf("demo target readiness %+v", demo)
	}
	if r.Targets[1].Name != "Intervention sociale" || r.Targets[1].Claimed != 0 || r.Targets[1].Next[0].MessageID != "StepDecideClaim" {
		t.Fatalf("imported target readiness %+v", r.Targets[1])
	}
	code, out, _ = runCLI(t, "readiness", "--portfolio", path, "--target", "Intervention sociale")
	if code != 0 || !strings.Contains(out, "Intervention sociale: 2 outcomes, 0 claimed, 0 ready") ||
		!strings.Contains(out, "SOC-1 — Decide whether to claim this outcome.") {
		t.Fatalf("readiness text: %s", out)
	}
	if code, _, stderr := runCLI(t, "readiness", "--portfolio", path, "--target", "Nope"); code != 2 ||
		!strings.Contains(stderr, "no target named “Nope”. Its targets are: “Intervention sociale”, “MLT 101 — Collège de l’Ouest”") {
		t.Fatalf("unknown target: exit %d %s", code, stderr)
	}
}

// TestCLI_ExportWithSeveralTargetsAsksWhichOne: with two targets and no --target, export once
// wrote a PDF with no claims; now it refuses with exit status 2, names the targets, and writes
// nothing. With --target it writes that target's PDF.
func TestCLI_ExportWithSeveralTargetsAsksWhichOne(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", path); code != 0 {
		t.Fatal(stderr)
	}
	csv := filepath.Join(dir, "outcomes.csv")
	os.WriteFile(csv, []byte("code,text_en\nSOC-1,Welcome newcomers\n"), 0o600)
	if code, _, stderr := runCLI(t, "target", "import", "--portfolio", path, "--target", "Social work", csv); code != 0 {
		t.Fatal(stderr)
	}
	out := filepath.Join(dir, "p.pdf")
	code, _, stderr := runCLI(t, "export", "--portfolio", path, "--out", out)
	if code != 2 || !strings.Contains(stderr, "has 2 targets; choose one with --target") || !strings.Contains(stderr, "“Social work”") {
		t.Fatalf("export with two targets: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a PDF was written although the target was not chosen")
	}
	if code, stdout, stderr := runCLI(t, "export", "--portfolio", path, "--target", "Social work", "--lang", "en", "--out", out); code != 0 {
		t.Fatalf("export --target: exit %d, %s %s", code, stdout, stderr)
	}
}

func TestCLI_TargetImportReadsTheInstitutionsColumns(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", path); code != 0 {
		t.Fatal(stderr)
	}
	write := func(name, text string) string {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	outcomes := func(target string) []plar.Outcome {
		st, err := portfolio.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		tg, err := plar.NewStore(st).TargetByName(context.Background(), target)
		if err != nil {
			return nil
		}
		return tg.Outcomes
	}

	// A Quebec college's own file: recognised by its headers, no flag needed.
	cegep := write("soins.csv", "\ufeffCode;Résultat;Outcome\r\nSOI-01;Établir une relation d’aide;Build a helping relationship\r\n")
	if code, out, stderr := runCLI(t, "target", "import", "--portfolio", path, "--target", "Soins", cegep); code != 0 ||
		!strings.Contains(out, "Imported 1 learning outcome") {
		t.Fatalf("guessed columns: exit %d %s %s", code, out, stderr)
	}
	if got := outcomes("Soins"); len(got) != 1 || got[0].TextFR != "Établir une relation d’aide" || got[0].TextEN != "Build a helping relationship" {
		t.Fatalf("imported %+v", got)
	}

	// Headers no guess reads: refused with a pointer to --columns, then imported with it.
	odd := write("odd.csv", "Ligne;Cours;Contenu;Content\n1;ABC-1;Souder;Weld\n2;ABC-2;Couper;Cut\n")
	code, _, stderr := runCLI(t, "target", "import", "--portfolio", path, "--target", "Soudage", odd)
	if code != 1 || !strings.Contains(stderr, "could not tell which column holds the code") || !strings.Contains(stderr, "--columns code=COLUMN") {
		t.Fatalf("unrecognised columns: exit %d %s", code, stderr)
	}
	code, out, stderr := runCLI(t, "target", "import", "--portfolio", path, "--target", "Soudage", "--columns", "code=cours,en=4,fr=CONTENU", odd)
	if code != 0 || !strings.Contains(out, "Imported 2 learning outcomes") {
		t.Fatalf("--columns: exit %d %s %s", code, out, stderr)
	}
	if got := outcomes("Soudage"); len(got) != 2 || got[1] != (plar.Outcome{ID: got[1].ID, TargetID: got[1].TargetID, Code: "ABC-2", TextEN: "Cut", TextFR: "Couper"}) {
		t.Fatalf("imported %+v", got)
	}

	// A --columns that cannot work is a usage error: exit 2, a clear message, nothing written.
	for _, c := range []struct{ spec, want string }{
		{"code", "--columns is not understood: “code”"},
		{"code=1;en=2", "--columns is not understood"},
		{"code=Numéro,fr=3", "This file has no column “Numéro”. Its columns are: Ligne · Cours · Contenu · Content."},
		{"code=2,en=9", "This file has no column 9 (its last is column 4)."},
		{"code=2,en=2", "The column “Cours” cannot hold two things"},
		{"code=2", "Choose the column that holds the outcome text"},
	} {
		code, out, stderr := runCLI(t, "target", "import", "--portfolio", path, "--target", "Refusé", "--columns", c.spec, odd)
		if code != 2 || !strings.Contains(stderr, c.want) || out != "" {
			t.Errorf("--columns %q: exit %d, stderr %q, want %q", c.spec, code, stderr, c.want)
		}
	}
	if got := outcomes("Refusé"); got != nil {
		t.Fatalf("a refused import created the target: %+v", got)
	}

	// In French, the refusal is in French.
	t.Setenv("LANG", "fr_CA.UTF-8")
	var stdout, errOut bytes.Buffer
	code = runIn([]string{"target", "import", "--portfolio", path, "--target", "Refusé", "--columns", "code=Numéro", odd}, &stdout, &errOut)
	if code != 2 || !strings.Contains(errOut.String(), "Ce fichier n’a pas de colonne «\u00a0Numéro\u00a0»") {
		t.Fatalf("French: exit %d %s", code, errOut.String())
	}
}

// TestCLI_ExportSaysWhenAnEvidenceFileNoLongerMatches: export once reported success on a
// portfolio whose evidence file had changed; now the PDF is written (it says so itself) and the
// command names the file and exits 1.
func TestCLI_ExportSaysWhenAnEvidenceFileNoLongerMatches(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", path); code != 0 {
		t.Fatal(stderr)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE blob SET data = CAST('tampered' AS BLOB) WHERE rowid = 1`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out := filepath.Join(dir, "p.pdf")
	code, stdout, stderr := runCLI(t, "export", "--portfolio", path, "--lang", "en", "--out", out)
	if code != 1 || !strings.Contains(stderr, "no longer matches the SHA-256 recorded when it was added") {
		t.Fatalf("export of a tampered portfolio: exit %d, %s %s", code, stdout, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("the PDF was not written: %v", err)
	}
}
