package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passerelle/fault"
	"passerelle/locales"
	"passerelle/portfolio"
)

func newSession(t *testing.T, dir, locale string) *Session {
	t.Helper()
	c, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(dir, c, locale, func() time.Time { return time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC) })
	t.Cleanup(func() { s.shutdown(context.Background()) }) // stops its snapshots before the folder goes
	return s
}

func TestSession_FirstRunFollowsTheSystemLocale(t *testing.T) {
	cases := map[string]string{"fr_CA.UTF-8": "fr", "fr": "fr", "en_US.UTF-8": "en", "C": "en", "": "en"}
	for locale, want := range cases {
		s := newSession(t, t.TempDir(), locale)
		st, err := s.State()
		if err != nil || st.Language != want || st.Open || len(st.Portfolios) != 0 {
			t.Errorf("locale %q: state %+v, %v", locale, st, err)
		}
	}
}

func TestSession_CreateRenameReopenAndRememberLanguage(t *testing.T) {
	dir := t.TempDir()
	s := newSession(t, dir, "en_CA.UTF-8")
	st, err := s.Create("Portfolio de Léa / 2026")
	if err != nil {
		t.Fatal(err)
	}
	if !st.Open || st.Current.Name != "Portfolio de Léa / 2026" || len(st.Portfolios) != 1 ||
		filepath.Dir(st.Current.Path) != filepath.Join(dir, "portfolios") ||
		filepath.Base(st.Current.Path) != "portfolio-de-léa-2026.passerelle" {
		t.Fatalf("state after create %+v", st)
	}
	if _, err := s.Create("Portfolio de Léa — 2026"); err == nil {
		t.Fatal("second portfolio with the same file name was created over the first")
	}
	if st, err = s.Rename(st.Current.Path, "Léa, candidature RAC"); err != nil || st.Current.Name != "Léa, candidature RAC" {
		t.Fatalf("rename: %+v %v", st, err)
	}
	p := Profile{s}
	if _, err := p.Save(portfolio.Learner{DisplayName: "Léa Tremblay"}); err != nil {
		t.Fatal(err)
	}
	if st, err = (&Settings{s}).SetLanguage("fr"); err != nil || st.Language != "fr" {
		t.Fatalf("set language: %+v %v", st, err)
	}
	s.shutdown(t.Context())

	// A new session on the same folder, as after a restart: it reopens the portfolio in French,
	// even though the system is in English.
	s2 := newSession(t, dir, "en_CA.UTF-8")
	s2.startup(t.Context())
	st, err = s2.State()
	if err != nil || !st.Open || st.Language != "fr" || st.Current.Name != "Léa, candidature RAC" {
		t.Fatalf("after restart: %+v %v", st, err)
	}
	l, err := (&Profile{s2}).Get()
	if err != nil || l.DisplayName != "Léa Tremblay" {
		t.Fatalf("profile after restart: %+v %v", l, err)
	}
	if st, err = s2.Close(); err != nil || st.Open {
		t.Fatalf("close: %+v %v", st, err)
	}
	if _, err := (&Profile{s2}).Get(); fault.CodeOf(err) != fault.NotOpen {
		t.Fatalf("profile with nothing open: %v", err)
	}
}

func TestSession_ErrorsReachThePageTranslated(t *testing.T) {
	s := newSession(t, t.TempDir(), "fr_CA.UTF-8")
	v := NewServices(s)
	_, err := v.Experiences.List()
	ui := v.FormatError(err).(UIError)
	if ui.Code != "not_open" || !strings.HasPrefix(ui.Message, "Aucun portfolio n’est ouvert") {
		t.Fatalf("not-open error: %+v", ui)
	}
	if _, err := s.Create("Essai"); err != nil {
		t.Fatal(err)
	}
	_, err = v.Experiences.Save(portfolio.Experience{Kind: "PaidWork", TitleFR: "Cuisinière",
		StartMonth: "2020-05", EndMonth: "2019-01"})
	ui = v.FormatError(err).(UIError)
	if ui.Code != "invalid" || ui.Field != "endMonth" || ui.Message != "Le mois de fin précède le mois de début." {
		t.Fatalf("validation error: %+v", ui)
	}
	if _, err := (&Settings{s}).SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	_, err = v.Evidence.AddData("vide.pdf", "")
	ui = v.FormatError(err).(UIError)
	if ui.Message != "“vide.pdf” is empty (0 bytes). Nothing was added." {
		t.Fatalf("evidence error: %+v", ui)
	}
	ui = v.FormatError(os.ErrPermission).(UIError)
	if ui.Code != "internal" || ui.Message != "Something went wrong and nothing was changed. Please try again." {
		t.Fatalf("internal error: %+v", ui)
	}
}

func TestEvidence_AddDataAcceptsDataURLsAndPaths(t *testing.T) {
	dir := t.TempDir()
	s := newSession(t, dir, "en")
	if _, err := s.Create("E"); err != nil {
		t.Fatal(err)
	}
	ev := &Evidence{s}
	e, err := ev.AddData("note.txt", "data:text/plain;base64,Ym9uam91ciDDoCB0b3Vz")
	if err != nil || e.Size != len64("bonjour à tous") {
		t.Fatalf("add data: %+v %v", e, err)
	}
	if _, err := ev.AddData("bad.txt", "***not base64***"); fault.CodeOf(err) != fault.Invalid {
		t.Fatalf("bad base64: %v", err)
	}
	f := filepath.Join(dir, "letter.txt")
	os.WriteFile(f, []byte("A letter"), 0o600)
	added, err := ev.AddPaths([]string{f, filepath.Join(dir, "missing.txt")})
	if len(added) != 1 || fault.CodeOf(err) != fault.NotFound {
		t.Fatalf("add paths: %v %v", added, err)
	}
	list, _ := ev.List()
	if len(list) != 2 {
		t.Fatalf("%d evidence items", len(list))
	}
	if url, err := ev.Preview(list[0].ID); err != nil || url != "" {
		t.Fatalf("text file preview %q %v", url, err)
	}
}

func len64(s string) int64 { return int64(len(s)) }

func TestFileSlug_NeverAPath(t *testing.T) {
	cases := map[string]string{"../../etc": "etc", "Mon portfolio": "mon-portfolio", "///": "portfolio",
		"ᐃᓄᒃᑎᑐᑦ 2026": "ᐃᓄᒃᑎᑐᑦ-2026", "Con": "con_", "NUL": "nul_", "Com1": "com1_"}
	for in, want := range cases {
		if got := portfolio.FileSlug(in); got != want {
			t.Errorf("portfolio.FileSlug(%q) = %q, want %q", in, got, want)
		}
	}
}
