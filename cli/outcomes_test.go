package cli

import (
	"bytes"
	stdcsv "encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/demo"
	"passerelle/impact"
)

// The issue's own try-it line: right after `passerelle demo`, the demo learner's outcomes go to
// the demo program by its exact name (typographic apostrophe, em dash), and nothing of who she is.
func TestCLI_DemoOutcomesExportForTheDemoProgram(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "demo.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", p); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	out := filepath.Join(dir, "x.json")
	code, stdout, stderr := runCLI(t, "outcomes", "export", "--portfolio", p, "--program",
		"Centre d’amitié — Career coaching 2026", "--out", out)
	if code != 0 || !strings.Contains(stdout, "3 outcomes shared with “Centre d’amitié — Career coaching 2026”") {
		t.Fatalf("export: exit %d, %q, %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Program, Pseudonym, Region, Month string
		SelfIdentification                map[string]bool
		Outcomes                          []struct {
			Type, Month           string
			MonthsAfterCredential *int
		}
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	if f.Program != demo.DemoProgram || len(f.Pseudonym) < 26 || f.Region != "MB" ||
		len(f.SelfIdentification) != 1 || !f.SelfIdentification["newcomer"] || len(f.Outcomes) != 3 {
		t.Fatalf("file: %s", data)
	}
	want := map[string]string{"newJob": "2024-09", "raise": "2025-01", "creditPartial": "2025-03"}
	for _, o := range f.Outcomes {
		if want[o.Type] != o.Month {
			t.Errorf("outcome %s in %s, want %s", o.Type, o.Month, want[o.Type])
		}
		if o.Type == "newJob" && (o.MonthsAfterCredential == nil || *o.MonthsAfterCredential != 3) {
			t.Errorf("a job in 2024-09 after a credential of 2024-06 is 3 months after it: %v", o.MonthsAfterCredential)
		}
	}
	for _, private := range []string{"Aminata", "Koné", "aminata.kone@example.org", "204 555-0142", "555-0142",
		"Saint-Boniface", "Winnipeg", "Arrivée au Canada", "racialized", "stage de deux semaines", "temps partiel",
		"Augmentation après", "from5To10", "MFS-2023-0481", "badges.example.org", "2024-09-03", "2025-01-15",
		"2025-03-14", "Portfolio d’Aminata"} {
		if strings.Contains(string(data), private) {
			t.Errorf("the outcome file holds %q:\n%s", private, data)
		}
	}
}

func TestCLI_OutcomesExportWithoutConsentWritesNothing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "demo.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", p); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	out := filepath.Join(dir, "x.json")
	code, _, stderr := runCLI(t, "outcomes", "export", "--portfolio", p, "--program", "Another program", "--out", out)
	if code != 1 || !strings.Contains(stderr, "You have not given consent to share with the program “Another program”. You share with one program: Centre d’amitié — Career coaching 2026. Type its name as shown here. Nothing was written.") {
		t.Fatalf("no consent: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("a file was written without consent: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestCLI_OutcomesBadArgumentsExitTwo(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"outcomes"}, "passerelle outcomes export --portfolio FILE"},
		{[]string{"outcomes", "share"}, "passerelle outcomes: this argument is not understood: share"},
		{[]string{"outcomes", "export", "--portfolio", "p"}, "--program is required"},
		{[]string{"outcomes", "export", "--portfolio", "p", "--program", "P"}, "--out is required"},
		{[]string{"outcomes", "export", "--portfolio", "p", "--program", "P", "--out", dir}, "is a folder. Give a file name"},
		{[]string{"outcomes", "export", "--portfolio", "p", "--program", "P", "--out", "o.json", "extra"}, "not understood: extra"},
		{[]string{"outcomes", "report"}, "--in is required"},
		{[]string{"outcomes", "report", "--in", filepath.Join(dir, "none")}, "is not a folder"},
		{[]string{"outcomes", "report", "--in", dir, "--lang", "de"}, "not understood: --lang de"},
		{[]string{"outcomes", "report", "--in", dir, "--csv", dir}, "--csv “" + dir + "” is a folder"},
		{[]string{"outcomes", "report", "--in", dir, "--bogus"}, "there is no option -bogus"},
	} {
		code, _, stderr := runCLI(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) || strings.Contains(stderr, "goroutine") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
	if code, out, _ := runCLI(t, "help", "outcomes"); code != 0 || !strings.Contains(out, "passerelle outcomes report --in FOLDER") {
		t.Errorf("help outcomes: exit %d, %q", code, out)
	}
}

