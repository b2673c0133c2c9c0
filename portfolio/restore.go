package portfolio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"passerelle/fault"
	"path/filepath"
	"time"
)

// Restore puts a checked copy of the backup at backupPath in place of the portfolio at toPath.
// The backup is checked on a copy, so it is never modified, and may come from an earlier
// version (it is upgraded). A backup that is not a portfolio, is damaged, or comes from a newer
// version is refused and nothing changes. A file already at toPath is first kept in
// snapshotDir as a before-restore copy, which Restore returns (zero when there was no file).
// The caller closes toPath first if it has it open; while another window or command has it
// open, the restore is refused (ErrPortfolioInUse) before anything is copied.
func Restore(ctx context.Context, backupPath, toPath, snapshotDir string, opts ...Option) (BackupFile, error) {
	from, err := filepath.Abs(backupPath)
	if err != nil {
		return BackupFile{}, fmt.Errorf("restore: %w", err)
	}
	to, err := filepath.Abs(toPath)
	if err != nil {
		return BackupFile{}, fmt.Errorf("restore: %w", err)
	}
	if from == to || sameFile(from, to) {
		return BackupFile{}, fault.New(fault.Conflict, "", "ErrRestoreSameFile")
	}
	if err := checkFileName(to); err != nil {
		return BackupFile{}, err
	}
	if err := checkHeader(from); err != nil {
		return BackupFile{}, err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return BackupFile{}, classify(fmt.Errorf("restore: %w", err))
	}
	lock, err := lockPortfolio(to)
	if err != nil {
		return BackupFile{}, err
	}
	defer lock.release()
	staged, err := stage(ctx, from, filepath.Dir(to), opts)
	if err != nil {
		return BackupFile{}, err
	}
	done := false
	defer func() {
		if !done {
			removeWithSidecars(staged)
		}
	}()
	kept, err := keepCurrent(ctx, to, snapshotDir, opts)
	if err != nil {
		return BackupFile{}, err
	}
	// A WAL left beside the old file would be replayed onto the restored one and corrupt it;
	// its changes are in the before-restore copy.
	for _, side := range []string{"-wal", "-shm"} {
		if err := removeFile(to + side); err != nil {
			return BackupFile{}, classify(fmt.Errorf("restore: %w", err))
		}
	}
	if err := replaceFile(staged, to); err != nil {
		return BackupFile{}, classify(fmt.Errorf("restore: %w", err))
	}
	done = true
	syncDir(filepath.Dir(to))
	return kept, nil
}

// stage copies the backup (and a WAL beside it, if any) next to the destination, opens the
// copy, upgrading it if it is older, and checks it. Only a copy that passes is returned.
func stage(ctx context.Context, from, dir string, opts []Option) (string, error) {
	tmp, err := os.CreateTemp(dir, ".restore-*.tmp")
	if err != nil {
		return "", classify(fmt.Errorf("restore: %w", err))
	}
	staged := tmp.Name()
	tmp.Close()
	ok := false
	defer func() {
		if !ok {
			removeWithSidecars(staged)
		}
	}()
	if err := copyFile(from, staged, true); err != nil {
		return "", classify(fmt.Errorf("restore: %w", err))
	}
	if _, err := os.Stat(from + "-wal"); err == nil {
		if err := copyFile(from+"-wal", staged+"-wal", false); err != nil {
			return "", classify(fmt.Errorf("restore: %w", err))
		}
	}
	st, err := Open(ctx, staged, opts...)
	if err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		if fault.CodeOf(err) == fault.DiskFull {
			return "", err
		}
		return "", damaged(err)
	}
	problems, err := st.Check(ctx)
	if err == nil && len(problems) > 0 {
		err = fault.New(fault.Unsupported, "", "ErrBackupDamaged")
	} else if err != nil && fault.CodeOf(err) != fault.DiskFull {
		err = damaged(err)
	}
	if err == nil {
		err = st.checkpoint(ctx)
	}
	if cerr := st.Close(); err == nil && cerr != nil {
		err = classify(fmt.Errorf("restore: %w", cerr))
	}
	if err != nil {
		return "", err
	}
	if err := syncFile(staged); err != nil {
		return "", classify(fmt.Errorf("restore: %w", err))
	}
	ok = true
	return staged, nil
}

// keepCurrent keeps the file about to be replaced (its lock held by the caller): a checked backup when it opens and passes,
// else (it is often damaged: that is why it is being restored) its raw bytes and WAL as they are.
func keepCurrent(ctx context.Context, to, snapshotDir string, opts []Option) (BackupFile, error) {
	if _, err := os.Lstat(to); errors.Is(err, fs.ErrNotExist) {
		return BackupFile{}, nil
	}
	clock := &Store{now: time.Now}
	for _, o := range opts {
		o(clock)
	}
	if err := os.MkdirAll(snapshotDir, 0o700); err != nil {
		return BackupFile{}, classify(fmt.Errorf("keep current portfolio: %w", err))
	}
	dst := freeBackupPath(snapshotDir, fileStem(to), BackupBeforeRestore, clock.now())
	err := checkHeader(to)
	var st *Store
	if err == nil {
		st, err = openLocked(ctx, to, nil, opts) // Restore holds the lock on to
	}
	if err == nil {
		err = st.Backup(ctx, dst)
		st.Close()
		if err == nil {
			return describeBackup(dst)
		}
	}
	if fault.CodeOf(err) == fault.DiskFull {
		return BackupFile{}, err
	}
	if err := copyFile(to, dst, true); err != nil {
		os.Remove(dst)
		return BackupFile{}, classify(fmt.Errorf("keep current portfolio: %w", err))
	}
	if _, err := os.Stat(to + "-wal"); err == nil {
		if err := copyFile(to+"-wal", dst+"-wal", true); err != nil {
			removeWithSidecars(dst)
			return BackupFile{}, classify(fmt.Errorf("keep current portfolio: %w", err))
		}
	}
	return describeBackup(dst)
}

// copyFile copies src to dst and flushes it; exclusive refuses to write over an existing file
// (an empty one made by CreateTemp is replaced).
func copyFile(src, dst string, exclusive bool) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if exclusive {
		if info, err := os.Stat(dst); err == nil && info.Size() > 0 {
			return fs.ErrExist
		}
	}
	out, err := os.OpenFile(dst, flags, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func removeWithSidecars(p string) {
	for _, side := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(p + side)
	}
}

func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}
