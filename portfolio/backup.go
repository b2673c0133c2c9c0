package portfolio

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"passerelle/fault"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Kinds of backup file, as their names say.
const (
	// BackupSnapshot is taken automatically, kept in rotation in the data folder.
	BackupSnapshot = "snapshot"
	// BackupManual is one the learner asked for, wherever they chose; never rotated.
	BackupManual = "backup"
	// BackupBeforeRestore is the portfolio as it was just before a restore replaced it; never rotated.
	BackupBeforeRestore = "before-restore"
)

// backupStamp is the UTC time in a backup's name; it sorts as text and is safe on every file system.
const backupStamp = "20060102T150405Z"

// backupName reads a backup file name: stem-kind-stamp[-n].passerelle.
var backupName = regexp.MustCompile(`^(.+)-(snapshot|backup|before-restore)-(\d{8}T\d{6}Z)(?:-(\d+))?` +
	regexp.QuoteMeta(FileExtension) + `$`)

// BackupFile is one backup on disk, as the list of backups shows it.
type BackupFile struct {
	Path  string `json:"path"`
	Kind  string `json:"kind"`
	Taken string `json:"taken"`
	Size  int64  `json:"size"`
}

// parseBackupName reads a backup's stem, kind and time from its file name.
func parseBackupName(name string) (stem, kind string, taken time.Time, ok bool) {
	m := backupName.FindStringSubmatch(name)
	if m == nil {
		return "", "", time.Time{}, false
	}
	t, err := time.Parse(backupStamp, m[3])
	if err != nil {
		return "", "", time.Time{}, false
	}
	seq, _ := strconv.Atoi(m[4])
	return m[1], m[2], t.Add(time.Duration(seq) * time.Nanosecond), true
}

// folderError says why a backup could not be written into dir: it is a file, not a folder;
// Passerelle may not write there; or the place does not exist and cannot be made.
func folderError(dir string, err error) error {
	if fi, statErr := os.Stat(dir); statErr == nil && !fi.IsDir() {
		return fault.Wrap(fault.New(fault.Invalid, "out", "ErrBackupNotAFolder", "Path", dir), err)
	}
	if err = classify(fmt.Errorf("back up: %w", err)); fault.CodeOf(err) != fault.Internal {
		return err
	}
	return fault.Wrap(fault.New(fault.Unsupported, "out", "ErrBackupCannotWrite", "Path", dir), err)
}

// freeBackupPath picks dir/stem-kind-stamp.passerelle, adding -2, -3… when two backups fall in
// the same second, so a backup never replaces another.
func freeBackupPath(dir, stem, kind string, now time.Time) string {
	base := fmt.Sprintf("%s-%s-%s", stem, kind, now.UTC().Format(backupStamp))
	p := filepath.Join(dir, base+FileExtension)
	for n := 2; ; n++ {
		// Only a name that is taken moves on: any other answer (the folder is a file, or
		// cannot be read) is for the write itself to report.
		if _, err := os.Lstat(p); err != nil {
			return p
		}
		p = filepath.Join(dir, fmt.Sprintf("%s-%d%s", base, n, FileExtension))
	}
}

// fileStem is a portfolio file's name without folder and extension.
func fileStem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// BackupStem is the portfolio file name (without extension) a backup was named after, or the
// backup's own name when it was named some other way, so a restore can take the name back.
func BackupStem(path string) string {
	if stem, _, _, ok := parseBackupName(filepath.Base(path)); ok {
		return stem
	}
	return fileStem(path)
}

// SnapshotDir is where the automatic snapshots of the portfolio at path are kept: a folder
// of its own in the app's data folder, beside the portfolios, never inside them. A portfolio
// opened from elsewhere (a USB stick) may share its name with one in the data folder; its
// folder also carries a short hash of where it lives, so neither one's rotation, nor a new
// passphrase clearing old copies, ever touches the other's snapshots.
func SnapshotDir(dataDir, path string) string {
	stem := fileStem(path)
	if !within(dataDir, path) {
		abs, err := filepath.Abs(path)
		if err != nil {
			abs = path
		}
		sum := sha256.Sum256([]byte(abs))
		stem += "-" + hex.EncodeToString(sum[:4])
	}
	return filepath.Join(dataDir, "backups", stem)
}

