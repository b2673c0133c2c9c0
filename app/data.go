package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"passerelle/fault"
	"passerelle/portfolio"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Data serves the learner's data safety: backups, restore, and the passphrase lock.
type Data struct{ s *Session }

// startup lets the housekeeping tell the page about locks and snapshots; only the window's
// context can carry events, so it is set here and nowhere else.
func (x *Data) startup(ctx context.Context) {
	x.s.mu.Lock()
	defer x.s.mu.Unlock()
	x.s.emit = func(event string, data ...any) { runtime.EventsEmit(ctx, event, data...) }
}

// BackupTo writes a checked backup of the open portfolio into the folder dir (a USB stick); in
// the production window, only into a folder the learner chose in the dialog (see allowPath).
func (x *Data) BackupTo(dir string) (portfolio.BackupFile, error) {
	if err := x.s.allowPath(chosenBackup, dir); err != nil {
		return portfolio.BackupFile{}, err
	}
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.BackupFile, error) {
		if st.Shared() { // the learner keeps the backups; a coach's copy is a copy already
			return portfolio.BackupFile{}, fault.New(fault.Conflict, "", "ErrSharedCopyReadOnly")
		}
		return st.BackupInto(ctx, dir, portfolio.BackupManual)
	})
}

// BackupWithDialog asks for a folder with the native dialog, then backs up into it; a
// cancelled dialog returns an empty BackupFile.
func (x *Data) BackupWithDialog() (portfolio.BackupFile, error) {
	dir, err := runtime.OpenDirectoryDialog(x.s.ctx, runtime.OpenDialogOptions{
		Title: x.s.catalog.Text(x.s.lang(), "DialogBackupTo", nil), CanCreateDirectories: true,
	})
	if err != nil {
		return portfolio.BackupFile{}, fmt.Errorf("backup dialog: %w", err)
	}
	if dir == "" {
		return portfolio.BackupFile{}, nil
	}
	x.s.choose(chosenBackup, dir)
	return x.BackupTo(dir)
}

// Backups lists the snapshots and before-restore copies of the open portfolio, newest first.
func (x *Data) Backups() ([]portfolio.BackupFile, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]portfolio.BackupFile, error) {
		return portfolio.ListBackups(portfolio.SnapshotDir(x.s.dataDir, st.Path()))
	})
}

// RestoreFrom puts a checked backup in place of the open portfolio, keeping the current one as
// a before-restore copy; with nothing open, it restores as a new portfolio in the data folder.
// A refused backup changes nothing and the portfolio stays open. In the production window, only
// a backup the learner chose in the dialog is taken (see allowPath).
func (x *Data) RestoreFrom(backup string) (State, error) {
	s := x.s
	if err := s.allowPath(chosenRestore, backup); err != nil {
		return State{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.store != nil && s.store.Shared() { // a learner's backup never replaces a coach's copy
		return State{}, fault.New(fault.Conflict, "", "ErrSharedCopyReadOnly")
	}
	clock := portfolio.WithClock(s.now)
	to := freePortfolioPath(s.portfoliosDir(), portfolio.FileSlug(portfolio.BackupStem(backup)))
	if s.store != nil {
		to = s.store.Path()
		s.stopBackgroundLocked()
		s.store.Close()
		s.store = nil
	}
	_, restoreErr := portfolio.Restore(s.ctx, backup, to, portfolio.SnapshotDir(s.dataDir, to), clock)
	if _, err := os.Stat(to); errors.Is(err, fs.ErrNotExist) && restoreErr != nil {
		return State{}, restoreErr
	}
	st, err := portfolio.Open(s.ctx, to, clock)
	if err != nil {
		return State{}, errors.Join(restoreErr, err)
	}
	state, err := s.switchToLocked(st)
	if restoreErr != nil {
		return State{}, restoreErr
	}
	return state, err
}

// RestoreWithDialog asks for a backup file with the native dialog, then restores it.
func (x *Data) RestoreWithDialog() (State, error) {
	s := x.s
	dir := filepath.Join(s.dataDir, "backups")
	s.mu.Lock()
	if s.store != nil {
		dir = portfolio.SnapshotDir(s.dataDir, s.store.Path())
	}
	lang, ctx := s.language, s.ctx
	s.mu.Unlock()
	if _, err := os.Stat(dir); err != nil {
		dir = ""
	}
	path, err := runtime.OpenFileDialog(ctx, runtime.OpenDialogOptions{
		Title: s.catalog.Text(lang, "DialogRestoreFrom", nil), DefaultDirectory: dir,
		Filters: []runtime.FileFilter{{DisplayName: "Passerelle (*" + portfolio.FileExtension + ")",
			Pattern: "*" + portfolio.FileExtension}},
	})
	if err != nil {
		return State{}, fmt.Errorf("restore dialog: %w", err)
	}
	if path == "" {
		return s.State()
	}
	s.choose(chosenRestore, path)
	return x.RestoreFrom(path)
}

// freePortfolioPath is dir/stem.passerelle, or stem-2, stem-3… so a restore never replaces
// another portfolio.
func freePortfolioPath(dir, stem string) string {
	p := filepath.Join(dir, stem+portfolio.FileExtension)
	for n := 2; ; n++ {
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
		p = filepath.Join(dir, fmt.Sprintf("%s-%d%s", stem, n, portfolio.FileExtension))
	}
}
