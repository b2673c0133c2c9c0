package locales

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"passerelle/pdf"
	"passerelle/plar"
	"passerelle/portfolio"
)

func catalog(t *testing.T) *Catalog {
	t.Helper()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLocales_BothLanguagesHaveTheSameNonEmptyKeys(t *testing.T) {
	c := catalog(t)
	en, fr := c.Messages("en"), c.Messages("fr")
	for id, text := range en {
		if strings.TrimSpace(text) == "" {
			t.Errorf("en %s is empty", id)
		}
		if strings.TrimSpace(fr[id]) == "" {
			t.Errorf("fr lacks %s", id)
		}
	}
	for id := range fr {
		if _, ok := en[id]; !ok {
			t.Errorf("en lacks %s", id)
		}
	}
}

// TestLocales_FrenchIsTypographicallyFrench catches straight apostrophes and guillemets
// without their non-breaking spaces, the marks of text typed in a hurry.
func TestLocales_FrenchIsTypographicallyFrench(t *testing.T) {
	for id, text := range catalog(t).Messages("fr") {
		if strings.Contains(text, "'") {
			t.Errorf("fr %s uses a straight apostrophe: %q", id, text)
		}
		if strings.Contains(text, "« ") || strings.Contains(text, " »") {
			t.Errorf("fr %s has an ordinary space inside « »: %q", id, text)
		}
	}
}

// usedIDs finds message IDs in source: t('Id') in the frontend, and Err*/Cli*/Check*/Dialog*
// string literals in Go.
func usedIDs(t *testing.T) map[string]string {
	t.Helper()
	root := ".."
	ids := map[string]string{}
	front := regexp.MustCompile(`\bt\(\s*['"]([A-Za-z][A-Za-z0-9_.]*)['"]`)
	goIDs := regexp.MustCompile(`"((?:Err|Cli|Check|Dialog|Step)[A-Z][A-Za-z]+)"`)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "wailsjs" || d.Name() == "dist" ||
			strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		var re *regexp.Regexp
		switch {
		case strings.HasSuffix(p, "_test.go"):
			return nil
		case strings.HasSuffix(p, ".go"):
			re = goIDs
		case strings.Contains(p, filepath.Join("frontend", "src")) && (strings.HasSuffix(p, ".svelte") ||
			strings.HasSuffix(p, ".ts")) && !strings.Contains(p, ".test."):
			re = front
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			ids[m[1]] = p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestLocales_EveryIDTheCodeUsesExists(t *testing.T) {
	c := catalog(t)
	used := usedIDs(t)
	for _, k := range portfolio.ExperienceKinds() {
		used["ExperienceKind"+string(k)] = "portfolio.ExperienceKinds"
	}
	for _, k := range portfolio.EvidenceKinds() {
		used["EvidenceKind"+string(k)] = "portfolio.EvidenceKinds"
	}
	for _, k := range portfolio.SupportCategories() {
		used["SupportCategory"+string(k)] = "portfolio.SupportCategories"
	}
	for _, id := range pdf.LabelIDs() {
		used[id] = "pdf.LabelIDs"
	}
	for _, k := range plar.GuideSteps() {
		used["GuideStep"+k] = "plar.GuideSteps"
		used["GuideStep"+k+"Why"] = "plar.GuideSteps"
	}
	for _, k := range plar.Methods() {
		used["Method"+string(k)] = "plar.Methods"
	}
	for level := plar.RatingNotDone; level <= plar.RatingTeach; level++ {
		used[fmt.Sprintf("RatingLevel%d", level)] = "plar rating scale"
		used[fmt.Sprintf("RatingLevel%dDescription", level)] = "plar rating scale"
	}
	for _, r := range []string{plar.RuleValid, plar.RuleCurrent, plar.RuleSufficient, plar.RuleAuthentic} {
		id := "Rule" + strings.ToUpper(r[:1]) + r[1:]
		used[id], used[id+"Why"] = "plar rules", "plar rules"
	}
	var missing []string
	for _, lang := range Languages() {
		msgs := c.Messages(lang)
		for id, where := range used {
			if _, ok := msgs[id]; !ok {
				missing = append(missing, lang+" "+id+" (used in "+where+")")
			}
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Error("missing message:", m)
	}
	if len(used) < 30 {
		t.Fatalf("found only %d message IDs in the code: the scan is broken", len(used))
	}
}

func TestCatalog_TextTranslatesWithArgumentsAndPlurals(t *testing.T) {
	c := catalog(t)
	cases := []struct {
		lang, id string
		args     map[string]any
		want     string
	}{
		{"fr_CA.UTF-8", "ErrTextTooLong", map[string]any{"Count": 301, "Max": 300}, "Ce texte est trop long\u00a0: 301 caractères, pour une limite de 300."},
		{"en-US", "CliCheckFailed", map[string]any{"Count": 1}, "The check found 1 problem."},
		{"en", "CliCheckFailed", map[string]any{"Count": 3}, "The check found 3 problems."},
		{"fr", "CliCheckFailed", map[string]any{"Count": 2}, "La vérification a trouvé 2 problèmes."},
		{"de", "ErrRequired", nil, "Please fill in this field."},
		{"en", "ErrInvalidDate", nil, "Please write the date as YYYY-MM-DD, for example 2021-09-30."},
		{"en", "ErrDateDoesNotExist", map[string]any{"Date": "2026-02-31"}, "This date does not exist: 2026-02-31. Please check the day and month."},
		{"fr", "ErrDateDoesNotExist", map[string]any{"Date": "2026-02-31"}, "Cette date n’existe pas\u00a0: 2026-02-31. Veuillez vérifier le jour et le mois."},
		{"fr", "NoSuchMessage", nil, "NoSuchMessage"},
	}
	for _, c2 := range cases {
		if got := c.Text(c2.lang, c2.id, c2.args); got != c2.want {
			t.Errorf("Text(%s, %s) = %q, want %q", c2.lang, c2.id, got, c2.want)
		}
	}
	if m := c.Messages("fr"); m["CliCheckFailed.one"] == "" || m["CliCheckFailed"] == "" {
		t.Error("plural forms missing from the frontend catalog")
	}
}