// within tells whether path lies inside dir, after both are made absolute.
func within(dir, path string) bool {
	absDir, err1 := filepath.Abs(dir)
	absPath, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(absDir, absPath)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Backup writes a checked copy of the portfolio to dst: SQLite's VACUUM INTO makes a
// consistent copy while the app keeps working, under a temporary name; only a copy that
// passes the integrity check and whose every file still matches its SHA-256 gets its name.
// A copy that fails, or a full disk, leaves nothing behind.
func (s *Store) Backup(ctx context.Context, dst string) error {
	dst, err := filepath.Abs(dst)
	if err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	if _, err := os.Lstat(dst); err == nil || dst == s.path {
		return fault.New(fault.Conflict, "", "ErrBackupExists", "Path", dst)
	}
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return folderError(dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dst)+".*.tmp")
	if err != nil {
		return folderError(dir, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	done := false
	defer func() {
		if !done {
			os.Remove(tmpName)
		}
	}()
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmpName); err != nil {
		return classify(fmt.Errorf("back up: %w", err))
	}
	if err := syncFile(tmpName); err != nil {
		return classify(fmt.Errorf("back up: %w", err))
	}
	intact, err := verifyCopy(ctx, tmpName)
	if intact != nil {
		// The copy holds the very bytes stored here: what its check found of each file is true
		// of this portfolio too. Best effort: should it not be recorded (a full disk), readiness
		// keeps reporting the previous check.
		s.recordFileChecks(ctx, intact)
	}
	if err != nil {
		return err
	}
	if _, err := os.Lstat(dst); err == nil {
		return fault.New(fault.Conflict, "", "ErrBackupExists", "Path", dst)
	}
	if err := replaceFile(tmpName, dst); err != nil {
		return classify(fmt.Errorf("back up: %w", err))
	}
	done = true
	syncDir(dir)
	return nil
}

// BackupInto writes a checked copy into the folder dir (a USB stick, a chosen folder), named
// after the portfolio and the time, and never over another file.
func (s *Store) BackupInto(ctx context.Context, dir, kind string) (BackupFile, error) {
	p := freeBackupPath(dir, fileStem(s.path), kind, s.now())
	if err := s.Backup(ctx, p); err != nil {
		return BackupFile{}, err
	}
	return describeBackup(p)
}

// Snapshot takes an automatic snapshot into dir, then rotates the snapshots there (see
// SnapshotsToDrop). A snapshot that fails its check is not kept and nothing is rotated.
func (s *Store) Snapshot(ctx context.Context, dir string) (BackupFile, error) {
	b, err := s.BackupInto(ctx, dir, BackupSnapshot)
	if err != nil {
		return BackupFile{}, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return b, nil // the snapshot is safe; rotation waits for the next one
	}
	var names []string
	stem := fileStem(s.path)
	for _, e := range entries {
		if st, _, _, ok := parseBackupName(e.Name()); ok && st == stem && e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	for _, name := range SnapshotsToDrop(names, s.now()) {
		os.Remove(filepath.Join(dir, name)) // best effort: a snapshot left over is harmless
	}
	return b, nil
}

// ListBackups lists the backups in dir, newest first; a folder that does not exist yet has none.
func ListBackups(dir string) ([]BackupFile, error) {
	out := []BackupFile{}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	taken := map[string]time.Time{}
	for _, e := range entries {
		_, _, t, ok := parseBackupName(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if b, err := describeBackup(filepath.Join(dir, e.Name())); err == nil {
			out = append(out, b)
			taken[b.Path] = t
		}
	}
	sort.Slice(out, func(i, j int) bool { return taken[out[i].Path].After(taken[out[j].Path]) })
	return out, nil
}

func describeBackup(p string) (BackupFile, error) {
	info, err := os.Stat(p)
	if err != nil {
		return BackupFile{}, fmt.Errorf("describe backup: %w", err)
	}
	_, kind, taken, _ := parseBackupName(filepath.Base(p))
	return BackupFile{Path: p, Kind: kind, Taken: taken.UTC().Format(time.RFC3339), Size: info.Size()}, nil
}

// VerifyBackup checks a closed portfolio file without writing to it (nor beside it): a
// Passerelle header, SQLite's integrity and foreign-key checks, and every stored file's
// SHA-256. Any fault is ErrBackupDamaged.
func VerifyBackup(ctx context.Context, path string) error {
	_, err := verifyCopy(ctx, path)
	return err
}

// verifyCopy is VerifyBackup, also returning what it found of each stored file (nil when it
// did not get as far as reading them).
func verifyCopy(ctx context.Context, path string) (map[string]bool, error) {
	if err := checkHeader(path); err != nil {
		if e, ok := fault.As(err); ok && e.MessageID == "ErrPortfolioTooNew" {
			return nil, err
		}
		return nil, damaged(err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("verify backup: %w", err)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("immutable", "1")
	db, err := sql.Open("sqlite", sqliteURI(abs, q))
	if err != nil {
		return nil, fmt.Errorf("verify backup: %w", err)
	}
	defer db.Close()
	ro := &Store{db: db, path: abs, now: time.Now}
	problems, intact, err := ro.check(ctx)
	if err != nil {
		if fault.CodeOf(err) == fault.DiskFull {
			return nil, err
		}
		return nil, damaged(err)
	}
	if len(problems) > 0 {
		return intact, fault.New(fault.Unsupported, "", "ErrBackupDamaged")
	}
	return intact, nil
}

func damaged(cause error) error {
	return fault.Wrap(fault.New(fault.Unsupported, "", "ErrBackupDamaged"), cause)
}

// syncFile flushes a file's bytes to the disk, where a full disk may finally show.
func syncFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable; Windows has no such call, and it is best effort.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
