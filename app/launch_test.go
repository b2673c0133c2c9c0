package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"passerelle/portfolio"
)

// makePortfolio writes a closed portfolio named name at path, as another session would.
func makePortfolio(t *testing.T, path, name string) string {
	t.Helper()
	st, err := portfolio.Create(context.Background(), path, name)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return path
}

// changes collects the States the session sends the page with EventSessionChanged.
type changes struct {
	mu     sync.Mutex
	states []State
}

func (c *changes) emit(event string, data ...any) {
	if event != EventSessionChanged {
		return
	}
	c.mu.Lock()
	c.states = append(c.states, data[0].(State))
	c.mu.Unlock()
}

func (c *changes) last(t *testing.T) State {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.states) == 0 {
		t.Fatal("the page was not told of the change")
	}
	return c.states[len(c.states)-1]
}

// TestSession_OpensTheFileItWasStartedWith: `passerelle FILE.passerelle` shows that portfolio
// rather than the one used last; a file that does not open leaves the picker and says why.
func TestSession_OpensTheFileItWasStartedWith(t *testing.T) {
	dir := t.TempDir()
	s := newSession(t, dir, "en")
	if _, err := s.Create("Last used"); err != nil {
		t.Fatal(err)
	}
	s.shutdown(t.Context())
	usb := makePortfolio(t, filepath.Join(t.TempDir(), "usb", "amina.passerelle"), "Amina on a USB stick")

	s = newSession(t, dir, "en")
	v := NewServices(s)
	v.OpenAtStart(usb)
	s.startup(t.Context())
	st, err := s.State()
	if err != nil || !st.Open || st.Current.Path != usb || st.Current.Name != "Amina on a USB stick" || st.Notice != "" {
		t.Fatalf("started with %s: %+v %v", usb, st, err)
	}
	s.shutdown(t.Context())

	junk := filepath.Join(t.TempDir(), "notes.passerelle")
	os.WriteFile(junk, []byte("not a portfolio"), 0o600)
	for lang, want := range map[string]string{
		"en": "Passerelle could not open “notes.passerelle”. This file is not a Passerelle portfolio",
		"fr": "Passerelle n’a pas pu ouvrir «\u00a0notes.passerelle\u00a0». Ce fichier n’est pas un portfolio Passerelle",
	} {
		s = newSession(t, t.TempDir(), lang)
		NewServices(s).OpenAtStart(junk)
		st, err = s.State()
		if err != nil || st.Open || !strings.HasPrefix(st.Notice, want) {
			t.Fatalf("started with a file that is not a portfolio (%s): %+v %v", lang, st, err)
		}
		if st, _ = s.State(); st.Notice != "" {
			t.Fatalf("the notice was given twice: %q", st.Notice)
		}
	}
}

// TestSession_SecondLaunchNeverSwitchesUnderTheLearner: a double-click on a portfolio while the
// window runs opens it at once when nothing is open, does nothing when it is the open one, and,
// when another is open, only offers it; the learner opens it or dismisses the offer.
func TestSession_SecondLaunchNeverSwitchesUnderTheLearner(t *testing.T) {
	dir := t.TempDir()
	files := t.TempDir()
	a := makePortfolio(t, filepath.Join(files, "a.passerelle"), "Portfolio A")
	b := makePortfolio(t, filepath.Join(files, "b.passerelle"), "Portfolio B")
	s := newSession(t, dir, "en")
	seen := &changes{}
	s.emit = seen.emit
	if st, err := s.State(); err != nil || st.Open {
		t.Fatalf("first state: %+v %v", st, err)
	}

	s.secondLaunch([]string{"a.passerelle"}, files) // relative to where that copy ran
	if st := seen.last(t); !st.Open || st.Current.Path != a {
		t.Fatalf("nothing open, A asked for: %+v", st)
	}
	if _, err := (&Profile{s}).Save(portfolio.Learner{DisplayName: "Typed in A"}); err != nil {
		t.Fatal(err)
	}

	s.secondLaunch([]string{"--data-dir", dir, b}, "/")
	st := seen.last(t)
	if st.Current.Path != a || st.Requested.Path != b || st.Requested.Name != "Portfolio B" {
		t.Fatalf("A open, B asked for: %+v", st)
	}
	if l, err := (&Profile{s}).Get(); err != nil || l.DisplayName != "Typed in A" {
		t.Fatalf("A after the request: %+v %v", l, err)
	}
	if st, err := s.DismissRequested(); err != nil || st.Requested.Path != "" || st.Current.Path != a {
		t.Fatalf("dismissed: %+v %v", st, err)
	}
	s.secondLaunch([]string{b}, "")
	if st, err := s.Close(); err != nil || st.Open || st.Requested.Path != "" {
		t.Fatalf("closing A withdraws the offer to switch from it: %+v %v", st, err)
	}
	if _, err := s.Open(a); err != nil {
		t.Fatal(err)
	}

	s.secondLaunch([]string{b}, "")
	if st, err := s.OpenRequested(); err != nil || st.Current.Path != b || st.Requested.Path != "" {
		t.Fatalf("the learner chose to open B: %+v %v", st, err)
	}
	before := len(seen.states)
	s.secondLaunch([]string{filepath.Join(files, ".", "b.passerelle")}, "")
	if st := seen.last(t); len(seen.states) != before+1 || st.Current.Path != b || st.Requested.Path != "" {
		t.Fatalf("B asked for again while open: %+v", st)
	}
	s.secondLaunch([]string{"--lang", "fr"}, files)
	if len(seen.states) != before+1 {
		t.Fatal("a launch without a portfolio file changed the state")
	}
}

// TestSession_SecondLaunchOfAPortfolioInUse: the file is open in another Passerelle (another
// data folder, a command): nothing opens and the page is told why, in the learner's language.
func TestSession_SecondLaunchOfAPortfolioInUse(t *testing.T) {
	path := makePortfolio(t, filepath.Join(t.TempDir(), "held.passerelle"), "Held")
	other, err := portfolio.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	s := newSession(t, t.TempDir(), "fr")
	seen := &changes{}
	s.emit = seen.emit
	s.State()
	s.secondLaunch([]string{path}, "")
	st := seen.last(t)
	if st.Open || !strings.Contains(st.Notice, "Ce portfolio est ouvert dans Passerelle") {
		t.Fatalf("a portfolio in use: %+v", st)
	}
}

// TestSession_ALaunchBeforeThePageAskedIsTheOneShown: a second launch that comes while the
// window is still loading replaces the portfolio to show first.
func TestSession_ALaunchBeforeThePageAskedIsTheOneShown(t *testing.T) {
	files := t.TempDir()
	a := makePortfolio(t, filepath.Join(files, "a.passerelle"), "A")
	b := makePortfolio(t, filepath.Join(files, "b.passerelle"), "B")
	s := newSession(t, t.TempDir(), "en")
	NewServices(s).OpenAtStart(a)
	s.secondLaunch([]string{b}, "")
	if st, err := s.State(); err != nil || st.Current.Path != b {
		t.Fatalf("state: %+v %v", st, err)
	}
}

// TestSession_OpeningTheOpenPortfolioKeepsIt: the picker's Open on the portfolio already open
// keeps it (a second store would be refused by the file lock).
func TestSession_OpeningTheOpenPortfolioKeepsIt(t *testing.T) {
	s := newSession(t, t.TempDir(), "en")
	st, err := s.Create("Mine")
	if err != nil {
		t.Fatal(err)
	}
	if again, err := s.Open(st.Current.Path); err != nil || again.Current.Path != st.Current.Path {
		t.Fatalf("open the open one: %+v %v", again, err)
	}
}
