package impact

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"passerelle/locales"
)

func english(t testing.TB) Translate {
	c, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	return func(id string, args map[string]any) string { return c.Text("en", id, args) }
}

// files makes learners with the given outcome types (one file each), for exact counts.
func files(n int, region string, types ...string) []File {
	var out []File
	for i := range n {
		f := File{Format: Format, Program: "P", Pseudonym: "p" + region + strconv.Itoa(i) + types[0], Region: region, Month: "2026-11"}
		for j, t := range types {
			m := 2 + j*5
			f.Outcomes = append(f.Outcomes, Outcome{Type: t, Month: "2026-01", MonthsAfterCredential: &m})
		}
		out = append(out, f)
	}
	return out
}

func cell(t *testing.T, table []Cell, key string) Cell {
	t.Helper()
	i := slices.IndexFunc(table, func(c Cell) bool { return c.Key == key })
	if i < 0 {
		t.Fatalf("no cell %s", key)
	}
	return table[i]
}

func TestReport_GroupsUnderFiveAreSuppressed(t *testing.T) {
	all := append(files(7, "MB", "newJob"), files(4, "ON", "promotion", "raise")...)
	all = append(all, files(6, "QC", "newJob", "raise")...)
	r := BuildReport(all)
	if r.Learners != 17 || r.LearnersSuppressed {
		t.Fatalf("learners %d", r.Learners)
	}
	for _, c := range []struct {
		table      []Cell
		key        string
		count      int
		suppressed bool
	}{
		{r.ByType, "newJob", 13, false},
		{r.ByType, "raise", 10, false},
		{r.ByType, "promotion", 0, true}, // 4 learners
		{r.ByType, "furtherStudy", 0, true},
		{r.ByRegion, "MB", 7, false},
		{r.ByRegion, "QC", 6, false},
		{r.ByRegion, "ON", 0, true},
		{r.ByMonths, "0-3", 17, false},  // every learner's first outcome at 2 months
		{r.ByMonths, "7-12", 10, false}, // a second outcome at 7 months
		{r.ByMonths, "4-6", 0, true},
	} {
		got := cell(t, c.table, c.key)
		if got.Count != c.count || got.Suppressed != c.suppressed {
			t.Errorf("%s: %+v, want %d suppressed=%v", c.key, got, c.count, c.suppressed)
		}
	}
	if r.MedianSuppressed || r.MedianMonths != 2 || r.MedianLearners != 17 {
		t.Errorf("median %v over %d", r.MedianMonths, r.MedianLearners)
	}
	few := BuildReport(files(4, "MB", "newJob"))
	if !few.LearnersSuppressed || few.Learners != 0 || !few.MedianSuppressed || few.MedianMonths != 0 {
		t.Errorf("four learners: %+v", few)
	}
	for _, table := range [][]Cell{few.ByType, few.ByMonths, few.ByRegion, few.BySelfID} {
		for _, c := range table {
			if !c.Suppressed || c.Count != 0 {
				t.Errorf("four learners, cell shown: %+v", c)
			}
		}
	}
}

// Regions split the learners: with the total shown, one hidden region would be the total minus
// the others, so a second region is hidden with it.
func TestReport_OneHiddenRegionHidesASecond(t *testing.T) {
	table := []Cell{{Key: "MB", Count: 9}, {Key: "ON", Count: 6}, {Key: "QC", Suppressed: true}}
	protectComplement(table)
	if table[0].Suppressed || !table[1].Suppressed || table[1].Count != 0 {
		t.Fatalf("the smallest shown region is hidden too: %+v", table)
	}
	two := []Cell{{Key: "MB", Count: 9}, {Key: "ON", Suppressed: true}, {Key: "QC", Suppressed: true}}
	protectComplement(two)
	if two[0].Suppressed {
		t.Fatalf("two hidden already: %+v", two)
	}
}

func TestReport_CSVSaysWhatIsNotShown(t *testing.T) {
	all := append(files(7, "MB", "newJob"), files(3, "ON", "promotion")...)
	data := string(CSV(BuildReport(all), english(t)))
	for _, want := range []string{"summary,learners,Learners,10,", "byType,newJob,A new job,7,",
		"byType,promotion,A promotion,,fewer than 5: not shown", "byRegion,ON,Ontario,,fewer than 5: not shown",
		"byRegion,MB,Manitoba,7,", "Every group of fewer than 5 learners is not shown"} {
		if !strings.Contains(data, want) {
			t.Errorf("CSV lacks %q:\n%s", want, data)
		}
	}
	for _, leak := range []string{",3,", ",3\n"} {
		if strings.Contains(data, leak) {
			t.Errorf("CSV shows a count of 3: %q", leak)
		}
	}
}

// The same learner exported twice counts once; files that are not ours are named, not counted.
func TestReadFolder_CountsEachLearnerOnceAndSkipsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	f := files(1, "MB", "newJob")[0]
	for i, month := range []string{"2026-05", "2026-11"} {
		f.Month = month
		os.WriteFile(filepath.Join(dir, "a"+strconv.Itoa(i)+".json"), f.Encode(), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "budget.json"), []byte(`[1,2]`), 0o644)
	os.WriteFile(filepath.Join(dir, "readme.txt"), []byte(`hello`), 0o644)
	got, skipped, err := ReadFolder(context.Background(), dir, "")
	if err != nil || len(got) != 1 || got[0].Month != "2026-11" || !slices.Equal(skipped, []string{"budget.json"}) {
		t.Fatalf("read %v, skipped %v, %v", got, skipped, err)
	}
	if _, _, err := ReadFolder(context.Background(), dir, "Another program"); err == nil {
		t.Fatal("a program with no file gave no error")
	}
	if _, _, err := ReadFolder(context.Background(), t.TempDir(), ""); err == nil {
		t.Fatal("an empty folder gave no error")
	}
}

// The synthetic cohort of 200 learners: built in well under a second, every cell under 5 hidden.
func TestReport_SyntheticCohortOf200(t *testing.T) {
	dir := cohort(t, 200, 12)
	start := time.Now()
	r, _, err := FolderReport(context.Background(), dir, "")
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if r.Learners != 200 || r.MedianSuppressed {
		t.Fatalf("report %+v", r)
	}
	for _, table := range [][]Cell{r.ByType, r.ByMonths, r.ByRegion, r.BySelfID} {
		for _, c := range table {
			if !c.Suppressed && c.Count < MinCell {
				t.Errorf("cell %+v shown", c)
			}
		}
	}
	t.Logf("200 learners: read and built in %v; median months to first outcome %.1f; %d cells suppressed", took, r.MedianMonths, r.Suppressed)
	if took > 5*time.Second {
		t.Errorf("took %v", took)
	}
}

func BenchmarkReport_200Learners(b *testing.B) {
	dir := cohort(b, 200, 12)
	text := english(b)
	b.ResetTimer()
	for b.Loop() {
		r, _, err := FolderReport(context.Background(), dir, "")
		if err != nil {
			b.Fatal(err)
		}
		CSV(r, text)
	}
}

func BenchmarkReportPDF_200Learners(b *testing.B) {
	dir := cohort(b, 200, 12)
	out := filepath.Join(b.TempDir(), "r.pdf")
	texts := bothLanguages(b)
	b.ResetTimer()
	for b.Loop() {
		if err := WritePDF(context.Background(), dir, "", []string{"en", "fr"}, texts, today, out); err != nil {
			b.Fatal(err)
		}
	}
}
