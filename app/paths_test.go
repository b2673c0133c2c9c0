package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"passerelle/fault"
	"passerelle/portfolio"
	"passerelle/submission"
)

// productionSession is a session with the production window's path policy, whatever the tags.
func productionSession(t *testing.T) (*Session, string) {
	t.Helper()
	dir := t.TempDir()
	s := newSession(t, dir, "en")
	s.anyPath = false
	if _, err := s.Create("Léa"); err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func wantNotChosen(t *testing.T, what string, err error) {
	t.Helper()
	if e, ok := fault.As(err); !ok || e.MessageID != "ErrPathNotChosen" {
		t.Fatalf("%s with a path the learner did not choose: %v, want ErrPathNotChosen", what, err)
	}
}

// TestPaths_ProductionRefusesPathsTheLearnerDidNotChoose: in the production window a path sent
// by the page is refused, and nothing is read or written, unless the learner chose it in a
// native dialog (or dropped it) for that very use.
func TestPaths_ProductionRefusesPathsTheLearnerDidNotChoose(t *testing.T) {
	s, dir := productionSession(t)
	v := NewServices(s)
	elsewhere := t.TempDir()
	pdf := filepath.Join(elsewhere, "lea.pdf")
	usb := filepath.Join(elsewhere, "usb")
	secret := filepath.Join(elsewhere, "secret.txt")
	os.WriteFile(secret, []byte("not for the portfolio"), 0o600)
	backup := filepath.Join(elsewhere, "old.passerelle")
	makePortfolio(t, backup, "Old")

	_, err := v.Export.ToPath(submission.Request{Language: "en"}, pdf)
	wantNotChosen(t, "Export.ToPath", err)
	_, err = v.Data.BackupTo(usb)
	wantNotChosen(t, "Data.BackupTo", err)
	_, err = v.Data.RestoreFrom(backup)
	wantNotChosen(t, "Data.RestoreFrom", err)
	_, err = v.Evidence.AddPaths([]string{secret})
	wantNotChosen(t, "Evidence.AddPaths", err)
	wantNotChosen(t, "Export.ShowInFolder", v.Export.ShowInFolder(pdf))
	for _, p := range []string{pdf, usb} {
		if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s was written: %v", p, err)
		}
	}
	if st, err := s.State(); err != nil || st.Current.Name != "Léa" {
		t.Fatalf("the open portfolio after a refused restore: %+v %v", st, err)
	}
	if list, _ := v.Evidence.List(); len(list) != 0 {
		t.Fatalf("a file the learner did not choose was added: %+v", list)
	}
	if b, _ := v.Data.Backups(); len(b) > 1 {
		t.Fatalf("a refused restore kept a before-restore copy: %+v", b)
	}

	// Chosen for one use, a path serves that use only.
	s.choose(chosenExport, backup)
	_, err = v.Data.RestoreFrom(backup)
	wantNotChosen(t, "Data.RestoreFrom of a path chosen for an export", err)

	s.choose(chosenBackup, usb)
	if b, err := v.Data.BackupTo(usb); err != nil || filepath.Dir(b.Path) != usb {
		t.Fatalf("backup into the chosen folder: %+v %v", b, err)
	}
	s.choose(chosenEvidence, secret)
	if added, err := v.Evidence.AddPaths([]string{secret}); err != nil || len(added) != 1 {
		t.Fatalf("adding the chosen file: %+v %v", added, err)
	}
	s.choose(chosenRestore, filepath.Join(elsewhere, ".", "old.passerelle")) // spelt otherwise
	if st, err := v.Data.RestoreFrom(backup); err != nil || st.Current.Name != "Old" ||
		filepath.Dir(st.Current.Path) != filepath.Join(dir, "portfolios") {
		t.Fatalf("restore of the chosen backup: %+v %v", st, err)
	}
}

// TestPaths_ProductionOpensOnlyPortfoliosThePickerListsOrTheLearnerChose: the picker lists
// the data folder's portfolios; a portfolio elsewhere opens (or is renamed) only once the
// learner chose it in the open dialog.
func TestPaths_ProductionOpensOnlyPortfoliosThePickerListsOrTheLearnerChose(t *testing.T) {
	s, _ := productionSession(t)
	listed, err := s.Create("Listed")
	if err != nil {
		t.Fatal(err)
	}
	usb := makePortfolio(t, filepath.Join(t.TempDir(), "usb.passerelle"), "On a USB stick")
	_, err = s.Open(usb)
	wantNotChosen(t, "Session.Open", err)
	_, err = s.Rename(usb, "Renamed")
	wantNotChosen(t, "Session.Rename", err)
	if name, _ := portfolio.PeekName(t.Context(), usb); name != "On a USB stick" {
		t.Fatalf("a refused rename renamed it: %q", name)
	}
	if st, err := s.Open(listed.Portfolios[0].Path); err != nil || !st.Open {
		t.Fatalf("open a listed portfolio: %+v %v", st, err)
	}
	s.choose(chosenPortfolio, usb)
	if st, err := s.Open(usb); err != nil || st.Current.Path != usb {
		t.Fatalf("open the chosen portfolio: %+v %v", st, err)
	}
}

// TestPaths_DevBuildsKeepTheirDoor: outside the production window (the dev server the
// end-to-end tests drive in a browser, go test), a path from the page is used as given.
func TestPaths_DevBuildsKeepTheirDoor(t *testing.T) {
	if !pagePathsAllowed {
		t.Skip("built with the production tag: TestPaths_ProductionBuildRefuses runs instead")
	}
	s := newSession(t, t.TempDir(), "en")
	if _, err := s.Create("Dev"); err != nil {
		t.Fatal(err)
	}
	usb := filepath.Join(t.TempDir(), "usb")
	if _, err := (&Data{s}).BackupTo(usb); err != nil {
		t.Fatalf("dev build backup to a path from the page: %v", err)
	}
}