// One learner's file is a group of one: every count of the report is suppressed, and it says so.
func TestCLI_OutcomesReportOfOneLearnerShowsNoCount(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "demo.passerelle")
	files := filepath.Join(dir, "files")
	os.Mkdir(files, 0o755)
	if code, _, stderr := runCLI(t, "demo", "--out", p); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "outcomes", "export", "--portfolio", p, "--program", demo.DemoProgram,
		"--out", filepath.Join(files, "a.json")); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	os.WriteFile(filepath.Join(files, "notes.json"), []byte(`{"not": "ours"}`), 0o644)
	csv := filepath.Join(dir, "r.csv")
	code, out, stderr := runCLI(t, "outcomes", "report", "--in", files, "--csv", csv)
	if code != 0 || !strings.Contains(out, "Learners: fewer than 5: not shown") ||
		!strings.Contains(out, "A new job: fewer than 5: not shown") || !strings.Contains(stderr, "notes.json") {
		t.Fatalf("report: exit %d\n%s\n%s", code, out, stderr)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "  ") && !strings.HasSuffix(line, "fewer than 5: not shown") {
			t.Errorf("a count of a group of one is shown: %q", line)
		}
	}
	data, err := os.ReadFile(csv)
	if err != nil || !strings.Contains(string(data), "byType,newJob,A new job,,fewer than 5: not shown") {
		t.Fatalf("csv: %s, %v", data, err)
	}
}

