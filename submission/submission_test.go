package submission

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passerelle/demo"
	"passerelle/fault"
	"passerelle/locales"
	"passerelle/pdf/pdftest"
	"passerelle/plar"
	"passerelle/portfolio"
)

func pdfText(t *testing.T, path string) string {
	t.Helper()
	pdftest.NeedTools(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestWritePDF_DemoPortfolioKeepsPrivateNotesOut exports the demo in each language and reads
// the PDF back: the learner and the claims are there, private notes never are, and a shared
// note appears only when the learner chose to include shared notes.
func TestWritePDF_DemoPortfolioKeepsPrivateNotesOut(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.passerelle")
	now := func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) }
	if err := demo.Write(ctx, path, now); err != nil {
		t.Fatal(err)
	}
	st, err := portfolio.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	catalog, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	targets, _ := plar.NewStore(st).Targets(ctx)
	cases := []struct {
		lang   string
		shared bool
		want   []string
	}{
		{"en", false, []string{"Aminata Mariam Koné", "MLT101-3"}},
		{"fr", false, []string{"Aminata Mariam Koné", "Récit d’apprentissage"}},
		{"bilingual", true, []string{"Aminata Mariam Koné", "Plan de reconnaissance des acquis"}},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			out := filepath.Join(dir, c.lang+".pdf")
			res, err := Write(ctx, st, catalog, Request{TargetID: targets[0].ID, Language: c.lang,
				IncludeSharedNotes: c.shared}, out, Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if res.Pages < 5 || res.Attached != 4 || res.DocumentID == "" || res.Size <= 0 {
				t.Fatalf("result %+v", res)
			}
			text := pdfText(t, out)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("PDF lacks %q", w)
				}
			}
			raw, _ := os.ReadFile(out)
			for _, private := range []string{"Garderie Les Petits Explorateurs", "WINPASS", "Pluri-elles",
				"résidente permanente", "stage de deux semaines", "quart de soir", "poste permanent"} {
				if strings.Contains(text, private) || strings.Contains(string(raw), private) {
					t.Errorf("private text %q reached the PDF", private)
				}
			}
			if !c.shared && strings.Contains(text, "Plan de reconnaissance des acquis") {
				t.Error("a shared note reached a PDF that did not ask for shared notes")
			}
		})
	}
	if at, _ := st.ExportedAt(ctx); at == "" {
		t.Error("the export was not recorded for the guide")
	}
	_, err = Write(ctx, st, catalog, Request{Language: "en"}, filepath.Join(dir, "no-such-folder", "x.pdf"), Options{})
	if e, ok := fault.As(err); !ok || e.MessageID != "ErrExportCannotWrite" {
		t.Fatalf("unwritable path: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "no-such-folder")); err == nil {
		t.Fatal("a failed export created a folder")
	}
	_, err = Write(ctx, st, catalog, Request{Language: "de"}, filepath.Join(dir, "x.pdf"), Options{})
	if fault.CodeOf(err) != fault.Invalid {
		t.Fatalf("unknown language: %v", err)
	}
}

// An export names its target in the export history, so the follow-up prompt three months on
// asks about that course by name.
func TestWrite_ExportStartsTheFollowUpsOfItsTarget(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.passerelle")
	day := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	if err := demo.Write(ctx, path, func() time.Time { return day }); err != nil {
		t.Fatal(err)
	}
	st, err := portfolio.Open(ctx, path, portfolio.WithClock(func() time.Time { return day }))
	if err != nil {
		t.Fatal(err)
	}
	catalog, _ := locales.New()
	targets, _ := plar.NewStore(st).Targets(ctx)
	if _, err := Write(ctx, st, catalog, Request{TargetID: targets[0].ID, Language: "en"},
		filepath.Join(dir, "p.pdf"), Options{}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	later := day.AddDate(0, 3, 1)
	st, err = portfolio.Open(ctx, path, portfolio.WithClock(func() time.Time { return later }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	prompts, err := st.FollowUps(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range prompts {
		if p.Source == portfolio.FollowUpExport {
			if p.TargetID != targets[0].ID || p.Title != targets[0].Name || p.Months != 3 || p.Since != "2026-11-29" {
				t.Fatalf("export prompt %+v", p)
			}
			return
		}
	}
	t.Fatalf("no prompt three months after the export: %+v", prompts)
}
