package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"passerelle/portfolio"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// EventSessionChanged carries the new State when something outside the page changed it: another
// launch of the app handing this window a portfolio to open.
const EventSessionChanged = "session:changed"

// openAtStartLocked opens, once, the portfolio the app was started with (`passerelle
// FILE.passerelle`, a double-click on the file), or else the one used last. A start-up file
// that does not open leaves the picker with a notice saying why; a last portfolio that no
// longer opens is only logged (the learner did not ask for it this time). s.mu is held.
func (s *Session) openAtStartLocked() {
	if s.startPath != "" {
		if err := s.openLocked(s.startPath); err != nil {
			s.notice = s.couldNotOpen(s.startPath, err)
		}
		return
	}
	if st, err := s.readSettings(); err == nil && st.LastPortfolio != "" {
		if err := s.openLocked(st.LastPortfolio); err != nil {
			fmt.Fprintf(os.Stderr, "passerelle: reopen %s: %v\n", st.LastPortfolio, err)
		}
	}
}

// openLocked opens path in place of the open portfolio, unless it is the open one; s.mu is held.
func (s *Session) openLocked(path string) error {
	if s.isOpenLocked(path) {
		return nil
	}
	st, err := s.openStore(path)
	if err != nil {
		return err
	}
	_, err = s.switchToLocked(st)
	return err
}

// isOpenLocked tells whether path is the portfolio open now (by file, not by spelling).
func (s *Session) isOpenLocked(path string) bool {
	if s.store == nil || path == "" {
		return false
	}
	if s.store.Path() == path {
		return true
	}
	a, err1 := os.Stat(s.store.Path())
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// couldNotOpen says, in the learner's language, that path did not open and why.
func (s *Session) couldNotOpen(path string, err error) string {
	return s.catalog.Text(s.language, "SessionCouldNotOpen",
		map[string]any{"Name": filepath.Base(path), "Reason": s.uiErrorIn(s.language, err).Message})
}

// secondLaunch handles another launch of the app while this window runs (Wails hands over its
// arguments, then that copy exits). A FILE.passerelle among them is opened here when that is
// safe: at once when nothing is open yet; not at all when it is already the open one; and,
// when another portfolio is open (its screens may hold unsaved typing), never by surprise: it
// becomes State.Requested, for the learner to open or dismiss. The page hears of any change
// through EventSessionChanged.
func (s *Session) secondLaunch(args []string, workingDir string) {
	path := portfolioArg(args, workingDir)
	s.mu.Lock()
	if path == "" {
		s.mu.Unlock()
		return
	}
	if !s.started { // the page has not asked yet: this file is the one to show first
		s.startPath = path
		s.mu.Unlock()
		return
	}
	switch {
	case s.isOpenLocked(path):
		s.requested = ""
	case s.store == nil:
		if err := s.openLocked(path); err != nil {
			s.notice = s.couldNotOpen(path, err)
		}
	default:
		s.requested = path
	}
	state, err := s.stateLocked()
	emit := s.emit
	s.mu.Unlock()
	if err == nil && emit != nil {
		emit(EventSessionChanged, state)
	}
}

// OpenRequested opens the portfolio another launch asked for (State.Requested), closing the
// one open now; the page calls it when the learner chooses to switch.
func (s *Session) OpenRequested() (State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	path := s.requested
	if path == "" {
		return s.stateLocked()
	}
	s.requested = ""
	if err := s.openLocked(path); err != nil {
		return State{}, err
	}
	return s.stateLocked()
}

// DismissRequested forgets the portfolio another launch asked for; the open one stays.
func (s *Session) DismissRequested() (State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requested = ""
	return s.stateLocked()
}

// portfolioArg finds the portfolio file among a launch's arguments (the file association
// passes it alone; flags and their values are skipped) and makes it absolute against the
// folder that launch ran in.
func portfolioArg(args []string, workingDir string) string {
	for _, a := range args {
		ext := filepath.Ext(a)
		if strings.HasPrefix(a, "-") || !(strings.EqualFold(ext, portfolio.FileExtension) ||
			strings.EqualFold(ext, portfolio.SharedFileExtension)) {
			continue
		}
		if !filepath.IsAbs(a) && workingDir != "" {
			a = filepath.Join(workingDir, a)
		}
		if abs, err := filepath.Abs(a); err == nil {
			return abs
		}
		return a
	}
	return ""
}

// OpenAtStart makes the window show the portfolio at path (`passerelle FILE.passerelle`, which
// the installers' file association runs) instead of the one used last.
func (v *Services) OpenAtStart(path string) {
	if path == "" {
		return
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	v.Session.mu.Lock()
	v.Session.startPath = path
	v.Session.mu.Unlock()
}

// SecondLaunch is Wails' OnSecondInstanceLaunch: another copy of the app was started (a
// double-click on a portfolio file, say) and handed over its arguments before exiting. This
// window comes forward and deals with the file (see secondLaunch).
func (v *Services) SecondLaunch(data options.SecondInstanceData) {
	v.Session.secondLaunch(data.Args, data.WorkingDirectory)
	v.Session.mu.Lock()
	ctx := v.Session.ctx
	v.Session.mu.Unlock()
	runtime.WindowUnminimise(ctx)
	runtime.WindowShow(ctx)
}