// A folder of six learners gives a report, a CSV, a bilingual PDF and xAPI statements that
// pass the xAPI checks; a folder of one gives no statements at all (exit 1).
func TestCLI_OutcomesReportWritesEveryFormat(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	three := 3
	for i := range 6 {
		f := impact.File{Format: impact.Format, Program: demo.DemoProgram, Pseudonym: "abcdefghijklmnopqrstuvwxy" + string(rune('a'+i)),
			Region: "MB", Month: "2026-11", Outcomes: []impact.Outcome{{Type: "newJob", Month: "2025-03",
				Credentials: []impact.Credential{{Issuer: "Collège", TitleEN: "Lab"}}, MonthsAfterCredential: &three}}}
		os.WriteFile(filepath.Join(in, f.Pseudonym+".json"), f.Encode(), 0o644)
	}
	csv, pdf, xapi := filepath.Join(dir, "r.csv"), filepath.Join(dir, "r.pdf"), filepath.Join(dir, "r.json")
	code, out, stderr := runCLI(t, "outcomes", "report", "--in", in, "--program", demo.DemoProgram, "--csv", csv,
		"--pdf", pdf, "--lang", "bilingual", "--xapi", xapi)
	if code != 0 || !strings.Contains(out, "Learners: 6") || !strings.Contains(out, "A new job: 6") ||
		!strings.Contains(out, "6 xAPI statements written") {
		t.Fatalf("exit %d\n%s\n%s", code, out, stderr)
	}
	data, _ := os.ReadFile(xapi)
	if p := impact.CheckStatements(data); len(p) != 0 {
		t.Fatalf("statements: %v", p)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("pdf: %v", err)
	}
	one := filepath.Join(dir, "one")
	os.Mkdir(one, 0o755)
	os.Rename(filepath.Join(in, "abcdefghijklmnopqrstuvwxya.json"), filepath.Join(one, "a.json"))
	code, _, stderr = runCLI(t, "outcomes", "report", "--in", one, "--xapi", filepath.Join(dir, "one.json"))
	if code != 1 || !strings.Contains(stderr, "fewer than 5 learners") {
		t.Fatalf("one learner as xAPI: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "one.json")); !os.IsNotExist(err) {
		t.Fatal("statements of one learner were written")
	}
}

// In French, the commands speak French: the refusal without consent, and the report's
// suppressed groups.
func TestCLI_OutcomesInFrench(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "demo.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", p); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	t.Setenv("LANG", "fr_CA.UTF-8")
	var out, errOut bytes.Buffer
	code := runIn([]string{"outcomes", "export", "--portfolio", p, "--program", "Autre", "--out", filepath.Join(dir, "x.json")}, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "Vous n’avez pas consenti au partage avec le programme «\u00a0Autre\u00a0». Vous partagez avec un programme\u00a0: Centre d’amitié — Career coaching 2026. Tapez son nom") {
		t.Fatalf("exit %d: %q", code, errOut.String())
	}
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	out.Reset()
	errOut.Reset()
	if code := runIn([]string{"outcomes", "export", "--portfolio", p, "--program", demo.DemoProgram, "--out",
		filepath.Join(in, "a.json")}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "3 éléments de suivi partagés") {
		t.Fatalf("export: %d %q %q", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := runIn([]string{"outcomes", "report", "--in", in}, &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "  Un nouvel emploi\u00a0: moins de 5\u00a0: non affiché\n") {
		t.Fatalf("report: %d\n%s", code, out.String())
	}
}

// The trial's cohort: 6 learners alike (the demo's file under 6 pseudonyms), 3 in Quebec with a
// promotion 12 months after, 1 in Nunavut, Indigenous, self-employed 14 months after. The
// tables hide Quebec, Nunavut, promotion, self-employment and Indigenous; the xAPI statements,
// records one per outcome, must not show them either, nor the single learner's pseudonym, and
// the command says what it withheld.
func TestCLI_XAPIWithholdsWhatTheTablesSuppress(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "demo.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", p); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	first := filepath.Join(dir, "l0.json")
	if code, _, stderr := runCLI(t, "outcomes", "export", "--portfolio", p, "--program", demo.DemoProgram, "--out", first); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	base, err := impact.Read(first)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "cohort")
	os.Mkdir(in, 0o755)
	write := func(name string, f impact.File) {
		if err := os.WriteFile(filepath.Join(in, name), f.Encode(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pseudo := func(c byte) string { return strings.Repeat(string(c), 26) }
	for i := range 6 {
		f := base
		f.Pseudonym = pseudo('a' + byte(i))
		write("l"+string(rune('0'+i))+".json", f)
	}
	twelve, fourteen := 12, 14
	var quebec []string
	for i := range 3 {
		f := base
		f.Pseudonym, f.Region = pseudo('q'+byte(i)), "QC"
		f.Outcomes = []impact.Outcome{{Type: "promotion", Month: "2025-06", MonthsAfterCredential: &twelve,
			Credentials: base.Outcomes[0].Credentials}}
		quebec = append(quebec, f.Pseudonym)
		write("qc"+string(rune('0'+i))+".json", f)
	}
	single := base
	single.Pseudonym, single.Region = "zzzzsinglelearnerzzzzzzzzz", "NU"
	single.SelfIdentification = map[string]bool{"indigenous": true}
	single.Outcomes = []impact.Outcome{{Type: "selfEmployment", Month: "2025-08", MonthsAfterCredential: &fourteen,
		Credentials: base.Outcomes[0].Credentials}}
	write("nu.json", single)

	csv, xapi := filepath.Join(dir, "r2.csv"), filepath.Join(dir, "s2.json")
	code, out, stderr := runCLI(t, "outcomes", "report", "--in", in, "--csv", csv, "--xapi", xapi)
	if code != 0 {
		t.Fatalf("report: exit %d\n%s\n%s", code, out, stderr)
	}
	for _, hidden := range []string{"Quebec: fewer than 5", "Nunavut: fewer than 5", "A promotion: fewer than 5",
		"Self-employment: fewer than 5"} {
		if !strings.Contains(out, hidden) {
			t.Errorf("the printed report does not hide %q:\n%s", hidden, out)
		}
	}
	// 3 promotions and 1 self-employment are not written; QC, NU and Indigenous are left out
	// of no written statement, since their learners' only statements were not written.
	if !strings.Contains(out, "4 outcomes were not written as statements") {
		t.Errorf("the command does not say what it withheld:\n%s", out)
	}
	data, err := os.ReadFile(xapi)
	if err != nil {
		t.Fatal(err)
	}
	if problems := impact.CheckStatements(data); len(problems) > 0 {
		t.Fatalf("%d statements break the rules, first %v", len(problems), problems[0])
	}
	for _, never := range append([]string{"zzzzsinglelearner", `"QC"`, `"NU"`, "indigenous", "outcomes/promotion",
		"outcomes/self-employment"}, quebec...) {
		if strings.Contains(string(data), never) {
			t.Errorf("the xAPI file holds %q, which the tables suppress", never)
		}
	}
	var ss []impact.Statement
	if err := json.Unmarshal(data, &ss); err != nil {
		t.Fatal(err)
	}
	// Each of the 6 alike learners keeps its 3 statements, with its region and its newcomer item.
	if len(ss) != 18 || !strings.Contains(out, "18 xAPI statements written") {
		t.Fatalf("%d statements, want 18 (6 learners × 3):\n%s", len(ss), out)
	}
	for _, s := range ss {
		if s.Context.Extensions[impact.XAPIBase+"extensions/region"] != "MB" {
			t.Errorf("statement %s lost the region every table shows: %v", s.ID, s.Context.Extensions)
		}
	}
}

// The README's try-it line typed on a keyboard — straight apostrophe, no accent, other case,
// a hyphen, extra spaces — exports for the program the learner consented to, under its name.
func TestCLI_OutcomesExportWithANearMissProgramName(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "demo.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", p); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	for i, typed := range []string{"Centre d'amitié — Career coaching 2026", "Centre d’amitie — Career coaching 2026",
		"CENTRE D'AMITIE - CAREER COACHING 2026", "Centre  d'amitié  –  Career coaching 2026"} {
		out := filepath.Join(dir, "x"+string(rune('0'+i))+".json")
		code, stdout, stderr := runCLI(t, "outcomes", "export", "--portfolio", p, "--program", typed, "--out", out)
		if code != 0 || !strings.Contains(stdout, "shared with “Centre d’amitié — Career coaching 2026”") {
			t.Errorf("%q: exit %d, %q, %q", typed, code, stdout, stderr)
			continue
		}
		if f, err := impact.Read(out); err != nil || f.Program != demo.DemoProgram {
			t.Errorf("%q: the file names %q, %v", typed, f.Program, err)
		}
	}
}

// In French the printed report writes the median as « 3,0 », as the PDF does; the CSV keeps a
// machine-readable 3.0 in both languages (README "For programs" says so), its labels in French.
func TestCLI_OutcomesReportNumbersInFrench(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	for i := range 6 {
		months := 2 + i%3 // 2, 3, 4, 2, 3, 4: the median is 3
		f := impact.File{Format: impact.Format, Program: demo.DemoProgram, Pseudonym: strings.Repeat(string(rune('a'+i)), 26),
			Region: "MB", Month: "2026-11", Outcomes: []impact.Outcome{{Type: "newJob", Month: "2025-03",
				Credentials: []impact.Credential{{Issuer: "Collège", TitleEN: "Lab"}}, MonthsAfterCredential: &months}}}
		os.WriteFile(filepath.Join(in, f.Pseudonym+".json"), f.Encode(), 0o644)
	}
	for _, c := range []struct{ lang, printed string }{{"fr", "3,0"}, {"en", "3.0"}} {
		csv := filepath.Join(dir, c.lang+".csv")
		code, out, stderr := runCLI(t, "outcomes", "report", "--in", in, "--lang", c.lang, "--csv", csv)
		if code != 0 {
			t.Fatalf("%s: exit %d %s", c.lang, code, stderr)
		}
		var median string
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, map[string]string{"fr": "médian", "en": "Median"}[c.lang]) {
				median = line
			}
		}
		if !strings.HasSuffix(median, " "+c.printed) && !strings.HasSuffix(median, "\u00a0"+c.printed) {
			t.Errorf("%s: the median line is %q, want it to end in %s", c.lang, median, c.printed)
		}
		data, _ := os.ReadFile(csv)
		rows, err := stdcsv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			if row[1] == "medianMonthsToFirstOutcome" && row[3] != "3.0" {
				t.Errorf("%s: the CSV's median is %q, not a machine-readable 3.0", c.lang, row[3])
			}
		}
	}
}
