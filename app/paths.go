package app

import (
	"path/filepath"

	"passerelle/fault"
)

// What a path chosen in a native dialog was chosen for: a path is accepted only for the use
// the learner chose it for.
const (
	chosenExport    = "export"    // a PDF to write (and then show in its folder)
	chosenBackup    = "backup"    // a folder to back up into
	chosenRestore   = "restore"   // a backup file to restore from
	chosenEvidence  = "evidence"  // a file to add as evidence (chosen in the dialog, or dropped)
	chosenPortfolio = "portfolio" // a portfolio file opened from outside the data folder
)

// choose remembers that the learner chose path for use, in a native dialog or by dropping it on
// the window, so the bound method that takes the path may use it.
func (s *Session) choose(use, path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.chosen == nil {
		s.chosen = map[string]bool{}
	}
	s.chosen[chosenKey(use, path)] = true
}

// allowPath lets a bound method use a path the page sent only when the learner chose it for
// that use: a page (or a script injected into it) cannot make the app read or write any file
// it names. Builds without the production tag (the dev server the end-to-end tests drive in a
// browser, which has no native dialog; go test) accept any path.
func (s *Session) allowPath(use, path string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.allowPathLocked(use, path)
}

func (s *Session) allowPathLocked(use, path string) error {
	if s.anyPath || s.chosen[chosenKey(use, path)] {
		return nil
	}
	return fault.New(fault.Invalid, "", "ErrPathNotChosen")
}

// allowPortfolioLocked lets the page open or rename a portfolio the picker lists (one in the
// data folder), the open one, or one the learner chose in the open dialog; s.mu is held.
func (s *Session) allowPortfolioLocked(path string) error {
	if s.isOpenLocked(path) || filepath.Dir(path) == s.portfoliosDir() {
		return nil
	}
	return s.allowPathLocked(chosenPortfolio, path)
}

func chosenKey(use, path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return use + "\x00" + path
}
