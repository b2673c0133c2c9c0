package impact

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"passerelle/locales"
	"passerelle/pdf/pdftest"
)

func bothLanguages(t testing.TB) func(string) Translate {
	c, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	return func(lang string) Translate {
		return func(id string, args map[string]any) string { return c.Text(lang, id, args) }
	}
}

// The PDF page, read back with pdftotext: a group under 5 has no bar and no number, in both
// languages, and the page says why.
func TestReportPDF_SmallGroupsAreNotShown(t *testing.T) {
	pdftest.NeedTools(t, "pdftotext")
	dir := t.TempDir()
	all := append(files(7, "MB", "newJob"), files(3, "ON", "promotion")...)
	for _, f := range all {
		os.WriteFile(filepath.Join(dir, f.Pseudonym+".json"), f.Encode(), 0o644)
	}
	out := filepath.Join(t.TempDir(), "report.pdf")
	if err := WritePDF(context.Background(), dir, "", []string{"en", "fr"}, bothLanguages(t),
		time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), out); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-layout", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	find := func(label string) string {
		t.Helper()
		for _, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), label) {
				return l
			}
		}
		t.Fatalf("no line %q in:\n%s", label, text)
		return ""
	}
	digits := regexp.MustCompile(`[0-9]`)
	for _, c := range []struct{ label, want string }{
		{"A new job", "7"}, {"Manitoba", "7"}, {"Learners ", "10"},
		{"A promotion", "fewer than 5: not shown"}, {"Ontario", "fewer than 5: not shown"},
		{"Une promotion", "moins de 5 : non affiché"}, {"Un nouvel emploi", "7"},
	} {
		l := find(c.label)
		if !strings.Contains(l, c.want) {
			t.Errorf("%q: %q, want %q", c.label, l, c.want)
		}
		if strings.Contains(c.want, "5") && len(digits.FindAllString(l, -1)) != 1 {
			t.Errorf("a hidden group shows a number: %q", l)
		}
	}
	for _, want := range []string{"Every group of fewer than 5 learners is not shown", "Tout groupe de moins de 5"} {
		if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), want) {
			t.Errorf("the page does not say %q", want)
		}
	}
	if os.Getenv("REPORT_PDF_OUT") != "" { // for a person to look at the page
		big := cohort(t, 200, 12)
		WritePDF(context.Background(), big, "", []string{"en", "fr"}, bothLanguages(t), time.Now(), os.Getenv("REPORT_PDF_OUT"))
	}
}
